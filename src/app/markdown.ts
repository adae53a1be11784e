import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS, escapeHtml, FORBIDDEN_TAGS } from '../domain/organizing/markdown-policy';
import { isSafeLinkUrl } from '../domain/organizing/safe-url';

/**
 * Markdown → safe HTML. marked and DOMPurify are loaded on first use, so they stay out of
 * the first bundle. Two layers: raw HTML in the source is escaped (shown as text), and the
 * output goes through DOMPurify with a strict allow-list (no event handlers, no style, no
 * iframes/objects/forms/images) plus a link check (http, https, mailto and relative only).
 */
export type MarkdownRenderer = (source: string) => string;

let loading: Promise<MarkdownRenderer> | null = null;

export function loadMarkdownRenderer(): Promise<MarkdownRenderer> {
  loading ??= build();
  return loading;
}

export async function renderMarkdown(source: string): Promise<string> {
  return (await loadMarkdownRenderer())(source);
}

async function build(): Promise<MarkdownRenderer> {
  const [{ Marked }, { default: DOMPurify }] = await Promise.all([import('marked'), import('dompurify')]);
  const marked = new Marked({
    gfm: true,
    breaks: true,
    async: false,
    renderer: {
      html: ({ text }) => escapeHtml(text),
      image: ({ text }) => escapeHtml(text),
    },
  });
  const purify = DOMPurify(window);
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (node.nodeName !== 'A') return;
    const href = node.getAttribute('href');
    if (href === null || !isSafeLinkUrl(href)) node.removeAttribute('href');
    else {
      node.setAttribute('rel', 'noopener noreferrer nofollow ugc');
      node.setAttribute('target', '_blank');
    }
  });
  const config = {
    ALLOWED_TAGS: [...ALLOWED_TAGS],
    ALLOWED_ATTR: [...ALLOWED_ATTRIBUTES, 'rel', 'target'],
    FORBID_TAGS: [...FORBIDDEN_TAGS],
    FORBID_ATTR: ['style', 'srcdoc', 'formaction', 'xlink:href', 'action'],
    ALLOW_DATA_ATTR: false,
    ALLOW_ARIA_ATTR: false,
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  };
  return (source: string) => purify.sanitize(marked.parse(source) as string, config) as string;
}
