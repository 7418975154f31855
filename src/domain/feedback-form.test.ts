import { describe, expect, it } from 'vitest';
import {
  fillToken,
  fillTimeVerdict,
  fillTokenPayload,
  MAX_FORM_AGE_MILLISECONDS,
  MIN_FILL_MILLISECONDS,
  readFillToken,
} from './feedback-form';

const issued = new Date('2026-03-10T09:00:00Z');
const after = (milliseconds: number) => new Date(issued.getTime() + milliseconds);

describe('the feedback form fill time', () => {
  it('takes a form filled in for at least the minimum and at most a day', () => {
    expect(fillTimeVerdict(issued.getTime(), after(MIN_FILL_MILLISECONDS))).toBe('ok');
    expect(fillTimeVerdict(issued.getTime(), after(MAX_FORM_AGE_MILLISECONDS))).toBe('ok');
  });

  it('refuses a form sent sooner than a person could, or from the future', () => {
    expect(fillTimeVerdict(issued.getTime(), after(MIN_FILL_MILLISECONDS - 1))).toBe('too_fast');
    expect(fillTimeVerdict(issued.getTime(), after(-60_000))).toBe('too_fast');
  });

  it('refuses a form older than a day', () => {
    expect(fillTimeVerdict(issued.getTime(), after(MAX_FORM_AGE_MILLISECONDS + 1))).toBe('expired');
  });

  it('reads back the token it makes and nothing else', () => {
    const token = fillToken(fillTokenPayload(issued), 'c2lnbmF0dXJlLWJ5dGVzLWhlcmU');
    expect(readFillToken(token)).toEqual({
      payload: String(issued.getTime()),
      signature: 'c2lnbmF0dXJlLWJ5dGVzLWhlcmU',
      issuedAt: issued.getTime(),
    });
    for (const bad of [
      '',
      'abc',
      '123',
      '123.',
      '.c2lnbmF0dXJlLWJ5dGVz',
      '12a.c2lnbmF0dXJlLWJ5dGVz',
      '1.short',
    ]) {
      expect(readFillToken(bad)).toBeNull();
    }
  });
});
