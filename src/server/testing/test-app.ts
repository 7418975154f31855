import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { inject } from 'vitest';
import type { TProblem } from '../../contracts/common';
import type { TCreateContactBody } from '../../contracts/contacts.contracts';
import type { TNewRequestInput } from '../../contracts/requests.contracts';
import type { TCreateStaffBody, TStaff } from '../../contracts/staff.contracts';
import { checkDigitOf } from '../../domain/personal-code';
import type { Role } from '../../domain/roles';
import { createArgon2Hasher } from '../adapters/password-hasher';
import { buildApp, type AppOptions, type Services } from '../app';
import type { Database } from '../db/database';
import { systemContext } from '../http/access';
import { CSRF_HEADER, SESSION_COOKIE } from '../http/authentication';
import { openTestDatabase } from './test-database';
import { createTestClock, type TestClock } from './test-clock';

/** The lowest argon2id cost: tests sign in often, and the cost is not what they test. */
export const testHasher = createArgon2Hasher({ memoryCost: 1024, timeCost: 1 });

export const TEST_PASSWORD = 'correct horse battery';

export interface TestApp {
  app: FastifyInstance;
  services: Services;
  database: Database;
  clock: TestClock;
  close(): Promise<void>;
}

/** The application on a database of its own, with a clock the test controls. */
export async function createTestApp(options: Partial<AppOptions> = {}): Promise<TestApp> {
  const database = await openTestDatabase(inject('testDatabase'));
  const clock = createTestClock();
  const { app, services } = await buildApp({ database, clock, hasher: testHasher, ...options });
  await app.ready();
  return {
    app,
    services,
    database,
    clock,
    async close() {
      await app.close();
      await database.close();
    },
  };
}

const unique = () => randomBytes(4).toString('hex');

/** A unit in a new institution of its own, so tests never share organisation data. */
export async function createUnit(services: Services, name = `Nodaļa ${unique()}`) {
  const ctx = systemContext('test');
  const institution = await services.institutions.create(ctx, {
    name: `Iestāde ${unique()}`,
    kind: 'municipality',
  });
  return services.units.create(ctx, { institutionId: institution.id, name, kind: 'department' });
}

/** A person with the given roles and units who can sign in with TEST_PASSWORD. */
export async function createPerson(
  services: Services,
  options: { roles?: Role[]; unitIds?: string[] } & Partial<TCreateStaffBody> = {},
): Promise<TStaff> {
  const { roles = ['specialist'], unitIds = [], ...rest } = options;
  return services.staff.create(systemContext('test'), {
    givenName: 'Tests',
    surname: `Lietotājs ${unique()}`,
    position: 'Speciālists',
    email: `test.${unique()}@example.lv`,
    roles,
    units: unitIds.map((unitId, index) => ({ unitId, primary: index === 0 })),
    password: TEST_PASSWORD,
    ...rest,
  });
}

/** A signed-in session: the headers to send with each request as that person. */
export interface Session {
  person: TStaff;
  cookie: string;
  csrfToken: string;
  headers: Record<string, string>;
}

export async function signIn(
  app: FastifyInstance,
  person: TStaff,
  password = TEST_PASSWORD,
): Promise<Session> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email: person.email, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`sign-in of ${person.email} failed: ${response.statusCode} ${response.body}`);
  }
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (!cookie) throw new Error('sign-in set no session cookie');
  const { csrfToken } = response.json<{ csrfToken: string }>();
  return {
    person,
    cookie: cookie.value,
    csrfToken,
    headers: { cookie: `${SESSION_COOKIE}=${cookie.value}`, [CSRF_HEADER]: csrfToken },
  };
}

/** A person with the roles, signed in. */
export async function signedIn(
  test: TestApp,
  options: { roles?: Role[]; unitIds?: string[] } & Partial<TCreateStaffBody> = {},
): Promise<Session> {
  return signIn(test.app, await createPerson(test.services, options));
}

/** Sends a request as the session's person. */
export function call(
  app: FastifyInstance,
  session: Session | null,
  request: InjectOptions & { method: NonNullable<InjectOptions['method']>; url: string },
): Promise<LightMyRequestResponse> {
  return app.inject({
    ...request,
    headers: { ...(session?.headers ?? {}), ...(request.headers ?? {}) },
  });
}

/** The problem+json body of a refused request. */
export function problemOf(response: LightMyRequestResponse): TProblem {
  return response.json<TProblem>();
}

/** Each invalid field as the web app keys its messages: where it is and why. */
export function fieldErrorsOf(
  response: LightMyRequestResponse,
): Array<{ field: string; code: string }> {
  return (problemOf(response).errors ?? []).map(({ field, code }) => ({ field, code }));
}

/**
 * A contact in the unit, made by the system, with one request per service named (all handled
 * by that unit unless the input says otherwise).
 */
export async function createContact(
  services: Services,
  unitId: string,
  options: Partial<Omit<TCreateContactBody, 'requests'>> & {
    services?: Array<string | Partial<TNewRequestInput>>;
  } = {},
) {
  const { services: asked = ['Dzīvesvietas deklarēšana'], ...rest } = options;
  return services.contacts.create(systemContext('test'), {
    channel: 'in_person',
    unitId,
    queue: false,
    ...rest,
    requests: asked.map((item) => ({
      kind: 'consultation',
      unitId,
      ...(typeof item === 'string' ? { service: item } : { service: 'Konsultācija', ...item }),
    })),
  });
}

/** A multipart/form-data body carrying one file in the field "file", as a browser sends it. */
export function multipartFile(filename: string, content: Buffer | string, contentType: string) {
  const boundary = `----apkalpo${unique()}`;
  const payload = Buffer.concat([
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\n` +
        `Content-Type: ${contentType}\r\n\r\n`,
    ),
    Buffer.isBuffer(content) ? content : Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/**
 * A valid personal code no other test uses: the old form (a birth date in the 1980s, century
 * digit 1, the right check digit) or the new form (eleven digits from 32).
 */
export function uniquePersonalCode(form: 'old' | 'new' = 'old'): string {
  for (;;) {
    const random = randomBytes(6).readUIntBE(0, 6);
    if (form === 'new') return `32${String(random % 10 ** 9).padStart(9, '0')}`;
    const day = String(1 + (random % 28)).padStart(2, '0');
    const month = String(1 + (Math.floor(random / 32) % 12)).padStart(2, '0');
    const year = String(80 + (Math.floor(random / 512) % 10));
    const serial = String(Math.floor(random / 8192) % 1000).padStart(3, '0');
    const firstTen = `${day}${month}${year}1${serial}`;
    const check = checkDigitOf(firstTen);
    if (check < 10) return `${firstTen.slice(0, 6)}-${firstTen.slice(6)}${check}`;
  }
}

/** A unit with a specialist signed in, and a request of that unit: where request tests start. */
export async function requestDesk(test: TestApp, service = 'Dzīvesvietas deklarēšana') {
  const unit = await createUnit(test.services);
  const clerk = await signedIn(test, { unitIds: [unit.id] });
  const contact = await createContact(test.services, unit.id, {
    channel: 'email',
    newClient: { kind: 'person', givenName: 'Jānis', surname: 'Bērziņš' },
    services: [service],
  });
  const request = contact.requests[0];
  if (!request) throw new Error('no request');
  return { unit, clerk, contact, request };
}
