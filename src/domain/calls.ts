/**
 * Telephone calls as the exchange reports them (clauses 15–17): the events, a call's state
 * worked out from what has arrived so far (in any order, any number of times), and what a missed
 * call or a voicemail owes the caller.
 */

import { addCalendarDays } from './riga-time';

export const CALL_EVENTS = ['new_call', 'answer', 'hangup', 'transfer', 'voicemail'] as const;
export type CallEvent = (typeof CALL_EVENTS)[number];

export const CALL_DIRECTIONS = ['in', 'out'] as const;
export type CallDirection = (typeof CALL_DIRECTIONS)[number];

export const HANGUP_CAUSES = ['normal', 'busy', 'cancelled', 'no_answer'] as const;
export type HangupCause = (typeof HANGUP_CAUSES)[number];

/** ringing → answered → ended; or ringing → missed; or a message left: voicemail. */
export const CALL_STATES = ['ringing', 'answered', 'ended', 'missed', 'voicemail'] as const;
export type CallState = (typeof CALL_STATES)[number];

/** A unit's order of ringing its staff (clause 15.1). */
export const ROTATIONS = ['round_robin', 'longest_idle'] as const;
export type Rotation = (typeof ROTATIONS)[number];

export const CALLBACK_KINDS = ['missed_call', 'voicemail'] as const;
export type CallbackKind = (typeof CALLBACK_KINDS)[number];

export const CALLBACK_STATES = ['open', 'claimed', 'closed'] as const;
export type CallbackState = (typeof CALLBACK_STATES)[number];

export const ATTEMPT_OUTCOMES = [
  'reached',
  'no_answer',
  'busy',
  'wrong_number',
  'message_left',
] as const;
export type AttemptOutcome = (typeof ATTEMPT_OUTCOMES)[number];

/** Why a callback closed: the resident reached, the attempts used up, or they got through. */
export const CALLBACK_CLOSINGS = [
  'reached',
  'attempts_used',
  'caller_got_through',
  'closed_by_staff',
] as const;
export type CallbackClosing = (typeof CALLBACK_CLOSINGS)[number];

/**
 * How many times a clerk tries before the callback closes unanswered. The standard asks for a
 * call back "at the nearest possible time" and sets no number; three tries on different hours is
 * the common practice of the centres (the policy may be made configurable later).
 */
export const CALLBACK_ATTEMPTS = 3;

/** What is known of a call: each moment once its event has arrived. */
export interface CallFacts {
  direction: CallDirection;
  answeredAt: Date | null;
  endedAt: Date | null;
  hangupCause: HangupCause | null;
  voicemailAt: Date | null;
}

/**
 * The call's state from its facts, whatever order the events came in: a hangup that arrived
 * before the answer still makes an ended, answered call once the answer arrives.
 */
export function callStateOf(call: CallFacts): CallState {
  if (call.voicemailAt) return 'voicemail';
  if (call.answeredAt) return call.endedAt ? 'ended' : 'answered';
  if (call.endedAt) return 'missed';
  return 'ringing';
}

/**
 * An incoming call owes a callback when it ended unanswered and the caller left no message (a
 * voicemail owes one of its own kind). A caller who hung up before anyone could answer
 * ("cancelled") is called back too: clause 15.1 does not ask why the call was missed. A caller
 * who withheld their number cannot be rung back.
 */
export function owesCallback(call: CallFacts, number: string): boolean {
  return call.direction === 'in' && callStateOf(call) === 'missed' && !isWithheld(number);
}

/**
 * What an exchange sends for a caller who withheld their number (Zammad's CTI API and most SIP
 * exchanges say "anonymous"). Such a call is logged like any other, but nobody can ring it back.
 */
export const WITHHELD_CALLER = 'anonymous';

/** A number with no digits left (a withheld caller's) cannot be rung back or matched to a client. */
export function isWithheld(number: string): boolean {
  return normalisePhone(number) === '';
}

/** A phone number as the exchange and the client records may write it, reduced to compare. */
export function normalisePhone(number: string): string {
  const digits = number.replace(/[^0-9+]/g, '');
  if (digits.startsWith('+')) return `+${digits.slice(1).replace(/\+/g, '')}`;
  if (digits.startsWith('00')) return `+${digits.slice(2)}`;
  // A Latvian number is 8 digits; the exchange often sends it without the country code.
  if (/^[2-9][0-9]{7}$/.test(digits)) return `+371${digits}`;
  return digits;
}

/** How many trailing digits two numbers are compared by: a Latvian number's length. */
export const PHONE_KEY_DIGITS = 8;

/**
 * The part of a number a caller is recognised by: its last eight digits, so "+371 26 000 001",
 * "26000001" and "0037126000001" are the same caller. Null for a number too short to tell a
 * caller by (an extension, a service code): it would match unrelated records.
 */
export function phoneKeyOf(number: string): string | null {
  const digits = number.replace(/[^0-9]/g, '');
  return digits.length >= PHONE_KEY_DIGITS ? digits.slice(-PHONE_KEY_DIGITS) : null;
}

/** How many times a recording given by URL is fetched before it is given up. */
export const RECORDING_FETCH_ATTEMPTS = 5;
const RECORDING_RETRY_MINUTES = [1, 5, 15, 60];

/**
 * When a recording whose fetch failed is tried again, after the attempts made so far; null: the
 * tries are used up (the call keeps its voicemail and callback, without the recording).
 */
export function recordingRetryAt(attempts: number, now: Date): Date | null {
  if (attempts >= RECORDING_FETCH_ATTEMPTS) return null;
  const minutes = RECORDING_RETRY_MINUTES[Math.min(attempts, RECORDING_RETRY_MINUTES.length) - 1];
  return new Date(now.getTime() + (minutes ?? 1) * 60_000);
}

/** The days the load chart counts when none are asked for: four whole weeks up to today. */
export const LOAD_DEFAULT_DAYS = 28;
/** The longest period the load chart counts, as the calendar's longest range (two years). */
export const LOAD_MAX_DAYS = 731;

/**
 * The first and last day (Riga dates) the load chart counts: as asked, else the four weeks that
 * end on the last day asked or today; a first day alone runs to today.
 */
export function loadPeriodOf(
  asked: { from?: string | undefined; to?: string | undefined },
  today: string,
): { from: string; to: string } {
  const to = asked.to ?? today;
  const from = asked.from ?? addCalendarDays(to, 1 - LOAD_DEFAULT_DAYS);
  return { from, to };
}

/** The state of a callback after an attempt: closed when reached or when the tries are used up. */
export function afterAttempt(
  attemptsBefore: number,
  outcome: AttemptOutcome,
): { attempts: number; closing: CallbackClosing | null } {
  const attempts = attemptsBefore + 1;
  if (outcome === 'reached') return { attempts, closing: 'reached' };
  if (attempts >= CALLBACK_ATTEMPTS) return { attempts, closing: 'attempts_used' };
  return { attempts, closing: null };
}
