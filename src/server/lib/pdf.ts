import { createRequire } from 'node:module';
import { isTag, isText, type ChildNode, type Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import PDFDocument from 'pdfkit';

// Safe HTML (see safe-html.ts) laid out as an A4 PDF a resident can print or keep: headings,
// paragraphs with bold, italic and links, lists, quotes, simple tables and PNG/JPEG images. The
// fonts are DejaVu, shipped as an npm package, because the PDF standard fonts have no Latvian
// letters (ā, č, ē, ģ, ī, ķ, ļ, ņ, š, ū, ž).

const require = createRequire(import.meta.url);
const FONTS = {
  regular: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
  bold: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'),
  italic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Oblique.ttf'),
  boldItalic: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-BoldOblique.ttf'),
};

const MARGIN = 56;
const BODY_SIZE = 11;
const HEADING_SIZES: Record<string, number> = { h1: 18, h2: 15, h3: 13, h4: 12 };

export interface PdfDocumentInput {
  title: string;
  summary?: string | null;
  /** Sanitised HTML. */
  html: string;
  /** Small print under the title: where it comes from, when it was checked. */
  byline?: string;
  language: 'lv' | 'en';
  /** The bytes of an image the HTML refers to, or null to show its alternative text. */
  imageFor?: (src: string) => Promise<Buffer | null>;
}

interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  link: string | null;
}

const isElement = (node: ChildNode): node is Element => isTag(node);

function runsOf(nodes: ChildNode[], style: Omit<Run, 'text'>): Run[] {
  const runs: Run[] = [];
  for (const node of nodes) {
    if (isText(node)) {
      const text = node.data.replace(/\s+/g, ' ');
      if (text) runs.push({ ...style, text });
    } else if (isElement(node)) {
      if (node.name === 'br') runs.push({ ...style, text: '\n' });
      else if (node.name === 'img') continue;
      else
        runs.push(
          ...runsOf(node.children, {
            bold: style.bold || ['strong', 'b', 'th'].includes(node.name),
            italic: style.italic || ['em', 'i'].includes(node.name),
            link: node.name === 'a' ? (node.attribs.href ?? null) : style.link,
          }),
        );
    }
  }
  return runs;
}

const fontOf = (run: Pick<Run, 'bold' | 'italic'>) =>
  run.bold && run.italic ? 'boldItalic' : run.bold ? 'bold' : run.italic ? 'italic' : 'regular';

function imagesOf(nodes: ChildNode[]): Element[] {
  return nodes.flatMap((node) =>
    isElement(node) ? (node.name === 'img' ? [node] : imagesOf(node.children)) : [],
  );
}

const PLAIN: Omit<Run, 'text'> = { bold: false, italic: false, link: null };

export type PdfFontName = keyof typeof FONTS;

/**
 * An A4 document with the DejaVu fonts registered under the names of `PdfFontName`; `finished`
 * resolves with the bytes once `doc.end()` is called. `bufferPages` keeps the pages open to
 * number them at the end.
 */
export function openPdf(options: { title: string; language: 'lv' | 'en'; bufferPages?: boolean }): {
  doc: PDFKit.PDFDocument;
  finished: Promise<Buffer>;
} {
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    lang: options.language,
    displayTitle: true,
    bufferPages: options.bufferPages ?? false,
    info: { Title: options.title, Creator: 'Apkalpo' },
  });
  for (const [name, file] of Object.entries(FONTS)) doc.registerFont(name, file);
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, finished };
}

/** Safe HTML laid out from the document's current position, between its margins. */
export function writeSafeHtml(doc: PDFKit.PDFDocument, html: string): void {
  htmlLayout(doc, new Map()).blocks(parseDocument(html).children, 0);
}

/** The layout of safe HTML in a document; `images` are the bytes of the images it may draw. */
function htmlLayout(doc: PDFKit.PDFDocument, images: Map<string, Buffer>) {
  const width = doc.page.width - MARGIN * 2;

  function paragraph(runs: Run[], options: { size?: number; indent?: number; prefix?: string }) {
    const trimmed = runs.filter((run) => run.text.trim() !== '' || run.text === '\n');
    if (trimmed.length === 0) return;
    doc.fontSize(options.size ?? BODY_SIZE);
    const first = trimmed[0];
    if (first) first.text = first.text.replace(/^\s+/, '');
    const all = options.prefix ? [{ ...PLAIN, text: options.prefix }, ...trimmed] : trimmed;
    all.forEach((run, index) => {
      doc.font(fontOf(run)).fillColor(run.link ? '#1a4f8b' : '#111111');
      doc.text(run.text, MARGIN + (options.indent ?? 0), undefined, {
        width: width - (options.indent ?? 0),
        continued: index < all.length - 1,
        link: run.link,
        underline: run.link !== null,
        lineGap: 2,
      });
    });
    doc.fillColor('#111111').moveDown(0.5);
  }

  function image(node: Element, indent: number) {
    const bytes = images.get(node.attribs.src ?? '');
    if (!bytes) {
      const alt = node.attribs.alt?.trim();
      if (alt) paragraph([{ ...PLAIN, italic: true, text: `[${alt}]` }], { indent });
      return;
    }
    try {
      doc.image(bytes, MARGIN + indent, undefined, { fit: [width - indent, 360] });
      doc.moveDown(0.5);
    } catch {
      // A damaged image is no reason to refuse the whole document: its description stands in.
      images.delete(node.attribs.src ?? '');
      image(node, indent);
    }
  }

  function blocks(nodes: ChildNode[], indent: number) {
    let inline: ChildNode[] = [];
    const flush = () => {
      if (inline.length > 0) paragraph(runsOf(inline, PLAIN), { indent });
      inline = [];
    };
    for (const node of nodes) {
      if (
        !isElement(node) ||
        ['strong', 'b', 'em', 'i', 'u', 's', 'a', 'code', 'br'].includes(node.name)
      ) {
        inline.push(node);
        continue;
      }
      flush();
      switch (node.name) {
        case 'h1':
        case 'h2':
        case 'h3':
        case 'h4':
          doc.moveDown(0.3);
          paragraph(runsOf(node.children, { ...PLAIN, bold: true }), {
            size: HEADING_SIZES[node.name],
            indent,
          });
          break;
        case 'ul':
        case 'ol': {
          let number = Number(node.attribs.start ?? '1') || 1;
          for (const item of node.children.filter(isElement)) {
            const prefix = node.name === 'ol' ? `${number++}. ` : '• ';
            const nested = item.children.filter(
              (child) => isElement(child) && ['ul', 'ol', 'p', 'img'].includes(child.name),
            );
            const own = item.children.filter((child) => !nested.includes(child));
            const paragraphs = nested.filter((child) => isElement(child) && child.name === 'p');
            const firstText =
              own.length > 0 ? own : ((paragraphs[0] as Element | undefined)?.children ?? []);
            paragraph(runsOf(firstText, PLAIN), { indent: indent + 12, prefix });
            blocks(
              nested.filter((child) => own.length > 0 || child !== paragraphs[0]),
              indent + 24,
            );
          }
          break;
        }
        case 'blockquote':
          doc.fillColor('#444444');
          blocks(node.children, indent + 18);
          break;
        case 'pre':
          paragraph([{ ...PLAIN, text: textOf(node.children) }], { indent: indent + 12 });
          break;
        case 'hr':
          doc
            .moveTo(MARGIN + indent, doc.y)
            .lineTo(MARGIN + width, doc.y)
            .strokeColor('#999999')
            .stroke()
            .moveDown(0.5);
          break;
        case 'img':
          image(node, indent);
          break;
        case 'table':
          for (const row of rowsOf(node))
            paragraph(
              row.flatMap((cell, index) => [
                ...(index > 0 ? [{ ...PLAIN, text: ' | ' }] : []),
                ...runsOf(cell.children, { ...PLAIN, bold: cell.name === 'th' }),
              ]),
              { indent },
            );
          break;
        default:
          blocks(node.children, indent);
          for (const picture of node.children.filter(
            (child): child is Element => isElement(child) && child.name === 'img',
          ))
            image(picture, indent);
      }
    }
    flush();
  }

  return { paragraph, blocks };
}

/** Renders the document; resolves with the PDF's bytes. */
export async function renderPdf(input: PdfDocumentInput): Promise<Buffer> {
  const dom = parseDocument(input.html);
  const images = new Map<string, Buffer>();
  for (const image of imagesOf(dom.children)) {
    const src = image.attribs.src ?? '';
    if (images.has(src) || !input.imageFor) continue;
    const bytes = await input.imageFor(src);
    // pdfkit draws PNG and JPEG only; other images are shown by their alternative text.
    if (bytes && (isPng(bytes) || isJpeg(bytes))) images.set(src, bytes);
  }

  const { doc, finished } = openPdf({ title: input.title, language: input.language });
  const width = doc.page.width - MARGIN * 2;
  const { paragraph, blocks } = htmlLayout(doc, images);

  doc.font('bold').fontSize(20).fillColor('#111111').text(input.title, { width });
  if (input.byline)
    doc.font('regular').fontSize(9).fillColor('#555555').text(input.byline, { width });
  doc.moveDown(0.8);
  if (input.summary) paragraph([{ ...PLAIN, italic: true, text: input.summary }], {});
  blocks(dom.children, 0);
  doc.end();
  return finished;
}

function textOf(nodes: ChildNode[]): string {
  return nodes
    .map((node) => (isText(node) ? node.data : isElement(node) ? textOf(node.children) : ''))
    .join('');
}

function rowsOf(table: Element): Element[][] {
  const rows: Element[][] = [];
  const visit = (node: Element) => {
    if (node.name === 'tr')
      rows.push(node.children.filter(isElement).filter((cell) => ['td', 'th'].includes(cell.name)));
    else node.children.filter(isElement).forEach(visit);
  };
  visit(table);
  return rows;
}

const isPng = (bytes: Buffer) => bytes.subarray(0, 4).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
const isJpeg = (bytes: Buffer) => bytes[0] === 0xff && bytes[1] === 0xd8;
