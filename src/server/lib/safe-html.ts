import { decodeHTML } from 'entities';
import sanitizeHtml from 'sanitize-html';

// Rich text from the editor (articles, news) is kept only as the tags the editor makes, with no
// scripts, styles, event handlers or foreign frames: what a page shows must not run anything.
// Links open web, mail and phone addresses or the app's own pages; images come from the app's
// own files or are embedded, never from another site (no tracking pixels in a staff page).

const SAFE_HTML: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'h2',
    'h3',
    'h4',
    'strong',
    'b',
    'em',
    'i',
    'u',
    's',
    'a',
    'ul',
    'ol',
    'li',
    'blockquote',
    'code',
    'pre',
    'hr',
    'img',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'rel', 'target'],
    img: ['src', 'alt', 'title', 'width', 'height'],
    th: ['colspan', 'rowspan'],
    td: ['colspan', 'rowspan'],
    ol: ['start'],
  },
  allowedSchemes: ['https', 'http', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // A link to another site opens in a new tab without handing it this page.
  transformTags: {
    a: (tagName, attribs) => {
      const href = (attribs.href ?? '').trim();
      const external = /^https?:/i.test(href);
      // A link opens in a new tab only when it leaves the app, and then without handing it this page.
      const rest = Object.fromEntries(
        Object.entries(attribs).filter(([name]) => name !== 'target' && name !== 'rel'),
      );
      return {
        tagName,
        attribs: external
          ? { ...rest, href, rel: 'noopener noreferrer', target: '_blank' }
          : { ...rest, href },
      };
    },
  },
  exclusiveFilter: (frame) => frame.tag === 'img' && !isOwnOrEmbeddedImage(frame.attribs.src ?? ''),
};

/**
 * An article's own file or an embedded picture. Any other address of the app is refused: an
 * image that loads /api/v1/clients/… would make every reader's browser look up a client.
 */
function isOwnOrEmbeddedImage(src: string): boolean {
  return (
    /^\/api\/v1\/articles\/[0-9a-f-]{36}\/files\/[0-9a-f-]{36}$/.test(src) ||
    /^data:image\/(png|jpeg|gif|webp);/i.test(src)
  );
}

/** The HTML with everything unsafe removed. */
export function safeHtml(html: string): string {
  return sanitizeHtml(html, SAFE_HTML).trim();
}

/** The words of the HTML as plain text (for search and snippets): blocks become lines. */
export function textOfHtml(html: string): string {
  const spaced = html.replace(
    /<(br|\/p|\/h[1-6]|\/li|\/blockquote|\/pre|\/tr|\/td|\/th)\b[^>]*>/gi,
    '$&\n',
  );
  // The sanitiser writes the text back as HTML (`&` as `&amp;`, …): decoded once, it is the text.
  return decodeHTML(sanitizeHtml(spaced, { allowedTags: [], allowedAttributes: {} }))
    .replace(/[ \t]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
}

const MAIL_HTML: sanitizeHtml.IOptions = {
  ...SAFE_HTML,
  allowedSchemesByTag: { img: ['data', 'https', 'http'] },
};

/**
 * A letter's HTML by the same rules. Its pictures from elsewhere tell the sender the letter was
 * read, so they stay out until a clerk allows them for the letter (`remoteImages`).
 */
export function safeMailHtml(html: string, { remoteImages }: { remoteImages: boolean }): string {
  return sanitizeHtml(html, {
    ...MAIL_HTML,
    exclusiveFilter: (frame) => {
      if (frame.tag !== 'img') return false;
      const src = (frame.attribs.src ?? '').trim();
      if (/^data:image\/(png|jpeg|gif|webp);/i.test(src)) return false;
      return !(remoteImages && /^https?:\/\//i.test(src));
    },
  }).trim();
}
