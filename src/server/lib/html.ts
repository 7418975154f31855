import { safeHtml } from './safe-html';

// The server's HTML pages (the public survey, the public knowledge base) are written as tagged
// templates: every value put into one is escaped unless it is a fragment made here, so a page
// cannot show a resident's or an editor's text as markup by forgetting to escape it once.

/**
 * A piece of HTML that is safe to put into a page as it is. Only this module makes one (`html`,
 * `joinHtml`, `sanitizedHtml`, `page`): the class is exported as a type alone, and its private
 * field keeps a string, or an object of the same shape, from passing for it.
 */
class Html {
  readonly #markup: string;

  constructor(markup: string) {
    this.#markup = markup;
  }

  toString(): string {
    return this.#markup;
  }
}
export type { Html };

const trusted = (markup: string) => new Html(markup);

/**
 * What a template takes: text and numbers (escaped), fragments (as they are), lists of either
 * (joined without a separator), and nothing (`null`, `undefined`, `false`: empty), so that
 * `${shown && html`…`}` leaves no trace when it is not shown.
 */
export type HtmlValue = string | number | Html | null | undefined | false | readonly HtmlValue[];

// Numeric references, valid in text and in attribute values quoted either way.
const REFERENCES: Record<string, string> = {
  '&': '&#38;',
  '<': '&#60;',
  '>': '&#62;',
  '"': '&#34;',
  "'": '&#39;',
};

/** Text with the five characters that mean something in HTML written as references. */
const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (character) => REFERENCES[character] ?? character);

function markupOf(value: HtmlValue): string {
  if (value instanceof Html) return value.toString();
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map(markupOf).join('');
  if (value === null || value === undefined || value === false) return '';
  return escapeHtml(String(value));
}

/** A fragment of HTML: the template's own text as written, each value escaped unless a fragment. */
export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): Html {
  let markup = strings[0] ?? '';
  values.forEach((value, index) => {
    markup += markupOf(value) + (strings[index + 1] ?? '');
  });
  return trusted(markup);
}

/** Fragments one after another, with a separator of plain text between them. */
export const joinHtml = (fragments: readonly HtmlValue[], separator: string): Html =>
  trusted(fragments.map(markupOf).join(escapeHtml(separator)));

/**
 * Rich text from the editor (an article's body) as a fragment: sanitised here, on the way into
 * the page, by the same allow-list that kept it when it was saved, so a row changed by other
 * means cannot bring a script in.
 */
export const sanitizedHtml = (markup: string): Html => trusted(safeHtml(markup));

// What every public page shares, ahead of its own rules. Styles stay in the page's one <style>
// element (the Content-Security-Policy allows inline styles, not inline scripts); no element
// carries a style attribute.
const BASE_STYLE = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font: 1.0625rem/1.6 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f24; background: #fff; }`;

/** A whole public page: the shared head, the site's header and the page's main content. */
export function page(options: {
  lang: 'lv' | 'en';
  /** The page's own title; the site's name follows it in the browser's tab. */
  title: string;
  site: string;
  /** The page's own style rules, after the shared ones. */
  style: string;
  /** Kept out of search engines (pages with a respondent's answers on them). */
  noindex?: boolean;
  header: Html;
  main: Html;
}): Html {
  return html`<!doctype html>
<html lang="${options.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${options.noindex && html`<meta name="robots" content="noindex">\n`}<title>${options.title} · ${options.site}</title>
<style>${trusted(BASE_STYLE + options.style)}</style>
</head>
<body>
<header>${options.header}</header>
<main id="main">
${options.main}
</main>
</body>
</html>`;
}
