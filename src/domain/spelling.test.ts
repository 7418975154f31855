import english from 'dictionary-en';
import latvian from 'dictionary-lv';
import { describe, expect, it } from 'vitest';
import { Hunspell, parseHunspell, parseHunspellInSteps } from './hunspell';
import { LANGUAGE_MAPS, MAX_SUGGESTED_WORDS, spellingIssues, wordsOf } from './spelling';

// The real dictionaries, each read once for the file.
const text = new TextDecoder();
const lv = new Hunspell(parseHunspell(text.decode(latvian.aff), text.decode(latvian.dic)), {
  map: LANGUAGE_MAPS.lv,
});
const en = new Hunspell(parseHunspell(text.decode(english.aff), text.decode(english.dic)), {
  map: LANGUAGE_MAPS.en,
});

describe('Latvian words', () => {
  it('takes correct words in many forms', () => {
    const words = [
      'pašvaldība',
      'pašvaldībai',
      'pašvaldības',
      'pašvaldību',
      'iesniegums',
      'iesniegumu',
      'iesniegumā',
      'deklarēt',
      'deklarēju',
      'deklarējis',
      'deklarējušam',
      'nedeklarēju',
      'jādeklarē',
      'dzīvesvieta',
      'dzīvesvietu',
      'klientu',
      'klientiem',
      'apkalpošanas',
      'Rīgas',
      'Rīgā',
      'vislabākais',
      'lūdzu',
      'informējam',
      'nekavējoties',
      'Pašvaldība',
      'PAŠVALDĪBA',
    ];
    expect(words.filter((word) => !lv.correct(word))).toEqual([]);
  });

  it('refuses misspelt words', () => {
    const words = ['pasvaldiba', 'pieteikumz', 'iesniegumss', 'deklaret', 'klinetu', 'rīgas'];
    expect(words.filter((word) => lv.correct(word))).toEqual([]);
  });

  it('restores missing diacritics first, several letters at once', () => {
    expect(lv.suggest('pasvaldiba')[0]).toBe('pašvaldība');
    expect(lv.suggest('dzivesvieta')[0]).toBe('dzīvesvieta');
    expect(lv.suggest('apkalposanas')[0]).toBe('apkalpošanas');
    expect(lv.suggest('deklaret')[0]).toBe('deklarēt');
    expect(lv.suggest('ludzu')[0]).toBe('lūdzu');
    expect(lv.suggest('Pasvaldibai')[0]).toBe('Pašvaldībai');
  });

  it('offers a name in capitals when it was typed in lower case', () => {
    expect(lv.suggest('rigas')[0]).toBe('Rīgas');
  });

  it('offers corrections of typos within the first three', () => {
    expect(lv.suggest('pieteikumz').slice(0, 3)).toContain('pieteikums');
    expect(lv.suggest('iesniegumss')[0]).toBe('iesniegums');
    expect(lv.suggest('klinetu')[0]).toBe('klientu');
    expect(lv.suggest('iesneigums')[0]).toBe('iesniegums');
    expect(lv.suggest('pieteikumz').length).toBeLessThanOrEqual(5);
  });
});

describe('reading in steps', () => {
  it('pauses many times while reading the Latvian dictionary, and reads the same', () => {
    const steps = parseHunspellInSteps(text.decode(latvian.aff), text.decode(latvian.dic));
    let pauses = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) pauses++;
    expect(pauses).toBeGreaterThan(10);
    expect(step.value.stems.size).toBe(lv.data.stems.size);
    expect(new Hunspell(step.value).correct('pašvaldībai')).toBe(true);
  });
});

describe('English words', () => {
  it('takes correct words, apostrophes included', () => {
    const words = ['municipality', 'applications', 'requested', "don't", 'don’t', 'The', 'HOUSES'];
    expect(words.filter((word) => !en.correct(word))).toEqual([]);
  });

  it('refuses misspelt words and offers the correction within the first three', () => {
    expect(en.correct('recieve')).toBe(false);
    expect(en.suggest('recieve')[0]).toBe('receive');
    expect(en.suggest('teh')[0]).toBe('the');
    expect(en.suggest('adress').slice(0, 3)).toContain('address');
    expect(en.suggest('municipalty')[0]).toBe('municipality');
  });
});

describe('wordsOf', () => {
  it('skips addresses, numbers, request numbers, abbreviations and placeholders', () => {
    const letter =
      'Skat. https://www.riga.lv/lv/pakalpojumi, raxtiet uz info@riga.lv vai www.latvija.lv. ' +
      'Pieteikums 2026-001234 (A4, 3.lpp.) nosūtīts VSAA un PVN; termiņš {termiņš}, numurs {numurs}.';
    expect(wordsOf(letter, 'lv').map(({ word }) => word)).toEqual([
      'Skat',
      'raxtiet',
      'uz',
      'vai',
      'Pieteikums',
      'nosūtīts',
      'un',
      'termiņš',
      'numurs',
    ]);
  });

  it('splits hyphenated words into parts with their own offsets', () => {
    expect(wordsOf('Sveiki, Ozoliņa-Kalniņa kundze!', 'lv')).toEqual([
      { word: 'Sveiki', start: 0, end: 6 },
      { word: 'Ozoliņa', start: 8, end: 15 },
      { word: 'Kalniņa', start: 16, end: 23 },
      { word: 'kundze', start: 24, end: 30 },
    ]);
  });

  it('keeps apostrophes inside English words, not Latvian ones', () => {
    expect(wordsOf("We don't know", 'en').map(({ word }) => word)).toEqual(['We', "don't", 'know']);
    expect(wordsOf("'Rīgas' ūdens", 'lv').map(({ word }) => word)).toEqual(['Rīgas', 'ūdens']);
  });
});

describe('spellingIssues', () => {
  it('gives misspelt words with UTF-16 offsets into the text, diacritics before them', () => {
    const letter = 'Labdien! Jūsu pieteikumz ir saņemts. Lūdzu, iesniedziet dokumentus pasvaldiba.';
    const issues = spellingIssues(letter, 'lv', lv);
    expect(issues.map(({ word, start, end }) => [word, start, end])).toEqual([
      ['pieteikumz', 14, 24],
      ['pasvaldiba', 67, 77],
    ]);
    for (const issue of issues) expect(letter.slice(issue.start, issue.end)).toBe(issue.word);
    expect(issues[1]?.suggestions[0]).toBe('pašvaldība');
  });

  it('takes a word written with combining marks as its precomposed form', () => {
    expect(spellingIssues('pas\u030cvaldi\u0304ba', 'lv', lv)).toEqual([]);
  });

  it('takes a hyphenated word the dictionary knows whole, and checks the parts of others', () => {
    expect(spellingIssues('e-mail and follow-up', 'en', en)).toEqual([]);
    expect(spellingIssues('e-pasts', 'lv', lv)).toEqual([]);
    expect(spellingIssues('sveiki-pasvaldiba', 'lv', lv).map(({ word }) => word)).toEqual([
      'pasvaldiba',
    ]);
  });

  it('takes an abbreviation the dictionary knows with its full stop', () => {
    expect(spellingIssues('Iesniegums Nr. 5', 'lv', lv)).toEqual([]);
    expect(spellingIssues('Iesniegums Nr 5', 'lv', lv).map(({ word }) => word)).toEqual(['Nr']);
  });

  it('reports every place of a word misspelt twice', () => {
    expect(spellingIssues('teh cat and teh dog', 'en', en).map(({ start }) => start)).toEqual([
      0, 12,
    ]);
  });

  it('gives suggestions to a limited number of words, so a text in the other language stays quick', () => {
    const words = Array.from(
      { length: MAX_SUGGESTED_WORDS + 5 },
      (_, i) => 'pasvaldiba'.slice(0, 5 + (i % 5)) + 'x'.repeat(1 + Math.floor(i / 5)),
    );
    const issues = spellingIssues(words.join(' '), 'lv', lv);
    expect(issues).toHaveLength(words.length);
    expect(
      issues.slice(MAX_SUGGESTED_WORDS).every(({ suggestions }) => suggestions.length === 0),
    ).toBe(true);
  });
});
