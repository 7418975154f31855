import { describe, expect, it } from 'vitest';
import { foldForSearch, searchTermsOf, searchTextOf } from './search-text';

describe('foldForSearch', () => {
  it('drops Latvian diacritics and capitals', () => {
    expect(foldForSearch('Bērziņš')).toBe('berzins');
    expect(foldForSearch('ĀČĒĢĪĶĻŅŠŪŽ āčēģīķļņšūž')).toBe('acegiklnsuz acegiklnsuz');
  });

  it('folds text written with combining marks the same as precomposed letters', () => {
    expect(foldForSearch('Be\u0304rzin\u0327s\u030c')).toBe(foldForSearch('Bērziņš'));
  });

  it('turns hyphens and punctuation into single spaces', () => {
    expect(foldForSearch('Ozoliņa-Kalniņa')).toBe('ozolina kalnina');
    expect(foldForSearch('e-adrese')).toBe('e adrese');
    expect(foldForSearch('  Jānis,  (VID) "Ģimenes" valsts_pabalsts! ')).toBe(
      'janis vid gimenes valsts pabalsts',
    );
  });

  it('keeps email addresses whole, so one can be found by typing it', () => {
    expect(foldForSearch('Anna.Bērziņa@Example.lv')).toBe('anna.berzina@example.lv');
  });

  it('keeps digits', () => {
    expect(foldForSearch('Kabinets 101')).toBe('kabinets 101');
  });

  it('gives empty text for punctuation alone', () => {
    expect(foldForSearch(' - , ; ')).toBe('');
  });
});

describe('searchTextOf', () => {
  it('keeps hyphenated words apart and joined up', () => {
    expect(searchTextOf(['E-adrese', 'Ozoliņa-Kalniņa'])).toBe(
      'e adrese ozolina kalnina eadrese ozolinakalnina',
    );
  });

  it('joins the fields that have a value, folded', () => {
    expect(
      searchTextOf(['Jānis', null, undefined, '', 'Bērziņš', 'Klientu apkalpošanas speciālists']),
    ).toBe('janis berzins klientu apkalposanas specialists');
  });

  it('is empty for no fields', () => {
    expect(searchTextOf([])).toBe('');
  });
});

describe('searchTermsOf', () => {
  it('splits a query into folded words', () => {
    expect(searchTermsOf(' Bērziņš,  Jānis ')).toEqual(['berzins', 'janis']);
    expect(searchTermsOf('e-adrese')).toEqual(['e', 'adrese']);
  });

  it('gives no words for an empty or blank query', () => {
    expect(searchTermsOf('')).toEqual([]);
    expect(searchTermsOf('  – ')).toEqual([]);
  });

  it('finds each term of a typed query inside the folded record', () => {
    const record = searchTextOf(['Jānis', 'Bērziņš', 'Sociālais dienests']);
    for (const term of searchTermsOf('berzins SOCIĀL')) expect(record).toContain(term);
  });
});
