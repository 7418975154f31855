import { describe, expect, it } from 'vitest';
import { html, joinHtml, page, sanitizedHtml, type Html } from './html';

const text = (fragment: Html) => fragment.toString();

describe('html templates', () => {
  it('escapes all five characters that mean something in HTML', () => {
    expect(text(html`${`<a href="x" title='y'>&</a>`}`)).toBe(
      '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;',
    );
    expect(text(html`<p>${'Tom & "Jerry" <3 O\'Brien'}</p>`)).toBe(
      '<p>Tom &#38; &#34;Jerry&#34; &#60;3 O&#39;Brien</p>',
    );
  });

  it('keeps a value inside the attribute it was put in, whichever quotes the attribute uses', () => {
    const value = `x" onclick="alert(1)' onload='alert(2)`;
    expect(text(html`<input value="${value}"><input value='${value}'>`)).toBe(
      '<input value="x&#34; onclick=&#34;alert(1)&#39; onload=&#39;alert(2)">' +
        "<input value='x&#34; onclick=&#34;alert(1)&#39; onload=&#39;alert(2)'>",
    );
  });

  it('puts a fragment in as it is, and escapes the values inside it once', () => {
    const inner = html`<em>${'a < b'}</em>`;
    const outer = html`<p>${inner} ${'&'}</p>`;
    expect(text(outer)).toBe('<p><em>a &#60; b</em> &#38;</p>');
    expect(text(html`<div>${outer}</div>`)).toBe('<div><p><em>a &#60; b</em> &#38;</p></div>');
  });

  it('does not take text that looks like a fragment, or was escaped already, for one', () => {
    const lookalike = { toString: () => '<b>bold</b>' } as unknown as Html;
    expect(text(html`${lookalike}`)).toBe('&#60;b&#62;bold&#60;/b&#62;');
    expect(text(html`${'&#38;'}`)).toBe('&#38;#38;');
  });

  it('joins lists, nested lists included, and leaves nothing for null, undefined and false', () => {
    const items = ['<1>', '2'].map((item) => html`<li>${item}</li>`);
    expect(text(html`<ul>${items}</ul>`)).toBe('<ul><li>&#60;1&#62;</li><li>2</li></ul>');
    expect(text(html`${['a', ['<b>', html`<i>c</i>`]]}`)).toBe('a&#60;b&#62;<i>c</i>');
    const shown = false;
    expect(text(html`[${null}${undefined}${shown && html`<p>hidden</p>`}${0}]`)).toBe('[0]');
    expect(text(joinHtml([html`<br>`, '<x>'], '\n'))).toBe('<br>\n&#60;x&#62;');
  });

  it('lets rich text in only through the sanitiser', () => {
    expect(text(sanitizedHtml('<p onclick="x()">Labi</p><script>alert(1)</script>'))).toBe(
      '<p>Labi</p>',
    );
  });

  it('lays out a page with the shared head, the language and an escaped title', () => {
    const shown = text(
      page({
        lang: 'lv',
        title: 'Jautājumi & atbildes',
        site: 'Aptauja',
        style: '\nmain { color: red; }',
        noindex: true,
        header: html`<span>${'<Aptauja>'}</span>`,
        main: html`<h1>Sveiki</h1>`,
      }),
    );
    expect(shown).toMatch(/^<!doctype html>\n<html lang="lv">\n<head>\n<meta charset="utf-8">\n/);
    expect(shown).toContain(
      '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
        '<meta name="robots" content="noindex">\n' +
        '<title>Jautājumi &#38; atbildes · Aptauja</title>',
    );
    expect(shown).toMatch(/<style>\n:root \{[^<]*main \{ color: red; \}<\/style>/);
    expect(shown).toContain('<header><span>&#60;Aptauja&#62;</span></header>');
    expect(shown).toContain('<main id="main">\n<h1>Sveiki</h1>\n</main>');

    const indexed = text(
      page({ lang: 'en', title: 't', site: 's', style: '', header: html``, main: html`` }),
    );
    expect(indexed).toContain('<html lang="en">');
    expect(indexed).not.toContain('robots');
  });
});
