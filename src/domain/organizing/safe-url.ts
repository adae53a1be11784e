/**
 * Links allowed in rendered posts and events: http(s), mailto, and in-page or relative
 * paths. Everything else (javascript:, data:, vbscript:, file:, blob:, …) is refused,
 * including obfuscations with control characters, whitespace or entities decoded upstream.
 */
const ALLOWED_SCHEMES = ['http:', 'https:', 'mailto:'];

export function isSafeLinkUrl(raw: string): boolean {
  // Browsers ignore ASCII control characters and whitespace inside a scheme ("java\tscript:").
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
  const compact = raw.replace(/[\u0000-\u0020\u007f-\u009f]/g, '').toLowerCase();
  if (compact.length === 0) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(compact);
  if (!scheme) {
    // Relative: "/x", "#x", "x/y", "?q"; but not protocol-relative "//host" nor "\\host".
    return !compact.startsWith('//') && !compact.startsWith('\\') && !compact.startsWith('/\\');
  }
  return ALLOWED_SCHEMES.includes(`${scheme[1]}:`);
}
