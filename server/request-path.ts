/**
 * Decodes a request target into path segments, or null when it is malformed or tries to
 * climb out of the served folder (`..`, encoded or not, backslashes, NUL bytes).
 */
export const parseRequestPath = (rawUrl: string | undefined): readonly string[] | null => {
  if (rawUrl === undefined || !rawUrl.startsWith('/')) return null;
  const rawPath = rawUrl.split(/[?#]/, 1)[0] ?? '';
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const segments = decoded.split('/').filter((segment) => segment !== '' && segment !== '.');
  return segments.includes('..') ? null : segments;
};
