import { randomBytes, randomUUID } from 'node:crypto';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CreateMailboxBody } from '../../contracts/mailboxes.contracts';
import type { TStaff } from '../../contracts/staff.contracts';
import type { TUnit } from '../../contracts/units.contracts';
import { createWorkingCalendar } from '../../domain/calendar';
import { ROLES, type Role } from '../../domain/roles';
import {
  TEST_PASSWORD,
  call,
  createPerson,
  createTestApp,
  createContact,
  createUnit,
  multipartFile,
  signedIn,
  type Session,
  type TestApp,
} from '../testing/test-app';
import { registeredRoutes } from '../testing/routes';
import { systemContext } from './access';

const unique = () => randomBytes(4).toString('hex');

/** Where the acting person stands: a department they belong to, its sub-unit, another unit. */
interface Scene {
  actor: Session;
  unit: TUnit;
  subUnit: TUnit;
  otherUnit: TUnit;
}

interface Case {
  /** The route, as Fastify registers it. */
  route: string;
  action: string;
  /** Written out here rather than read from roles.ts, so that a wrong table there shows up. */
  allowed: readonly Role[];
  perform(test: TestApp, scene: Scene): Promise<LightMyRequestResponse>;
}

const EVERYONE = ROLES;
const ADMINISTRATOR: Role[] = ['administrator'];
const ALL_BUT_AUDITOR: Role[] = [
  'specialist',
  'unit_head',
  'client_service_head',
  'administrator',
  'ethics_commission_member',
  'deputy_executive_director',
];
const HEADS_OF_THE_UNIT: Role[] = ['unit_head', 'client_service_head', 'administrator'];
const HEADS_OF_EVERYONE: Role[] = ['client_service_head', 'administrator'];
/** Those who serve clients: the specialist and the heads of units and of client service. */
const SERVERS: Role[] = ['specialist', 'unit_head', 'client_service_head'];
const CLIENT_SERVICE_HEAD: Role[] = ['client_service_head'];
/** Those who keep the knowledge base and the catalogue, and publish news. */
const KNOWLEDGE_EDITORS: Role[] = ['unit_head', 'client_service_head'];
/** The client service department and the deputy set units their improvement tasks (30). */
const IMPROVEMENT_MANAGERS: Role[] = ['client_service_head', 'deputy_executive_director'];

/** A request of the actor's unit, in a contact of its own. */
const requestIn = async (test: TestApp, unit: TUnit) => {
  const contact = await createContact(test.services, unit.id);
  const request = contact.requests[0];
  if (!request) throw new Error('the contact has no request');
  return request;
};

/** The actor's unit marked as serving external clients, so that it reports yearly (29). */
const reportingUnit = (test: TestApp, unit: TUnit) =>
  test.services.units.update(ctx, unit.id, { servesExternalClients: true, version: unit.version });

/** A draft yearly report of the actor's unit. */
const unitReportOf = async (test: TestApp, unit: TUnit) => {
  await reportingUnit(test, unit);
  return test.services.unitReports.create(ctx, { unitId: unit.id, year: 2025 });
};

const personClient = (test: TestApp) =>
  test.services.clients.create(ctx, { kind: 'person', givenName: 'Anna', surname: 'Kalniņa' });

const queuedIn = async (test: TestApp, unit: TUnit) => {
  const contact = await createContact(test.services, unit.id, { queue: true });
  const queue = await test.services.queue.list(ctx, unit.id);
  const entry = queue.waiting.find((item) => item.contactId === contact.id);
  if (!entry) throw new Error('the visitor is not in the queue');
  return entry;
};

const ctx = systemContext('access-test');

/** Those who register feedback received by staff (25). */
const FEEDBACK_REGISTRARS: Role[] = ['specialist', 'unit_head', 'client_service_head'];
/** Those who evaluate any feedback (26): the client service head and the deputy. */
const FEEDBACK_EVALUATORS: Role[] = ['client_service_head', 'deputy_executive_director'];

/**
 * A complaint in the unit that the actor registered, so that every role sees at least its
 * outline and is refused (403), not left to find it missing; evaluated and with an open manager
 * level when asked.
 */
const feedbackOf = async (
  test: TestApp,
  scene: Scene,
  options: { evaluated?: boolean; escalated?: boolean } = {},
) => {
  const item = await test.services.feedback.register(ctx, {
    kind: 'complaint',
    channel: 'in_person',
    unitId: scene.unit.id,
    text: 'Sūdzība',
    email: 'anna.kalnina@example.lv',
    language: 'lv',
  });
  await test.database.db
    .updateTable('feedback_items')
    .set({ registered_by: scene.actor.person.id })
    .where('id', '=', item.id)
    .execute();
  let version = item.version;
  if (options.evaluated) {
    const evaluated = await test.services.feedback.evaluate(ctx, item.id, {
      topic: 'Attieksme',
      unitId: scene.unit.id,
      justified: true,
      serious: true,
      version,
    });
    version = evaluated.version;
  }
  if (options.escalated) {
    version = (await test.services.feedback.escalate(ctx, item.id, { reason: 'Nopietns' })).version;
  }
  return { id: item.id, version };
};

/** An improvement task of the unit, set by the system, with the given owner. */
const taskOf = (test: TestApp, unit: TUnit, ownerId: string | null = null) =>
  test.services.improvements.create(ctx, {
    unitId: unit.id,
    title: `Uzdevums ${unique()}`,
    ownerId,
    dueOn: '2999-12-31',
  });

/** An idea a colleague in the unit sent to the addressee. */
const ideaTo = async (
  test: TestApp,
  unit: TUnit,
  addressee: 'manager' | 'client_service_head' | 'deputy_executive_director',
) => {
  const author = await signedIn(test, { roles: ['specialist'], unitIds: [unit.id] });
  const response = await call(test.app, author, {
    method: 'POST',
    url: '/api/v1/ideas',
    payload: { addressee, title: 'Ideja', text: 'Ierosinājums' },
  });
  return response.json<{ id: string; version: number }>();
};

/** A message held in quarantine, in a mailbox of the unit. */
const heldIn = async (test: TestApp, unit: TUnit) => {
  const now = test.clock.now();
  const mailbox = await test.database.db
    .insertInto('mailboxes')
    .values({
      name: 'Pastkaste',
      address: `pasts.${unique()}@novads.lv`,
      unit_id: unit.id,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const raw = [
    `From: anna.${unique()}@example.lv`,
    'To: pasts@novads.lv',
    'Subject: Piedāvājums',
    `Message-ID: <${unique()}@example.lv>`,
    'Authentication-Results: mx.novads.lv; dmarc=fail',
    '',
    'Teksts',
  ].join('\r\n');
  return test.services.mail.ingest({
    mailboxId: mailbox.id,
    channel: 'email',
    source: 'smtp',
    sourceKey: null,
    raw: Buffer.from(raw),
    receivedAt: now,
  });
};

const colleagueIn = (test: TestApp, unit: TUnit) =>
  createPerson(test.services, { unitIds: [unit.id] });

const serviceOwnedBy = (test: TestApp, owner: Pick<TStaff, 'id'>) =>
  test.services.catalogue.create(ctx, {
    name: `Pakalpojums ${unique()}`,
    kind: 'consultation',
    description: '',
    steps: [],
    documents: [],
    legalActs: [],
    relatedIds: [],
    ownerId: owner.id,
    reviewOn: '2031-01-10',
  });

const articleOwnedBy = (test: TestApp, owner: Pick<TStaff, 'id'>) =>
  test.services.articles.create(ctx, {
    kind: 'guide',
    language: 'lv',
    title: `Ceļvedis ${unique()}`,
    bodyHtml: '<p>Soļi</p>',
    visibility: 'internal',
    ownerId: owner.id,
    reviewOn: '2031-01-10',
    serviceIds: [],
  });

const newsFor = (test: TestApp, unitId: string) =>
  test.services.news.create(ctx, {
    title: 'Sapulce',
    bodyHtml: '<p>Rīt plkst. 9</p>',
    important: false,
    unitId,
  });

const absenceOf = (test: TestApp, person: Pick<TStaff, 'id'>) =>
  test.services.absences.create(ctx, {
    staffId: person.id,
    kind: 'vacation',
    startsOn: '2026-07-06',
    endsOn: '2026-07-10',
  });

/** A survey of its own with an empty questionnaire. */
const surveyOf = (test: TestApp) =>
  test.services.surveys.create(ctx, {
    title: `Aptauja ${unique()}`,
    kind: 'client',
    description: '',
    questionnaire: { sections: [] },
  });

/** A draft report on a wave of its own. */
const reportOf = async (test: TestApp) => {
  const wave = await catiWave(test);
  return test.services.surveyReports.create(ctx, wave.surveyId, {
    waveId: wave.id,
    title: `Ziņojums ${unique()}`,
    borderWaves: [],
    methodHtml: '',
    conclusionsHtml: '',
    recommendationsHtml: '',
    quotes: [],
  });
};

/** An open survey wave of its own with one person to call (CATI). */
const catiWave = async (test: TestApp) => {
  const survey = await test.services.surveys.create(ctx, {
    title: `Aptauja ${unique()}`,
    kind: 'staff',
    description: '',
    questionnaire: {
      sections: [
        {
          title: { lv: 'Darbs' },
          questions: [{ type: 'text', key: 'remarks', text: { lv: 'Jūsu ieteikumi?' } }],
        },
      ],
    },
  });
  const wave = await test.services.surveys.createWave(ctx, survey.id, { name: '2026' });
  await test.services.surveys.updateWave(ctx, wave.id, { state: 'open', version: wave.version });
  await test.services.cati.addSample(ctx, wave.id, {
    members: [{ name: 'Anna Kalniņa', phone: '26000001' }],
  });
  return wave;
};

/** The actor asks for the next person to call in the wave, so that they hold the case. */
const catiCaseHeldBy = async (test: TestApp, actor: Session, waveId: string) => {
  const response = await call(test.app, actor, {
    method: 'POST',
    url: '/api/v1/cati/next',
    payload: { waveId },
  });
  return response.statusCode === 200 ? response.json<{ id: string }>().id : randomUUID();
};

/** A wave with one completed interview, drawn for listening. */
const catiInterviewDrawn = async (test: TestApp, unit: TUnit) => {
  const wave = await catiWave(test);
  const interviewer = await colleagueIn(test, unit);
  const asInterviewer = {
    ...ctx,
    principal: { ...ctx.principal, kind: 'staff' as const, staffId: interviewer.id },
  };
  const held = await test.services.cati.next(asInterviewer, { waveId: wave.id });
  if (!held) throw new Error('nobody to call');
  await test.services.cati.recordAttempt(asInterviewer, held.id, {
    outcome: 'complete',
    answers: { remarks: 'Viss labi' },
  });
  await test.services.cati.drawQc(ctx, wave.id);
  const [item] = (await test.services.cati.listQc(ctx, wave.id)).items;
  if (!item) throw new Error('nothing drawn');
  return { waveId: wave.id, responseId: item.responseId };
};

let dates = 0;
/** A date of its own for each declared day off, far from any real one. */
const nextFreeDate = () => {
  dates += 1;
  return new Date(Date.UTC(2031, 0, dates)).toISOString().slice(0, 10);
};
let weeks = 0;
/** A Monday and a Saturday of their own for each transfer. */
const lawOnly = createWorkingCalendar({
  oneOffDaysOff: [],
  festivalClosingDays: [],
  transfers: [],
  followTransfers: false,
});
/** A Monday and a Saturday of their own for each transfer, neither of them a holiday. */
const nextFreeWeek = (): { dayOff: string; workingDay: string } => {
  weeks += 1;
  const monday = Date.UTC(2032, 0, 5) + weeks * 7 * 86_400_000;
  const week = {
    dayOff: new Date(monday).toISOString().slice(0, 10),
    workingDay: new Date(monday + 5 * 86_400_000).toISOString().slice(0, 10),
  };
  const holiday = (date: string) => lawOnly.day(date).kind === 'holiday';
  return holiday(week.dayOff) || holiday(week.workingDay) ? nextFreeWeek() : week;
};
const dayOff = (test: TestApp) =>
  test.services.calendar.createDayOff(ctx, {
    date: nextFreeDate(),
    kind: 'one-off',
    name: 'Tests',
    source: 'Tests',
  });
const transferOf = (test: TestApp) =>
  test.services.calendar.createTransfer(ctx, { ...nextFreeWeek(), source: 'Tests' });
const policyBody = () => ({
  name: 'Pārbaude',
  nameEn: 'Test',
  count: 3,
  unit: 'working_days' as const,
  afterHoursNextDay: true,
  source: 'Tests',
});

const recordAbsenceFor = (test: TestApp, actor: Session, staffId: string) =>
  call(test.app, actor, {
    method: 'POST',
    url: '/api/v1/absences',
    payload: { staffId, kind: 'vacation', startsOn: '2026-07-06', endsOn: '2026-07-10' },
  });

const changeAbsenceOf = async (test: TestApp, actor: Session, person: Pick<TStaff, 'id'>) => {
  const absence = await absenceOf(test, person);
  return call(test.app, actor, {
    method: 'PATCH',
    url: `/api/v1/absences/${absence.id}`,
    payload: { endsOn: '2026-07-17', version: absence.version },
  });
};

const cancelAbsenceOf = async (test: TestApp, actor: Session, person: Pick<TStaff, 'id'>) => {
  const absence = await absenceOf(test, person);
  return call(test.app, actor, {
    method: 'DELETE',
    url: `/api/v1/absences/${absence.id}?version=${absence.version}`,
  });
};

const phoneNumber = () => `67${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`;

/**
 * A call to the unit's line as a new exchange reports it: answered, or missed just now. Its id.
 */
async function reportedCall(
  test: TestApp,
  unitId: string,
  outcome: 'answered' | 'missed',
): Promise<string> {
  const { token } = await test.services.telephony.createExchange(ctx, { name: `PBX ${unique()}` });
  const line = phoneNumber();
  await test.services.telephony.putLine(ctx, unitId, {
    number: line,
    rotation: 'round_robin',
    menuKey: null,
    informationLine: false,
  });
  const callId = unique();
  const at = test.clock.now().toISOString();
  for (const payload of [
    {
      event: 'new_call',
      callId,
      at,
      direction: 'in',
      from: `+3712${phoneNumber().slice(1)}`,
      to: line,
    },
    outcome === 'answered'
      ? { event: 'answer', callId, at }
      : { event: 'hangup', callId, at, cause: 'no_answer' },
  ]) {
    const response = await test.app.inject({
      method: 'POST',
      url: '/api/v1/telephony/events',
      headers: { authorization: `Bearer ${token}` },
      payload,
    });
    if (response.statusCode !== 200) throw new Error(response.body);
  }
  const row = await test.database.db
    .selectFrom('calls')
    .select('id')
    .where('external_id', '=', callId)
    .executeTakeFirstOrThrow();
  return row.id;
}

/** A callback owed on the unit's line for a call missed just now; claimed by the one named. */
async function missedCallback(test: TestApp, unitId: string, claimedBy?: string): Promise<string> {
  const callId = await reportedCall(test, unitId, 'missed');
  const callback = await test.database.db
    .selectFrom('callbacks')
    .select('id')
    .where('call_id', '=', callId)
    .executeTakeFirstOrThrow();
  if (claimedBy) {
    await test.database.db
      .updateTable('callbacks')
      .set({ state: 'claimed', claimed_by: claimedBy, claimed_at: test.clock.now() })
      .where('id', '=', callback.id)
      .execute();
  }
  return callback.id;
}

const cases: Case[] = [
  {
    route: 'POST /api/v1/institutions',
    action: 'add an institution',
    allowed: ADMINISTRATOR,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/institutions',
        payload: { name: `Iestāde ${unique()}`, kind: 'state' },
      }),
  },
  {
    route: 'PATCH /api/v1/institutions/:id',
    action: 'change an institution',
    allowed: ADMINISTRATOR,
    perform: (test, { actor, unit }) =>
      call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/institutions/${unit.institutionId}`,
        payload: { shortName: 'Cits', version: 1 },
      }),
  },
  {
    route: 'POST /api/v1/units',
    action: 'add a unit',
    allowed: ADMINISTRATOR,
    perform: (test, { actor, unit }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/units',
        payload: { institutionId: unit.institutionId, name: 'Jauna nodaļa', kind: 'department' },
      }),
  },
  {
    route: 'PATCH /api/v1/units/:id',
    action: 'change their own unit',
    allowed: ADMINISTRATOR,
    perform: (test, { actor, unit }) =>
      call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/units/${unit.id}`,
        payload: { address: 'Jaunā iela 1', version: unit.version },
      }),
  },
  {
    route: 'POST /api/v1/mailboxes',
    action: 'set up a mailbox for their unit',
    allowed: ADMINISTRATOR,
    perform: (test, { actor, unit }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/mailboxes',
        payload: { name: 'Pastkaste', address: `pasts.${unique()}@example.lv`, unitId: unit.id },
      }),
  },
  {
    route: 'PATCH /api/v1/mailboxes/:id',
    action: 'change their unit’s mailbox',
    allowed: ADMINISTRATOR,
    async perform(test, { actor, unit }) {
      const mailbox = await test.services.mailboxes.create(
        ctx,
        CreateMailboxBody.parse({
          name: 'Pastkaste',
          address: `pasts.${unique()}@example.lv`,
          unitId: unit.id,
        }),
      );
      return call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/mailboxes/${mailbox.id}`,
        payload: { active: false, version: mailbox.version },
      });
    },
  },
  {
    route: 'POST /api/v1/staff',
    action: 'add a person to their unit',
    allowed: ADMINISTRATOR,
    perform: (test, { actor, unit }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/staff',
        payload: {
          givenName: 'Jauns',
          surname: 'Kolēģis',
          position: 'Speciālists',
          email: `jauns.${unique()}@example.lv`,
          roles: ['administrator'],
          units: [{ unitId: unit.id, primary: true }],
        },
      }),
  },
  {
    route: 'PATCH /api/v1/staff/:id',
    action: 'change a colleague in their unit',
    allowed: ADMINISTRATOR,
    async perform(test, { actor, unit }) {
      const colleague = await colleagueIn(test, unit);
      return call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/staff/${colleague.id}`,
        payload: { position: 'Vadītājs', version: colleague.version },
      });
    },
  },
  {
    route: 'PATCH /api/v1/staff/:id',
    action: 'give themselves more roles',
    // Nobody: another administrator changes one's roles.
    allowed: [],
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/staff/${actor.person.id}`,
        payload: { roles: ['administrator', 'auditor'], version: actor.person.version },
      }),
  },
  {
    route: 'POST /api/v1/staff/:id/password',
    action: 'set a colleague’s password',
    allowed: ADMINISTRATOR,
    async perform(test, { actor, unit }) {
      const colleague = await colleagueIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/staff/${colleague.id}/password`,
        payload: { password: 'a password I chose' },
      });
    },
  },
  {
    route: 'GET /api/v1/tokens',
    action: 'list API tokens',
    allowed: ADMINISTRATOR,
    perform: (test, { actor }) => call(test.app, actor, { method: 'GET', url: '/api/v1/tokens' }),
  },
  {
    route: 'POST /api/v1/tokens',
    action: 'issue a token for themselves',
    allowed: ADMINISTRATOR,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/tokens',
        payload: { name: 'Mans skripts', staffId: actor.person.id },
      }),
  },
  {
    route: 'POST /api/v1/tokens',
    action: 'issue a personal token acting as a colleague',
    allowed: [],
    async perform(test, { actor, unit }) {
      const colleague = await colleagueIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/tokens',
        payload: { name: 'Kolēģa vārdā', staffId: colleague.id },
      });
    },
  },
  {
    route: 'POST /api/v1/tokens',
    action: 'issue a system token with their own permissions',
    allowed: ADMINISTRATOR,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/tokens',
        payload: { name: 'Integrācija', roles: [...actor.person.roles] },
      }),
  },
  {
    route: 'POST /api/v1/tokens',
    action: 'issue a system token with roles they lack',
    allowed: [],
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/tokens',
        payload: { name: 'Plašāka', roles: ['auditor', 'client_service_head'] },
      }),
  },
  {
    route: 'POST /api/v1/tokens/:id/revoke',
    action: 'revoke a token',
    allowed: ADMINISTRATOR,
    async perform(test, { actor }) {
      const token = await test.services.tokens.create(ctx, { name: 'Sistēma', roles: ['auditor'] });
      return call(test.app, actor, { method: 'POST', url: `/api/v1/tokens/${token.id}/revoke` });
    },
  },
  {
    route: 'POST /api/v1/absences',
    action: 'record their own absence',
    allowed: ALL_BUT_AUDITOR,
    perform: (test, { actor }) => recordAbsenceFor(test, actor, actor.person.id),
  },
  {
    route: 'POST /api/v1/absences',
    action: 'record the absence of a colleague in their unit',
    allowed: HEADS_OF_THE_UNIT,
    perform: async (test, { actor, unit }) =>
      recordAbsenceFor(test, actor, (await colleagueIn(test, unit)).id),
  },
  {
    route: 'POST /api/v1/absences',
    action: 'record the absence of someone in a sub-unit of their unit',
    allowed: HEADS_OF_THE_UNIT,
    perform: async (test, { actor, subUnit }) =>
      recordAbsenceFor(test, actor, (await colleagueIn(test, subUnit)).id),
  },
  {
    route: 'POST /api/v1/absences',
    action: 'record the absence of someone in another unit',
    allowed: HEADS_OF_EVERYONE,
    perform: async (test, { actor, otherUnit }) =>
      recordAbsenceFor(test, actor, (await colleagueIn(test, otherUnit)).id),
  },
  {
    route: 'PATCH /api/v1/absences/:id',
    action: 'change their own absence',
    allowed: ALL_BUT_AUDITOR,
    perform: (test, { actor }) => changeAbsenceOf(test, actor, actor.person),
  },
  {
    route: 'PATCH /api/v1/absences/:id',
    action: 'change the absence of a colleague in their unit',
    allowed: HEADS_OF_THE_UNIT,
    perform: async (test, { actor, unit }) =>
      changeAbsenceOf(test, actor, await colleagueIn(test, unit)),
  },
  {
    route: 'PATCH /api/v1/absences/:id',
    action: 'change the absence of someone in another unit',
    allowed: HEADS_OF_EVERYONE,
    perform: async (test, { actor, otherUnit }) =>
      changeAbsenceOf(test, actor, await colleagueIn(test, otherUnit)),
  },
  {
    route: 'DELETE /api/v1/absences/:id',
    action: 'cancel their own absence',
    allowed: ALL_BUT_AUDITOR,
    perform: (test, { actor }) => cancelAbsenceOf(test, actor, actor.person),
  },
  {
    route: 'DELETE /api/v1/absences/:id',
    action: 'cancel the absence of someone in a sub-unit of their unit',
    allowed: HEADS_OF_THE_UNIT,
    perform: async (test, { actor, subUnit }) =>
      cancelAbsenceOf(test, actor, await colleagueIn(test, subUnit)),
  },
  {
    route: 'DELETE /api/v1/absences/:id',
    action: 'cancel the absence of someone in another unit',
    allowed: HEADS_OF_EVERYONE,
    perform: async (test, { actor, otherUnit }) =>
      cancelAbsenceOf(test, actor, await colleagueIn(test, otherUnit)),
  },
  {
    route: 'GET /api/v1/audit',
    action: 'read the audit log',
    allowed: ['administrator', 'auditor'],
    perform: (test, { actor }) => call(test.app, actor, { method: 'GET', url: '/api/v1/audit' }),
  },
  {
    route: 'POST /api/v1/auth/password',
    action: 'change their own password',
    allowed: EVERYONE,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/auth/password',
        payload: { currentPassword: TEST_PASSWORD, newPassword: 'my own new password' },
      }),
  },
  {
    route: 'PATCH /api/v1/calendar/settings',
    action: 'switch the Cabinet’s transfers off',
    allowed: ADMINISTRATOR,
    perform: async (test, { actor }) => {
      const settings = await test.services.calendar.settings(ctx);
      return call(test.app, actor, {
        method: 'PATCH',
        url: '/api/v1/calendar/settings',
        payload: { followTransfers: !settings.followTransfers, version: settings.version },
      });
    },
  },
  {
    route: 'POST /api/v1/calendar/days-off',
    action: 'declare a day off',
    allowed: ADMINISTRATOR,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/calendar/days-off',
        payload: { date: nextFreeDate(), kind: 'one-off', name: 'Tests', source: 'Tests' },
      }),
  },
  {
    route: 'PATCH /api/v1/calendar/days-off/:id',
    action: 'change a declared day off',
    allowed: ADMINISTRATOR,
    perform: async (test, { actor }) => {
      const day = await dayOff(test);
      return call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/calendar/days-off/${day.id}`,
        payload: { name: 'Cits nosaukums', version: day.version },
      });
    },
  },
  {
    route: 'DELETE /api/v1/calendar/days-off/:id',
    action: 'remove a declared day off',
    allowed: ADMINISTRATOR,
    perform: async (test, { actor }) => {
      const day = await dayOff(test);
      return call(test.app, actor, {
        method: 'DELETE',
        url: `/api/v1/calendar/days-off/${day.id}?version=${day.version}`,
      });
    },
  },
  {
    route: 'POST /api/v1/calendar/transfers',
    action: 'add a transfer',
    allowed: ADMINISTRATOR,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/calendar/transfers',
        payload: { ...nextFreeWeek(), source: 'Tests' },
      }),
  },
  {
    route: 'PATCH /api/v1/calendar/transfers/:id',
    action: 'change a transfer',
    allowed: ADMINISTRATOR,
    perform: async (test, { actor }) => {
      const transfer = await transferOf(test);
      return call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/calendar/transfers/${transfer.id}`,
        payload: { source: 'Cits rīkojums', version: transfer.version },
      });
    },
  },
  {
    route: 'DELETE /api/v1/calendar/transfers/:id',
    action: 'remove a transfer',
    allowed: ADMINISTRATOR,
    perform: async (test, { actor }) => {
      const transfer = await transferOf(test);
      return call(test.app, actor, {
        method: 'DELETE',
        url: `/api/v1/calendar/transfers/${transfer.id}?version=${transfer.version}`,
      });
    },
  },
  {
    route: 'POST /api/v1/calendar/policies',
    action: 'add a deadline policy',
    allowed: ADMINISTRATOR,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/calendar/policies',
        payload: { ...policyBody(), code: `tests-${unique()}` },
      }),
  },
  {
    route: 'PATCH /api/v1/calendar/policies/:id',
    action: 'change a deadline policy',
    allowed: ADMINISTRATOR,
    perform: async (test, { actor }) => {
      const policy = await test.services.calendar.createPolicy(ctx, {
        ...policyBody(),
        code: `tests-${unique()}`,
      });
      return call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/calendar/policies/${policy.id}`,
        payload: { count: 7, version: policy.version },
      });
    },
  },
  {
    route: 'POST /api/v1/clients',
    action: 'register a client',
    allowed: SERVERS,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/clients',
        payload: { kind: 'person', givenName: 'Jānis', surname: 'Bērziņš' },
      }),
  },
  {
    route: 'PATCH /api/v1/clients/:id',
    action: 'change a client record',
    allowed: SERVERS,
    perform: async (test, { actor }) => {
      const client = await personClient(test);
      return call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/clients/${client.id}`,
        payload: { phone: '+371 20000000', version: client.version },
      });
    },
  },
  {
    route: 'POST /api/v1/clients/:id/merge',
    action: 'merge duplicate clients',
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor }) => {
      const [duplicate, kept] = [await personClient(test), await personClient(test)];
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/clients/${duplicate.id}/merge`,
        payload: { intoId: kept.id, version: duplicate.version },
      });
    },
  },
  {
    route: 'POST /api/v1/contacts',
    action: 'register a visit with its services',
    allowed: SERVERS,
    perform: (test, { actor, unit }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/contacts',
        payload: {
          channel: 'in_person',
          unitId: unit.id,
          requests: [{ service: 'Konsultācija', kind: 'consultation', unitId: unit.id }],
        },
      }),
  },
  {
    route: 'POST /api/v1/contacts/:id/close',
    action: 'close a visit',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const contact = await createContact(test.services, unit.id);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/contacts/${contact.id}/close`,
        payload: {
          outcome: 'Izskaidrots',
          requests: Object.fromEntries(
            contact.requests.map((r) => [r.id, { decision: 'answered_at_desk' }]),
          ),
          version: contact.version,
        },
      });
    },
  },
  {
    route: 'POST /api/v1/contacts/:id/incidents',
    action: 'record an incident',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const contact = await createContact(test.services, unit.id);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/contacts/${contact.id}/incidents`,
        payload: { description: 'Apmeklētājs kliedza', policeCalled: false, securityCalled: true },
      });
    },
  },
  {
    route: 'PATCH /api/v1/requests/:id',
    action: 'change a request',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const request = await requestIn(test, unit);
      return call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/requests/${request.id}`,
        payload: { tags: ['steidzami'], version: request.version },
      });
    },
  },
  {
    route: 'POST /api/v1/requests/:id/state',
    action: 'take up a request',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const request = await requestIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/requests/${request.id}/state`,
        payload: { state: 'in_progress', version: request.version },
      });
    },
  },
  {
    route: 'POST /api/v1/requests/:id/referral',
    action: 'refer a request to another unit',
    allowed: SERVERS,
    perform: async (test, { actor, unit, otherUnit }) => {
      const request = await requestIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/requests/${request.id}/referral`,
        payload: { unitId: otherUnit.id, note: 'Jautājums ir viņu kompetencē', version: 1 },
      });
    },
  },
  {
    route: 'POST /api/v1/requests/:id/extension',
    action: 'extend a request’s deadline with a reason',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const request = await requestIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/requests/${request.id}/extension`,
        payload: { dueOn: '2031-06-30', reason: 'Gaidām citas iestādes atbildi', version: 1 },
      });
    },
  },
  {
    route: 'POST /api/v1/requests/:id/notes',
    action: 'add a note to a request',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const request = await requestIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/requests/${request.id}/notes`,
        payload: { text: 'Piezvanīju klientam' },
      });
    },
  },
  {
    route: 'POST /api/v1/requests/:id/commitments',
    action: 'record a promise to the client',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const request = await requestIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/requests/${request.id}/commitments`,
        payload: {
          what: 'Atzvanīt',
          dueAt: '2031-01-10T10:00:00Z',
          form: 'phone',
          keeperId: actor.person.id,
        },
      });
    },
  },
  {
    route: 'POST /api/v1/commitments/:id/kept',
    action: 'mark a promise kept',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const request = await requestIn(test, unit);
      const keeper = await colleagueIn(test, unit);
      const commitment = await test.services.commitments.add(ctx, request.id, {
        what: 'Atzvanīt',
        dueAt: '2031-01-10T10:00:00Z',
        form: 'phone',
        keeperId: keeper.id,
      });
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/commitments/${commitment.id}/kept`,
        payload: { version: commitment.version },
      });
    },
  },
  {
    route: 'POST /api/v1/requests/:id/links',
    action: 'link related requests',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const [request, related] = [await requestIn(test, unit), await requestIn(test, unit)];
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/requests/${request.id}/links`,
        payload: { relatedId: related.id },
      });
    },
  },
  {
    route: 'DELETE /api/v1/requests/:id/links/:relatedId',
    action: 'unlink related requests',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const [request, related] = [await requestIn(test, unit), await requestIn(test, unit)];
      await test.services.requests.link(ctx, request.id, related.id);
      return call(test.app, actor, {
        method: 'DELETE',
        url: `/api/v1/requests/${request.id}/links/${related.id}`,
      });
    },
  },
  {
    route: 'POST /api/v1/requests/:id/attachments',
    action: 'attach a document to a request',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const request = await requestIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/requests/${request.id}/attachments`,
        ...multipartFile('iesniegums.txt', 'Iesnieguma teksts', 'text/plain'),
      });
    },
  },
  {
    route: 'POST /api/v1/queue/next',
    action: 'call the next visitor',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      await queuedIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/queue/next',
        payload: { unitId: unit.id },
      });
    },
  },
  {
    route: 'POST /api/v1/queue/:id/assign',
    action: 'move a visitor to a colleague',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const entry = await queuedIn(test, unit);
      const colleague = await colleagueIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/queue/${entry.id}/assign`,
        payload: { staffId: colleague.id, version: entry.version },
      });
    },
  },
  {
    route: 'POST /api/v1/queue/:id/leave',
    action: 'record that a visitor left',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const entry = await queuedIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/queue/${entry.id}/leave`,
        payload: { version: entry.version },
      });
    },
  },
  {
    route: 'POST /api/v1/services',
    action: 'add a service to the catalogue',
    allowed: KNOWLEDGE_EDITORS,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/services',
        payload: {
          name: `Pakalpojums ${unique()}`,
          kind: 'consultation',
          ownerId: actor.person.id,
          reviewOn: '2031-01-10',
        },
      }),
  },
  {
    route: 'PATCH /api/v1/services/:id',
    action: 'change a colleague’s service card',
    allowed: KNOWLEDGE_EDITORS,
    perform: async (test, { actor, unit }) => {
      const service = await serviceOwnedBy(test, await colleagueIn(test, unit));
      return call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/services/${service.id}`,
        payload: { fee: 'Bez maksas', version: service.version },
      });
    },
  },
  {
    route: 'POST /api/v1/services/:id/reviewed',
    action: 'mark a colleague’s service card reviewed',
    allowed: KNOWLEDGE_EDITORS,
    perform: async (test, { actor, unit }) => {
      const service = await serviceOwnedBy(test, await colleagueIn(test, unit));
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/services/${service.id}/reviewed`,
        payload: { nextReviewOn: '2031-06-30', version: service.version },
      });
    },
  },
  {
    route: 'POST /api/v1/news',
    action: 'publish news to their unit',
    allowed: KNOWLEDGE_EDITORS,
    perform: (test, { actor, unit }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/news',
        payload: { title: 'Sapulce', bodyHtml: '<p>Rīt plkst. 9</p>', unitId: unit.id },
      }),
  },
  {
    route: 'PATCH /api/v1/news/:id',
    action: 'change news for their unit',
    allowed: KNOWLEDGE_EDITORS,
    perform: async (test, { actor, unit }) => {
      const item = await newsFor(test, unit.id);
      return call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/news/${item.id}`,
        payload: { title: 'Sapulce pārcelta', version: item.version },
      });
    },
  },
  {
    route: 'POST /api/v1/news/:id/read',
    action: 'mark news read',
    allowed: EVERYONE,
    perform: async (test, { actor, unit }) => {
      const item = await newsFor(test, unit.id);
      return call(test.app, actor, { method: 'POST', url: `/api/v1/news/${item.id}/read` });
    },
  },
  {
    route: 'POST /api/v1/news/read-all',
    action: 'mark all news read',
    allowed: EVERYONE,
    perform: (test, { actor }) =>
      call(test.app, actor, { method: 'POST', url: '/api/v1/news/read-all' }),
  },
  {
    route: 'POST /api/v1/requests/:id/replies',
    action: 'answer the client in writing',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const request = await requestIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/requests/${request.id}/replies`,
        payload: { subject: 'Atbilde', body: 'Labdien!', version: request.version },
      });
    },
  },
  {
    route: 'POST /api/v1/requests/:id/messages/:messageId/delivery',
    action: 'mark a letter handed over',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const request = await requestIn(test, unit);
      await test.services.correspondence.reply(systemContext('test'), request.id, {
        subject: 'Atbilde',
        body: 'Labdien!',
        pdfArticleIds: [],
        markAnswered: false,
        language: 'lv',
        quote: false,
        version: request.version,
      });
      const replied = await test.services.requests.get(systemContext('test'), request.id);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/requests/${request.id}/messages/${replied.outgoingMessages[0]?.id}/delivery`,
        payload: { method: 'printed' },
      });
    },
  },
  {
    route: 'POST /api/v1/outbox/:id/retry',
    action: 'send again a letter the mail server refused',
    allowed: ADMINISTRATOR,
    perform: async (test, { actor, unit }) => {
      const request = await requestIn(test, unit);
      await test.services.correspondence.reply(systemContext('test'), request.id, {
        subject: 'Atbilde',
        body: 'Labdien!',
        pdfArticleIds: [],
        markAnswered: false,
        language: 'lv',
        quote: false,
        version: request.version,
      });
      // Refused as a mail server would refuse it: the letter is failed with the answer.
      const letter = await test.database.db
        .updateTable('outgoing_messages')
        .set({ state: 'failed', attempts: 1, last_error: '550 No such user' })
        .where('request_id', '=', request.id)
        .returning('id')
        .executeTakeFirstOrThrow();
      return call(test.app, actor, { method: 'POST', url: `/api/v1/outbox/${letter.id}/retry` });
    },
  },
  {
    route: 'POST /api/v1/articles',
    action: 'write an article',
    allowed: KNOWLEDGE_EDITORS,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/articles',
        payload: {
          kind: 'faq',
          title: `Jautājums ${unique()}`,
          bodyHtml: '<p>Atbilde</p>',
          ownerId: actor.person.id,
          reviewOn: '2031-01-10',
        },
      }),
  },
  {
    route: 'PATCH /api/v1/articles/:id',
    action: 'change a colleague’s article',
    allowed: KNOWLEDGE_EDITORS,
    perform: async (test, { actor, unit }) => {
      const article = await articleOwnedBy(test, await colleagueIn(test, unit));
      return call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/articles/${article.id}`,
        payload: { summary: 'Īsumā', version: article.version },
      });
    },
  },
  {
    route: 'DELETE /api/v1/articles/:id',
    action: 'take an article out of the knowledge base',
    allowed: KNOWLEDGE_EDITORS,
    perform: async (test, { actor, unit }) => {
      const article = await articleOwnedBy(test, await colleagueIn(test, unit));
      return call(test.app, actor, {
        method: 'DELETE',
        url: `/api/v1/articles/${article.id}?version=${article.version}`,
      });
    },
  },
  {
    route: 'POST /api/v1/articles/:id/restore',
    action: 'restore an old version of a colleague’s article',
    allowed: KNOWLEDGE_EDITORS,
    perform: async (test, { actor, unit }) => {
      const article = await articleOwnedBy(test, await colleagueIn(test, unit));
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/articles/${article.id}/restore`,
        payload: { revision: 1, version: article.version },
      });
    },
  },
  {
    route: 'POST /api/v1/articles/:id/reviewed',
    action: 'mark a colleague’s article reviewed',
    allowed: KNOWLEDGE_EDITORS,
    perform: async (test, { actor, unit }) => {
      const article = await articleOwnedBy(test, await colleagueIn(test, unit));
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/articles/${article.id}/reviewed`,
        payload: { nextReviewOn: '2031-06-30', version: article.version },
      });
    },
  },
  {
    route: 'POST /api/v1/articles/:id/files',
    action: 'add a file to a colleague’s article',
    allowed: KNOWLEDGE_EDITORS,
    perform: async (test, { actor, unit }) => {
      const article = await articleOwnedBy(test, await colleagueIn(test, unit));
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/articles/${article.id}/files`,
        ...multipartFile('veidlapa.txt', 'Veidlapa', 'text/plain'),
      });
    },
  },
  {
    route: 'DELETE /api/v1/articles/:id/files/:fileId',
    action: 'remove a file from a colleague’s article',
    allowed: KNOWLEDGE_EDITORS,
    perform: async (test, { actor, unit }) => {
      const owner = await colleagueIn(test, unit);
      const article = await articleOwnedBy(test, owner);
      const file = await test.services.articles.addFile(ctx, article.id, {
        filename: 'veidlapa.txt',
        contentType: 'text/plain',
        content: Buffer.from('Veidlapa'),
      });
      return call(test.app, actor, {
        method: 'DELETE',
        url: `/api/v1/articles/${article.id}/files/${file.id}`,
      });
    },
  },
  {
    route: 'POST /api/v1/surveys',
    action: 'create a survey',
    allowed: CLIENT_SERVICE_HEAD,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/surveys',
        payload: { title: `Aptauja ${unique()}`, kind: 'client' },
      }),
  },
  {
    route: 'PATCH /api/v1/surveys/:id',
    action: "change a survey's title",
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor }) => {
      const survey = await surveyOf(test);
      return call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/surveys/${survey.id}`,
        payload: { title: 'Klientu aptauja', version: survey.version },
      });
    },
  },
  {
    route: 'PUT /api/v1/surveys/:id/questionnaire',
    action: 'change a questionnaire',
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor }) => {
      const survey = await surveyOf(test);
      return call(test.app, actor, {
        method: 'PUT',
        url: `/api/v1/surveys/${survey.id}/questionnaire`,
        payload: { questionnaire: { sections: [] }, basedOn: 1, version: survey.version },
      });
    },
  },
  {
    route: 'POST /api/v1/surveys/:id/waves',
    action: 'start a survey wave',
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor }) => {
      const survey = await surveyOf(test);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/surveys/${survey.id}/waves`,
        payload: { name: '2027' },
      });
    },
  },
  {
    route: 'POST /api/v1/surveys/:id/answers',
    action: "import a contractor's answers",
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor }) => {
      const survey = await surveyOf(test);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/surveys/${survey.id}/answers`,
        ...multipartFile('atbildes.csv', 'respondent,wave,remarks\nr1,2026,Labi\n', 'text/csv'),
      });
    },
  },
  {
    route: 'PATCH /api/v1/survey-waves/:id',
    action: 'open a survey wave',
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor }) => {
      const wave = await test.services.surveys.getWave(ctx, (await catiWave(test)).id);
      return call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/survey-waves/${wave.id}`,
        payload: { publicLink: true, version: wave.version },
      });
    },
  },
  {
    route: 'PUT /api/v1/survey-waves/:id/sample-plan',
    action: "set a wave's sample plan",
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor }) => {
      const wave = await catiWave(test);
      return call(test.app, actor, {
        method: 'PUT',
        url: `/api/v1/survey-waves/${wave.id}/sample-plan`,
        payload: { total: 2, strata: [{ name: 'Rīga', size: 10 }] },
      });
    },
  },
  {
    route: 'POST /api/v1/surveys/:id/reports',
    action: 'start a survey report',
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor }) => {
      const wave = await catiWave(test);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/surveys/${wave.surveyId}/reports`,
        payload: { waveId: wave.id, title: 'Ziņojums' },
      });
    },
  },
  {
    route: 'PATCH /api/v1/survey-reports/:id',
    action: 'change a survey report',
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor }) => {
      const report = await reportOf(test);
      return call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/survey-reports/${report.id}`,
        payload: { title: 'Ziņojums 2026', version: report.version },
      });
    },
  },
  {
    route: 'POST /api/v1/survey-reports/:id/publish',
    action: 'publish a survey report to staff',
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor }) => {
      const report = await reportOf(test);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/survey-reports/${report.id}/publish`,
        payload: { published: true, version: report.version },
      });
    },
  },
  {
    route: 'POST /api/v1/survey-waves/:id/cati/sample',
    action: 'add people to call to a survey wave',
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor }) => {
      const wave = await catiWave(test);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/survey-waves/${wave.id}/cati/sample`,
        payload: { members: [{ name: 'Jānis Ozols', phone: '26000002' }] },
      });
    },
  },
  {
    route: 'POST /api/v1/survey-waves/:id/cati/sample/csv',
    action: 'add people to call from a file',
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor }) => {
      const wave = await catiWave(test);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/survey-waves/${wave.id}/cati/sample/csv`,
        ...multipartFile('izlase.csv', 'name,phone\nJānis Ozols,26000002\n', 'text/csv'),
      });
    },
  },
  {
    route: 'POST /api/v1/cati/next',
    action: 'take the next person to interview by telephone',
    allowed: SERVERS,
    perform: async (test, { actor }) => {
      const wave = await catiWave(test);
      return call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/cati/next',
        payload: { waveId: wave.id },
      });
    },
  },
  {
    route: 'PUT /api/v1/cati/cases/:id/answers',
    action: 'keep the answers of a telephone interview',
    allowed: SERVERS,
    perform: async (test, { actor }) => {
      const wave = await catiWave(test);
      const caseId = await catiCaseHeldBy(test, actor, wave.id);
      return call(test.app, actor, {
        method: 'PUT',
        url: `/api/v1/cati/cases/${caseId}/answers`,
        payload: { answers: { remarks: 'Vairāk mācību' } },
      });
    },
  },
  {
    route: 'POST /api/v1/cati/cases/:id/attempts',
    action: 'record a telephone call',
    allowed: SERVERS,
    perform: async (test, { actor }) => {
      const wave = await catiWave(test);
      const caseId = await catiCaseHeldBy(test, actor, wave.id);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/cati/cases/${caseId}/attempts`,
        payload: { outcome: 'no_answer' },
      });
    },
  },
  {
    route: 'POST /api/v1/survey-waves/:id/cati/qc',
    action: 'draw telephone interviews for listening',
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor }) => {
      const wave = await catiWave(test);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/survey-waves/${wave.id}/cati/qc`,
      });
    },
  },
  {
    route: 'PUT /api/v1/survey-waves/:id/cati/qc/:responseId',
    action: 'record the verdict on an interview listened to',
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor, unit }) => {
      const { waveId, responseId } = await catiInterviewDrawn(test, unit);
      return call(test.app, actor, {
        method: 'PUT',
        url: `/api/v1/survey-waves/${waveId}/cati/qc/${responseId}`,
        payload: { verdict: 'pass' },
      });
    },
  },
  {
    route: 'POST /api/v1/survey-waves/:id/invitations',
    action: 'invite people to answer a survey on the web',
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor }) => {
      const wave = await catiWave(test);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/survey-waves/${wave.id}/invitations`,
        payload: { emails: ['anna.kalnina@example.lv'] },
      });
    },
  },
  {
    route: 'POST /api/v1/mail/messages/:id/release',
    action: 'let a held message out of quarantine',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const held = await heldIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/mail/messages/${held.inboundId}/release`,
      });
    },
  },
  {
    route: 'POST /api/v1/mail/messages/:id/discard',
    action: 'confirm a held message is spam',
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const held = await heldIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/mail/messages/${held.inboundId}/discard`,
      });
    },
  },
  {
    route: 'POST /api/v1/mail/messages/:id/remote-images',
    action: "show a message's pictures from other sites",
    allowed: SERVERS,
    perform: async (test, { actor, unit }) => {
      const held = await heldIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/mail/messages/${held.inboundId}/remote-images`,
      });
    },
  },
  {
    route: 'POST /api/v1/mail/blocklist',
    action: 'block a sender',
    allowed: CLIENT_SERVICE_HEAD,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/mail/blocklist',
        payload: { entry: `@spam-${unique()}.lv` },
      }),
  },
  {
    route: 'DELETE /api/v1/mail/blocklist/:id',
    action: 'take a sender off the block list',
    allowed: CLIENT_SERVICE_HEAD,
    perform: async (test, { actor }) => {
      const entry = await test.services.mail.block(ctx, { entry: `@spam-${unique()}.lv` });
      return call(test.app, actor, {
        method: 'DELETE',
        url: `/api/v1/mail/blocklist/${entry.id}`,
      });
    },
  },
  {
    route: 'PUT /api/v1/signature-templates/:language',
    action: 'change the signature template',
    allowed: ADMINISTRATOR,
    async perform(test, { actor }) {
      const current = await test.database.db
        .selectFrom('signature_templates')
        .select('version')
        .where('language', '=', 'en')
        .executeTakeFirstOrThrow();
      return call(test.app, actor, {
        method: 'PUT',
        url: '/api/v1/signature-templates/en',
        payload: { template: 'Kind regards\n{name} {surname}', version: current.version },
      });
    },
  },
  {
    route: 'POST /api/v1/text-modules',
    action: 'write a text module',
    allowed: KNOWLEDGE_EDITORS,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/text-modules',
        payload: { title: `Modulis ${unique()}`, language: 'lv', body: 'Labdien, {klients}!' },
      }),
  },
  {
    route: 'PATCH /api/v1/text-modules/:id',
    action: 'change a text module',
    allowed: KNOWLEDGE_EDITORS,
    async perform(test, { actor }) {
      const module = await test.services.textModules.create(ctx, {
        title: `Modulis ${unique()}`,
        language: 'lv',
        body: 'Labdien!',
      });
      return call(test.app, actor, {
        method: 'PATCH',
        url: `/api/v1/text-modules/${module.id}`,
        payload: { active: false, version: module.version },
      });
    },
  },
  {
    route: 'POST /api/v1/spelling',
    action: 'check the spelling of a letter',
    allowed: EVERYONE,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/spelling',
        payload: { text: 'Labdien!', language: 'lv' },
      }),
  },
  {
    route: 'POST /api/v1/telephony/events',
    action: 'report a call event as the exchange',
    // Only an exchange's token may: no person's role.
    allowed: [],
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/telephony/events',
        payload: { event: 'hangup', callId: unique(), at: '2026-03-03T08:00:00Z', cause: 'normal' },
      }),
  },
  {
    route: 'POST /api/v1/telephony/exchanges',
    action: "issue a telephone exchange's token",
    allowed: ADMINISTRATOR,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/telephony/exchanges',
        payload: { name: `Asterisk ${unique()}` },
      }),
  },
  {
    route: 'POST /api/v1/telephony/exchanges/:id/revoke',
    action: "revoke a telephone exchange's token",
    allowed: ADMINISTRATOR,
    async perform(test, { actor }) {
      const exchange = await test.services.telephony.createExchange(ctx, {
        name: `Asterisk ${unique()}`,
      });
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/telephony/exchanges/${exchange.id}/revoke`,
      });
    },
  },
  {
    route: 'PUT /api/v1/telephony/lines/:unitId',
    action: "set a unit's phone line and rotation",
    allowed: ADMINISTRATOR,
    perform: (test, { actor, unit }) =>
      call(test.app, actor, {
        method: 'PUT',
        url: `/api/v1/telephony/lines/${unit.id}`,
        payload: { number: phoneNumber(), rotation: 'longest_idle' },
      }),
  },
  {
    route: 'PUT /api/v1/telephony/extensions/:staffId',
    action: "set a staff member's extension",
    allowed: ADMINISTRATOR,
    async perform(test, { actor, unit }) {
      const person = await createPerson(test.services, { unitIds: [unit.id] });
      return call(test.app, actor, {
        method: 'PUT',
        url: `/api/v1/telephony/extensions/${person.id}`,
        payload: { extension: String(1000 + Math.floor(Math.random() * 8999)) },
      });
    },
  },
  {
    route: 'POST /api/v1/callbacks/:id/claim',
    action: 'claim a callback of their unit',
    allowed: SERVERS,
    async perform(test, { actor, unit }) {
      const id = await missedCallback(test, unit.id);
      return call(test.app, actor, { method: 'POST', url: `/api/v1/callbacks/${id}/claim` });
    },
  },
  {
    route: 'POST /api/v1/callbacks/:id/release',
    action: 'give back a callback they claimed',
    allowed: SERVERS,
    async perform(test, { actor, unit }) {
      const id = await missedCallback(test, unit.id, actor.person.id);
      return call(test.app, actor, { method: 'POST', url: `/api/v1/callbacks/${id}/release` });
    },
  },
  {
    route: 'POST /api/v1/callbacks/:id/attempts',
    action: 'record an attempt at calling back',
    allowed: SERVERS,
    async perform(test, { actor, unit }) {
      const id = await missedCallback(test, unit.id, actor.person.id);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/callbacks/${id}/attempts`,
        payload: { outcome: 'no_answer' },
      });
    },
  },
  {
    route: 'POST /api/v1/callbacks/:id/close',
    action: 'close a callback',
    allowed: SERVERS,
    async perform(test, { actor, unit }) {
      const id = await missedCallback(test, unit.id);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/callbacks/${id}/close`,
        payload: { version: 1 },
      });
    },
  },
  {
    route: 'POST /api/v1/telephony/calls/:id/contact',
    action: 'tie a call of their unit to its phone contact',
    allowed: SERVERS,
    async perform(test, { actor, unit }) {
      const callId = await reportedCall(test, unit.id, 'answered');
      const contact = await createContact(test.services, unit.id, { channel: 'phone' });
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/telephony/calls/${callId}/contact`,
        payload: { contactId: contact.id },
      });
    },
  },
  {
    route: 'POST /api/v1/feedback',
    action: 'register feedback received in person',
    allowed: FEEDBACK_REGISTRARS,
    perform: (test, { actor, unit }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/feedback',
        payload: { kind: 'praise', channel: 'in_person', unitId: unit.id, text: 'Paldies!' },
      }),
  },
  {
    route: 'POST /api/v1/feedback/from-request',
    action: 'turn a request into feedback',
    allowed: FEEDBACK_REGISTRARS,
    perform: async (test, { actor, unit }) => {
      const request = await requestIn(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/feedback/from-request',
        payload: { requestId: request.id, kind: 'complaint' },
      });
    },
  },
  {
    route: 'PUT /api/v1/feedback/:id/evaluation',
    action: 'evaluate feedback',
    allowed: FEEDBACK_EVALUATORS,
    perform: async (test, scene) => {
      const item = await feedbackOf(test, scene);
      return call(test.app, scene.actor, {
        method: 'PUT',
        url: `/api/v1/feedback/${item.id}/evaluation`,
        payload: {
          topic: 'Attieksme',
          unitId: scene.unit.id,
          justified: false,
          serious: false,
          version: item.version,
        },
      });
    },
  },
  {
    route: 'PUT /api/v1/feedback/:id/evaluator',
    action: 'delegate the evaluation of feedback',
    allowed: FEEDBACK_EVALUATORS,
    perform: async (test, scene) => {
      const item = await feedbackOf(test, scene);
      const delegate = await colleagueIn(test, scene.unit);
      return call(test.app, scene.actor, {
        method: 'PUT',
        url: `/api/v1/feedback/${item.id}/evaluator`,
        payload: { staffId: delegate.id },
      });
    },
  },
  {
    route: 'POST /api/v1/feedback/:id/answer',
    action: 'answer feedback',
    allowed: FEEDBACK_EVALUATORS,
    perform: async (test, scene) => {
      const item = await feedbackOf(test, scene, { evaluated: true });
      return call(test.app, scene.actor, {
        method: 'POST',
        url: `/api/v1/feedback/${item.id}/answer`,
        payload: { body: 'Paldies par ziņu.' },
      });
    },
  },
  {
    route: 'POST /api/v1/feedback/:id/close',
    action: 'close feedback',
    allowed: FEEDBACK_EVALUATORS,
    perform: async (test, scene) => {
      const item = await feedbackOf(test, scene);
      return call(test.app, scene.actor, {
        method: 'POST',
        url: `/api/v1/feedback/${item.id}/close`,
        payload: {},
      });
    },
  },
  {
    route: 'POST /api/v1/feedback/:id/escalate',
    action: 'escalate a complaint',
    allowed: FEEDBACK_EVALUATORS,
    perform: async (test, scene) => {
      const item = await feedbackOf(test, scene, { evaluated: true });
      return call(test.app, scene.actor, {
        method: 'POST',
        url: `/api/v1/feedback/${item.id}/escalate`,
        payload: { reason: 'Nopietns pārkāpums' },
      });
    },
  },
  {
    route: 'POST /api/v1/feedback/:id/resolve',
    action: "resolve a complaint at its unit head's level",
    allowed: ['unit_head', ...FEEDBACK_EVALUATORS],
    perform: async (test, scene) => {
      const item = await feedbackOf(test, scene, { evaluated: true, escalated: true });
      return call(test.app, scene.actor, {
        method: 'POST',
        url: `/api/v1/feedback/${item.id}/resolve`,
        payload: { decision: 'Pārrunāts ar darbinieku.' },
      });
    },
  },
  {
    route: 'POST /api/v1/improvement-tasks',
    action: 'set a unit an improvement task',
    allowed: IMPROVEMENT_MANAGERS,
    perform: (test, { actor, otherUnit }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/improvement-tasks',
        payload: { unitId: otherUnit.id, title: 'Uzlabot', dueOn: '2999-12-31' },
      }),
  },
  {
    route: 'PUT /api/v1/improvement-tasks/:id',
    action: 'change an improvement task',
    allowed: IMPROVEMENT_MANAGERS,
    async perform(test, { actor, unit }) {
      const task = await taskOf(test, unit);
      return call(test.app, actor, {
        method: 'PUT',
        url: `/api/v1/improvement-tasks/${task.id}`,
        payload: { title: 'Cits nosaukums', version: task.version },
      });
    },
  },
  {
    route: 'POST /api/v1/improvement-tasks/:id/state',
    action: 'start an improvement task of their unit',
    allowed: ['unit_head', 'client_service_head', 'deputy_executive_director'],
    async perform(test, { actor, unit }) {
      const task = await taskOf(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/improvement-tasks/${task.id}/state`,
        payload: { state: 'in_progress', version: task.version },
      });
    },
  },
  {
    route: 'POST /api/v1/improvement-tasks/:id/state',
    action: 'start an improvement task of another unit',
    allowed: IMPROVEMENT_MANAGERS,
    async perform(test, { actor, otherUnit }) {
      const task = await taskOf(test, otherUnit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/improvement-tasks/${task.id}/state`,
        payload: { state: 'in_progress', version: task.version },
      });
    },
  },
  {
    route: 'POST /api/v1/ideas',
    action: 'send an improvement idea',
    allowed: ALL_BUT_AUDITOR,
    perform: (test, { actor }) =>
      call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/ideas',
        payload: { addressee: 'client_service_head', title: 'Ideja', text: 'Ierosinājums' },
      }),
  },
  {
    route: 'POST /api/v1/ideas/:id/state',
    action: 'answer an idea sent to the manager of their unit',
    allowed: ['unit_head'],
    async perform(test, { actor, unit }) {
      const idea = await ideaTo(test, unit, 'manager');
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/ideas/${idea.id}/state`,
        payload: { state: 'under_review', version: idea.version },
      });
    },
  },
  {
    route: 'POST /api/v1/ideas/:id/state',
    action: 'answer an idea sent to the client service head',
    allowed: CLIENT_SERVICE_HEAD,
    async perform(test, { actor, otherUnit }) {
      const idea = await ideaTo(test, otherUnit, 'client_service_head');
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/ideas/${idea.id}/state`,
        payload: { state: 'rejected', response: 'Paldies, bet ne tagad.', version: idea.version },
      });
    },
  },
  {
    route: 'POST /api/v1/ideas/:id/state',
    action: 'answer an idea sent to the deputy executive director',
    allowed: ['deputy_executive_director'],
    async perform(test, { actor, otherUnit }) {
      const idea = await ideaTo(test, otherUnit, 'deputy_executive_director');
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/ideas/${idea.id}/state`,
        payload: { state: 'under_review', version: idea.version },
      });
    },
  },
  {
    route: 'POST /api/v1/unit-reports',
    action: 'start a unit’s yearly report',
    allowed: ['unit_head', 'client_service_head', 'deputy_executive_director'],
    perform: async (test, { actor, unit }) => {
      await reportingUnit(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: '/api/v1/unit-reports',
        payload: { unitId: unit.id, year: 2025 },
      });
    },
  },
  {
    route: 'PUT /api/v1/unit-reports/:id',
    action: 'write a unit’s yearly report',
    allowed: ['unit_head', 'client_service_head', 'deputy_executive_director'],
    perform: async (test, { actor, unit }) => {
      const report = await unitReportOf(test, unit);
      return call(test.app, actor, {
        method: 'PUT',
        url: `/api/v1/unit-reports/${report.id}`,
        payload: { shortcomings: 'Rindas', measures: 'Vairāk darbinieku', version: report.version },
      });
    },
  },
  {
    route: 'POST /api/v1/unit-reports/:id/submit',
    action: 'submit a unit’s yearly report',
    allowed: ['unit_head', 'client_service_head', 'deputy_executive_director'],
    perform: async (test, { actor, unit }) => {
      const report = await unitReportOf(test, unit);
      return call(test.app, actor, {
        method: 'POST',
        url: `/api/v1/unit-reports/${report.id}/submit`,
        payload: { shortcomings: 'Rindas', measures: '', version: report.version },
      });
    },
  },
  {
    route: 'POST /api/v1/auth/logout',
    action: 'sign out',
    allowed: EVERYONE,
    perform: (test, { actor }) =>
      call(test.app, actor, { method: 'POST', url: '/api/v1/auth/logout' }),
  },
];

const allowedTo = (role: Role) =>
  cases
    .filter((entry) => entry.allowed.includes(role))
    .map((entry) => [entry.action, entry] as const);
const refusedTo = (role: Role) =>
  cases
    .filter((entry) => !entry.allowed.includes(role))
    .map((entry) => [entry.action, entry] as const);

/** Routes anyone may call without signing in, so there is no role to check. */
const PUBLIC_CHANGES = new Set(['POST /api/v1/auth/login']);

describe('access by role', () => {
  let test: TestApp;
  beforeAll(async () => {
    test = await createTestApp();
  });
  afterAll(() => test.close());

  async function sceneFor(role: Role): Promise<Scene> {
    const unit = await createUnit(test.services);
    const subUnit = await test.services.units.create(ctx, {
      institutionId: unit.institutionId,
      parentId: unit.id,
      name: 'Apakšnodaļa',
      kind: 'department',
    });
    const otherUnit = await createUnit(test.services);
    const actor = await signedIn(test, { roles: [role], unitIds: [unit.id] });
    return { actor, unit, subUnit, otherUnit };
  }

  it('checks every route that changes data', () => {
    const changing = registeredRoutes(test.app)
      .filter((route) => route.url.startsWith('/api/v1/'))
      .filter((route) => !['GET', 'HEAD', 'OPTIONS'].includes(route.method))
      .map((route) => `${route.method} ${route.url}`)
      .filter((route) => !PUBLIC_CHANGES.has(route));
    expect(changing.length).toBeGreaterThan(10);
    const checked = new Set(cases.map((entry) => entry.route));
    expect(changing.filter((route) => !checked.has(route))).toEqual([]);
  });

  describe.each(ROLES)('%s', (role) => {
    it.each(allowedTo(role))('may %s', async (_action, entry) => {
      const scene = await sceneFor(role);
      const response = await entry.perform(test, scene);
      expect([200, 201, 204], response.body).toContain(response.statusCode);
    });

    it.each(refusedTo(role))('may not %s', async (_action, entry) => {
      const scene = await sceneFor(role);

      const response = await entry.perform(test, scene);

      expect(response.statusCode, response.body).toBe(403);
      expect(response.json()).toMatchObject({ code: 'forbidden' });
      // Every change is audited, so an actor with nothing but a sign-in changed nothing.
      const byActor = await test.services.audit.list(ctx, {
        actorId: scene.actor.person.id,
        limit: 100,
      });
      expect(byActor.items.map((item) => item.action)).toEqual(['sign-in']);
    });
  });
});
