import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { TRequestSummary } from '../../../contracts/requests.contracts';
import type { TCall, TCallbackPage } from '../../../contracts/telephony.contracts';
import { systemContext } from '../../http/access';
import type { TStaff } from '../../../contracts/staff.contracts';
import {
  call,
  createPerson,
  createTestApp,
  createUnit,
  signIn,
  type TestApp,
} from '../../testing/test-app';

const ctx = systemContext('telephony-voicemail-test');
const caller = `+3712${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

// Easter 2027: Good Friday 26 March and Easter Monday 29 March are public holidays in Latvia,
// and the clocks go forward on Sunday 28 March (Riga is UTC+2 before, UTC+3 after).
const FRIDAY_NIGHT = '2027-03-26T20:00:00Z'; // 22:00 in Riga
const SATURDAY = new Date('2027-03-27T09:00:00Z');
const EASTER_MONDAY = new Date('2027-03-29T07:00:00Z'); // 10:00 in Riga
const TUESDAY_OPENING = new Date('2027-03-30T05:00:00Z'); // 08:00 in Riga

describe('after-hours voicemail', () => {
  let test: TestApp;
  let token: string;
  let clientService: string;
  let topicUnit: string;
  let informationLine: string;
  let clerk: TStaff;
  let triage: TStaff;

  const event = (payload: Record<string, unknown>) =>
    test.app.inject({
      method: 'POST',
      url: '/api/v1/telephony/events',
      headers: { authorization: `Bearer ${token}` },
      payload,
    });
  // Signed in afresh at each moment the clock is set to: a session of Friday is long idle by then.
  const get = async (person: TStaff, url: string) =>
    call(test.app, await signIn(test.app, person), { method: 'GET', url });
  const unitList = async (person: TStaff, unitId: string) =>
    (
      await call(test.app, await signIn(test.app, person), {
        method: 'GET',
        url: `/api/v1/requests?list=unit&unitId=${unitId}`,
      })
    ).json<{ items: TRequestSummary[] }>().items;
  const leaveMessage = async (callId: string, menuKey?: string) => {
    await event({
      event: 'new_call',
      callId,
      at: FRIDAY_NIGHT,
      direction: 'in',
      from: caller,
      to: informationLine,
    });
    const left = await event({
      event: 'voicemail',
      callId,
      at: FRIDAY_NIGHT,
      ...(menuKey ? { menuKey } : {}),
      recording: Buffer.from('RIFF....WAVEfmt ').toString('base64'),
    });
    expect(left.statusCode).toBe(200);
    return left.json<{ id: string }>().id;
  };

  beforeAll(async () => {
    test = await createTestApp();
    test.clock.set(new Date('2027-03-26T20:05:00Z'));
    token = (await test.services.telephony.createExchange(ctx, { name: 'Asterisk' })).token;
    clientService = (await createUnit(test.services)).id;
    topicUnit = (await createUnit(test.services)).id;
    informationLine = `80${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;
    await test.services.telephony.putLine(ctx, clientService, {
      number: informationLine,
      rotation: 'round_robin',
      menuKey: null,
      informationLine: true,
    });
    await test.services.telephony.putLine(ctx, topicUnit, {
      number: `67${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      rotation: 'round_robin',
      menuKey: '5',
      informationLine: false,
    });
    clerk = await createPerson(test.services, { unitIds: [topicUnit] });
    triage = await createPerson(test.services, { unitIds: [clientService] });
  });
  afterAll(() => test.close());

  it('becomes a request of the topic chosen on the Tuesday after Easter, not before', async () => {
    const callRowId = await leaveMessage('easter-topic', '5');
    const triaged = await leaveMessage('easter-triage');

    // Saturday and Easter Monday: not a working day, nothing is made and nothing is listed.
    for (const moment of [SATURDAY, EASTER_MONDAY]) {
      test.clock.set(moment);
      expect(await test.services.telephony.releaseVoicemail(moment)).toBe(0);
      expect(await unitList(clerk, topicUnit)).toEqual([]);
      const callbacks = await get(clerk, `/api/v1/callbacks?unitId=${topicUnit}`);
      expect(callbacks.json<TCallbackPage>().items).toEqual([]);
    }

    // Tuesday 08:00: the unit's first working moment after the message.
    test.clock.set(TUESDAY_OPENING);
    expect(await test.services.telephony.releaseVoicemail(TUESDAY_OPENING)).toBe(2);
    expect(await test.services.telephony.releaseVoicemail(TUESDAY_OPENING)).toBe(0);

    const callbacks = (
      await get(clerk, `/api/v1/callbacks?unitId=${topicUnit}`)
    ).json<TCallbackPage>().items;
    expect(callbacks).toHaveLength(1);
    const [callback] = callbacks;
    expect(callback).toMatchObject({
      kind: 'voicemail',
      visibleFrom: TUESDAY_OPENING.toISOString(),
      hasRecording: true,
    });

    const requests = await unitList(clerk, topicUnit);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      id: callback?.requestId,
      channel: 'voicemail',
      unit: { id: topicUnit },
      dueAt: callback?.dueAt,
    });
    // The request's page finds the call, and with it the recording to play.
    const calls = await get(clerk, `/api/v1/calls?requestId=${requests[0]?.id ?? ''}`);
    expect(calls.json<{ items: TCall[] }>().items.map((item) => item.id)).toEqual([callRowId]);
    const recording = await get(clerk, `/api/v1/calls/${callRowId}/recording`);
    expect(recording.statusCode).toBe(200);
    expect(recording.headers['content-type']).toContain('audio/wav');

    // Without a topic, client service triages it.
    const triageRequests = await unitList(triage, clientService);
    expect(triageRequests.map((request) => request.channel)).toEqual(['voicemail']);
    expect((await test.services.telephony.getCall(ctx, triaged)).requestId).toBe(
      triageRequests[0]?.id,
    );
  });

  it('fetches a recording given by URL after answering, and tries again after a failure', async () => {
    const audio = Buffer.from('RIFF0000WAVEfmt recorded message');
    let serveAudio = false;
    const server = createServer((_request, response) => {
      if (serveAudio) response.writeHead(200, { 'content-type': 'audio/wav' }).end(audio);
      else response.writeHead(200, { 'content-type': 'text/html' }).end('<p>login</p>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const now = test.clock.now();
      await event({
        event: 'new_call',
        callId: 'by-url',
        at: now.toISOString(),
        direction: 'in',
        from: caller,
        to: informationLine,
      });
      const left = await event({
        event: 'voicemail',
        callId: 'by-url',
        at: now.toISOString(),
        recordingUrl: `http://127.0.0.1:${port}/recording.wav`,
      });
      expect(left.statusCode).toBe(200);
      const callRowId = left.json<{ id: string }>().id;
      const fetchOf = () =>
        test.database.db
          .selectFrom('call_recording_fetches')
          .select(['attempts', 'last_error', 'fetched_at'])
          .where('call_id', '=', callRowId)
          .executeTakeFirstOrThrow();
      // The first try, made after the answer, fails: the page is not audio. It is written down.
      await vi.waitFor(async () => expect((await fetchOf()).attempts).toBe(1));
      expect(await fetchOf()).toMatchObject({
        last_error: 'not audio: text/html',
        fetched_at: null,
      });
      expect((await test.services.telephony.getCall(ctx, callRowId)).hasRecording).toBe(false);

      // The job tries again once the wait is over, and stores it; a further run finds nothing.
      serveAudio = true;
      const later = new Date(now.getTime() + 2 * 60_000);
      expect(await test.services.telephony.fetchDueRecordings(now)).toBe(0);
      expect(await test.services.telephony.fetchDueRecordings(later)).toBe(1);
      expect(await test.services.telephony.fetchDueRecordings(later)).toBe(0);
      const played = await get(triage, `/api/v1/calls/${callRowId}/recording`);
      expect(played.statusCode).toBe(200);
      expect(played.headers['content-type']).toContain('audio/wav');
      expect(played.rawPayload.equals(audio)).toBe(true);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
