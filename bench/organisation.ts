import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../src/server/app';
import { systemContext } from '../src/server/http/access';
import { CSRF_HEADER, SESSION_COOKIE } from '../src/server/http/authentication';
import type { Organisation } from './cases-data';

// The organisation the million requests of the cases and load benchmarks are spread over, made
// through the services as an administrator would, and signing in to it.

export const UNITS = 80;
/** The first CENTRES units are client service centres, the rest departments. */
export const CENTRES = 10;
export const STAFF_PER_UNIT = 10;
export const BENCH_PASSWORD = 'benchmark password';
export const HEAD_EMAIL = 'cs.head@example.lv';

/** The address of the first (u = unit, s = 0) or any person of a unit. */
export const staffEmail = (unit: number, slot = 0) => `person.${unit}.${slot}@example.lv`;

/** The id the loader gave a row (its bench_uuid), to refer to it. */
export function benchUuid(key: string): string {
  const h = createHash('md5').update(key).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20)}`;
}

export interface OrganiseOptions {
  /** The first person of each of the first `signers` units gets the password, to sign in. */
  signers: number;
  /** What the staff know, two each, for the knowledge search's people. */
  competences?: readonly string[];
}

/**
 * An institution, units and their people, and a head of client service who sees every request;
 * only those who sign in get a password (hashing is what takes the time).
 */
export async function organise(
  services: Services,
  options: OrganiseOptions,
): Promise<Organisation & { headEmail: string }> {
  const ctx = systemContext('bench');
  const municipality = await services.institutions.create(ctx, {
    name: 'Etalona novada pašvaldība',
    kind: 'municipality',
  });
  const institutionIds: string[] = [];
  for (const shortName of ['VSAA', 'VID', 'PMLP', 'VZD', 'NVA', 'LAD']) {
    const created = await services.institutions.create(ctx, {
      name: `Valsts iestāde ${shortName}`,
      shortName,
      kind: 'state',
    });
    institutionIds.push(created.id);
  }
  const unitIds: string[] = [];
  for (let u = 0; u < UNITS; u += 1) {
    const centre = u < CENTRES;
    const unit = await services.units.create(ctx, {
      institutionId: municipality.id,
      parentId: null,
      name: centre ? `Klientu apkalpošanas centrs ${u + 1}` : `Nodaļa ${u - CENTRES + 1}`,
      kind: centre ? 'client_service_centre' : 'department',
    });
    unitIds.push(unit.id);
  }
  const { competences } = options;
  const staffIds: string[] = [];
  for (let u = 0; u < UNITS; u += 1) {
    for (let s = 0; s < STAFF_PER_UNIT; s += 1) {
      const n = u * STAFF_PER_UNIT + s;
      const person = await services.staff.create(ctx, {
        givenName: ['Līga', 'Jānis', 'Anna', 'Pēteris', 'Ilze'][s % 5] as string,
        surname: `Speciālists ${u}.${s}`,
        position: 'Klientu apkalpošanas speciālists',
        email: staffEmail(u, s),
        roles: ['specialist'],
        units: [{ unitId: unitIds[u] as string, primary: true }],
        ...(competences && competences.length > 0
          ? {
              competences: [
                competences[n % competences.length] as string,
                competences[(n * 7 + 3) % competences.length] as string,
              ],
            }
          : {}),
        ...(u < options.signers && s === 0 ? { password: BENCH_PASSWORD } : {}),
      });
      staffIds.push(person.id);
    }
  }
  await services.staff.create(ctx, {
    givenName: 'Inese',
    surname: 'Vadītāja',
    position: 'Klientu apkalpošanas nodaļas vadītāja',
    email: HEAD_EMAIL,
    roles: ['client_service_head'],
    units: [{ unitId: unitIds[CENTRES] as string, primary: true }],
    password: BENCH_PASSWORD,
  });
  return {
    unitIds,
    centres: CENTRES,
    staffIds,
    staffPerUnit: STAFF_PER_UNIT,
    institutionIds,
    headEmail: HEAD_EMAIL,
  };
}

/** A session made in process (app.inject): its cookie and CSRF header, to send with requests. */
export async function signIn(app: FastifyInstance, email: string): Promise<Record<string, string>> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { email, password: BENCH_PASSWORD },
  });
  const cookie = response.cookies.find((c) => c.name === SESSION_COOKIE);
  if (response.statusCode !== 200 || !cookie) throw new Error(`sign-in of ${email} failed`);
  const { csrfToken } = response.json<{ csrfToken: string }>();
  return { cookie: `${SESSION_COOKIE}=${cookie.value}`, [CSRF_HEADER]: csrfToken };
}
