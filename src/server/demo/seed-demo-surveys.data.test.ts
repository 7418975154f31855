import { describe, expect, it } from 'vitest';
import { Questionnaire as QuestionnaireSchema } from '../../contracts/surveys.contracts';
import {
  answerProblem,
  checkQuestionnaire,
  columnsOf,
  factorsOf,
  isShown,
  type Questionnaire,
} from '../../domain/questionnaire';
import { allocateSample } from '../../domain/sample-allocation';
import { parseSurveyAnswers, readCsv } from '../../domain/survey-csv';
import {
  analyseSurvey,
  importanceSatisfactionMap,
  type FactorStats,
  type RatingDimension,
  type SurveyAnalysis,
} from '../../domain/survey-stats';
import {
  CLIENT_CENTRES,
  clientAnswersCsv,
  clientQuestionnaire,
  staffAnswersCsv,
  staffQuestionnaire,
  staffSamplePlan,
} from './seed-demo-surveys.data';

/** The rows of an answers CSV as objects by column name, and its header. */
function rowsOf(csv: string): { header: string[]; rows: Array<Record<string, string>> } {
  let header: string[] | null = null;
  const rows: Array<Record<string, string>> = [];
  const problem = readCsv(csv, (cells) => {
    if (header === null) header = [...cells];
    else rows.push(Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ''])));
    return undefined;
  });
  expect(problem).toBeNull();
  return { header: header ?? [], rows };
}

function analysed(csv: string, mapWave: string): SurveyAnalysis {
  const parsed = parseSurveyAnswers(csv);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problem));
  const result = analyseSurvey(parsed.answers, { mapWave });
  if (!result.ok) throw new Error(result.problem);
  return result.analysis;
}

const countBy = (values: readonly string[]) => {
  const counts: Record<string, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
};

/** The CSV holds exactly the questionnaire's columns, and every row fits its questions. */
function expectConsistent(questionnaire: Questionnaire, csv: string) {
  const { header, rows } = rowsOf(csv);
  const columns = columnsOf(questionnaire);
  expect(header).toEqual(['respondent', 'wave', 'stratum', ...columns.map((c) => c.name)]);
  for (const row of rows) {
    expect(row.respondent).not.toBe('');
    expect(row.stratum).not.toBe('');
    for (const column of columns) {
      const answer = row[column.name] as string;
      expect(answerProblem(column, answer), `${row.respondent} ${column.name}`).toBeNull();
      // A question not shown has no answer; a comment only follows a rating given.
      if (!isShown(column.question, row))
        expect(answer, `${row.respondent} ${column.name}`).toBe('');
      const question = column.question;
      if (column.kind === 'comment' && answer !== '' && question.type === 'rating') {
        expect(question.dimensions.some((d) => row[`${question.factor}:${d}`] !== '')).toBe(true);
      }
    }
  }
}

describe('the questionnaires', () => {
  it.each([
    ['staff', staffQuestionnaire],
    ['client', clientQuestionnaire],
  ])('the %s questionnaire is well formed and passes the API contract', (_, questionnaire) => {
    expect(checkQuestionnaire(questionnaire)).toEqual([]);
    expect(QuestionnaireSchema.safeParse(questionnaire).success).toBe(true);
  });

  it('the staff questionnaire groups every factor but job satisfaction, and maps eleven', () => {
    const factors = factorsOf(staffQuestionnaire);
    expect(factors.filter((q) => !q.group).map((q) => q.factor)).toEqual(['job_satisfaction']);
    expect(factors.find((q) => q.factor === 'job_satisfaction')).toMatchObject({
      scale: 'job',
      dimensions: ['satisfaction'],
    });
    expect(factors.filter((q) => q.dimensions.length === 2)).toHaveLength(11);
  });

  it('the client questionnaire rates eight factors on both dimensions', () => {
    const both = factorsOf(clientQuestionnaire).filter((q) => q.dimensions.length === 2);
    expect(both).toHaveLength(8);
  });
});

describe('the staff answers', () => {
  const csv = staffAnswersCsv();
  const { rows } = rowsOf(csv);
  const { factors, map } = analysed(csv, '2022');
  const stats = (factor: string, wave: string, dimension: RatingDimension = 'satisfaction') => {
    const found = factors.find(
      (s) => s.factor === factor && s.wave === wave && s.dimension === dimension,
    );
    if (!found) throw new Error(`${factor} ${wave} ${dimension}`);
    return found;
  };
  const mean2 = (s: FactorStats) => s.mean?.toFixed(2);
  const inWave = (wave: string) => rows.filter((row) => row.wave === wave);

  it('fit the questionnaire, column by column and row by row', () => {
    expectConsistent(staffQuestionnaire, csv);
  });

  it('are the same on every call', () => {
    expect(staffAnswersCsv()).toBe(csv);
  });

  it('hold 21 respondents in 2021 and 20 in 2022, by planning region', () => {
    expect(inWave('2021')).toHaveLength(21);
    expect(inWave('2022')).toHaveLength(20);
    expect(countBy(inWave('2022').map((row) => row.stratum as string))).toEqual({
      Rīga: 3,
      Vidzeme: 5,
      Kurzeme: 4,
      Zemgale: 5,
      Latgale: 3,
    });
    expect(countBy(inWave('2021').map((row) => row.stratum as string))).toEqual({
      Rīga: 3,
      Vidzeme: 5,
      Kurzeme: 4,
      Zemgale: 5,
      Latgale: 4,
    });
  });

  it('give the overall job satisfaction of both waves', () => {
    expect(stats('job_satisfaction', '2022').counts).toEqual({
      '1': 0,
      '2': 0,
      '3': 17,
      '4': 3,
      dk: 0,
    });
    expect(stats('job_satisfaction', '2021').counts).toEqual({
      '1': 0,
      '2': 0,
      '3': 10,
      '4': 11,
      dk: 0,
    });
  });

  it('give the importance of the four most important factors', () => {
    const importance = (factor: string) => stats(factor, '2022', 'importance');
    expect(importance('computer_system')).toMatchObject({ n: 20, counts: { '4': 19, '3': 1 } });
    expect(importance('skills_improvement')).toMatchObject({ n: 20, counts: { '4': 18, '3': 2 } });
    expect(importance('training_fits_needs')).toMatchObject({ n: 20, counts: { '4': 17, '3': 3 } });
    expect(importance('training_usable')).toMatchObject({ n: 20, counts: { '4': 16, '3': 4 } });
    const others = map.points
      .map((p) => p.factor)
      .filter(
        (f) =>
          ![
            'computer_system',
            'skills_improvement',
            'training_fits_needs',
            'training_usable',
          ].includes(f),
      );
    for (const factor of others) {
      expect(importance(factor).mean as number).toBeLessThan(
        importance('training_usable').mean as number,
      );
    }
  });

  it('give the counts and means of the report, with the 2021 comparisons', () => {
    expect(stats('municipal_colleagues', '2022')).toMatchObject({
      n: 20,
      counts: { '4': 18, '3': 2 },
    });
    expect(mean2(stats('municipal_colleagues', '2022'))).toBe('3.90');
    expect(stats('municipal_colleagues', '2021').n).toBe(21);
    expect(mean2(stats('municipal_colleagues', '2021'))).toBe('3.76');

    expect(stats('ministry_support', '2022')).toMatchObject({ n: 20, counts: { '4': 13, '3': 7 } });
    expect(mean2(stats('ministry_support', '2022'))).toBe('3.65');
    expect(stats('ministry_support', '2021').n).toBe(21);
    expect(mean2(stats('ministry_support', '2021'))).toBe('3.71');

    expect(stats('training_usable', '2022')).toMatchObject({ n: 20, counts: { '4': 14, '3': 6 } });

    expect(stats('training_fits_needs', '2022')).toMatchObject({
      n: 20,
      counts: { '4': 12, '3': 8 },
    });
    expect(mean2(stats('training_fits_needs', '2022'))).toBe('3.60');
    expect(stats('training_fits_needs', '2021').n).toBe(21);
    expect(mean2(stats('training_fits_needs', '2021'))).toBe('3.52');

    expect(stats('skills_improvement', '2022')).toMatchObject({
      n: 20,
      counts: { '4': 14, '3': 5, '2': 1 },
    });
    expect(mean2(stats('skills_improvement', '2022'))).toBe('3.65');
    expect(stats('skills_improvement', '2021').n).toBe(21);
    expect(mean2(stats('skills_improvement', '2021'))).toBe('3.43');

    expect(stats('interesting_work', '2022').counts).toMatchObject({ '4': 14, '3': 5, '2': 1 });
    expect(stats('salary_bonus', '2022').counts).toMatchObject({ '1': 2, '2': 7 });
    expect(stats('municipal_support', '2022').counts).toMatchObject({
      '1': 0,
      '2': 6,
      '3': 10,
      '4': 4,
    });
    expect(stats('it_support', '2022').counts).toMatchObject({ '4': 8, '3': 10, '2': 2 });
    expect(stats('computer_system', '2022').counts).toMatchObject({ '3': 13, '2': 3 });
    expect(stats('accountant', '2022').counts).toMatchObject({ '4': 13 });
    expect(stats('consult_eid', '2022').counts).toMatchObject({ '4': 11, '3': 7, '2': 2 });
    expect(stats('consult_esignature', '2022').counts).toMatchObject({ '4': 7, '3': 10, '2': 3 });
    expect(stats('consult_eaddress', '2022').counts).toMatchObject({ '4': 5, '3': 9, '2': 6 });
  });

  it('keep the report’s other statements about the 2022 ratings', () => {
    const rs = (factor: string) => stats(factor, '2022').counts;
    // Rather bad: three for the workload and the system, two for four others, one for five.
    for (const factor of ['workload', 'computer_system']) expect(rs(factor)['2']).toBe(3);
    for (const factor of [
      'working_conditions',
      'it_support',
      'information_flow',
      'opinion_municipal_leaders',
    ]) {
      expect(rs(factor)['2']).toBe(2);
    }
    for (const factor of [
      'interesting_work',
      'materials_clarity',
      'own_skills',
      'state_contacts',
      'accountant',
    ]) {
      expect(rs(factor)['2']).toBe(1);
    }
    expect(rs('colleague_substitution')).toMatchObject({ '1': 1, '2': 1 });
    // Work content: very good 14, 12, 10, 10; rather good for one's skills 15, the workload 11.
    expect([
      rs('interesting_work')['4'],
      rs('clear_goals')['4'],
      rs('ministry_materials')['4'],
      rs('working_conditions')['4'],
    ]).toEqual([14, 12, 10, 10]);
    expect(rs('own_skills')['3']).toBe(15);
    expect(rs('workload')['3']).toBe(11);
    // The salary bonus is the lowest rated of all; the accountant the best of its group.
    const means2022 = factors.filter((s) => s.wave === '2022' && s.dimension === 'satisfaction');
    const lowest = means2022.reduce((a, b) => ((b.mean ?? 5) < (a.mean ?? 5) ? b : a));
    expect(lowest.factor).toBe('salary_bonus');
    for (const factor of ['information_flow', 'opinion_municipal_leaders', 'opinion_ministry']) {
      expect(stats(factor, '2022').mean as number).toBeLessThan(
        stats('accountant', '2022').mean as number,
      );
    }
    // Training rated higher than in 2021; job satisfaction and the ministry's support lower.
    for (const factor of ['training_fits_needs', 'skills_improvement', 'training_usable']) {
      expect(stats(factor, '2022').mean as number).toBeGreaterThan(
        stats(factor, '2021').mean as number,
      );
    }
    expect(stats('job_satisfaction', '2022').mean as number).toBeLessThan(
      stats('job_satisfaction', '2021').mean as number,
    );
    // e-service consulting: 14 rather good, 5 very good, 1 rather bad.
    expect(rs('eservices_consulting')).toMatchObject({ '4': 5, '3': 14, '2': 1 });
  });

  it('rate the service channels as the report does', () => {
    const skill = (channel: string) => stats(`skill_${channel}`, '2022');
    expect([
      skill('in_person').n,
      skill('electronic').n,
      skill('phone').n,
      skill('post').n,
    ]).toEqual([20, 11, 16, 2]);
    expect(skill('electronic').counts).toMatchObject({ '4': 5, '3': 6 });
    expect(skill('electronic').mean?.toFixed(1)).toBe('3.5');
    expect(skill('in_person').mean?.toFixed(1)).toBe('3.4');
    expect(skill('phone').mean?.toFixed(1)).toBe('3.4');
    const served = inWave('2022').map((row) => (row.channels_served as string).split(';'));
    expect(served.filter((channels) => channels.includes('electronic'))).toHaveLength(11);
  });

  it('hold the answers on the client service standard and on experience', () => {
    expect(countBy(inWave('2022').map((row) => row.service_standard as string))).toEqual({
      standard: 6,
      ethics_code: 7,
      none: 5,
      dont_know: 2,
    });
    const veryGood = inWave('2022').filter(
      (row) => row['eservices_consulting:satisfaction'] === '4',
    );
    expect(veryGood.every((row) => row.experience === 'years_5_plus')).toBe(true);
    const senior = inWave('2022').filter((row) => row.experience === 'years_5_plus');
    const ratherGood = senior.filter((row) => row['eservices_consulting:satisfaction'] === '3');
    expect(ratherGood.length * 2).toBeGreaterThan(senior.length);
  });

  it('quote the report’s comments in 2022 only', () => {
    const comments = (wave: string) =>
      inWave(wave).flatMap((row) =>
        Object.entries(row).filter(([column, text]) => column.endsWith(':comment') && text !== ''),
      );
    expect(comments('2021')).toEqual([]);
    const quoted = comments('2022').map(([, text]) => text);
    expect(quoted).toContain('pakalpojumucentri.lv ir bieži kļūdas sistēmā, uzkarās');
    expect(quoted).toContain('Tādas [piemaksas] nav vispār, ļoti vajadzētu');
    expect(quoted.length).toBeGreaterThanOrEqual(30);
    // The salary comments, all critical, come from those who rated the bonus badly.
    const salary = inWave('2022').filter((row) => row['salary_bonus:comment'] !== '');
    expect(salary).toHaveLength(5);
    expect(
      salary.every((row) => ['1', '2'].includes(row['salary_bonus:satisfaction'] as string)),
    ).toBe(true);
  });

  it('put only the computer system in "improve" on the 2022 map, with borders pooled over both waves', () => {
    const pooled = importanceSatisfactionMap(factors, '2022', ['2021', '2022']);
    expect(map).toEqual(pooled);
    expect(map.borders.importance?.toFixed(2)).toBe('3.49');
    expect(map.borders.satisfaction?.toFixed(2)).toBe('3.32');
    const quadrants = Object.fromEntries(map.points.map((p) => [p.factor, p.quadrant]));
    expect(quadrants).toEqual({
      computer_system: 'improve',
      training_fits_needs: 'strengthen',
      skills_improvement: 'strengthen',
      training_usable: 'strengthen',
      working_conditions: 'keep',
      ministry_support: 'keep',
      opinion_ministry: 'watch',
      opinion_municipal_leaders: 'watch',
      municipal_support: 'watch',
      salary_bonus: 'watch',
      system_user_friendly: 'watch',
    });
  });
});

describe('the 2022 sample plan', () => {
  it('allocates 20 interviews to the regions as the report does', () => {
    const result = allocateSample(staffSamplePlan);
    expect(result).toEqual({
      ok: true,
      allocation: [
        { name: 'Rīga', sample: 3 },
        { name: 'Vidzeme', sample: 5 },
        { name: 'Kurzeme', sample: 4 },
        { name: 'Zemgale', sample: 5 },
        { name: 'Latgale', sample: 3 },
      ],
    });
  });

  it('was reached in full in the fieldwork dates, refusals replaced within their region', () => {
    expect(staffSamplePlan.fieldwork).toEqual({ start: '2022-05-18', end: '2022-06-22' });
    const result = allocateSample(staffSamplePlan);
    if (!result.ok) throw new Error(result.problem);
    const reached = countBy(
      rowsOf(staffAnswersCsv())
        .rows.filter((row) => row.wave === '2022')
        .map((row) => row.stratum as string),
    );
    for (const { name, sample } of result.allocation) expect(reached[name]).toBe(sample);
    const regions = new Set(staffSamplePlan.strata.map((s) => s.name));
    expect(staffSamplePlan.refusals.length).toBeGreaterThan(0);
    for (const refusal of staffSamplePlan.refusals) {
      expect(regions.has(refusal.stratum)).toBe(true);
      expect(refusal.reason).not.toBe('');
    }
  });
});

describe('the client answers', () => {
  const csv = clientAnswersCsv();
  const { rows } = rowsOf(csv);
  const { factors, map } = analysed(csv, '2025');

  it('fit the questionnaire, column by column and row by row', () => {
    expectConsistent(clientQuestionnaire, csv);
  });

  it('are the same on every call', () => {
    expect(clientAnswersCsv()).toBe(csv);
  });

  it('hold about 300 answers of one wave, by centre', () => {
    expect(rows).toHaveLength(306);
    expect(new Set(rows.map((row) => row.wave))).toEqual(new Set(['2025']));
    expect(countBy(rows.map((row) => row.stratum as string))).toEqual(
      Object.fromEntries(CLIENT_CENTRES.map((c) => [c.name, c.respondents])),
    );
  });

  it('are mostly 3 and 4, with some "hard to say" and some not answered', () => {
    for (const s of factors) {
      const { n, counts } = s;
      expect((counts['3'] + counts['4']) / n, `${s.factor} ${s.dimension}`).toBeGreaterThan(0.6);
    }
    const cells = rows.flatMap((row) =>
      Object.entries(row).filter(([c]) => /:(importance|satisfaction)$/.test(c)),
    );
    expect(cells.filter(([, v]) => v === 'dk').length).toBeGreaterThan(0);
    expect(
      cells.filter(([c, v]) => v === '' && !c.startsWith('eservices_help:')).length,
    ).toBeGreaterThan(0);
    expect(rows.filter((row) => row.suggestions !== '').length).toBeGreaterThan(20);
  });

  it('map waiting and settling several matters in one visit as the ones to improve', () => {
    expect(map.points).toHaveLength(8);
    const quadrants = Object.fromEntries(map.points.map((p) => [p.factor, p.quadrant]));
    expect(quadrants).toMatchObject({
      waiting_time: 'improve',
      one_visit: 'improve',
      staff_courtesy: 'strengthen',
      staff_competence: 'strengthen',
      easy_to_find: 'keep',
    });
  });
});
