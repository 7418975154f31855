import type { Kysely } from 'kysely';
import type { RefusalReason } from '../../domain/cati';
import type { Services } from '../app';
import { systemContext } from '../http/access';
import type { DemoOrganisation } from './seed-demo-cases';
import {
  clientAnswersCsv,
  clientQuestionnaire,
  staffAnswersCsv,
  staffQuestionnaire,
  staffSamplePlan,
} from './seed-demo-surveys.data';
import type { DB } from '../db/schema';

// The demo's surveys: the 2021 and 2022 staff study of the one-stop centres (SURVEY.md), with
// its sample plan, its telephone fieldwork log and a published report, and the municipality's
// client satisfaction survey of 2025 with a few hundred web answers and an open web link. The
// answers go in as a fieldwork contractor's files would, through the import; only the call log
// of 2022, which no screen makes after the fact, is written directly.

const ctx = systemContext('demo-surveys');

/** The codes the interviewers chose for the report's refusals. */
const REFUSAL_CODES: Record<string, RefusalReason> = {
  'Rinda centrā, lūdz zvanīt pēcpusdienā': 'no_time',
  'Nevēlas piedalīties aptaujās': 'not_interested',
  'Atvaļinājumā līdz jūnija sākumam': 'other',
  'Nav laika, viena pati centrā': 'no_time',
  'Strādā centrā tikai pirmdienās, nav pārliecināta par savu viedokli': 'not_competent',
  'Lūdz piezvanīt pēc reformas darbiem': 'other',
};

export async function seedDemoSurveys(
  db: Kysely<DB>,
  services: Services,
  organisation: DemoOrganisation,
): Promise<void> {
  await seedStaffSurvey(db, services, organisation);
  await seedClientSurvey(services);
}

async function seedStaffSurvey(
  db: Kysely<DB>,
  services: Services,
  organisation: DemoOrganisation,
): Promise<void> {
  const survey = await services.surveys.create(ctx, {
    title: 'VPVKAC darbinieku aptauja',
    titleEn: 'Survey of the one-stop centre staff',
    kind: 'staff',
    description:
      'Valsts un pašvaldību vienoto klientu apkalpošanas centru darbinieku apmierinātība ar darbu, mācībām, sadarbību un datorsistēmu. Datorizētas telefonintervijas (CATI), stratificēta izlase pa plānošanas reģioniem.',
    questionnaire: staffQuestionnaire,
  });
  for (const [name, start, end] of [
    ['2021', '2021-05-17', '2021-06-18'],
    ['2022', staffSamplePlan.fieldwork.start, staffSamplePlan.fieldwork.end],
  ] as const) {
    await services.surveys.createWave(ctx, survey.id, {
      name,
      fieldworkStart: start,
      fieldworkEnd: end,
    });
  }
  await services.surveyAnswers.importAnswers(ctx, survey.id, {
    filename: 'vpvkac-darbinieki-2021-2022.csv',
    content: Buffer.from(staffAnswersCsv()),
  });
  const detail = await services.surveys.get(ctx, survey.id);
  const wave2022 = detail.waves.find((wave) => wave.name === '2022');
  if (!wave2022) throw new Error('the demo staff survey has no 2022 wave');
  // Planned before the fieldwork, as a closed wave's plan no longer changes.
  await services.surveys.savePlan(ctx, wave2022.id, {
    total: staffSamplePlan.total,
    strata: staffSamplePlan.strata.map(({ name, size }) => ({ name, size })),
    perUnitCap: staffSamplePlan.perUnitCap,
  });
  await closeWaves(
    services,
    detail.waves.map((wave) => wave.id),
  );
  await seedFieldworkLog(db, wave2022.id, organisation);

  const comments = await services.surveyReports.comments(ctx, wave2022.id, {
    page: 1,
    pageSize: 100,
  });
  const quoted = comments.items
    .filter((comment) =>
      ['computer_system:comment', 'skills_improvement:comment', 'salary_bonus:comment'].includes(
        comment.column,
      ),
    )
    .slice(0, 6)
    .map(({ responseId, column, text }) => ({ responseId, column, text }));
  const report = await services.surveyReports.create(ctx, survey.id, {
    waveId: wave2022.id,
    title: 'VPVKAC darbinieku aptauja 2022: rezultāti',
    borderWaves: ['2021', '2022'],
    methodHtml:
      '<p>Mērķa grupa – VPVKAC darbinieki. Metode – datorizētas telefonintervijas (CATI). Izlase stratificēta pa pieciem plānošanas reģioniem proporcionāli darbinieku skaitam; divpakāpju atlase: vispirms centri, tad viena intervija katrā centrā, nesasniedzamos kontaktējot atkārtoti.</p><p>Kvalitātes kontrolei noklausīti 10 % interviju ierakstu, sniedzot atgriezenisko saiti intervētājiem; analizēts atteikumu skaits un iemesli.</p>',
    conclusionsHtml:
      '<ul><li>Darbinieki kopumā ir apmierināti ar darbu, taču “ļoti apmierināto” īpatsvars salīdzinājumā ar 2021. gadu ir sarucis.</li><li>Vienīgais faktors kvadrantā “Jāuzlabo” – datorsistēma darbojas bez problēmām: tā ir ļoti svarīga, bet apmierinātība ar to ir zemāka par vidējo.</li><li>Sadarbība ar pašvaldības kolēģiem un mācības vērtētas augstu un jāstiprina.</li></ul>',
    recommendationsHtml:
      '<ul><li>Novērst datorsistēmas kļūdas un uzkāršanos; nodrošināt vairāku pakalpojumu sniegšanu vienam klientam vienā apmeklējumā.</li><li>Papildināt zināšanu bāzi ar īsiem soli pa solim materiāliem un mācību ierakstiem.</li><li>Pārskatīt piemaksas par VPVKAC pienākumiem un aizvietošanu atvaļinājumu laikā.</li></ul>',
    quotes: quoted,
  });
  await services.surveyReports.publish(ctx, report.id, {
    published: true,
    version: report.version,
  });
  // Published when the study was, not when the demo was made.
  await db
    .updateTable('survey_reports')
    .set({ published_at: new Date('2022-08-15T09:00:00Z') })
    .where('id', '=', report.id)
    .execute();
}

/**
 * The 2022 call log: one case per interview, reached on the first call or after a soft refusal,
 * and for each hard refusal a colleague of the same centre interviewed instead; two interviewers
 * share the work, and two interviews (10 %) were listened to.
 */
async function seedFieldworkLog(
  db: Kysely<DB>,
  waveId: string,
  organisation: DemoOrganisation,
): Promise<void> {
  const interviewers = organisation.staff.filter((person) => person.serves).slice(0, 2);
  const responses = await db
    .selectFrom('survey_responses')
    .select(['id', 'stratum', 'completed_at'])
    .where('wave_id', '=', waveId)
    .orderBy('respondent')
    .execute();
  const softByStratum = new Map<string, string[]>();
  for (const refusal of staffSamplePlan.refusals) {
    if (refusal.outcome !== 'soft_refusal') continue;
    softByStratum.set(refusal.stratum, [
      ...(softByStratum.get(refusal.stratum) ?? []),
      refusal.reason,
    ]);
  }
  const start = new Date(`${staffSamplePlan.fieldwork.start}T07:00:00Z`);
  const hour = 3_600_000;
  let centre = 0;
  for (const [index, response] of responses.entries()) {
    centre++;
    const stratum = response.stratum ?? '';
    const interviewer = interviewers[index % interviewers.length];
    const calledAt = new Date(start.getTime() + index * 26 * hour);
    const soft = softByStratum.get(stratum)?.shift();
    const sample = await db
      .insertInto('cati_sample')
      .values({
        wave_id: waveId,
        name: `Darbinieks ${index + 1}`,
        phone: `+371 6700${String(1000 + index)}`,
        organisation: `${stratum} – ${centre}. centrs`,
        stratum,
        state: 'complete',
        attempts: soft ? 2 : 1,
        final_disposition: '1.1',
        response_id: response.id,
        created_at: start,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const attempts = [
      ...(soft
        ? [
            {
              sample_id: sample.id,
              interviewer_id: interviewer?.id ?? null,
              called_at: calledAt,
              outcome: 'soft_refusal' as const,
              refusal_reason: REFUSAL_CODES[soft] ?? 'other',
              note: soft,
            },
          ]
        : []),
      {
        sample_id: sample.id,
        interviewer_id: interviewer?.id ?? null,
        called_at: new Date(calledAt.getTime() + (soft ? 26 * hour : 0)),
        outcome: 'complete' as const,
        refusal_reason: null,
        note: null,
      },
    ];
    await db.insertInto('cati_attempts').values(attempts).execute();
    // The answers came from these interviews, so they are the telephone's, completed at the
    // completing call: the wave's counts, the CATI page and quality control then agree, and no
    // recording is listened to before its interview took place.
    const completedAt = attempts.at(-1)?.called_at ?? calledAt;
    const drawnAt = new Date(completedAt.getTime() + 48 * hour);
    await db
      .updateTable('survey_responses')
      .set({
        source: 'cati',
        interviewer_id: interviewer?.id ?? null,
        started_at: completedAt,
        completed_at: completedAt,
        updated_at: completedAt,
        qc_considered_at: drawnAt,
      })
      .where('id', '=', response.id)
      .execute();
    if (index % 10 === 3 && interviewer) {
      await db
        .insertInto('cati_qc_checks')
        .values({
          response_id: response.id,
          wave_id: waveId,
          interviewer_id: interviewer.id,
          drawn_at: drawnAt,
          verdict: 'pass',
          feedback: 'Jautājumi nolasīti precīzi, skala atkārtota.',
          checked_by: interviewers[(index + 1) % interviewers.length]?.id ?? null,
          checked_at: new Date(drawnAt.getTime() + 24 * hour),
        })
        .execute();
    }
  }
  for (const [index, refusal] of staffSamplePlan.refusals.entries()) {
    if (refusal.outcome !== 'hard_refusal') continue;
    const calledAt = new Date(start.getTime() + (index * 26 + 5) * hour);
    const sample = await db
      .insertInto('cati_sample')
      .values({
        wave_id: waveId,
        name: `Atteicies ${index + 1}`,
        phone: `+371 6710${String(1000 + index)}`,
        organisation: `${refusal.stratum} – centrs ar atteikumu`,
        stratum: refusal.stratum,
        state: 'refused',
        attempts: 1,
        final_disposition: '2.11',
        created_at: start,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('cati_attempts')
      .values({
        sample_id: sample.id,
        interviewer_id: interviewers[0]?.id ?? null,
        called_at: calledAt,
        outcome: 'hard_refusal',
        refusal_reason: REFUSAL_CODES[refusal.reason] ?? 'other',
        note: refusal.reason,
      })
      .execute();
  }
}

async function seedClientSurvey(services: Services): Promise<void> {
  const survey = await services.surveys.create(ctx, {
    title: 'Klientu apmierinātības aptauja',
    titleEn: 'Client satisfaction survey',
    kind: 'client',
    description:
      'Ikgadējā klientu aptauja (standarta 27. punkts): cik svarīgi klientiem ir apkalpošanas aspekti un cik apmierināti viņi ar tiem ir.',
    questionnaire: clientQuestionnaire,
  });
  await services.surveys.createWave(ctx, survey.id, {
    name: '2025',
    fieldworkStart: '2025-09-01',
    fieldworkEnd: '2025-10-31',
  });
  await services.surveyAnswers.importAnswers(ctx, survey.id, {
    filename: 'klientu-aptauja-2025.csv',
    content: Buffer.from(clientAnswersCsv()),
  });
  await closeWaves(
    services,
    (await services.surveys.get(ctx, survey.id)).waves.map((wave) => wave.id),
  );
  // This year's wave is open on the web, with its public link, for residents to answer now.
  const wave = await services.surveys.createWave(ctx, survey.id, {
    name: '2026',
    fieldworkStart: '2026-09-01',
    fieldworkEnd: '2026-12-31',
  });
  await services.surveys.updateWave(ctx, wave.id, {
    state: 'open',
    publicLink: true,
    version: wave.version,
  });
}

/** Waves whose fieldwork is over take no more answers. */
async function closeWaves(services: Services, waveIds: readonly string[]): Promise<void> {
  for (const id of waveIds) {
    const wave = await services.surveys.getWave(ctx, id);
    await services.surveys.updateWave(ctx, id, { state: 'closed', version: wave.version });
  }
}
