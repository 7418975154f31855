// How long a sign-in must wait after failed attempts (decision 27). Failures slow guessing down
// with a delay that doubles with each one past a few free ones, capped at a few minutes; nothing
// ever locks an account. Each key (the account from one address, the account from anywhere, one
// trusted device) is judged on its own failures, and the longest wait wins.

export interface DelayRule {
  /** Failures allowed without any wait (typing mistakes). */
  freeFailures: number;
  /** The wait after the first failure past the free ones; each further failure doubles it. */
  firstDelaySeconds: number;
  /** No wait is ever longer than this. */
  maxDelaySeconds: number;
}

export interface SignInDelayPolicy {
  /** Failures older than this are forgotten. */
  windowMinutes: number;
  /** The account from one address: a person mistyping at their own desk. */
  accountFromAddress: DelayRule;
  /** The account from any address: guessing spread over many addresses. */
  account: DelayRule;
  /** A device the person signed in from before: only its own failures count. */
  trustedDevice: DelayRule;
}

export const DEFAULT_SIGN_IN_DELAY_POLICY: SignInDelayPolicy = {
  windowMinutes: 60,
  accountFromAddress: { freeFailures: 3, firstDelaySeconds: 2, maxDelaySeconds: 300 },
  account: { freeFailures: 10, firstDelaySeconds: 2, maxDelaySeconds: 300 },
  trustedDevice: { freeFailures: 5, firstDelaySeconds: 2, maxDelaySeconds: 300 },
};

/** The failures counted for one key within the window: how many, and when the last was. */
export interface FailureCount {
  failures: number;
  lastFailureAt: Date | null;
}

/** The delay a number of failures earns under a rule, in seconds (0 while they are free). */
export function delayAfter(failures: number, rule: DelayRule): number {
  const excess = failures - rule.freeFailures;
  if (excess <= 0) return 0;
  // 2^excess overflows to Infinity long before it matters; the cap takes over well before.
  return Math.min(rule.maxDelaySeconds, rule.firstDelaySeconds * 2 ** (excess - 1));
}

/** Seconds still to wait for one key at `now`, counted from its last failure; 0 to go ahead. */
export function secondsToWait(count: FailureCount, rule: DelayRule, now: Date): number {
  if (!count.lastFailureAt) return 0;
  const until = count.lastFailureAt.getTime() + delayAfter(count.failures, rule) * 1000;
  return Math.max(0, Math.ceil((until - now.getTime()) / 1000));
}

/**
 * Seconds a sign-in must wait, or 0. A sign-in from a trusted device is judged by that device's
 * failures alone: whatever an attacker does from elsewhere, the person can get in from it.
 */
export function signInWait(
  counts:
    { trustedDevice: FailureCount } | { accountFromAddress: FailureCount; account: FailureCount },
  policy: SignInDelayPolicy,
  now: Date,
): number {
  if ('trustedDevice' in counts) {
    return secondsToWait(counts.trustedDevice, policy.trustedDevice, now);
  }
  return Math.max(
    secondsToWait(counts.accountFromAddress, policy.accountFromAddress, now),
    secondsToWait(counts.account, policy.account, now),
  );
}
