import { setTimeout as sleepFor } from 'node:timers/promises';
import type { z } from 'zod';
import type {
  CallEventBody,
  TCallEventAnswer,
  TRouteAnswer,
} from '../../contracts/telephony.contracts';
import { demoRecording } from '../demo/seed-demo-phone';
import { CALL_OUTCOMES, type CallOutcome, type PlannedCall } from './phone-day';

// The simulated telephone exchange: it talks to a running Apkalpo over HTTP exactly as a real
// exchange would (README, "Phone"): the call-event API and the routing question, with an
// exchange's token. Events carry the moment they are sent, so what it plays is happening now.

export type CallEvent = z.input<typeof CallEventBody>;

/** The server answered an exchange's request with an error. */
export class ExchangeRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** The server could not be reached at all. */
export class ExchangeUnreachableError extends Error {}

export interface ExchangeClient {
  event(body: CallEvent): Promise<TCallEventAnswer>;
  route(number: string, callId: string): Promise<TRouteAnswer>;
}

/** The exchange's side of the API at `url` (the server's address), with its token. */
export function exchangeClient(url: string, token: string): ExchangeClient {
  const base = url.replace(/\/+$/, '');
  async function send<T>(path: string, init: RequestInit = {}): Promise<T> {
    let response: Response;
    try {
      response = await fetch(`${base}${path}`, {
        ...init,
        headers: {
          authorization: `Bearer ${token}`,
          ...(init.body ? { 'content-type': 'application/json' } : {}),
        },
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new ExchangeUnreachableError(
        `Apkalpo does not answer at ${base}${cause ? ` (${cause})` : ''}. Is it running (npm start)?`,
      );
    }
    const text = await response.text();
    if (!response.ok) {
      // A problem+json names what was wrong; anything else is shown as it came.
      let detail = text;
      try {
        const problem = JSON.parse(text) as { detail?: string; errors?: unknown };
        detail = [problem.detail, problem.errors ? JSON.stringify(problem.errors) : '']
          .filter(Boolean)
          .join(' ');
      } catch {
        // Not JSON: the text itself.
      }
      const hint = response.status === 401 ? ' Is the exchange token right?' : '';
      throw new ExchangeRequestError(
        response.status,
        `${init.method ?? 'GET'} ${path.split('?')[0]} answered ${response.status}: ${detail}${hint}`,
      );
    }
    return JSON.parse(text) as T;
  }
  return {
    event: (body) =>
      send<TCallEventAnswer>('/api/v1/telephony/events', {
        method: 'POST',
        body: JSON.stringify(body),
      }),
    route: (number, callId) =>
      send<TRouteAnswer>(
        `/api/v1/telephony/route?${new URLSearchParams({ number, callId }).toString()}`,
      ),
  };
}

export interface PlayOptions {
  client: ExchangeClient;
  /** Simulated seconds in a real second: 60 plays an hour in a minute. */
  speed: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  /** Told of each call as it ends. */
  report?: (line: string) => void;
}

/** What happened to a call: the plan's outcome, or busy when nobody in the unit was free. */
export interface PlayedCall {
  call: PlannedCall;
  outcome: CallOutcome;
  /** The extensions the route gave, in order. */
  rung: string[];
  answeredBy: string | null;
}

const clockOf = (second: number) => {
  const minutes = 8 * 60 + Math.floor(second / 60);
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
};

const lengthOf = (seconds: number) =>
  `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

function summaryOf(played: PlayedCall): string {
  const { call, outcome, answeredBy } = played;
  const what: Record<CallOutcome, string> = {
    answered: `answered by ${answeredBy ?? '?'}, talked ${lengthOf(call.talkSeconds)}`,
    transferred: `answered by ${answeredBy ?? '?'} and transferred, ${lengthOf(call.talkSeconds)}`,
    cancelled: `caller hung up after ${call.ringSeconds} s: missed`,
    no_answer: `nobody answered in ${call.ringSeconds} s: missed`,
    busy: played.rung.length === 0 ? 'nobody free: busy, missed' : 'busy: missed',
    voicemail: `voicemail${call.menuKey ? ` (menu ${call.menuKey})` : ''}`,
  };
  return `[${clockOf(call.startSecond)}] ${call.from} → ${call.to}: ${what[outcome]}`;
}

/**
 * One call as the exchange sees it: it rings (new_call), the exchange asks whom to ring, and
 * after the ringing it is answered (and perhaps transferred) and hung up, or given up, or left
 * as a voicemail. Waits are the plan's, divided by the speed.
 */
export async function playCall(call: PlannedCall, options: PlayOptions): Promise<PlayedCall> {
  const { client, speed } = options;
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms));
  const wait = (seconds: number) => sleep((seconds * 1000) / speed);
  const at = () => now().toISOString();
  const base = { callId: call.callId };

  await client.event({
    event: 'new_call',
    ...base,
    at: at(),
    direction: 'in',
    from: call.from,
    to: call.to,
  });
  const route = await client.route(call.to, call.callId);
  const rung = route.extensions.map((target) => target.extension);
  let outcome = call.outcome;
  // The plan meant someone to pick up, but nobody in the unit is free now.
  if ((outcome === 'answered' || outcome === 'transferred') && rung.length === 0) outcome = 'busy';
  // A transfer needs someone to transfer to.
  if (outcome === 'transferred' && rung.length < 2) outcome = 'answered';

  await wait(call.ringSeconds);
  let answeredBy: string | null = null;
  switch (outcome) {
    case 'answered':
    case 'transferred': {
      const index = Math.min(call.pickUp, rung.length - 1);
      answeredBy = rung[index] ?? null;
      await client.event({
        event: 'answer',
        ...base,
        at: at(),
        extension: answeredBy ?? undefined,
      });
      if (outcome === 'transferred') {
        await wait(Math.floor(call.talkSeconds / 3));
        const to = rung[(index + 1) % rung.length] as string;
        await client.event({ event: 'transfer', ...base, at: at(), to });
        await wait(call.talkSeconds - Math.floor(call.talkSeconds / 3));
      } else {
        await wait(call.talkSeconds);
      }
      await client.event({ event: 'hangup', ...base, at: at(), cause: 'normal' });
      break;
    }
    case 'cancelled':
    case 'no_answer':
    case 'busy':
      await client.event({ event: 'hangup', ...base, at: at(), cause: outcome });
      break;
    case 'voicemail':
      await client.event({
        event: 'voicemail',
        ...base,
        at: at(),
        ...(call.menuKey ? { menuKey: call.menuKey } : {}),
        recording: demoRecording(),
        contentType: 'audio/wav',
      });
      await client.event({ event: 'hangup', ...base, at: at(), cause: 'normal' });
      break;
  }
  const played = { call, outcome, rung, answeredBy };
  options.report?.(summaryOf(played));
  return played;
}

export interface DayResult {
  played: PlayedCall[];
  outcomes: Record<CallOutcome, number>;
}

/**
 * Plays the calls at their times (from the first call's, divided by the speed), several at
 * once as they overlap. The first failure stops calls not yet begun and is thrown once those
 * under way have ended.
 */
export async function playDay(
  calls: readonly PlannedCall[],
  options: PlayOptions,
): Promise<DayResult> {
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms));
  const first = calls[0]?.startSecond ?? 0;
  const failures: Error[] = [];
  const played: PlayedCall[] = [];
  await Promise.all(
    calls.map(async (call) => {
      await sleep(((call.startSecond - first) * 1000) / options.speed);
      if (failures.length > 0) return;
      try {
        played.push(await playCall(call, options));
      } catch (error) {
        failures.push(error instanceof Error ? error : new Error(String(error)));
      }
    }),
  );
  if (failures[0]) throw failures[0];
  const outcomes = Object.fromEntries(CALL_OUTCOMES.map((outcome) => [outcome, 0])) as Record<
    CallOutcome,
    number
  >;
  for (const call of played) outcomes[call.outcome] += 1;
  return { played, outcomes };
}

export interface RingOptions {
  from: string;
  to: string;
  callId: string;
  /** Seconds it rings before it is answered or given up. */
  ringSeconds: number;
  /** Answered by the first extension rung (and hung up after talkSeconds); else missed. */
  answer: boolean;
  talkSeconds: number;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
  report?: (line: string) => void;
}

/**
 * One call, played in real time: it rings (the caller card appears for whoever it rings), and
 * then is answered and ended, or is not answered and becomes a callback on the unit's list.
 */
export async function ringOnce(client: ExchangeClient, options: RingOptions): Promise<PlayedCall> {
  const report = options.report ?? (() => undefined);
  const call: PlannedCall = {
    callId: options.callId,
    startSecond: 0,
    from: options.from,
    to: options.to,
    outcome: options.answer ? 'answered' : 'no_answer',
    ringSeconds: options.ringSeconds,
    talkSeconds: options.answer ? options.talkSeconds : 0,
    pickUp: 0,
    menuKey: null,
  };
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => sleepFor(ms));
  let unitId: string | null = null;
  const played = await playCall(call, {
    client: {
      event: (body) => client.event(body),
      async route(number, callId) {
        const answer = await client.route(number, callId);
        const rung = answer.extensions.map((target) => target.extension);
        unitId = answer.unitId;
        report(
          answer.unitId === null
            ? `${options.to} is no unit's line: nobody is rung.`
            : rung.length === 0
              ? `Ringing: nobody in the unit is free (${answer.rotation ?? ''}).`
              : `Ringing ${rung.join(', ')} (${answer.rotation ?? ''}) for ${options.ringSeconds} s…`,
        );
        return answer;
      },
    },
    speed: 1,
    now,
    sleep,
  });
  report(
    played.outcome === 'answered'
      ? `Answered by ${played.answeredBy ?? '?'} and hung up after ${options.talkSeconds} s.`
      : unitId === null
        ? 'Nobody answered; the number is no unit’s line, so no callback is owed.'
        : 'Nobody answered: a missed call, now on the unit’s callback list.',
  );
  return played;
}
