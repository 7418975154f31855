import { describe, expect, it } from 'vitest';
import {
  MATCH_END,
  MATCH_START,
  closeStandIns,
  daysOverdue,
  isReviewOverdue,
  queryWordsOf,
  slugOf,
  snippetOf,
  stemOf,
  tsQueryOf,
  uniqueSlug,
} from './knowledge-search';

describe('queryWordsOf', () => {
  it('folds diacritics and case and splits at hyphens and punctuation', () => {
    expect(queryWordsOf('E-adrese: Bērziņš, ŽANIS!')).toEqual(['e', 'adrese', 'berzins', 'zanis']);
  });

  it('keeps at most eight words and drops what is not a letter or digit', () => {
    expect(queryWordsOf("a b c d e f g h i j ' % & :*")).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
    ]);
    expect(queryWordsOf("'); drop table articles; --")).toEqual(['drop', 'table', 'articles']);
  });
});

describe('stemOf', () => {
  it('trims Latvian endings so that forms of a word meet', () => {
    expect(stemOf('adresi')).toBe('adres');
    expect(stemOf('adrese')).toBe('adres');
    expect(stemOf('deklaret')).toBe('deklare');
    expect(stemOf('dzivesvietas')).toBe('dzivesviet');
    expect(stemOf('pabalstiem')).toBe('pabalst');
  });

  it('keeps short words, numbers and four-letter stems whole', () => {
    expect(stemOf('eid')).toBe('eid');
    expect(stemOf('kase')).toBe('kase');
    expect(stemOf('2026')).toBe('2026');
    expect(stemOf('12345')).toBe('12345');
    expect(stemOf('karte')).toBe('kart');
  });
});

describe('tsQueryOf', () => {
  it('is nothing for no words', () => {
    expect(tsQueryOf([])).toBeNull();
  });

  it('matches one word by the start of its stem', () => {
    expect(tsQueryOf(['adresi'])).toBe("'adres':*");
  });

  it('matches a word shorter than three letters only whole', () => {
    expect(tsQueryOf(['e'])).toBe("'e'");
    expect(tsQueryOf(['id'])).toBe("'id'");
    expect(tsQueryOf(['eid'])).toBe("'eid':*");
  });

  it('needs every word, or all of them written together', () => {
    expect(tsQueryOf(['eid', 'karte'])).toBe("('eid':* & 'kart':*) | 'eidkarte':*");
  });

  it('needs a short word right beside its neighbour, as in a hyphenated word', () => {
    expect(tsQueryOf(['e', 'adrese'])).toBe("('e' <-> 'adres':*) | 'eadrese':*");
    expect(tsQueryOf(['e', 'adrese', 'berzins'])).toBe(
      "(('e' <-> 'adres':*) & 'berzin':*) | 'eadreseberzins':*",
    );
    expect(tsQueryOf(['adrese', 'e'])).toBe("('adres':* <-> 'e') | 'adresee':*");
  });

  it('offers the stand-ins of a mistyped word beside it', () => {
    expect(tsQueryOf(['deklarseana'], new Map([['deklarseana', ['deklaresana']]]))).toBe(
      "('deklarsean':* | 'deklaresana')",
    );
  });

  it('quotes a stand-in safely whatever it holds', () => {
    expect(tsQueryOf(['veidlapa'], new Map([['veidlapa', ["it's\\"]]]))).toBe(
      "('veidlap':* | 'it''s\\\\')",
    );
  });
});

describe('closeStandIns', () => {
  it('keeps the near words about as close as the nearest, and drops those much further off', () => {
    expect(
      closeStandIns([
        { word: 'deklaresana', similarity: 0.64 },
        { word: 'deklare', similarity: 0.58 },
        { word: 'deklarets', similarity: 0.5 },
      ]),
    ).toEqual(['deklaresana', 'deklare']);
  });

  it('is nothing for nothing near', () => {
    expect(closeStandIns([])).toEqual([]);
  });
});

describe('snippetOf', () => {
  it('splits a headline into plain and matched parts, joining neighbours', () => {
    expect(
      snippetOf(`Kā lietot ${MATCH_START}e${MATCH_END}-${MATCH_START}adresi${MATCH_END} ikdienā`),
    ).toEqual([
      { text: 'Kā lietot ', match: false },
      { text: 'e', match: true },
      { text: '-', match: false },
      { text: 'adresi', match: true },
      { text: ' ikdienā', match: false },
    ]);
  });

  it('treats an unclosed mark as plain text and an empty headline as nothing', () => {
    expect(snippetOf(`a ${MATCH_START}b`)).toEqual([{ text: 'a b', match: false }]);
    expect(snippetOf('')).toEqual([]);
  });

  it('leaves HTML in the text as text for the page to escape', () => {
    expect(snippetOf(`<b>${MATCH_START}x${MATCH_END}</b>`)).toEqual([
      { text: '<b>', match: false },
      { text: 'x', match: true },
      { text: '</b>', match: false },
    ]);
  });
});

describe('review dates', () => {
  it('counts calendar days overdue, none before or on the date', () => {
    expect(daysOverdue('2026-01-15', '2026-03-10')).toBe(54);
    expect(daysOverdue('2026-03-10', '2026-03-10')).toBe(0);
    expect(daysOverdue('2026-04-01', '2026-03-10')).toBe(0);
    // Across the spring clock change the count is still whole days.
    expect(daysOverdue('2026-03-28', '2026-03-30')).toBe(2);
  });

  it('is overdue only after the review date', () => {
    expect(isReviewOverdue('2026-03-09', '2026-03-10')).toBe(true);
    expect(isReviewOverdue('2026-03-10', '2026-03-10')).toBe(false);
  });
});

describe('slugs', () => {
  it('makes an address word of a title', () => {
    expect(slugOf('Kā aktivizēt eID karti?')).toBe('ka-aktivizet-eid-karti');
    expect(slugOf('E-adrese nav e-pasts')).toBe('e-adrese-nav-e-pasts');
    expect(slugOf('???')).toBe('raksts');
  });

  it('numbers a slug already taken', () => {
    expect(uniqueSlug('eid', new Set())).toBe('eid');
    expect(uniqueSlug('eid', new Set(['eid', 'eid-2']))).toBe('eid-3');
  });
});
