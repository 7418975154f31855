import type { EventEmitter } from 'node:events';
import autocannon from 'autocannon';
import type { TMe } from '../src/contracts/auth.contracts';
import type { TRequestPage } from '../src/contracts/requests.contracts';
import type { TUnitPage } from '../src/contracts/units.contracts';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/server/http/authentication';
import { QUERY_KINDS } from './knowledge-data';

// The clerks at work: signed-in sessions over real HTTP, what each may open, the scenarios as
// the web app sends them, and autocannon driving one scenario at a number of connections with
// every answer checked.

export interface Session {
  email: string;
  id: string;
  units: ReadonlyArray<{ id: string; name: string }>;
  /** The cookie, for reading; with the CSRF token, for writing. */
  read: Record<string, string>;
  write: Record<string, string>;
}

/** Signs in as the web app does: the session cookie, and the CSRF token for changes. */
export async function signInOverHttp(
  base: string,
  email: string,
  password: string,
): Promise<Session> {
  const response = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) {
    throw new Error(`sign-in of ${email}: HTTP ${response.status} ${await response.text()}`);
  }
  const cookie = response.headers
    .getSetCookie()
    .find((value) => value.startsWith(`${SESSION_COOKIE}=`))
    ?.split(';')[0];
  const me = (await response.json()) as TMe;
  if (!cookie || !me.csrfToken) throw new Error(`sign-in of ${email}: no session cookie`);
  return {
    email,
    id: me.id,
    units: me.units,
    read: { cookie },
    write: { cookie, [CSRF_HEADER]: me.csrfToken, 'content-type': 'application/json' },
  };
}

async function getJson<T>(base: string, session: Session, path: string): Promise<T> {
  const response = await fetch(`${base}${path}`, { headers: session.read });
  if (!response.ok) {
    throw new Error(
      `${session.email} GET ${path}: HTTP ${response.status} ${await response.text()}`,
    );
  }
  return (await response.json()) as T;
}

/** What the scenarios draw from: who works, what each may open, clients and units to write to. */
export interface Desk {
  /** Clerks with work lists of their own (specialists of several units). */
  specialists: Session[];
  /** Everyone signed in, the head of client service too. */
  everyone: Session[];
  requestIds: Map<Session, string[]>;
  /** A page far into each specialist's unit list (about four fifths of the way, at most 40). */
  deepPage: Map<Session, number>;
  clientIds: string[];
  unitIds: string[];
}

const PAGE_SIZE = 25;
const LIST = `sort=due&order=asc`;

/**
 * Asks the server, as each clerk, which requests they may open (newest and older pages of all
 * they see, so opening reaches into history), how long their unit's list is, and which clients
 * and units there are: every scenario asks only for what its clerk may see.
 */
export async function discover(
  base: string,
  specialists: Session[],
  others: Session[],
): Promise<Desk> {
  const everyone = [...specialists, ...others];
  const requestIds = new Map<Session, string[]>();
  const deepPage = new Map<Session, number>();
  const clients = new Set<string>();
  for (const session of everyone) {
    const ids: string[] = [];
    for (const page of [1, 5, 20]) {
      const found = await getJson<TRequestPage>(
        base,
        session,
        `/api/v1/requests?list=all&sort=number&order=desc&page=${page}&pageSize=100`,
      );
      for (const item of found.items) {
        ids.push(item.id);
        if (item.client) clients.add(item.client.id);
      }
    }
    if (ids.length > 0) requestIds.set(session, ids);
  }
  for (const session of specialists) {
    const unit = await getJson<TRequestPage>(
      base,
      session,
      `/api/v1/requests?list=unit&${LIST}&page=1&pageSize=${PAGE_SIZE}`,
    );
    const pages = Math.ceil(unit.total / PAGE_SIZE);
    deepPage.set(session, Math.max(2, Math.min(40, Math.floor(pages * 0.8))));
  }
  const units = await getJson<TUnitPage>(
    base,
    everyone[0] as Session,
    '/api/v1/units?pageSize=500',
  );
  if (requestIds.size === 0) throw new Error('no clerk sees any request: is the data loaded?');
  if (clients.size === 0) throw new Error('the requests found have no clients');
  return {
    specialists,
    everyone,
    requestIds,
    deepPage,
    clientIds: [...clients],
    unitIds: units.items.map((unit) => unit.id),
  };
}

export interface Call {
  /** The scenario it belongs to (the mixed profile is made of the others). */
  kind: string;
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface Scenario {
  name: string;
  what: string;
  writes: boolean;
  next: () => Call;
}

/** Goes round the items, one after another, for ever. */
function rotation<T>(items: readonly T[]): () => T {
  if (items.length === 0) throw new Error('nothing to go round');
  let index = 0;
  return () => items[index++ % items.length] as T;
}

/** One in ten a write: a day at a desk is mostly looking things up. */
const MIX = [
  'list-mine',
  'counts',
  'open-request',
  'list-unit',
  'search',
  'counts',
  'open-request',
  'list-mine',
  'list-deep',
  'contact',
] as const;

export function scenariosOf(desk: Desk): Scenario[] {
  const specialist = rotation(desk.specialists);
  const anyone = rotation(desk.everyone);
  const get = (kind: string, session: Session, path: string): Call => ({
    kind,
    method: 'GET',
    path,
    headers: session.read,
  });
  const opening = [...desk.requestIds].map(([session, ids]) => ({ session, id: rotation(ids) }));
  const opener = rotation(opening);
  const queries = rotation(QUERY_KINDS.flatMap(([, words]) => words));
  // A stride through the clients, so that consecutive contacts are for different people.
  let contacts = 0;
  const otherUnit = rotation(desk.unitIds);

  const scenarios: Scenario[] = [
    {
      name: 'list-mine',
      what: 'work list "mine", first page',
      writes: false,
      next: () =>
        get(
          'list-mine',
          specialist(),
          `/api/v1/requests?list=mine&${LIST}&page=1&pageSize=${PAGE_SIZE}`,
        ),
    },
    {
      name: 'list-unit',
      what: 'work list "unit", first page',
      writes: false,
      next: () =>
        get(
          'list-unit',
          specialist(),
          `/api/v1/requests?list=unit&${LIST}&page=1&pageSize=${PAGE_SIZE}`,
        ),
    },
    {
      name: 'list-deep',
      what: 'work list "unit", a deep page',
      writes: false,
      next: () => {
        const session = specialist();
        const page = desk.deepPage.get(session) ?? 2;
        return get(
          'list-deep',
          session,
          `/api/v1/requests?list=unit&${LIST}&page=${page}&pageSize=${PAGE_SIZE}`,
        );
      },
    },
    {
      name: 'counts',
      what: 'the work lists’ badge counts',
      writes: false,
      next: () => get('counts', anyone(), '/api/v1/requests/counts'),
    },
    {
      name: 'open-request',
      what: 'opening a request with its timeline',
      writes: false,
      next: () => {
        const { session, id } = opener();
        return get('open-request', session, `/api/v1/requests/${id()}`);
      },
    },
    {
      name: 'search',
      what: 'the knowledge search',
      writes: false,
      next: () =>
        get('search', anyone(), `/api/v1/search?q=${encodeURIComponent(queries())}&limit=8`),
    },
    {
      name: 'contact',
      what: 'a contact with three requests',
      writes: true,
      next: () => {
        const session = specialist();
        const unitId = session.units[0]?.id as string;
        contacts += 1;
        let referredTo = otherUnit();
        if (referredTo === unitId) referredTo = otherUnit();
        return {
          kind: 'contact',
          method: 'POST',
          path: '/api/v1/contacts',
          headers: session.write,
          body: JSON.stringify({
            channel: 'in_person',
            clientId: desk.clientIds[(contacts * 7919) % desk.clientIds.length],
            unitId,
            reason: 'Vēlas deklarēt dzīvesvietu un pieteikt pabalstu',
            requests: [
              {
                service: 'Dzīvesvietas deklarēšana',
                kind: 'application',
                unitId,
                ownerId: session.id,
              },
              { service: 'E-adreses lietošana', kind: 'consultation', unitId },
              {
                service: 'Sociālā pabalsta pieteikums',
                kind: 'application',
                caseType: 'submission',
                unitId: referredTo,
              },
            ],
          }),
        };
      },
    },
  ];
  const byName = new Map(scenarios.map((scenario) => [scenario.name, scenario]));
  const mix = rotation(MIX);
  scenarios.push({
    name: 'mixed',
    what: 'a working day: mostly reads, one write in ten',
    writes: true,
    next: () => (byName.get(mix()) as Scenario).next(),
  });
  return scenarios;
}

export interface Driven {
  /** Answers received in the window. */
  requests: number;
  seconds: number;
  /** Response times, ms, sorted; and by the kind of call (for the mixed profile). */
  latencies: number[];
  byKind: Record<string, number[]>;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** The first failures: what was asked and what came back. */
  failures: string[];
}

/**
 * Drives the scenario at `connections` for `seconds` and checks every answer: anything but 2xx,
 * and every network error or timeout, is counted and the first few are kept with their bodies.
 */
export function drive(
  base: string,
  scenario: Scenario,
  connections: number,
  seconds: number,
): Promise<Driven> {
  const latencies: number[] = [];
  const byKind: Record<string, number[]> = {};
  const failures: string[] = [];
  let non2xx = 0;
  // autocannon answers a response first to the request's onResponse, then (at once, on the same
  // connection) with its time: the call the time belongs to is the one just answered.
  let answered: Call | null = null;
  const request: autocannon.Request = {
    setupRequest: (template, context) => {
      const call = scenario.next();
      (context as { call?: Call }).call = call;
      return {
        ...template,
        method: call.method,
        path: call.path,
        headers: call.headers,
        body: call.body ?? '',
      };
    },
    onResponse: (status, body, context) => {
      answered = (context as { call?: Call }).call ?? null;
      if (status >= 200 && status < 300) return;
      non2xx += 1;
      if (failures.length < 5) {
        failures.push(
          `HTTP ${status} ${answered?.method} ${answered?.path}: ${body.slice(0, 400)}`,
        );
      }
    },
  };
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: base, connections, duration: seconds, timeout: 30, requests: [request] },
      (error: unknown, result: autocannon.Result) => {
        if (error) {
          reject(
            error instanceof Error ? error : new Error(`autocannon: ${JSON.stringify(error)}`),
          );
          return;
        }
        latencies.sort((a, b) => a - b);
        for (const times of Object.values(byKind)) times.sort((a, b) => a - b);
        resolve({
          requests: latencies.length,
          seconds: result.duration,
          latencies,
          byKind,
          errors: result.errors,
          timeouts: result.timeouts,
          non2xx,
          failures,
        });
      },
    );
    // The listener's arguments as autocannon passes them (its types leave out the client).
    (instance as EventEmitter).on(
      'response',
      (_client: unknown, _status: number, _bytes: number, ms: number) => {
        latencies.push(ms);
        const kind = answered?.kind ?? scenario.name;
        (byKind[kind] ??= []).push(ms);
      },
    );
    (instance as EventEmitter).on('reqError', (error: Error) => {
      if (failures.length < 5) failures.push(`network: ${error.message}`);
    });
  });
}
