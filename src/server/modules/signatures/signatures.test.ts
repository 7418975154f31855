import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { TRequestDetail } from '../../../contracts/requests.contracts';
import type { TSignatureTemplates } from '../../../contracts/signatures.contracts';
import { DEFAULT_SIGNATURES } from '../../../domain/letters';
import { systemContext } from '../../http/access';
import {
  call,
  createContact,
  createTestApp,
  fieldErrorsOf,
  signedIn,
  type Session,
  type TestApp,
} from '../../testing/test-app';

const ctx = systemContext('signatures-test');
// The test clock stands at Tuesday 10 March 2026, 11:00 in Riga.
const TUESDAY = '2026-03-10T09:00:00Z';
const unique = () => randomBytes(4).toString('hex');

describe('signatures (clause 21.2.5)', () => {
  let test: TestApp;
  let admin: Session;
  beforeAll(async () => {
    test = await createTestApp();
    admin = await signedIn(test, { roles: ['administrator'] });
  });
  afterAll(() => test.close());
  beforeEach(async () => {
    test.clock.set(TUESDAY);
    // Every test starts from the templates a new installation has.
    await test.database.db
      .updateTable('signature_templates')
      .set((eb) => ({
        template: eb
          .case()
          .when('language', '=', 'en')
          .then(DEFAULT_SIGNATURES.en)
          .else(DEFAULT_SIGNATURES.lv)
          .end(),
      }))
      .execute();
  });

  /** A clerk of a unit of an institution with a website, and a request by email of that unit. */
  async function desk(profile: { phone?: string } = {}) {
    const institution = await test.services.institutions.create(ctx, {
      name: `Ozolu novada pašvaldība ${unique()}`,
      kind: 'municipality',
      website: 'https://www.ozolunovads.lv',
    });
    const unit = await test.services.units.create(ctx, {
      institutionId: institution.id,
      name: `Klientu apkalpošanas centrs ${unique()}`,
      kind: 'client_service_centre',
    });
    const clerk = await signedIn(test, {
      unitIds: [unit.id],
      givenName: 'Ilze',
      surname: 'Kalniņa',
      position: 'Klientu apkalpošanas speciāliste',
      ...profile,
    });
    const contact = await createContact(test.services, unit.id, {
      channel: 'email',
      newClient: {
        kind: 'person',
        givenName: 'Jānis',
        surname: 'Bērziņš',
        email: 'janis@example.lv',
      },
    });
    const request = contact.requests[0];
    if (!request) throw new Error('no request');
    return { institution, unit, clerk, request };
  }

  const reply = (session: Session, request: { id: string; version: number }, extra = {}) =>
    call(test.app, session, {
      method: 'POST',
      url: `/api/v1/requests/${request.id}/replies`,
      payload: {
        subject: 'Atbilde',
        body: 'Labdien!\nDeklarēt var portālā latvija.gov.lv.',
        version: request.version,
        ...extra,
      },
    });

  it('signs a clerk’s reply from their profile and the template, under the text', async () => {
    const { institution, unit, clerk, request } = await desk({ phone: '+371 67000001' });

    const response = await reply(clerk, request);

    expect(response.statusCode, response.body).toBe(200);
    const letter = response.json<TRequestDetail>().outgoingMessages.at(-1);
    expect(letter?.body).toBe(
      [
        'Labdien!\nDeklarēt var portālā latvija.gov.lv.',
        '',
        'Ar cieņu',
        'Ilze Kalniņa',
        'Klientu apkalpošanas speciāliste',
        unit.name,
        institution.name,
        'Tālrunis: +371 67000001',
        `E-pasts: ${clerk.person.email}`,
        'https://www.ozolunovads.lv',
      ].join('\n'),
    );
  });

  it('leaves out a line the profile has nothing for, and signs in English when asked', async () => {
    const { clerk, request } = await desk();

    const response = await reply(clerk, request, { language: 'en' });

    const body = response.json<TRequestDetail>().outgoingMessages.at(-1)?.body ?? '';
    expect(body).toContain('Kind regards\nIlze Kalniņa');
    expect(body).not.toContain('Phone');
    expect(body).toContain(`Email: ${clerk.person.email}`);
  });

  it('takes no signature from the clerk: a reply carrying one is refused and nothing is queued', async () => {
    const { clerk, request } = await desk();

    const response = await reply(clerk, request, { signature: 'Jūsu draugs' });

    expect(response.statusCode).toBe(400);
    const detail = await call(test.app, clerk, {
      method: 'GET',
      url: `/api/v1/requests/${request.id}`,
    });
    expect(detail.json<TRequestDetail>().outgoingMessages).toEqual([]);
  });

  it('lets only the administrator change the template; later letters follow it', async () => {
    const { clerk, request } = await desk();
    const templates = await call(test.app, admin, {
      method: 'GET',
      url: '/api/v1/signature-templates',
    });
    expect(templates.statusCode).toBe(200);
    const lv = templates.json<TSignatureTemplates>().items.find((item) => item.language === 'lv');
    if (!lv) throw new Error('no Latvian template');
    const put = (session: Session, payload: object) =>
      call(test.app, session, {
        method: 'PUT',
        url: '/api/v1/signature-templates/lv',
        payload,
      });

    expect(
      (await put(clerk, { template: 'Ar cieņu, {vārds}', version: lv.version })).statusCode,
    ).toBe(403);
    const unknown = await put(admin, { template: 'Ar cieņu, {segvārds}', version: lv.version });
    expect(unknown.statusCode).toBe(400);
    expect(fieldErrorsOf(unknown)).toEqual([
      expect.objectContaining({ field: 'template', code: 'unknown_signature_placeholder' }),
    ]);
    const changed = await put(admin, {
      template: 'Ar cieņu\n{vārds} {uzvārds}, {amats}',
      version: lv.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const stale = await put(admin, { template: 'Sveicieni\n{vārds}', version: lv.version });
    expect(stale.statusCode).toBe(409);

    const sent = await reply(clerk, request);
    expect(sent.json<TRequestDetail>().outgoingMessages.at(-1)?.body).toMatch(
      /\n\nAr cieņu\nIlze Kalniņa, Klientu apkalpošanas speciāliste$/u,
    );
    const mine = await call(test.app, clerk, {
      method: 'GET',
      url: '/api/v1/signatures/mine?language=lv',
    });
    expect(mine.json()).toMatchObject({
      text: 'Ar cieņu\nIlze Kalniņa, Klientu apkalpošanas speciāliste',
    });
  });

  it('signs the interim letter of an extension with the clerk’s signature', async () => {
    const { clerk, request } = await desk();

    const extended = await call(test.app, clerk, {
      method: 'POST',
      url: `/api/v1/requests/${request.id}/extension`,
      payload: { dueOn: '2026-04-30', reason: 'Jāsaņem ziņas no VZD', version: request.version },
    });

    expect(extended.statusCode, extended.body).toBe(200);
    const detail = await call(test.app, clerk, {
      method: 'GET',
      url: `/api/v1/requests/${request.id}`,
    });
    const interim = detail.json<TRequestDetail>().outgoingMessages.at(-1);
    expect(interim?.body).toContain('Iemesls: Jāsaņem ziņas no VZD');
    expect(interim?.body).toContain('\n\nAr cieņu\nIlze Kalniņa');
  });
});
