/**
 * Latvian personal codes (personas kods). The old form, DDMMYY-CNNNN, carries the birth date, a
 * century digit and a check digit; the new form issued since 1 July 2017 is eleven digits starting
 * 32 to 39 with no birth date. Both are stored as "NNNNNN-NNNNN".
 */

const CHECK_WEIGHTS = [1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CENTURIES: Record<string, number> = { '0': 1800, '1': 1900, '2': 2000 };

export type PersonalCodeProblem = 'format' | 'date' | 'century' | 'check_digit';

export type PersonalCodeCheck =
  | { valid: true; normalised: string; kind: 'old' | 'new'; birthDate: string | null }
  | { valid: false; problem: PersonalCodeProblem };

/** The check digit of an old-form code's first ten digits: (1101 − Σ digit·weight) mod 11. */
export function checkDigitOf(firstTen: string): number {
  const sum = CHECK_WEIGHTS.reduce(
    (total, weight, index) => total + weight * Number(firstTen[index]),
    0,
  );
  return (1101 - sum) % 11;
}

/** Checks a personal code as typed (spaces and a hyphen after the sixth digit allowed). */
export function checkPersonalCode(input: string): PersonalCodeCheck {
  const compact = input.replace(/\s+/g, '');
  const match = /^(\d{6})-?(\d{5})$/.exec(compact);
  if (!match) return { valid: false, problem: 'format' };
  const digits = `${match[1]}${match[2]}`;
  const normalised = `${match[1]}-${match[2]}`;

  if (/^3[2-9]/.test(digits)) return { valid: true, normalised, kind: 'new', birthDate: null };

  const century = CENTURIES[digits[6] as string];
  if (century === undefined) return { valid: false, problem: 'century' };
  const day = Number(digits.slice(0, 2));
  const month = Number(digits.slice(2, 4));
  const year = century + Number(digits.slice(4, 6));
  const date = new Date(Date.UTC(year, month - 1, day));
  if (
    date.getUTCFullYear() !== year ||
    date.getUTCMonth() !== month - 1 ||
    date.getUTCDate() !== day
  ) {
    return { valid: false, problem: 'date' };
  }
  if (checkDigitOf(digits.slice(0, 10)) !== Number(digits[10])) {
    return { valid: false, problem: 'check_digit' };
  }
  return { valid: true, normalised, kind: 'old', birthDate: date.toISOString().slice(0, 10) };
}

/** How lists show a code: the first part only, "123456-*****". */
export function maskPersonalCode(normalised: string): string {
  return `${normalised.slice(0, 6)}-*****`;
}
