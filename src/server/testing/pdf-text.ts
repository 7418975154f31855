import { inflateSync } from 'node:zlib';

/**
 * The text a PDF shows, one line per text object (BT … ET), read without outside tools: streams
 * are inflated with zlib and the glyph codes of the embedded fonts decoded by their ToUnicode
 * maps. Enough for the PDFs pdfkit and svg-to-pdfkit write (no object streams, direct lengths).
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const dictionaries = new Map<number, string>();
  const streams = new Map<number, Buffer>();
  const header = /(\d+) 0 obj\s*/g;
  let match: RegExpExecArray | null;
  while ((match = header.exec(source)) !== null) {
    const bodyStart = header.lastIndex;
    const streamAt = source.indexOf('stream', bodyStart);
    const endAt = source.indexOf('endobj', bodyStart);
    const object = Number(match[1]);
    if (streamAt === -1 || endAt < streamAt) {
      dictionaries.set(object, source.slice(bodyStart, endAt));
      continue;
    }
    const dictionary = source.slice(bodyStart, streamAt);
    const length = Number(/\/Length (\d+)/.exec(dictionary)?.[1]);
    const dataStart = streamAt + 'stream'.length + (source[streamAt + 6] === '\r' ? 2 : 1);
    const raw = pdf.subarray(dataStart, dataStart + length);
    const data = dictionary.includes('/FlateDecode') ? inflateSync(raw) : raw;
    streams.set(object, data);
    dictionaries.set(object, dictionary);
    header.lastIndex = source.indexOf('endobj', dataStart + length);
  }

  const utf16 = (hex: string) =>
    String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((unit) => parseInt(unit, 16)));
  const cmapOf = (object: number) => {
    const map = new Map<number, string>();
    const text = streams.get(object)?.toString('latin1') ?? '';
    for (const [, block] of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
      for (const [, low, , list, start] of (block ?? '').matchAll(
        /<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:\[([^\]]*)\]|<([0-9a-fA-F]+)>)/g,
      )) {
        const first = parseInt(low ?? '0', 16);
        if (list !== undefined) {
          [...list.matchAll(/<([0-9a-fA-F]+)>/g)].forEach(([, hex], index) =>
            map.set(first + index, utf16(hex ?? '')),
          );
        } else map.set(first, utf16(start ?? ''));
      }
    }
    for (const [, block] of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
      for (const [, code, hex] of (block ?? '').matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) {
        map.set(parseInt(code ?? '0', 16), utf16(hex ?? ''));
      }
    }
    return map;
  };
  const fontObjects = new Map<string, number>();
  for (const dictionary of dictionaries.values()) {
    for (const [, entries] of dictionary.matchAll(/\/Font\s*<<([^>]*)>>/g)) {
      for (const [, name, object] of (entries ?? '').matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
        fontObjects.set(name ?? '', Number(object));
      }
    }
  }
  const cmaps = new Map<string, Map<number, string>>();
  for (const [name, object] of fontObjects) {
    const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(dictionaries.get(object) ?? '')?.[1];
    if (toUnicode) cmaps.set(name, cmapOf(Number(toUnicode)));
  }

  const lines: string[] = [];
  for (const data of streams.values()) {
    const content = data.toString('latin1');
    if (!content.includes(' Tf')) continue;
    for (const [, block] of content.matchAll(/\bBT\b([\s\S]*?)\bET\b/g)) {
      let cmap = new Map<number, string>();
      let line = '';
      for (const [, font, shown] of (block ?? '').matchAll(
        /\/(\w+)\s+[\d.]+\s+Tf|(\[[^\]]*\]\s*TJ|<[0-9a-fA-F]*>\s*Tj)/g,
      )) {
        if (font !== undefined) cmap = cmaps.get(font) ?? new Map<number, string>();
        for (const [, hex] of (shown ?? '').matchAll(/<([0-9a-fA-F]*)>/g)) {
          for (const code of (hex ?? '').match(/.{4}/g) ?? []) {
            line += cmap.get(parseInt(code, 16)) ?? '?';
          }
        }
      }
      lines.push(line);
    }
  }
  return lines.join('\n');
}
