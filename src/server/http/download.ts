/** A filename safe in a Content-Disposition header, with the real name for browsers that read it. */
export function dispositionOf(
  filename: string,
  kind: 'attachment' | 'inline' = 'attachment',
): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}

/** One byte range asked for with `Range: bytes=…`: from `start` to `end` (inclusive). */
export interface ByteRange {
  start: number;
  end: number | null;
}

/**
 * The byte range of a Range header for a file of `size` bytes: null for none or for a form not
 * served in parts (several ranges, other units), which gets the whole file as the standard allows.
 */
export function byteRangeOf(header: string | undefined, size: number): ByteRange | null {
  const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
  if (!match) return null;
  const [, from = '', to = ''] = match;
  if (from === '' && to === '') return null;
  // "bytes=-500" is the last 500 bytes.
  if (from === '') return { start: Math.max(0, size - Number(to)), end: null };
  // A range that ends before it starts is invalid, and an invalid range is ignored (RFC 9110).
  if (to !== '' && Number(to) < Number(from)) return null;
  return { start: Number(from), end: to === '' ? null : Number(to) };
}
