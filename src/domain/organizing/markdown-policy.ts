/**
 * What a rendered post may contain. Raw HTML typed into Markdown is shown as text, never
 * interpreted; the HTML produced from Markdown is then filtered to this allow-list. Images
 * are not supported yet: an image becomes its alt text.
 */
export const ALLOWED_TAGS: readonly string[] = [
  'p', 'br', 'hr', 'strong', 'em', 'del', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a',
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'thead', 'tbody', 'tr', 'th', 'td',
];

export const ALLOWED_ATTRIBUTES: readonly string[] = ['href', 'title', 'start'];

/** Everything known to run script or pull content; forbidden even if the allow-list grows. */
export const FORBIDDEN_TAGS: readonly string[] = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input', 'button',
  'textarea', 'select', 'option', 'svg', 'math', 'img', 'video', 'audio', 'source', 'link', 'meta', 'base', 'template',
];

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (ch) => ENTITIES[ch] ?? ch);
