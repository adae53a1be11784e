/** Characters that can start emphasis, code, links, HTML, entities, tables, strikethrough or headings anywhere in a line. */
const INLINE_SPECIALS = /[\\`*_{}[\]<>#|~&!^$]/g;
/** Markers that only matter at the start of a line (lists, setext underline). */
const LEADING_MARKER = /^[-+=]/;
const ORDERED_LIST = /^(\d{1,9})([.)])/;

const isLineBreakOrControl = (code: number): boolean =>
  code < 0x20 || code === 0x7f || code === 0x85 || code === 0x2028 || code === 0x2029;

/** Replaces control characters (incl. newlines and tabs) by spaces, without a control-character regex. */
function controlsToSpaces(value: string): string {
  let out = '';
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    out += isLineBreakOrControl(code) ? ' ' : value[i];
  }
  return out;
}

function escapeLine(line: string): string {
  const escaped = line.replace(INLINE_SPECIALS, '\\$&');
  if (LEADING_MARKER.test(escaped)) return `\\${escaped}`;
  return escaped.replace(ORDERED_LIST, '$1\\$2');
}

/**
 * Makes a single-line user field (name, title, place) inert Markdown: one line, no leading block
 * markers, no inline syntax, safe inside a table cell. It renders as exactly the text typed.
 */
export function escapeInline(value: string): string {
  return escapeLine(controlsToSpaces(value).replace(/ {2,}/g, ' ').trim());
}

/**
 * Plain multi-line text (decision wording, dissent) as inert Markdown lines: every line escaped,
 * line breaks kept as hard breaks, blank lines kept as paragraph breaks.
 */
export function escapeBlock(text: string): readonly string[] {
  const lines = text.split(/\r\n|\r|\n|\u2028|\u2029/).map(escapeInline);
  return lines.map((line, index) => {
    const next = lines[index + 1];
    return line.length > 0 && next !== undefined && next.length > 0 ? `${line}\\` : line;
  });
}

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;

/**
 * Notes are Markdown and included as is, except that a code fence left open would swallow the rest
 * of the document (decisions, action items); such a fence is closed at the end of the notes.
 */
export function closeOpenFences(markdown: string): string {
  let open: string | null = null;
  for (const line of markdown.split(/\r\n|\r|\n/)) {
    const match = FENCE.exec(line);
    if (!match) continue;
    const marker = match[1] ?? '';
    const rest = match[2] ?? '';
    if (open === null) {
      // A backtick fence's info string may not contain backticks (CommonMark), else it is inline code.
      if (!(marker.startsWith('`') && rest.includes('`'))) open = marker;
    } else if (marker[0] === open[0] && marker.length >= open.length && rest.trim().length === 0) {
      open = null;
    }
  }
  return open === null ? markdown : `${markdown}\n${open}`;
}
