import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SIGN_IN_DELAY_POLICY as policy,
  delayAfter,
  secondsToWait,
  signInWait,
  type DelayRule,
} from './sign-in-delay';

const rule: DelayRule = { freeFailures: 3, firstDelaySeconds: 2, maxDelaySeconds: 300 };
const at = (seconds: number) => new Date(Date.UTC(2026, 2, 10, 9, 0, seconds));

describe('the delay after failed sign-ins', () => {
  it('lets the first few mistakes pass without any wait', () => {
    expect([0, 1, 2, 3].map((failures) => delayAfter(failures, rule))).toEqual([0, 0, 0, 0]);
  });

  it('doubles with each further failure', () => {
    expect([4, 5, 6, 7, 8].map((failures) => delayAfter(failures, rule))).toEqual([
      2, 4, 8, 16, 32,
    ]);
  });

  it('never grows past the cap, however many failures there are', () => {
    expect(delayAfter(12, rule)).toBe(300);
    expect(delayAfter(5000, rule)).toBe(300);
  });
});

describe('the wait for one key', () => {
  it('counts from the last failure and ends when the delay has passed', () => {
    const count = { failures: 6, lastFailureAt: at(0) };
    expect(secondsToWait(count, rule, at(0))).toBe(8);
    expect(secondsToWait(count, rule, at(5))).toBe(3);
    expect(secondsToWait(count, rule, at(8))).toBe(0);
    expect(secondsToWait(count, rule, at(60))).toBe(0);
  });

  it('rounds a part of a second up, so that the time told is never too early', () => {
    const count = { failures: 4, lastFailureAt: at(0) };
    expect(secondsToWait(count, rule, new Date(at(0).getTime() + 500))).toBe(2);
  });

  it('is none without failures', () => {
    expect(secondsToWait({ failures: 0, lastFailureAt: null }, rule, at(0))).toBe(0);
  });
});

describe('the wait for a sign-in', () => {
  const none = { failures: 0, lastFailureAt: null };

  it('is the longer of the account-from-address and the account waits', () => {
    const wait = signInWait(
      { accountFromAddress: { failures: 5, lastFailureAt: at(0) }, account: none },
      policy,
      at(1),
    );
    expect(wait).toBe(3);
    const spread = signInWait(
      { accountFromAddress: none, account: { failures: 60, lastFailureAt: at(0) } },
      policy,
      at(0),
    );
    expect(spread).toBe(300);
  });

  it('from a trusted device, goes by that device’s own failures only', () => {
    expect(signInWait({ trustedDevice: none }, policy, at(0))).toBe(0);
    expect(
      signInWait({ trustedDevice: { failures: 7, lastFailureAt: at(0) } }, policy, at(0)),
    ).toBe(4);
  });

  it('is at most a few minutes: nothing locks an account', () => {
    const flood = { failures: 100_000, lastFailureAt: at(0) };
    expect(signInWait({ accountFromAddress: flood, account: flood }, policy, at(0))).toBe(300);
    expect(signInWait({ accountFromAddress: flood, account: flood }, policy, at(300))).toBe(0);
  });
});
