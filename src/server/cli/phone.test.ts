import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { normalisePhone } from '../../domain/calls';
import { systemContext } from '../http/access';
import { createPerson, createTestApp, createUnit, type TestApp } from '../testing/test-app';
import { runCli } from './cli';
import { planDay, tally } from './phone-day';

const ctx = systemContext('phone-cli-test');
const unique = () => String(Math.floor(Math.random() * 1e6)).padStart(6, '0');
const noConfig = () => {
  throw new Error('the phone commands were given --url and --token');
};

/**
 * The simulated exchange against a real server on a port: what it plays must arrive as an
 * exchange's calls do, through the event API and the routing question.
 */
describe('apkalpo phone', () => {
  let test: TestApp;
  let url: string;
  let token: string;
  let line: string;
  let unitId: string;
  let output: string[];

  beforeAll(async () => {
    test = await createTestApp();
    await test.app.listen({ port: 0, host: '127.0.0.1' });
    url = `http://127.0.0.1:${(test.app.server.address() as AddressInfo).port}`;
    token = (await test.services.telephony.createExchange(ctx, { name: 'Simulated' })).token;
    unitId = (await createUnit(test.services)).id;
    line = `+371 67${unique()}`;
    await test.services.telephony.putLine(ctx, unitId, {
      number: line,
      rotation: 'round_robin',
      menuKey: null,
      informationLine: false,
    });
    for (const extension of [`8${unique()}`, `9${unique()}`]) {
      const person = await createPerson(test.services, { unitIds: [unitId] });
      await test.services.telephony.putExtension(ctx, person.id, { extension });
    }
  });
  afterAll(() => test.close());

  beforeEach(() => {
    output = [];
    vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
      output.push(args.join(' '));
    });
    return () => vi.restoreAllMocks();
  });

  const callsOfUnit = () =>
    test.database.db
      .selectFrom('calls')
      .select(['id', 'state', 'number', 'staff_id', 'external_id'])
      .where('unit_id', '=', unitId)
      .execute();
  const callbacksOfUnit = () =>
    test.database.db
      .selectFrom('callbacks')
      .select(['call_id', 'number', 'kind'])
      .where('unit_id', '=', unitId)
      .execute();

  it('plays a few calls of a day: each stored and ended, the missed ones owing callbacks', async () => {
    const seed = 15;
    const planned = tally(
      planDay({ seed, lines: [{ number: line, informationLine: false }], calls: 8 }),
    );
    // What this seed's day holds: answered, transferred and missed calls of every cause.
    expect(planned).toMatchObject({ transferred: 1, cancelled: 1, no_answer: 1, busy: 1 });

    const code = await runCli(
      [
        'phone',
        'simulate',
        '--url',
        url,
        '--token',
        token,
        '--lines',
        line,
        '--calls',
        '8',
        '--seed',
        String(seed),
        '--speed',
        '100000',
      ],
      noConfig,
    );

    expect(code).toBe(0);
    const calls = await callsOfUnit();
    expect(calls.filter((call) => call.external_id.startsWith(`sim-${seed}-`))).toHaveLength(8);
    expect(calls.every((call) => call.state === 'ended' || call.state === 'missed')).toBe(true);
    const answered = calls.filter((call) => call.state === 'ended');
    expect(answered.length).toBeGreaterThan(0);
    // The extension that picked up named the person who answered.
    expect(answered.every((call) => call.staff_id !== null)).toBe(true);
    const missed = calls.filter((call) => call.state === 'missed');
    expect(missed.length).toBeGreaterThanOrEqual(3);
    const callbacks = await callbacksOfUnit();
    expect(callbacks.length).toBeGreaterThan(0);
    // A caller who tried twice is owed one callback, and one who got through later none.
    expect(callbacks.length).toBeLessThanOrEqual(missed.length);
    expect(callbacks.every((callback) => callback.kind === 'missed_call')).toBe(true);
    expect(output.at(-1)).toMatch(/^Done: \d+ answered/);
  });

  it('rings once: nobody answers, and the caller is owed a callback', async () => {
    const from = `+371 26${unique()}`;
    const code = await runCli(
      [
        'phone',
        'ring',
        '--url',
        url,
        '--token',
        token,
        '--from',
        from,
        '--to',
        line,
        '--seconds',
        '0',
      ],
      noConfig,
    );

    expect(code).toBe(0);
    expect(output.join('\n')).toMatch(/Ringing \d+, \d+ \(round_robin\)/);
    const callbacks = await callbacksOfUnit();
    expect(callbacks.filter((callback) => callback.number === normalisePhone(from))).toHaveLength(
      1,
    );
  });

  it('says what is wrong with a token the server refuses, and stores nothing', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const from = `+371 26${unique()}`;
    const code = await runCli(
      ['phone', 'ring', '--url', url, '--token', 'apx_wrong', '--from', from, '--seconds', '0'],
      noConfig,
    );

    expect(code).toBe(2);
    expect(errors.mock.calls.join(' ')).toMatch(/401.*token/);
    const calls = await callsOfUnit();
    expect(calls.filter((call) => call.number === normalisePhone(from))).toEqual([]);
  });
});
