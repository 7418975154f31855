import { z } from 'zod';
import type { TArticleFile, TArticleHit } from '../../../contracts/articles.contracts';
import { SearchText } from '../../../contracts/common';
import { displayDate, rigaDateOf } from '../../../domain/riga-time';
import type { Api } from '../../http/api';
import { dispositionOf } from '../../http/download';
import { AppError } from '../../http/errors';
import { html, page, sanitizedHtml, type Html } from '../../lib/html';
import type { ArticlesService } from './articles.service';

// The public pages residents read without signing in: an index of public articles with a search
// box, and each article in a plain, printable layout that works on a phone and without
// JavaScript. Rendered on the server: a resident following a link in a letter gets the text at
// once, and screen readers get ordinary HTML.

type Language = 'lv' | 'en';

const TEXTS = {
  lv: {
    site: 'Noderīga informācija iedzīvotājiem',
    search: 'Meklēt',
    searchLabel: 'Meklēt informāciju',
    results: (n: number) => `Atrasti ${n} raksti`,
    none: 'Nekas netika atrasts. Pamēģiniet citus vārdus.',
    checked: 'Pēdējo reizi pārbaudīts',
    files: 'Pielikumi',
    pdf: 'Lejupielādēt PDF',
    back: 'Visi raksti',
    notFound: 'Šāds raksts nav atrasts vai nav publisks.',
    kinds: {
      faq: 'Biežāk uzdotie jautājumi',
      guide: 'Soli pa solim',
      procedure: 'Kārtība',
      training: 'Mācību materiāls',
    },
  },
  en: {
    site: 'Information for residents',
    search: 'Search',
    searchLabel: 'Search the information',
    results: (n: number) => `${n} articles found`,
    none: 'Nothing was found. Try other words.',
    checked: 'Last checked',
    files: 'Attachments',
    pdf: 'Download PDF',
    back: 'All articles',
    notFound: 'No such article, or it is not public.',
    kinds: {
      faq: 'Frequently asked questions',
      guide: 'Step by step',
      procedure: 'Procedure',
      training: 'Training material',
    },
  },
} as const;

/** The pages' own rules, after the shared ones (lib/html.ts). */
const STYLE = `
header { background: #0b4f6c; color: #fff; padding: .75rem 1rem; }
header a { color: #fff; text-decoration: none; font-weight: 600; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: .5rem 0 .25rem; }
h2 { font-size: 1.3rem; margin-top: 1.75rem; }
h3 { font-size: 1.1rem; }
a { color: #0b4f6c; }
a:focus-visible, input:focus-visible, button:focus-visible { outline: 3px solid #f2a900; outline-offset: 2px; }
.meta { color: #4a5560; font-size: .95rem; }
.summary { font-size: 1.15rem; color: #2d3740; }
form.search { display: flex; gap: .5rem; margin: 1rem 0; flex-wrap: wrap; }
form.search label { flex-basis: 100%; font-weight: 600; }
form.search input { flex: 1; min-width: 0; padding: .6rem .75rem; font: inherit; border: 2px solid #55606b; border-radius: 6px; }
form.search button { padding: .6rem 1.1rem; font: inherit; font-weight: 600; color: #fff; background: #0b4f6c; border: 0; border-radius: 6px; }
ul.results { list-style: none; padding: 0; }
ul.results li { padding: .75rem 0; border-bottom: 1px solid #d5dbe0; }
ul.results a { font-size: 1.15rem; font-weight: 600; }
mark { background: #ffe58a; color: inherit; }
img { max-width: 100%; height: auto; }
table { border-collapse: collapse; } td, th { border: 1px solid #c3cbd2; padding: .3rem .5rem; }
blockquote { border-left: 4px solid #c3cbd2; margin-left: 0; padding-left: 1rem; color: #3b4650; }
.actions { margin: 1.5rem 0; display: flex; gap: 1rem; flex-wrap: wrap; }
@media print {
  header, form.search, .actions, nav { display: none; }
  body { font-size: 11pt; }
  a::after { content: " (" attr(href) ")"; font-size: .85em; }
}`;

function kbPage(language: Language, title: string, main: Html): string {
  const texts = TEXTS[language];
  return page({
    lang: language,
    title,
    site: texts.site,
    style: STYLE,
    header: html`<a href="/public/kb?lang=${language}">${texts.site}</a>`,
    main,
  }).toString();
}

function searchForm(language: Language, q: string): Html {
  const texts = TEXTS[language];
  return html`<form class="search" role="search" method="get" action="/public/kb">
<label for="q">${texts.searchLabel}</label>
<input id="q" name="q" type="search" value="${q}" autocomplete="off">
<input type="hidden" name="lang" value="${language}">
<button type="submit">${texts.search}</button>
</form>`;
}

function hitItem(hit: TArticleHit, language: Language): Html {
  const snippet = html`${hit.snippet.map((part) =>
    part.match ? html`<mark>${part.text}</mark>` : part.text,
  )}`;
  return html`<li><a href="${hit.publicPath ?? ''}">${hit.title}</a>
<div class="meta">${TEXTS[language].kinds[hit.kind]}</div>
${snippet.toString() !== '' && html`<p>${snippet}</p>`}</li>`;
}

function fileList(files: TArticleFile[], language: Language): Html | null {
  if (files.length === 0) return null;
  const items = files.map((file) => html`<li><a href="${file.url}">${file.filename}</a></li>`);
  return html`<h2>${TEXTS[language].files}</h2><ul>${items}</ul>`;
}

const IndexQuery = z.object({
  q: SearchText(200).optional().catch(undefined),
  lang: z.enum(['lv', 'en']).catch('lv').default('lv'),
  page: z.coerce.number().int().min(1).max(1000).catch(1).default(1),
});

const SlugParams = z.object({ slug: z.string().max(200) });

export function articlesPages(app: Api, deps: { articles: ArticlesService }): void {
  const { articles } = deps;

  app.get(
    '/public/kb',
    { schema: { hide: true, querystring: IndexQuery } },
    async (request, reply) => {
      const { q = '', lang, page: pageNumber } = request.query;
      const found = await articles.publicList({
        q,
        language: q ? undefined : lang,
        page: pageNumber,
        pageSize: 20,
      });
      const texts = TEXTS[lang];
      const list =
        found.items.length > 0
          ? html`<p class="meta">${texts.results(found.total)}</p><ul class="results">${found.items.map((hit) => hitItem(hit, lang))}</ul>`
          : html`<p>${texts.none}</p>`;
      return reply
        .type('text/html; charset=utf-8')
        .send(kbPage(lang, texts.site, html`<h1>${texts.site}</h1>${searchForm(lang, q)}${list}`));
    },
  );

  app.get(
    '/public/kb/:slug',
    { schema: { hide: true, params: SlugParams } },
    async (request, reply) => {
      const slug = request.params.slug;
      if (slug.endsWith('.pdf')) {
        const pdf = await articles.publicPdf(slug.slice(0, -'.pdf'.length));
        return reply
          .type('application/pdf')
          .header('content-disposition', dispositionOf(pdf.filename, 'inline'))
          .send(pdf.content);
      }
      let found;
      try {
        found = await articles.publicArticle(slug);
      } catch (error) {
        if (!(error instanceof AppError) || error.code !== 'not_found') throw error;
        return reply
          .status(404)
          .type('text/html; charset=utf-8')
          .send(
            kbPage(
              'lv',
              TEXTS.lv.notFound,
              html`<h1>${TEXTS.lv.notFound}</h1><p><a href="/public/kb">${TEXTS.lv.back}</a></p>`,
            ),
          );
      }
      const { row, files } = found;
      const language = row.language;
      const texts = TEXTS[language];
      const checked = rigaDateOf(
        row.reviewed_at && row.reviewed_at > row.updated_at ? row.reviewed_at : row.updated_at,
      );
      const content = html`<article>
<p class="meta">${texts.kinds[row.kind]}</p>
<h1>${row.title}</h1>
<p class="meta">${texts.checked}: <time datetime="${checked}">${displayDate(checked)}</time></p>
${row.summary && html`<p class="summary">${row.summary}</p>`}
<div class="body">${sanitizedHtml(row.body_html)}</div>
${fileList(files, language)}
</article>
<nav class="actions" aria-label="${texts.site}">
<a href="/public/kb/${encodeURIComponent(row.slug)}.pdf">${texts.pdf}</a>
<a href="/public/kb?lang=${language}">${texts.back}</a>
</nav>`;
      return reply.type('text/html; charset=utf-8').send(kbPage(language, row.title, content));
    },
  );
}
