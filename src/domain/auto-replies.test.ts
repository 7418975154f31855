import { describe, expect, it } from 'vitest';
import { acknowledgementValues, outOfOfficeLetter } from './auto-replies';

const signature = 'Ar cieņu\nSandra Puķīte\nSiguldas novada pašvaldība';

describe('acknowledgement values', () => {
  it('writes the due date out for the reader', () => {
    expect(acknowledgementValues({ number: '2026-000042', dueOn: '2026-03-13' })).toEqual({
      number: '2026-000042',
      due: '13.03.2026',
    });
  });
});

describe('out-of-office (clause 24)', () => {
  it('says until when, who stands in and how to reach them, with the signature', () => {
    const letter = outOfOfficeLetter({
      until: '2026-07-20',
      standIn: {
        givenName: 'Jana',
        surname: 'Paraudziņa',
        phone: '80000388',
        email: 'pc@sigulda.lv',
      },
      signature,
      language: 'lv',
      subject: 'Jautājums',
    });
    expect(letter.body).toContain('līdz 20.07.2026 (ieskaitot)');
    expect(letter.body).toContain(
      'sazināties ar Jana Paraudziņa pa tālruni 80000388 vai e-pastu pc@sigulda.lv.',
    );
    expect(letter.body.endsWith(`.\n\n${signature}`)).toBe(true);
    const english = outOfOfficeLetter({
      until: '2026-07-20',
      standIn: null,
      signature: null,
      language: 'en',
      subject: 'Q',
    });
    expect(english.body).toContain('until 20.07.2026 (inclusive)');
    expect(english.body.endsWith('please contact the client service centre.')).toBe(true);
  });
});
