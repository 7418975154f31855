import { describe, expect, it } from 'vitest';
import { Hunspell, parseHunspell } from './hunspell';

/** A dictionary written for the test: each feature of the .aff on a word or two. */
function dictionary(aff: string, words: string[]): Hunspell {
  return new Hunspell(parseHunspell(aff, [String(words.length), ...words].join('\n')));
}

describe('affix stripping', () => {
  const aff = `SET UTF-8
NEEDAFFIX !
FORBIDDENWORD *
ONLYINCOMPOUND ~
CIRCUMFIX |
ICONV 1
ICONV ’ '

PFX N Y 1
PFX N 0 ne .

PFX J Y 1
PFX J 0 jā/| .

SFX S Y 3
SFX S a as a
SFX S a ai [^ī]a
SFX S a ā a

SFX T N 1
SFX T 0 s [^s]

SFX V Y 2
SFX V t ju/W [^s]t
SFX V t ot/W t

SFX W Y 1
SFX W u am u

SFX D Y 1
SFX D t a/J| t
`;
  const lv = dictionary(aff, [
    'vieta/S',
    'sala/SN',
    'māja/ST',
    'strādāt/VN',
    'dzīva/!S',
    'nepareiza/*',
    'daļa/~S',
    "don't",
    'deklarēt/D',
  ]);

  it('takes a stem as it is, and not one that needs an affix or builds compounds only', () => {
    expect(lv.check('vieta')).toBe(true);
    expect(lv.check('dzīva')).toBe(false);
    expect(lv.check('daļa')).toBe(false);
    expect(lv.check('daļas')).toBe(false);
  });

  it('strips a suffix, restores what it replaced and tests its condition', () => {
    expect(lv.check('vietas')).toBe(true);
    expect(lv.check('vietai')).toBe(true);
    expect(lv.check('vietā')).toBe(true);
    expect(lv.check('dzīvas')).toBe(true);
    expect(lv.check('vietu')).toBe(false);
  });

  it('strips a prefix, and a prefix with a suffix only where both allow a cross product', () => {
    expect(lv.check('nesala')).toBe(true);
    expect(lv.check('nesalas')).toBe(true);
    expect(lv.check('nevieta')).toBe(false);
    expect(lv.check('mājas')).toBe(true);
    // T has no cross product: "ne" with it is no word.
    expect(lv.check('nemājas')).toBe(false);
  });

  it('strips two suffixes where the inner one names the outer in its continuation class', () => {
    expect(lv.check('strādāju')).toBe(true);
    expect(lv.check('strādājam')).toBe(true);
    expect(lv.check('nestrādājam')).toBe(true);
    expect(lv.check('strādāam')).toBe(false);
  });

  it('takes a circumfix only with both of its parts', () => {
    expect(lv.check('jādeklarēa')).toBe(true);
    expect(lv.check('deklarēa')).toBe(false);
    expect(lv.check('jādeklarēt')).toBe(false);
  });

  it('refuses a forbidden word, and converts typographic apostrophes on input', () => {
    expect(lv.check('nepareiza')).toBe(false);
    expect(lv.check('don’t')).toBe(true);
  });

  it('takes capitalised and upper-case forms of lower-case words, not the other way round', () => {
    expect(lv.correct('Vietas')).toBe(true);
    expect(lv.correct('VIETAS')).toBe(true);
    expect(lv.correct('vIETAS')).toBe(false);
  });
});

describe('flag types', () => {
  it('reads long flags as pairs of characters', () => {
    const aff = 'FLAG long\nSFX Aa Y 1\nSFX Aa 0 s .\nSFX Bb Y 1\nSFX Bb 0 ed .\n';
    const en = dictionary(aff, ['walk/AaBb', 'talk/Bb']);
    expect(en.check('walks')).toBe(true);
    expect(en.check('walked')).toBe(true);
    expect(en.check('talked')).toBe(true);
    expect(en.check('talks')).toBe(false);
  });

  it('reads numeric flags separated by commas', () => {
    const aff = 'FLAG num\nSFX 101 Y 1\nSFX 101 0 s .\nSFX 7 Y 1\nSFX 7 0 ed .\n';
    const en = dictionary(aff, ['walk/101,7', 'talk/7']);
    expect(en.check('walks')).toBe(true);
    expect(en.check('talked')).toBe(true);
    expect(en.check('talks')).toBe(false);
  });
});

describe('suggestions', () => {
  const aff = 'TRY aeiounrs\nREP 1\nREP ph f\nSFX S Y 1\nSFX S 0 s .\n';
  const en = dictionary(aff, ['house/S', 'horse/S', 'foto', 'mouse/S']);

  it('offers REP replacements and edits at distance one', () => {
    expect(en.suggest('photo')).toEqual(['foto']);
    expect(en.suggest('huose')[0]).toBe('house');
    expect(en.suggest('housse').slice(0, 2)).toContain('house');
    expect(en.suggest('hose')).toEqual(expect.arrayContaining(['house', 'horse']));
  });

  it('keeps the casing of a capitalised word', () => {
    expect(en.suggest('Huoses')[0]).toBe('Houses');
  });

  it('offers nothing for a word far from every other', () => {
    expect(en.suggest('xylophone')).toEqual([]);
  });

  it('restores letters of a MAP group, several at once', () => {
    const lv = new Hunspell(parseHunspell('TRY ās\n', '1\npašvaldība'), { map: ['aā', 'sš'] });
    expect(lv.suggest('pasvaldiba')).toEqual([]);
    const withI = new Hunspell(parseHunspell('TRY ās\n', '1\npašvaldība'), {
      map: ['aā', 'sš', 'iī'],
    });
    expect(withI.suggest('pasvaldiba')).toEqual(['pašvaldība']);
  });
});
