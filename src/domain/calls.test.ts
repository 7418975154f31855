import { describe, expect, it } from 'vitest';
import {
  afterAttempt,
  callStateOf,
  isWithheld,
  loadPeriodOf,
  normalisePhone,
  owesCallback,
  phoneKeyOf,
  recordingRetryAt,
  type CallFacts,
} from './calls';

const at = (time: string) => new Date(`2026-03-02T${time}:00Z`);
const call = (more: Partial<CallFacts> = {}): CallFacts => ({
  direction: 'in',
  answeredAt: null,
  endedAt: null,
  hangupCause: null,
  voicemailAt: null,
  ...more,
});

describe('callStateOf', () => {
  it('follows a call from ringing to answered to ended', () => {
    expect(callStateOf(call())).toBe('ringing');
    expect(callStateOf(call({ answeredAt: at('08:00') }))).toBe('answered');
    expect(callStateOf(call({ answeredAt: at('08:00'), endedAt: at('08:05') }))).toBe('ended');
  });

  it('calls a hangup without an answer missed, until a late answer arrives', () => {
    const hungUp = call({ endedAt: at('08:05'), hangupCause: 'normal' });
    expect(callStateOf(hungUp)).toBe('missed');
    expect(callStateOf({ ...hungUp, answeredAt: at('08:01') })).toBe('ended');
  });

  it('calls a call where a message was left voicemail, whatever else arrived', () => {
    expect(callStateOf(call({ voicemailAt: at('22:00'), endedAt: at('22:01') }))).toBe('voicemail');
  });
});

describe('owesCallback', () => {
  it('owes a callback for an unanswered incoming call, whatever the cause', () => {
    for (const hangupCause of ['busy', 'cancelled', 'no_answer', 'normal'] as const) {
      expect(owesCallback(call({ endedAt: at('09:00'), hangupCause }), '+37126123456')).toBe(true);
    }
  });

  it('owes none for an answered call, a voicemail, an outgoing call or one still ringing', () => {
    expect(
      owesCallback(call({ answeredAt: at('09:00'), endedAt: at('09:01') }), '+37126123456'),
    ).toBe(false);
    expect(
      owesCallback(call({ voicemailAt: at('22:00'), endedAt: at('22:01') }), '+37126123456'),
    ).toBe(false);
    expect(owesCallback(call({ direction: 'out', endedAt: at('09:01') }), '+37126123456')).toBe(
      false,
    );
    expect(owesCallback(call(), '+37126123456')).toBe(false);
  });

  it('owes none to a caller who withheld their number: there is nobody to ring', () => {
    expect(
      owesCallback(call({ endedAt: at('09:00'), hangupCause: 'no_answer' }), 'anonymous'),
    ).toBe(false);
    expect(isWithheld('anonymous')).toBe(true);
    expect(isWithheld('')).toBe(true);
    expect(isWithheld('26 123 456')).toBe(false);
  });
});

describe('normalisePhone', () => {
  it('writes Latvian numbers with the country code, however they came', () => {
    expect(normalisePhone('26 123 456')).toBe('+37126123456');
    expect(normalisePhone('+371 2612 3456')).toBe('+37126123456');
    expect(normalisePhone('00371-26123456')).toBe('+37126123456');
    expect(normalisePhone('(671) 23-456')).toBe('+37167123456');
  });

  it('leaves short numbers such as extensions alone', () => {
    expect(normalisePhone('101')).toBe('101');
  });
});

describe('phoneKeyOf', () => {
  it('tells one caller by the last eight digits however the number is written', () => {
    const keys = ['+371 26 000 001', '26000001', '0037126000001', '(+371) 26-000-001'].map(
      phoneKeyOf,
    );
    expect(new Set(keys)).toEqual(new Set(['26000001']));
  });

  it('does not recognise anyone by an extension or a short code', () => {
    expect(phoneKeyOf('201')).toBeNull();
    expect(phoneKeyOf('1188')).toBeNull();
    expect(phoneKeyOf('')).toBeNull();
  });
});

describe('loadPeriodOf', () => {
  it('counts the four weeks up to today when no day is asked for', () => {
    expect(loadPeriodOf({}, '2026-03-03')).toEqual({ from: '2026-02-04', to: '2026-03-03' });
  });

  it('ends four weeks at the last day asked, and runs a first day alone to today', () => {
    expect(loadPeriodOf({ to: '2026-01-31' }, '2026-03-03')).toEqual({
      from: '2026-01-04',
      to: '2026-01-31',
    });
    expect(loadPeriodOf({ from: '2026-02-20' }, '2026-03-03')).toEqual({
      from: '2026-02-20',
      to: '2026-03-03',
    });
  });
});

describe('recordingRetryAt', () => {
  it('waits longer after each failed fetch, and gives up after the fifth', () => {
    const now = new Date('2026-03-02T08:00:00Z');
    const waits = [1, 2, 3, 4].map(
      (attempts) => ((recordingRetryAt(attempts, now)?.getTime() ?? 0) - now.getTime()) / 60_000,
    );
    expect(waits).toEqual([1, 5, 15, 60]);
    expect(recordingRetryAt(5, now)).toBeNull();
  });
});

describe('afterAttempt', () => {
  it('closes when the resident is reached', () => {
    expect(afterAttempt(0, 'reached')).toEqual({ attempts: 1, closing: 'reached' });
  });

  it('keeps trying until the third unanswered attempt, then closes', () => {
    expect(afterAttempt(0, 'no_answer')).toEqual({ attempts: 1, closing: null });
    expect(afterAttempt(1, 'busy')).toEqual({ attempts: 2, closing: null });
    expect(afterAttempt(2, 'message_left')).toEqual({ attempts: 3, closing: 'attempts_used' });
  });
});
