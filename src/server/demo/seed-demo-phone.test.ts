import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TCallbackPage, TRouteAnswer } from '../../contracts/telephony.contracts';
import { createWorkingCalendar } from '../../domain/calendar';
import { DEFAULT_OPENING_HOURS } from '../../domain/opening-hours';
import { SESSION_COOKIE, CSRF_HEADER } from '../http/authentication';
import { seedDemoIfEmpty } from '../runtime';
import { createTestApp, type TestApp } from '../testing/test-app';
import { DEMO_PASSWORD } from './seed-demo';
import {
  DEMO_CALLER_NUMBER,
  DEMO_EXCHANGE_TOKEN,
  DEMO_LINES,
  demoCallDay,
} from './seed-demo-phone';

const calendar = createWorkingCalendar({
  oneOffDaysOff: [],
  festivalClosingDays: [],
  transfers: [],
  followTransfers: true,
});

describe('the day whose calls the demo shows', () => {
  it('is today once the office has been open a while, up to a little before now', () => {
    // Tuesday 3 March 2026, 13:00 in Riga.
    const day = demoCallDay(new Date('2026-03-03T11:00:00Z'), calendar, DEFAULT_OPENING_HOURS);
    expect(day.date).toBe('2026-03-03');
    expect(day.from.getTime()).toBeLessThan(day.until.getTime());
    expect(day.until.getTime()).toBeLessThan(new Date('2026-03-03T11:00:00Z').getTime());
  });

  it('is the last working day before on a weekend or early in the morning', () => {
    // Saturday 7 March 2026 at noon; Monday 9 March at 07:30 in Riga.
    expect(
      demoCallDay(new Date('2026-03-07T10:00:00Z'), calendar, DEFAULT_OPENING_HOURS).date,
    ).toBe('2026-03-06');
    expect(
      demoCallDay(new Date('2026-03-09T05:30:00Z'), calendar, DEFAULT_OPENING_HOURS).date,
    ).toBe('2026-03-06');
  });
});

describe('the demo phone channel', () => {
  let test: TestApp;
  let headers: Record<string, string>;
  let centreMain: string;
  const mainLine = DEMO_LINES.find((line) => line.unitKey === 'centreMain')?.number ?? '';

  beforeAll(async () => {
    test = await createTestApp();
    // Tuesday 3 March 2026, 13:00 in Riga.
    test.clock.set(new Date('2026-03-03T11:00:00Z'));
    await seedDemoIfEmpty(test.services, test.database, test.clock);
    const login = await test.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'specialist@example.lv', password: DEMO_PASSWORD },
    });
    const cookie = login.cookies.find((c) => c.name === SESSION_COOKIE)?.value ?? '';
    headers = {
      cookie: `${SESSION_COOKIE}=${cookie}`,
      [CSRF_HEADER]: login.json<{ csrfToken: string }>().csrfToken,
    };
  }, 300_000);
  afterAll(() => test.close());

  it('takes the README’s exchange token: the main centre’s line rings its staff who are in', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/v1/telephony/route?number=${encodeURIComponent(mainLine)}`,
      headers: { authorization: `Bearer ${DEMO_EXCHANGE_TOKEN}` },
    });
    expect(response.statusCode).toBe(200);
    const route = response.json<TRouteAnswer>();
    expect(route.rotation).toBe('round_robin');
    const rung = route.extensions.map((target) => target.extension);
    // Līga Bērziņa is rung; Gunta Šmite is on leave.
    expect(rung).toContain('111');
    expect(rung).not.toContain('113');
    centreMain = route.unitId ?? '';
  });

  it('has today’s missed calls on the centre’s list, one claimed by Līga Bērziņa, and last night’s voicemail', async () => {
    const response = await test.app.inject({
      method: 'GET',
      url: `/api/v1/callbacks?unitId=${centreMain}&pageSize=100`,
      headers,
    });
    expect(response.statusCode).toBe(200);
    const callbacks = response.json<TCallbackPage>().items;
    const missed = callbacks.filter((callback) => callback.kind === 'missed_call');
    expect(missed.length).toBeGreaterThanOrEqual(3);
    for (const callback of missed) {
      // In today's office hours (08:00 Riga), before now.
      expect(callback.calledAt >= '2026-03-03T06:00:00').toBe(true);
      expect(callback.calledAt < '2026-03-03T11:00:00').toBe(true);
    }
    const claimed = missed.filter((callback) => callback.state === 'claimed');
    expect(claimed).toHaveLength(1);
    expect(claimed[0]?.claimedBy?.email).toBe('specialist@example.lv');
    expect(claimed[0]?.attempts).toHaveLength(1);

    const voicemail = callbacks.filter((callback) => callback.kind === 'voicemail');
    expect(voicemail).toHaveLength(1);
    expect(voicemail[0]?.hasRecording).toBe(true);
    // Left on Monday evening, on the list from Tuesday's opening.
    expect(voicemail[0]?.calledAt.startsWith('2026-03-02T')).toBe(true);
    expect(new Date(voicemail[0]?.visibleFrom ?? '').toISOString()).toBe(
      '2026-03-03T06:00:00.000Z',
    );
  });

  it('gives the README’s caller a client record with open requests', async () => {
    const clients = await test.database.db
      .selectFrom('clients')
      .select('id')
      .where('phone', '=', DEMO_CALLER_NUMBER)
      .execute();
    expect(clients).toHaveLength(1);
    const open = await test.database.db
      .selectFrom('service_requests')
      .select('id')
      .where('client_id', '=', clients[0]?.id ?? '')
      .where('state', 'in', ['new', 'in_progress', 'waiting_client', 'waiting_institution'])
      .execute();
    expect(open.length).toBeGreaterThan(0);
  });
});
