import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIGNATURES,
  letterBody,
  quoteOf,
  signatureFrom,
  unknownSignaturePlaceholders,
  unknownTextModulePlaceholders,
} from './letters';

const ilze = {
  givenName: 'Ilze',
  surname: 'Kalniņa',
  position: 'Klientu apkalpošanas speciāliste',
  unit: 'Valsts un pašvaldības vienotais klientu apkalpošanas centrs',
  institution: 'Ozolu novada pašvaldība',
  phone: '+371 67000001',
  email: 'ilze.kalnina@ozolunovads.lv',
  website: 'https://www.ozolunovads.lv',
};

describe('signatureFrom', () => {
  it('fills the default Latvian template with every part of clause 21.2.5', () => {
    expect(signatureFrom(DEFAULT_SIGNATURES.lv, ilze)).toBe(
      [
        'Ar cieņu',
        'Ilze Kalniņa',
        'Klientu apkalpošanas speciāliste',
        'Valsts un pašvaldības vienotais klientu apkalpošanas centrs',
        'Ozolu novada pašvaldība',
        'Tālrunis: +371 67000001',
        'E-pasts: ilze.kalnina@ozolunovads.lv',
        'https://www.ozolunovads.lv',
      ].join('\n'),
    );
  });

  it('drops a line whose every value is missing, keeps a line with some', () => {
    const template = 'Ar cieņu\n{vārds} {uzvārds}\nTālrunis: {tālrunis}\n{amats}, {iestāde}';
    expect(
      signatureFrom(template, { ...ilze, phone: null, position: '  ', institution: 'Novads' }),
    ).toBe('Ar cieņu\nIlze Kalniņa\n, Novads');
  });

  it('reads English and Latvian placeholder names alike, and leaves other braces be', () => {
    expect(signatureFrom('{name} {uzvārds} {x}', ilze)).toBe('Ilze Kalniņa {x}');
    expect(unknownSignaturePlaceholders('{name} {x} {vārds} {y}')).toEqual(['x', 'y']);
    expect(unknownTextModulePlaceholders('{klients} {numurs} {termiņš} {client} {vārds}')).toEqual([
      'vārds',
    ]);
  });
});

describe('quoteOf and letterBody', () => {
  it('quotes each line after who wrote when, in the letter’s language', () => {
    const letter = {
      from: 'Anna Ozola',
      receivedAt: new Date('2026-03-10T09:00:00Z'),
      text: 'Labdien!\n\nKā deklarēt?\n',
    };
    expect(quoteOf(letter, 'lv')).toBe(
      '10.03.2026 11:00 Anna Ozola rakstīja:\n> Labdien!\n>\n> Kā deklarēt?',
    );
    expect(quoteOf({ ...letter, from: null }, 'en')).toMatch(
      /^On 10\.03\.2026 11:00 The client wrote:/u,
    );
  });

  it('cuts a very long letter short', () => {
    const quoted = quoteOf(
      { from: 'A', receivedAt: new Date('2026-03-10T09:00:00Z'), text: 'x'.repeat(20_000) },
      'lv',
    );
    expect(quoted.length).toBeLessThan(8_100);
    expect(quoted.endsWith(' […]')).toBe(true);
  });

  it('puts text, signature and quote apart by a blank line, skipping what is missing', () => {
    expect(letterBody({ text: 'Labdien!\n\n', signature: 'Ar cieņu\nIlze', quote: null })).toBe(
      'Labdien!\n\nAr cieņu\nIlze',
    );
    expect(letterBody({ text: 'Labdien!', signature: null, quote: '> x' })).toBe('Labdien!\n\n> x');
  });
});
