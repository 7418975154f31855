import type { Kysely } from 'kysely';
import { addCalendarDays, rigaDateOf } from '../../domain/riga-time';
import type { Role } from '../../domain/roles';
import type { TOpeningHours } from '../../contracts/units.contracts';
import type { Clock } from '../adapters/clock';
import { systemContext } from '../http/access';
import type { Services } from '../app';
import type { DB } from '../db/schema';
import { seedDemoCases, type DemoOrganisation } from './seed-demo-cases';
import { seedDemoFeedback } from './seed-demo-feedback';
import { seedDemoKnowledge } from './seed-demo-knowledge';
import { seedDemoMailboxes } from './seed-demo-mailboxes';
import { seedDemoPhone } from './seed-demo-phone';
import { seedDemoSurveys } from './seed-demo-surveys';

/** The password of every demo account; shown in the README. */
export const DEMO_PASSWORD = 'apkalpo-demo';

/** The demo accounts, one per role and one with every role; shown in the README. */
export const DEMO_ACCOUNTS: ReadonlyArray<{ email: string; roles: Role[] }> = [
  {
    email: 'admin@example.lv',
    roles: [
      'specialist',
      'unit_head',
      'client_service_head',
      'administrator',
      'ethics_commission_member',
      'auditor',
      'deputy_executive_director',
    ],
  },
  { email: 'specialist@example.lv', roles: ['specialist'] },
  { email: 'unit.head@example.lv', roles: ['unit_head', 'specialist'] },
  { email: 'cs.head@example.lv', roles: ['client_service_head'] },
  { email: 'administrator@example.lv', roles: ['administrator'] },
  { email: 'ethics@example.lv', roles: ['ethics_commission_member', 'specialist'] },
  { email: 'auditor@example.lv', roles: ['auditor'] },
  { email: 'deputy@example.lv', roles: ['deputy_executive_director'] },
];

const office = (open: string, close: string, fridayClose: string): TOpeningHours => ({
  mon: { open, close },
  tue: { open, close },
  wed: { open, close },
  thu: { open, close },
  fri: { open, close: fridayClose },
  sat: null,
  sun: null,
});

interface DemoPerson {
  key: string;
  givenName: string;
  surname: string;
  position: string;
  email: string;
  phone: string;
  units: string[];
  competences: string[];
  active?: boolean;
}

/**
 * A made-up municipality ("Priedaines novads") with the state institutions whose services its
 * one-stop centres provide, its units, about twenty staff and their absences around today; and
 * some 2000 clients and 3000 contacts with their requests over the last four months
 * (seed-demo-cases.ts), written in bulk: through the services they would take minutes; and the
 * service catalogue, knowledge base and news feed (seed-demo-knowledge.ts); and the mailbox on
 * Apkalpo's own SMTP receiver that takes every recipient (seed-demo-mailboxes.ts); and the phone
 * lines, extensions, exchange and a day's calls (seed-demo-phone.ts); and a year of praise,
 * complaints and suggestions with their escalations, improvement tasks, unit reports and staff
 * ideas (seed-demo-feedback.ts).
 */
export async function seedDemoData(
  services: Services,
  clock: Clock,
  db: Kysely<DB>,
): Promise<void> {
  const ctx = systemContext('seed-demo');
  const today = rigaDateOf(clock.now());
  const day = (offset: number) => addCalendarDays(today, offset);

  const municipality = await services.institutions.create(ctx, {
    name: 'Priedaines novada pašvaldība',
    shortName: 'Priedaines novads',
    kind: 'municipality',
    registrationNumber: '90000099001',
    website: 'https://priedaine.example.lv',
    email: 'pasts@example.lv',
    phone: '+371 67000000',
  });
  const state: Array<[string, string]> = [
    ['Valsts sociālās apdrošināšanas aģentūra', 'VSAA'],
    ['Valsts ieņēmumu dienests', 'VID'],
    ['Pilsonības un migrācijas lietu pārvalde', 'PMLP'],
    ['Valsts zemes dienests', 'VZD'],
    ['Nodarbinātības valsts aģentūra', 'NVA'],
    ['Lauku atbalsta dienests', 'LAD'],
  ];
  const institutionIds = new Map<string, string>();
  for (const [name, shortName] of state) {
    const institution = await services.institutions.create(ctx, { name, shortName, kind: 'state' });
    institutionIds.set(shortName, institution.id);
  }

  const units = new Map<string, string>();
  const unitHours = new Map<string, TOpeningHours>();
  const addUnit = async (
    key: string,
    name: string,
    kind: 'department' | 'client_service_centre' | 'other',
    parentKey: string | null,
    extra: { address?: string; phone?: string; email?: string; openingHours?: TOpeningHours } = {},
  ) => {
    const unit = await services.units.create(ctx, {
      institutionId: municipality.id,
      parentId: parentKey ? (units.get(parentKey) ?? null) : null,
      name,
      kind,
      ...extra,
    });
    units.set(key, unit.id);
    if (extra.openingHours) unitHours.set(key, extra.openingHours);
  };
  await addUnit('admin', 'Centrālā administrācija', 'department', null, {
    address: 'Pils iela 1, Priedaine, LV-2150',
    phone: '+371 67000000',
  });
  await addUnit('clientService', 'Klientu apkalpošanas nodaļa', 'department', 'admin', {
    email: 'klienti@example.lv',
  });
  await addUnit('centreMain', 'Priedaines VPVKAC', 'client_service_centre', 'clientService', {
    address: 'Pils iela 1, Priedaine, LV-2150',
    phone: '+371 67000010',
    email: 'vpvkac.priedaine@example.lv',
    openingHours: office('08:00', '18:00', '16:00'),
  });
  await addUnit('centreForest', 'Mežciema VPVKAC', 'client_service_centre', 'clientService', {
    address: 'Skolas iela 5, Mežciems, LV-2151',
    phone: '+371 67000020',
    email: 'vpvkac.mezciems@example.lv',
    openingHours: {
      ...office('08:00', '17:00', '15:00'),
      wed: { open: '10:00', close: '19:00' },
    },
  });
  await addUnit('digital', 'Digitālais centrs', 'department', 'admin');
  await addUnit('communication', 'Komunikācijas nodaļa', 'department', 'admin');
  await addUnit('property', 'Nekustamā īpašuma nodaļa', 'department', 'admin');
  await addUnit('building', 'Būvvalde', 'department', 'admin', {
    address: 'Dārza iela 3, Priedaine',
  });
  await addUnit('education', 'Izglītības pārvalde', 'department', 'admin');
  await addUnit('social', 'Sociālais dienests', 'department', null, {
    address: 'Dārza iela 7, Priedaine, LV-2150',
    phone: '+371 67000030',
    email: 'socialais.dienests@example.lv',
  });

  const people: DemoPerson[] = [
    {
      key: 'admin',
      givenName: 'Anna',
      surname: 'Kalniņa',
      position: 'Sistēmas administratore',
      email: 'admin@example.lv',
      phone: '+371 67000101',
      units: ['digital'],
      competences: ['Apkalpo lietošana'],
    },
    {
      key: 'specialist',
      givenName: 'Līga',
      surname: 'Bērziņa',
      position: 'Klientu apkalpošanas speciāliste',
      email: 'specialist@example.lv',
      phone: '+371 67000111',
      units: ['centreMain'],
      competences: ['deklarētā dzīvesvieta', 'e-adrese', 'eID', 'VSAA pakalpojumi'],
    },
    {
      key: 'unitHead',
      givenName: 'Mārtiņš',
      surname: 'Ozols',
      position: 'Priedaines VPVKAC vadītājs',
      email: 'unit.head@example.lv',
      phone: '+371 67000112',
      units: ['centreMain'],
      competences: ['VPVKAC darba organizācija', 'PMLP pakalpojumi'],
    },
    {
      key: 'csHead',
      givenName: 'Inese',
      surname: 'Liepiņa',
      position: 'Klientu apkalpošanas nodaļas vadītāja',
      email: 'cs.head@example.lv',
      phone: '+371 67000100',
      units: ['clientService'],
      competences: ['klientu apkalpošanas standarts', 'sūdzības un ieteikumi'],
    },
    {
      key: 'administrator',
      givenName: 'Edgars',
      surname: 'Kļaviņš',
      position: 'Digitālā centra vadītājs',
      email: 'administrator@example.lv',
      phone: '+371 67000102',
      units: ['digital'],
      competences: ['e-pakalpojumi', 'Apkalpo lietošana'],
    },
    {
      key: 'ethics',
      givenName: 'Dace',
      surname: 'Vītola',
      position: 'Juriste',
      email: 'ethics@example.lv',
      phone: '+371 67000103',
      units: ['admin'],
      competences: ['Iesniegumu likums', 'personas datu aizsardzība'],
    },
    {
      key: 'auditor',
      givenName: 'Raimonds',
      surname: 'Zariņš',
      position: 'Iekšējais auditors',
      email: 'auditor@example.lv',
      phone: '+371 67000104',
      units: ['admin'],
      competences: ['iekšējais audits'],
    },
    {
      key: 'deputy',
      givenName: 'Guntars',
      surname: 'Vanags',
      position: 'Izpilddirektora vietnieks',
      email: 'deputy@example.lv',
      phone: '+371 67000106',
      units: ['admin'],
      competences: ['klientu apkalpošanas standarta kontrole'],
    },
    {
      key: 'janis',
      givenName: 'Jānis',
      surname: 'Bērziņš',
      position: 'Klientu apkalpošanas speciālists',
      email: 'janis.berzins@example.lv',
      phone: '+371 67000121',
      units: ['centreForest'],
      competences: ['VID EDS', 'e-paraksts', 'latvija.gov.lv'],
    },
    {
      key: 'kristine',
      givenName: 'Kristīne',
      surname: 'Ločmele',
      position: 'Klientu apkalpošanas speciāliste',
      email: 'kristine.locmele@example.lv',
      phone: '+371 67000122',
      units: ['centreForest', 'centreMain'],
      competences: ['sociālie pabalsti', 'NVA pakalpojumi', 'VSAA pakalpojumi'],
    },
    {
      key: 'gunta',
      givenName: 'Gunta',
      surname: 'Šmite',
      position: 'Klientu apkalpošanas speciāliste',
      email: 'gunta.smite@example.lv',
      phone: '+371 67000113',
      units: ['centreMain'],
      competences: ['nekustamā īpašuma nodoklis', 'VZD pakalpojumi', 'Zemesgrāmata'],
    },
    {
      key: 'valdis',
      givenName: 'Valdis',
      surname: 'Dūmiņš',
      position: 'Klientu apkalpošanas speciālists',
      email: 'valdis.dumins@example.lv',
      phone: '+371 67000114',
      units: ['centreMain'],
      competences: ['PMLP pakalpojumi', 'pases un personas apliecības'],
    },
    {
      key: 'arturs',
      givenName: 'Artūrs',
      surname: 'Krūmiņš',
      position: 'Mežciema VPVKAC vadītājs',
      email: 'arturs.krumins@example.lv',
      phone: '+371 67000120',
      units: ['centreForest'],
      competences: ['LAD pakalpojumi', 'Uzņēmumu reģistrs'],
    },
    {
      key: 'sandra',
      givenName: 'Sandra',
      surname: 'Jansone',
      position: 'Sociālā darbiniece',
      email: 'sandra.jansone@example.lv',
      phone: '+371 67000131',
      units: ['social'],
      competences: ['sociālie pabalsti', 'trūcīgas personas statuss'],
    },
    {
      key: 'ruta',
      givenName: 'Rūta',
      surname: 'Strautiņa',
      position: 'Sociālā darbiniece',
      email: 'ruta.strautina@example.lv',
      phone: '+371 67000132',
      units: ['social'],
      competences: ['aprūpe mājās', 'sociālie pabalsti'],
    },
    {
      key: 'peteris',
      givenName: 'Pēteris',
      surname: 'Grīnbergs',
      position: 'Būvinspektors',
      email: 'peteris.grinbergs@example.lv',
      phone: '+371 67000141',
      units: ['building'],
      competences: ['būvatļaujas', 'BIS'],
    },
    {
      key: 'zane',
      givenName: 'Zane',
      surname: 'Egle',
      position: 'Nekustamā īpašuma speciāliste',
      email: 'zane.egle@example.lv',
      phone: '+371 67000151',
      units: ['property'],
      competences: [
        'nekustamā īpašuma nodoklis',
        'zemes noma',
        'dzīvokļu jautājumi',
        'līdzfinansējums',
      ],
    },
    {
      key: 'oskars',
      givenName: 'Oskars',
      surname: 'Lācis',
      position: 'IT speciālists',
      email: 'oskars.lacis@example.lv',
      phone: '+371 67000105',
      units: ['digital'],
      competences: ['e-pakalpojumi', 'tīmekļvietne'],
    },
    {
      key: 'baiba',
      givenName: 'Baiba',
      surname: 'Kalēja',
      position: 'Izglītības speciāliste',
      email: 'baiba.kaleja@example.lv',
      phone: '+371 67000161',
      units: ['education'],
      competences: ['pirmsskolas rinda', 'skolēnu brīvpusdienas'],
    },
    {
      key: 'elina',
      givenName: 'Elīna',
      surname: 'Āboliņa',
      position: 'Sabiedrisko attiecību speciāliste',
      email: 'elina.abolina@example.lv',
      phone: '+371 67000171',
      units: ['communication'],
      competences: ['pašvaldības ziņas', 'sociālie tīkli', 'iedzīvotāju padomes'],
    },
    {
      key: 'ieva',
      givenName: 'Ieva',
      surname: 'Puriņa',
      position: 'Klientu apkalpošanas speciāliste',
      email: 'ieva.purina@example.lv',
      phone: '+371 67000115',
      units: ['centreMain'],
      competences: ['e-adrese'],
      active: false,
    },
  ];

  const rolesByEmail = new Map(DEMO_ACCOUNTS.map((account) => [account.email, account.roles]));
  const headRoles: Record<string, Role[]> = { arturs: ['unit_head', 'specialist'] };
  const staffIds = new Map<string, string>();
  const serving = new Set<string>();
  for (const person of people) {
    const roles = rolesByEmail.get(person.email) ?? headRoles[person.key] ?? ['specialist'];
    if (roles.includes('specialist') || roles.includes('unit_head')) serving.add(person.key);
    const created = await services.staff.create(ctx, {
      givenName: person.givenName,
      surname: person.surname,
      position: person.position,
      email: person.email,
      phone: person.phone,
      competences: person.competences,
      roles,
      units: person.units.map((unitKey, index) => ({
        unitId: units.get(unitKey) as string,
        primary: index === 0,
      })),
      active: person.active ?? true,
      ...(rolesByEmail.has(person.email) ? { password: DEMO_PASSWORD } : {}),
    });
    staffIds.set(person.key, created.id);
  }

  const id = (key: string) => staffIds.get(key) as string;
  const absences = [
    {
      staffId: id('gunta'),
      kind: 'vacation',
      startsOn: day(-3),
      endsOn: day(7),
      substituteId: id('specialist'),
    },
    {
      staffId: id('zane'),
      kind: 'vacation',
      startsOn: day(-1),
      endsOn: day(4),
      substituteId: id('gunta'),
      note: 'Aizvieto Gunta Šmite; viņas prombūtnes laikā – Līga Bērziņa.',
    },
    {
      staffId: id('sandra'),
      kind: 'sick_leave',
      startsOn: day(0),
      endsOn: day(2),
      substituteId: id('ruta'),
    },
    {
      staffId: id('peteris'),
      kind: 'business_trip',
      startsOn: day(5),
      endsOn: day(6),
      substituteId: null,
    },
    {
      staffId: id('janis'),
      kind: 'training',
      startsOn: day(10),
      endsOn: day(11),
      substituteId: id('kristine'),
    },
    {
      staffId: id('unitHead'),
      kind: 'vacation',
      startsOn: day(20),
      endsOn: day(33),
      substituteId: id('csHead'),
    },
  ] as const;
  for (const absence of absences) await services.absences.create(ctx, absence);

  const organisation: DemoOrganisation = {
    unitIds: units,
    unitHours,
    institutionIds,
    staff: people.map((person) => ({
      key: person.key,
      id: id(person.key),
      givenName: person.givenName,
      surname: person.surname,
      email: person.email,
      phone: person.phone,
      unitKeys: person.units,
      serves: serving.has(person.key),
      active: person.active ?? true,
    })),
    absences,
  };
  // The cases' pseudo-random history was drawn before the deputy executive director joined the
  // demo (issue 16); among the colleagues who ask for help they would shift every draw after
  // them, and with it the history the README and the demo tests describe.
  await seedDemoCases(db, services, clock, {
    ...organisation,
    staff: organisation.staff.filter((person) => person.key !== 'deputy'),
  });
  await seedDemoKnowledge(db, services, clock, organisation, municipality.id);
  await seedDemoSurveys(db, services, organisation);
  await seedDemoMailboxes(services, organisation);
  await seedDemoPhone(db, services, clock, organisation);
  await seedDemoFeedback(db, services, clock, organisation);
}
