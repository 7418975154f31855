import { describe, expect, it } from 'vitest';
import { checkDigitOf, checkPersonalCode, maskPersonalCode } from './personal-code';

describe('Latvian personal codes', () => {
  it('accepts an old-form code with its birth date and check digit, hyphen or not', () => {
    // 0·1 + 1·6 + 0·3 + 1·7 + 0·9 + 1·10 + 1·5 + 0·8 + 0·4 + 0·2 = 28; (1101 − 28) mod 11 = 6.
    expect(checkDigitOf('0101011000')).toBe(6);
    for (const typed of ['010101-10006', '01010110006', ' 010101 - 10006 '.replace(/ - /, '-')]) {
      expect(checkPersonalCode(typed)).toEqual({
        valid: true,
        normalised: '010101-10006',
        kind: 'old',
        birthDate: '1901-01-01',
      });
    }
  });

  it('reads the century from the seventh digit', () => {
    // 29 February 2024: 2+54+0+14+18+40+10 = 138; (1101 − 138) mod 11 = 6.
    expect(checkPersonalCode('290224-20006')).toMatchObject({
      valid: true,
      birthDate: '2024-02-29',
    });
  });

  it('refuses a wrong check digit, an impossible date and an unknown century', () => {
    expect(checkPersonalCode('010101-10005')).toEqual({ valid: false, problem: 'check_digit' });
    expect(checkPersonalCode('290223-10000')).toEqual({ valid: false, problem: 'date' });
    expect(checkPersonalCode('311301-10000')).toEqual({ valid: false, problem: 'date' });
    expect(checkPersonalCode('010101-30000')).toEqual({ valid: false, problem: 'century' });
  });

  it('accepts a new-form code (32–39, no birth date) with or without the hyphen', () => {
    expect(checkPersonalCode('32345678901')).toEqual({
      valid: true,
      normalised: '323456-78901',
      kind: 'new',
      birthDate: null,
    });
    expect(checkPersonalCode('399999-99999')).toMatchObject({ valid: true, kind: 'new' });
  });

  it('refuses what is not eleven digits', () => {
    for (const typed of [
      '',
      '12345',
      '010101-1000',
      '010101-100066',
      '0101O1-10006',
      '010101--10006',
    ]) {
      expect(checkPersonalCode(typed)).toEqual({ valid: false, problem: 'format' });
    }
  });

  it('shows only the first part in lists', () => {
    expect(maskPersonalCode('010101-10006')).toBe('010101-*****');
  });
});
