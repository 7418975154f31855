import type { Kysely } from 'kysely';
import type { TCallEventBody } from '../../contracts/telephony.contracts';
import { hoursOn, type WorkingCalendar } from '../../domain/calendar';
import type { OpeningHours } from '../../domain/opening-hours';
import type { Rotation } from '../../domain/calls';
import { addCalendarDays, rigaDateOf, rigaInstantOf } from '../../domain/riga-time';
import { permissionsOf } from '../../domain/roles';
import type { Clock } from '../adapters/clock';
import type { Services } from '../app';
import type { DB } from '../db/schema';
import { systemContext, type ActionContext } from '../http/access';
import { digestOf } from '../http/secrets';
import type { DemoOrganisation } from './seed-demo-cases';

/**
 * A voicemail's recording for the demo and the simulated exchange: a second of two beeps, 8 kHz
 * 8-bit mono WAV (what an exchange's voicemail typically stores), base64 as the event carries it.
 */
export function demoRecording(): string {
  const rate = 8000;
  const samples = Buffer.alloc(rate);
  for (let i = 0; i < rate; i += 1) {
    const beep = i < rate * 0.3 || (i > rate * 0.5 && i < rate * 0.8);
    samples[i] = beep ? Math.round(128 + 60 * Math.sin((2 * Math.PI * 440 * i) / rate)) : 128;
  }
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples.length, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16); // the size of the format chunk
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate, 28); // bytes a second
  header.writeUInt16LE(1, 32); // bytes a sample
  header.writeUInt16LE(8, 34); // bits a sample
  header.write('data', 36);
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]).toString('base64');
}

// The demo's phone channel (issue 15): the units' lines and how each rotates its calls, the
// staff's extensions, an exchange whose token the README gives, and a day's calls: answered
// ones, missed ones owing callbacks (one already claimed), and voicemail left the night before.
// The calls go through the telephony service's event function, as an exchange's would, so they
// follow the same rules (deadlines from the callback policy, the next opening for voicemail).

/**
 * The demo exchange's token, fixed so that the README's commands work against any demo (the
 * simulated exchange uses it when given none). Like the demo password it exists only where the
 * demo is loaded, which production refuses.
 */
export const DEMO_EXCHANGE_TOKEN = 'apx_demo_priedaine_exchange_not_for_production';

/** A demo client's number, fixed for the README's `phone ring`: their caller card has requests. */
export const DEMO_CALLER_NUMBER = '+371 29 150 150';

export interface DemoLine {
  unitKey: string;
  number: string;
  rotation: Rotation;
  menuKey: string | null;
  informationLine: boolean;
}

/**
 * The municipality's lines: the main centre answers the information line (its menu sends a
 * voicemail to the social service, property or building board); the Mežciems centre and the
 * social service ring whoever has waited longest, the others go round.
 */
export const DEMO_LINES: readonly DemoLine[] = [
  {
    unitKey: 'centreMain',
    number: '+371 67000010',
    rotation: 'round_robin',
    menuKey: null,
    informationLine: true,
  },
  {
    unitKey: 'centreForest',
    number: '+371 67000020',
    rotation: 'longest_idle',
    menuKey: null,
    informationLine: false,
  },
  {
    unitKey: 'social',
    number: '+371 67000030',
    rotation: 'longest_idle',
    menuKey: '1',
    informationLine: false,
  },
  {
    unitKey: 'property',
    number: '+371 67000040',
    rotation: 'round_robin',
    menuKey: '2',
    informationLine: false,
  },
  {
    unitKey: 'building',
    number: '+371 67000050',
    rotation: 'round_robin',
    menuKey: '3',
    informationLine: false,
  },
];

/** Extensions: the last three digits of each person's direct number. */
const EXTENSIONS: Readonly<Record<string, string>> = {
  csHead: '100',
  admin: '101',
  specialist: '111',
  unitHead: '112',
  gunta: '113',
  valdis: '114',
  arturs: '120',
  janis: '121',
  kristine: '122',
  sandra: '131',
  ruta: '132',
  peteris: '141',
  zane: '151',
};

/** A number no client has: the callback shows a bare number. */
const UNKNOWN_CALLER = '+371 26 555 014';

/**
 * The working day whose calls the demo shows, and the part of it gone by: today once the office
 * has been open for an hour, else the last working day before (a demo loaded on a Saturday or at
 * 7 in the morning shows yesterday's or Friday's calls). Pure: the calendar and now are given.
 */
export function demoCallDay(
  now: Date,
  calendar: WorkingCalendar,
  weekly: OpeningHours,
): { date: string; from: Date; until: Date } {
  const today = rigaDateOf(now);
  const hoursToday = hoursOn(calendar, today, weekly);
  if (hoursToday) {
    const from = rigaInstantOf(today, hoursToday.open);
    const close = rigaInstantOf(today, hoursToday.close);
    const until = new Date(Math.min(close.getTime(), now.getTime() - 10 * 60_000));
    if (until.getTime() - from.getTime() >= 50 * 60_000) return { date: today, from, until };
  }
  for (let back = 1; back <= 30; back += 1) {
    const date = addCalendarDays(today, -back);
    const hours = hoursOn(calendar, date, weekly);
    if (hours) {
      return {
        date,
        from: rigaInstantOf(date, hours.open),
        until: rigaInstantOf(date, hours.close),
      };
    }
  }
  throw new Error('The calendar has no working day in the last 30 days.');
}

/** The moment a fraction of the way through the part of the day gone by. */
const into = (day: { from: Date; until: Date }, fraction: number) =>
  new Date(day.from.getTime() + fraction * (day.until.getTime() - day.from.getTime()));

const plus = (instant: Date, seconds: number) => new Date(instant.getTime() + seconds * 1000);

export async function seedDemoPhone(
  db: Kysely<DB>,
  services: Services,
  clock: Clock,
  organisation: DemoOrganisation,
): Promise<void> {
  const ctx = systemContext('seed-demo');
  const { telephony } = services;
  const unitId = (key: string) => {
    const id = organisation.unitIds.get(key);
    if (!id) throw new Error(`the demo has no unit ${key}`);
    return id;
  };
  const staffOf = (key: string) => {
    const person = organisation.staff.find((candidate) => candidate.key === key);
    if (!person) throw new Error(`the demo has no ${key}`);
    return person;
  };

  for (const line of DEMO_LINES) {
    await telephony.putLine(ctx, unitId(line.unitKey), {
      number: line.number,
      rotation: line.rotation,
      menuKey: line.menuKey,
      informationLine: line.informationLine,
    });
  }
  for (const [key, extension] of Object.entries(EXTENSIONS)) {
    await telephony.putExtension(ctx, staffOf(key).id, { extension });
  }

  // The exchange is made as an administrator makes one (with its audit record); its token is then
  // replaced by the fixed demo token, which no service sets.
  const exchange = await telephony.createExchange(ctx, { name: 'Demo Asterisk' });
  await db
    .updateTable('telephony_exchanges')
    .set({
      token_hash: digestOf(DEMO_EXCHANGE_TOKEN),
      token_prefix: DEMO_EXCHANGE_TOKEN.slice(0, exchange.prefix.length),
    })
    .where('id', '=', exchange.id)
    .execute();
  const principal = await telephony.authenticateExchange(DEMO_EXCHANGE_TOKEN);
  if (!principal) throw new Error('the demo exchange token is not accepted');
  const exchangeCtx: ActionContext = { principal, requestId: 'seed-demo', ip: null };
  const send = (body: TCallEventBody) => telephony.event(exchangeCtx, body);

  const callers = await demoCallers(services);
  const line = (key: string) =>
    (DEMO_LINES.find((candidate) => candidate.unitKey === key) as DemoLine).number;

  const { calendar } = services;
  const day = demoCallDay(
    clock.now(),
    await calendar.calendar(),
    (await calendar.settings(ctx)).standardHours,
  );
  let serial = 0;
  const call = async (
    unitKey: string,
    from: string,
    at: Date,
    end:
      | { answeredBy: string; talkSeconds: number }
      | { cause: 'no_answer' | 'cancelled' | 'busy'; ringSeconds: number },
  ) => {
    serial += 1;
    const callId = `demo-${day.date}-${serial}`;
    await send({
      event: 'new_call',
      callId,
      at: at.toISOString(),
      direction: 'in',
      from,
      to: line(unitKey),
    });
    if ('answeredBy' in end) {
      const answered = plus(at, 8);
      await send({
        event: 'answer',
        callId,
        at: answered.toISOString(),
        extension: EXTENSIONS[end.answeredBy],
      });
      await send({
        event: 'hangup',
        callId,
        at: plus(answered, end.talkSeconds).toISOString(),
        cause: 'normal',
      });
    } else {
      await send({
        event: 'hangup',
        callId,
        at: plus(at, end.ringSeconds).toISOString(),
        cause: end.cause,
      });
    }
  };

  // Answered calls through the day, so that the call logs are not empty.
  await call('centreMain', callers.others[0] ?? UNKNOWN_CALLER, into(day, 0.05), {
    answeredBy: 'specialist',
    talkSeconds: 185,
  });
  await call('centreMain', callers.others[1] ?? UNKNOWN_CALLER, into(day, 0.2), {
    answeredBy: 'valdis',
    talkSeconds: 320,
  });
  await call('centreForest', callers.others[2] ?? UNKNOWN_CALLER, into(day, 0.35), {
    answeredBy: 'janis',
    talkSeconds: 95,
  });
  await call('social', callers.others[3] ?? UNKNOWN_CALLER, into(day, 0.5), {
    answeredBy: 'ruta',
    talkSeconds: 410,
  });

  // Missed calls, each owing a callback on its unit's list.
  await call('centreMain', callers.missed[0] ?? UNKNOWN_CALLER, into(day, 0.3), {
    cause: 'no_answer',
    ringSeconds: 30,
  });
  await call('centreMain', callers.missed[1] ?? UNKNOWN_CALLER, into(day, 0.62), {
    cause: 'cancelled',
    ringSeconds: 12,
  });
  await call('centreMain', UNKNOWN_CALLER, into(day, 0.8), { cause: 'busy', ringSeconds: 0 });
  await call('centreForest', callers.missed[2] ?? UNKNOWN_CALLER, into(day, 0.45), {
    cause: 'no_answer',
    ringSeconds: 31,
  });
  await call('social', callers.missed[3] ?? UNKNOWN_CALLER, into(day, 0.7), {
    cause: 'no_answer',
    ringSeconds: 30,
  });

  // Voicemail on the information line the evening before: one for triage by the centre, one for
  // the social service (menu key 1); both on the lists from the day's opening.
  const evening = addCalendarDays(day.date, -1);
  for (const [from, menuKey, time] of [
    [callers.voicemail[0] ?? UNKNOWN_CALLER, null, '21:38'],
    [callers.voicemail[1] ?? UNKNOWN_CALLER, '1', '22:05'],
  ] as const) {
    serial += 1;
    const callId = `demo-${day.date}-${serial}`;
    const at = rigaInstantOf(evening, time);
    await send({
      event: 'new_call',
      callId,
      at: at.toISOString(),
      direction: 'in',
      from,
      to: line('centreMain'),
    });
    await send({
      event: 'voicemail',
      callId,
      at: plus(at, 25).toISOString(),
      ...(menuKey ? { menuKey } : {}),
      recording: demoRecording(),
      contentType: 'audio/wav',
    });
    await send({ event: 'hangup', callId, at: plus(at, 70).toISOString(), cause: 'normal' });
  }

  // The first missed call of the main centre is taken by Līga Bērziņa, who has tried once.
  const clerk = staffOf('specialist');
  const clerkCtx: ActionContext = {
    principal: {
      kind: 'staff',
      staffId: clerk.id,
      tokenId: null,
      sessionId: null,
      csrfToken: null,
      roles: ['specialist'],
      permissions: permissionsOf(['specialist']),
      unitIds: [unitId('centreMain')],
    },
    requestId: 'seed-demo',
    ip: null,
  };
  const owed = await telephony.listCallbacks(clerkCtx, {
    unitId: unitId('centreMain'),
    state: 'owed',
    mine: false,
    page: 1,
    pageSize: 100,
  });
  const first = owed.items
    .filter((callback) => callback.kind === 'missed_call')
    .toSorted((a, b) => a.calledAt.localeCompare(b.calledAt))[0];
  if (!first) throw new Error('the demo has no missed call to claim');
  await telephony.claim(clerkCtx, first.id);
  await telephony.attempt(clerkCtx, first.id, {
    outcome: 'no_answer',
    note: 'Neatbild; jāzvana vēlreiz pēcpusdienā.',
  });
}

/**
 * Demo clients' numbers for the calls. The caller of the README's `phone ring` is the client of
 * the main centre's most urgent open request, given the fixed DEMO_CALLER_NUMBER, so that their
 * caller card shows open requests.
 */
async function demoCallers(services: Services): Promise<{
  missed: string[];
  others: string[];
  voicemail: string[];
}> {
  const ctx = systemContext('seed-demo');
  const page = await services.clients.list(ctx, { kind: 'person', page: 1, pageSize: 40 });
  const numbers = page.items.flatMap((client) => (client.phone ? [client.phone] : []));
  const requests = await services.requests.list(ctx, {
    list: 'overdue',
    sort: 'due',
    order: 'asc',
    page: 1,
    pageSize: 50,
  });
  const caller = requests.items.find((request) => request.client?.kind === 'person')?.client;
  if (caller) {
    const client = await services.clients.get(ctx, caller.id);
    await services.clients.update(ctx, caller.id, {
      phone: DEMO_CALLER_NUMBER,
      version: client.version,
    });
  }
  const rest = numbers.filter((number) => number !== caller?.phone);
  return { missed: rest.slice(0, 4), others: rest.slice(4, 8), voicemail: rest.slice(8, 10) };
}
