import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_FILL_MILLISECONDS } from '../../../domain/feedback-form';
import { createPerson, createTestApp, createUnit, type TestApp } from '../../testing/test-app';

let test: TestApp;
let centre: { id: string; name: string };
let other: { id: string; name: string };
let hidden: { id: string; name: string };
let clerk: { id: string; surname: string };

const PDF = Buffer.from('%PDF-1.4\n%…\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');

/** A unit residents can choose on the form: one that serves external clients. */
async function servingUnit(name: string) {
  const unit = await createUnit(test.services, name);
  await test.database.db
    .updateTable('units')
    .set({ serves_external_clients: true })
    .where('id', '=', unit.id)
    .execute();
  return unit;
}

interface FilePart {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A multipart form as a browser sends it: the fields in order, then the files. */
function multipart(fields: Record<string, string>, files: FilePart[] = []) {
  const boundary = `----feedback${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
      ),
    );
  }
  for (const file of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="attachments"; filename="${file.filename}"\r\n` +
          `Content-Type: ${file.contentType}\r\n\r\n`,
      ),
      file.content,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

const tokenOf = (page: LightMyRequestResponse) => {
  const match = /name="token" value="([^"]+)"/.exec(page.body);
  if (!match?.[1]) throw new Error('the form has no token');
  return match[1];
};

/** A fresh form's token, aged as a person would have filled it in. */
async function filledToken(age = MIN_FILL_MILLISECONDS + 2_000) {
  const token = tokenOf(await test.app.inject({ method: 'GET', url: '/feedback' }));
  test.clock.advance(age);
  return token;
}

const itemsOf = (unitId: string) =>
  test.database.db
    .selectFrom('feedback_items')
    .selectAll()
    .where('unit_id', '=', unitId)
    .orderBy('received_at')
    .execute();

function post(
  fields: Record<string, string>,
  options: { files?: FilePart[]; lang?: string; address?: string } = {},
) {
  const body = multipart(fields, options.files);
  return test.app.inject({
    method: 'POST',
    url: `/feedback${options.lang ? `?lang=${options.lang}` : ''}`,
    ...(options.address ? { remoteAddress: options.address } : {}),
    ...body,
  });
}

const complaint = (token: string, extra: Record<string, string> = {}) => ({
  token,
  kind: 'complaint',
  unitId: centre.id,
  staffId: '',
  text: 'Rindā gaidīju stundu, lai gan biju pierakstījies.',
  name: 'Anna Bērziņa',
  email: 'anna@example.lv',
  phone: '',
  website: '',
  ...extra,
});

beforeAll(async () => {
  test = await createTestApp();
  centre = await servingUnit(`Siguldas centrs ${Math.random().toString(16).slice(2, 8)}`);
  other = await servingUnit(`Mores centrs ${Math.random().toString(16).slice(2, 8)}`);
  hidden = await createUnit(
    test.services,
    `Grāmatvedība ${Math.random().toString(16).slice(2, 8)}`,
  );
  const person = await createPerson(test.services, {
    givenName: 'Ilze',
    position: 'Klientu apkalpošanas speciāliste',
    unitIds: [centre.id],
  });
  clerk = { id: person.id, surname: person.surname };
});

afterAll(async () => {
  await test.close();
});

describe('the public feedback form', () => {
  it('is in Latvian by default, with the units that serve clients and their staff', async () => {
    const page = await test.app.inject({ method: 'GET', url: '/feedback' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('<html lang="lv">');
    expect(page.body).toContain('izteikt uzslavas, sūdzības, ierosinājumus');
    expect(page.body).toContain(`<option value="${centre.id}">${centre.name}</option>`);
    expect(page.body).toContain(`<option value="${other.id}">`);
    expect(page.body).not.toContain(hidden.id);
    expect(page.body).toContain(`<optgroup label="${centre.name}">`);
    expect(page.body).toContain(`Ilze ${clerk.surname}, Klientu apkalpošanas speciāliste`);
    expect(page.body).toContain('enctype="multipart/form-data"');
    expect(page.body).toMatch(/<fieldset[^>]*>\s*<legend>Ko vēlaties izteikt\?/);
    expect(page.body).toMatch(/name="website" type="text" tabindex="-1" autocomplete="off"/);
  });

  it('is in English when asked in the address or by the browser, with the unit preselected', async () => {
    const asked = await test.app.inject({
      method: 'GET',
      url: `/feedback?lang=en&unit=${centre.id}`,
    });
    expect(asked.body).toContain('<html lang="en">');
    expect(asked.body).toContain('Praise, complaints and suggestions');
    expect(asked.body).toContain(`<option value="${centre.id}" selected>`);
    const preferred = await test.app.inject({
      method: 'GET',
      url: '/feedback',
      headers: { 'accept-language': 'en-GB,en;q=0.9' },
    });
    expect(preferred.body).toContain('<html lang="en">');
    // The switch keeps the chosen unit.
    expect(asked.body).toContain(`href="/feedback?unit=${centre.id}&#38;lang=lv"`);
  });

  it('stores a complaint with its file and shows its reference', async () => {
    const token = await filledToken();
    const response = await post(complaint(token), {
      files: [{ filename: 'kvīts.pdf', contentType: 'application/pdf', content: PDF }],
    });
    expect(response.statusCode).toBe(303);
    const location = String(response.headers.location);
    expect(location).toMatch(/^\/feedback\/thanks\?ref=[A-Za-z0-9-]+&contact=1&lang=lv$/);
    const [item] = await itemsOf(centre.id);
    expect(item).toMatchObject({
      kind: 'complaint',
      channel: 'web_form',
      text: 'Rindā gaidīju stundu, lai gan biju pierakstījies.',
      email: 'anna@example.lv',
      language: 'lv',
      staff_id: null,
    });
    expect(location).toContain(`ref=${encodeURIComponent(item?.reference ?? '')}`);
    const files = await test.database.db
      .selectFrom('feedback_attachments')
      .select(['filename', 'content_type', 'size'])
      .where('feedback_id', '=', item?.id ?? '')
      .execute();
    expect(files).toEqual([
      { filename: 'kvīts.pdf', content_type: 'application/pdf', size: PDF.length },
    ]);

    const thanks = await test.app.inject({ method: 'GET', url: location });
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain(item?.reference);
    expect(thanks.body).toContain('10 darba dienu laikā');
  });

  it('stores praise about a staff member, in English, without contact details', async () => {
    const token = await filledToken();
    const response = await post(
      complaint(token, {
        kind: 'praise',
        staffId: clerk.id,
        email: '',
        name: '',
        unitId: other.id,
      }),
      { lang: 'en' },
    );
    // The clerk works at the centre, not at the other unit: refused on the staff member.
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('id="f-staffId-error"');
    // The refused form comes with a token of its own, to be filled in again.
    const again = tokenOf(response);
    test.clock.advance(MIN_FILL_MILLISECONDS + 1_000);
    const fixed = await post(
      complaint(again, { kind: 'praise', staffId: clerk.id, email: '', name: '' }),
      { lang: 'en' },
    );
    expect(fixed.statusCode).toBe(303);
    expect(String(fixed.headers.location)).not.toContain('contact=1');
    const thanks = await test.app.inject({ method: 'GET', url: String(fixed.headers.location) });
    expect(thanks.body).toContain('no answer will be sent');
    const items = await itemsOf(centre.id);
    expect(items.at(-1)).toMatchObject({ kind: 'praise', staff_id: clerk.id, language: 'en' });
  });

  it('shows the form again, with the values and each error, when fields are wrong', async () => {
    const before = (await itemsOf(centre.id)).length;
    const token = await filledToken();
    const response = await post(
      complaint(token, { kind: '', text: '   ', email: 'anna@', name: 'Anna <b>Bērziņa</b>' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('<title>Kļūda: ');
    expect(response.body).toMatch(/class="error-summary" role="alert"/);
    expect(response.body).toContain('href="#f-kind-0"');
    expect(response.body).toContain('href="#f-text"');
    expect(response.body).toContain('href="#f-email"');
    expect(response.body).toMatch(
      /id="f-email"[^>]*aria-describedby="f-email-error" aria-invalid="true"/,
    );
    expect(response.body).toContain('Uzrakstiet savu uzslavu, sūdzību vai ierosinājumu.');
    // The values come back, escaped.
    expect(response.body).toContain('value="anna@"');
    expect(response.body).toContain('value="Anna &#60;b&#62;Bērziņa&#60;/b&#62;"');
    expect(response.body).toContain(`<option value="${centre.id}" selected>`);
    expect(await itemsOf(centre.id)).toHaveLength(before);
  });

  it('refuses a form sent too soon after it was issued, or too late, or with a forged time', async () => {
    const before = (await itemsOf(centre.id)).length;
    const quick = await post(complaint(await filledToken(1_000)));
    expect(quick.statusCode).toBe(400);
    expect(quick.body).toContain('Veidlapa tika nosūtīta ļoti ātri');
    // What was written is kept, to send again.
    expect(quick.body).toContain('Rindā gaidīju stundu');
    const late = await post(complaint(await filledToken(25 * 60 * 60 * 1000)));
    expect(late.statusCode).toBe(400);
    expect(late.body).toContain('ilgāk par diennakti');
    const [issued = '', signature = ''] = (await filledToken()).split('.');
    const forged = `${Number(issued) - 60_000}.${signature}`;
    expect((await post(complaint(forged))).statusCode).toBe(400);
    expect((await post(complaint(''))).statusCode).toBe(400);
    expect(await itemsOf(centre.id)).toHaveLength(before);
  });

  it('stores nothing when the trap field is filled', async () => {
    const before = (await itemsOf(centre.id)).length;
    const response = await post(
      complaint(await filledToken(), { website: 'https://spam.example' }),
    );
    expect(response.statusCode).toBe(400);
    expect(response.body).not.toContain('spam.example');
    expect(await itemsOf(centre.id)).toHaveLength(before);
  });

  it('refuses too many files, a file too large and a file of another type', async () => {
    const before = (await itemsOf(centre.id)).length;
    const pdf = { filename: 'a.pdf', contentType: 'application/pdf', content: PDF };
    const many = await post(complaint(await filledToken()), { files: [pdf, pdf, pdf, pdf] });
    expect(many.statusCode).toBe(400);
    expect(many.body).toContain('Var pievienot ne vairāk kā 3 datnes.');
    expect(many.body).toContain('Rindā gaidīju stundu');
    const large = await post(complaint(await filledToken()), {
      files: [{ ...pdf, content: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)]) }],
    });
    expect(large.statusCode).toBe(400);
    expect(large.body).toContain('Datne ir pārāk liela');
    const script = await post(complaint(await filledToken()), {
      files: [{ filename: 'a.exe', contentType: 'application/x-msdownload', content: PDF }],
    });
    expect(script.statusCode).toBe(400);
    expect(script.body).toContain('tikai PDF, JPG vai PNG');
    expect(await itemsOf(centre.id)).toHaveLength(before);
  });

  it('tells an address that sends too many to wait, while others still get through', async () => {
    const flood = '198.51.100.7';
    const statuses: number[] = [];
    for (let index = 0; index < 8; index++) {
      const response = await post(complaint(await filledToken(), { text: `Sūdzība ${index}` }), {
        address: flood,
      });
      statuses.push(response.statusCode);
      if (response.statusCode === 429) {
        expect(response.headers['retry-after']).toMatch(/^\d+$/);
        expect(response.body).toContain('Pārāk daudz iesniegumu');
      }
    }
    expect(statuses).toContain(429);
    expect(statuses.filter((status) => status === 303).length).toBeGreaterThan(0);
    const elsewhere = await post(complaint(await filledToken()), { address: '203.0.113.20' });
    expect(elsewhere.statusCode).toBe(303);
  });
});

describe('the printed page for the counter', () => {
  it('has the unit, the form address and its QR code', async () => {
    const page = await test.app.inject({
      method: 'GET',
      url: `/feedback/print?unit=${centre.id}`,
      headers: { host: 'apkalpo.example.lv' },
    });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(centre.name);
    expect(page.body).toContain(`http://apkalpo.example.lv/feedback?unit=${centre.id}`);
    expect(page.body).toMatch(/<svg class="qr"[^>]*role="img"[^>]*>.*<path d="M/s);
    expect(page.body).toContain('@page { size: A4');
    expect(page.body).toContain('lang="en"');
  });

  it('is not found for a unit residents cannot choose', async () => {
    const page = await test.app.inject({ method: 'GET', url: `/feedback/print?unit=${hidden.id}` });
    expect(page.statusCode).toBe(404);
  });
});
