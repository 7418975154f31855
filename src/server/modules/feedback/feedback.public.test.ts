import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemContext } from '../../http/access';
import { backgroundJobs } from '../../jobs';
import {
  createPerson,
  createTestApp,
  createUnit,
  fieldErrorsOf,
  problemOf,
  type TestApp,
} from '../../testing/test-app';

describe('the public feedback form', () => {
  let test: TestApp;
  let unitId: string;
  let staffId: string;
  beforeAll(async () => {
    test = await createTestApp();
    const unit = await createUnit(test.services);
    unitId = unit.id;
    staffId = (await createPerson(test.services, { unitIds: [unit.id] })).id;
  });
  afterAll(() => test.close());

  let addressCount = 0;
  /** A client address of its own, so that tests never share a rate limit. */
  const freshAddress = () => `192.0.2.${++addressCount}`;

  const submit = (body: Record<string, unknown>, address = freshAddress()) =>
    test.app.inject({
      method: 'POST',
      url: '/api/public/feedback',
      remoteAddress: address,
      payload: { kind: 'complaint', unitId, text: 'Rinda bija ļoti gara.', ...body },
    });

  const rowsOf = (reference: string) =>
    test.database.db
      .selectFrom('feedback_items')
      .selectAll()
      .where('reference', '=', reference)
      .execute();

  it('takes a complaint without sign-in and answers with its reference', async () => {
    // Other tests move the clock on; the deadline below is counted from this moment.
    test.clock.set(new Date('2026-03-10T09:00:00Z'));
    const response = await submit({
      staffId,
      name: 'Anna Bērziņa',
      email: 'Anna@Example.lv',
      language: 'en',
    });

    expect(response.statusCode).toBe(201);
    const { reference } = response.json<{ reference: string }>();
    expect(reference).toMatch(/^ATS-2026-\d{5}$/);
    const [row] = await rowsOf(reference);
    expect(row).toMatchObject({
      kind: 'complaint',
      channel: 'web_form',
      unit_id: unitId,
      staff_id: staffId,
      email: 'anna@example.lv',
      language: 'en',
      registered_by: null,
      state: 'new',
    });
    // Received on Tuesday 10 March 2026 at 11:00 in Riga: ten working days later.
    expect(row?.answer_due_on).toBe('2026-03-24');
  });

  it('sets no answer deadline when no contact was left', async () => {
    const response = await submit({ kind: 'praise' });
    expect(response.statusCode).toBe(201);
    const [row] = await rowsOf(response.json<{ reference: string }>().reference);
    expect(row).toMatchObject({ answer_due_on: null, answer_due_at: null, language: 'lv' });
  });

  it('refuses a filled honeypot on its field and stores nothing', async () => {
    const before = await test.database.db
      .selectFrom('feedback_items')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const response = await submit({ website: 'http://spam.example' });
    expect(response.statusCode).toBe(400);
    expect(fieldErrorsOf(response)).toEqual([{ field: 'website', code: 'feedback_honeypot' }]);
    const after = await test.database.db
      .selectFrom('feedback_items')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it.each([
    ['an unknown kind', { kind: 'rant' }, 'kind'],
    ['a malformed unit', { unitId: 'not-a-uuid' }, 'unitId'],
    ['an empty text', { text: '   ' }, 'text'],
    ['a text over 5000 characters', { text: 'x'.repeat(5001) }, 'text'],
    ['a name over 200 characters', { name: 'x'.repeat(201) }, 'name'],
    ['a malformed email', { email: 'not an address' }, 'email'],
    ['a malformed phone', { phone: 'call me' }, 'phone'],
    ['an unknown language', { language: 'de' }, 'language'],
    ['a field the form has not', { extra: 'field' }, 'extra'],
  ])('refuses %s on its field', async (_name, body, field) => {
    const response = await submit(body);
    expect(response.statusCode).toBe(400);
    expect(fieldErrorsOf(response).map((error) => error.field)).toContain(field);
  });

  it('refuses an unknown or retired unit, and a person not of that unit', async () => {
    const unknown = await submit({ unitId: '00000000-0000-4000-8000-000000000000' });
    expect(fieldErrorsOf(unknown)).toEqual([{ field: 'unitId', code: 'unknown_reference' }]);

    const retired = await createUnit(test.services);
    await test.services.units.update(systemContext('test'), retired.id, {
      active: false,
      version: retired.version,
    });
    const inactive = await submit({ unitId: retired.id });
    expect(fieldErrorsOf(inactive)).toEqual([{ field: 'unitId', code: 'unknown_reference' }]);

    const stranger = await createPerson(test.services, {
      unitIds: [(await createUnit(test.services)).id],
    });
    const elsewhere = await submit({ staffId: stranger.id });
    expect(fieldErrorsOf(elsewhere)).toEqual([{ field: 'staffId', code: 'not_in_unit' }]);
  });

  it('throttles a flood from one address while another still gets through, losing nothing', async () => {
    const flooder = freshAddress();
    const codes: number[] = [];
    const references: string[] = [];
    for (let index = 0; index < 8; index++) {
      const response = await submit({ text: `Ziņa ${index}` }, flooder);
      codes.push(response.statusCode);
      if (response.statusCode === 201)
        references.push(response.json<{ reference: string }>().reference);
      else {
        expect(problemOf(response).code).toBe('rate_limited');
        expect(Number(response.headers['retry-after'])).toBe(600);
      }
    }
    expect(codes).toEqual([201, 201, 201, 201, 201, 429, 429, 429]);

    const other = await submit({}, freshAddress());
    expect(other.statusCode).toBe(201);

    const stored = await test.database.db
      .selectFrom('feedback_items')
      .select('reference')
      .where('reference', 'in', references)
      .execute();
    expect(stored).toHaveLength(5);
    const attempts = await test.database.db
      .selectFrom('public_feedback_attempts')
      .select('id')
      .where('address', '=', flooder)
      .execute();
    expect(attempts).toHaveLength(5);

    // Ten minutes on, the window has room again; the day's limit of twenty still holds.
    test.clock.advance(10 * 60 * 1000);
    expect((await submit({}, flooder)).statusCode).toBe(201);
  });

  it('holds an address to twenty a day, with the wait until the oldest leaves the day', async () => {
    const address = freshAddress();
    const start = test.clock.now();
    for (let index = 0; index < 20; index++) {
      expect((await submit({}, address)).statusCode).toBe(201);
      // Three minutes apart: never more than four in ten minutes, so only the day's limit counts.
      test.clock.advance(3 * 60 * 1000);
    }
    const refused = await submit({}, address);
    expect(refused.statusCode).toBe(429);
    const elapsed = Math.round((test.clock.now().getTime() - start.getTime()) / 1000);
    expect(Number(refused.headers['retry-after'])).toBe(24 * 60 * 60 - elapsed);
  });

  it('forgets, by its hourly job, attempts older than a day, and keeps every item', async () => {
    const attemptsOf = (address: string) =>
      test.database.db
        .selectFrom('public_feedback_attempts')
        .select('at')
        .where('address', '=', address)
        .execute();
    const old = freshAddress();
    const recent = freshAddress();
    const first = await submit({}, old);
    test.clock.advance(23 * 60 * 60 * 1000);
    const second = await submit({}, recent);
    // A day and a minute after the first submission.
    test.clock.advance(60 * 60 * 1000 + 60 * 1000);

    const job = backgroundJobs(test.services).find((j) => j.name === 'prune-feedback-attempts');
    expect(job).toBeDefined();
    await job?.run();

    expect(await attemptsOf(old)).toHaveLength(0);
    expect(await attemptsOf(recent)).toHaveLength(1);
    const references = [first, second].map((r) => r.json<{ reference: string }>().reference);
    for (const reference of references) expect(await rowsOf(reference)).toHaveLength(1);
  });

  describe('attachments (through the service, as the HTML form sends them)', () => {
    const pdf = Buffer.from('%PDF-1.4\n%…');
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const body = { kind: 'suggestion' as const, text: 'Skat. pielikumu', language: 'lv' as const };

    it('stores up to three PDF, JPEG or PNG files with the item', async () => {
      const { reference } = await test.services.feedback.submitPublic(
        { ...body, unitId },
        {
          address: freshAddress(),
          attachments: [
            { filename: 'ieteikums.pdf', contentType: 'application/pdf', content: pdf },
            { filename: 'foto.png', contentType: 'image/png', content: png },
          ],
        },
      );
      const [row] = await rowsOf(reference);
      const files = await test.database.db
        .selectFrom('feedback_attachments')
        .select(['filename', 'content_type', 'size'])
        .where('feedback_id', '=', row?.id as string)
        .orderBy('filename')
        .execute();
      expect(files).toEqual([
        { filename: 'foto.png', content_type: 'image/png', size: png.length },
        { filename: 'ieteikums.pdf', content_type: 'application/pdf', size: pdf.length },
      ]);
    });

    it.each([
      [
        'four files',
        Array.from({ length: 4 }, () => ({
          filename: 'a.pdf',
          contentType: 'application/pdf',
          content: pdf,
        })),
      ],
      [
        'a type not allowed',
        [{ filename: 'a.txt', contentType: 'text/plain', content: Buffer.from('hi') }],
      ],
      ['a PNG that is not one', [{ filename: 'a.png', contentType: 'image/png', content: pdf }]],
      [
        'a file over 5 MB',
        [
          {
            filename: 'a.pdf',
            contentType: 'application/pdf',
            content: Buffer.concat([pdf, Buffer.alloc(5 * 1024 * 1024)]),
          },
        ],
      ],
    ])('refuses %s on attachments', async (_name, attachments) => {
      const error = await test.services.feedback
        .submitPublic({ ...body, unitId }, { address: freshAddress(), attachments })
        .then(
          () => null,
          (reason: unknown) => reason,
        );
      expect(error).toMatchObject({ code: 'validation', fieldErrors: [{ field: 'attachments' }] });
    });
  });
});
