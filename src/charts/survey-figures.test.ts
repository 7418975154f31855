import { describe, expect, it } from 'vitest';
import type { Questionnaire, RatingQuestion } from '../domain/questionnaire';
import { analyseSurvey, withChanges, type RatingTally } from '../domain/survey-stats';
import { surveyFigures } from './survey-figures';
import { toSvgString } from './svg';

const rating = (factor: string, group: string, lv: string): RatingQuestion => ({
  type: 'rating',
  factor,
  dimensions: ['importance', 'satisfaction'],
  scale: 'satisfaction',
  dk: true,
  comment: true,
  group,
  text: { lv },
});

const questionnaire: Questionnaire = {
  sections: [
    {
      title: { lv: 'Darbs' },
      questions: [
        rating('system', 'Datorsistēma', 'Datorsistēma darbojas'),
        rating('training', 'Mācības', 'Mācības atbilst vajadzībām'),
        { type: 'text', key: 'remarks', text: { lv: 'Piezīmes' } },
      ],
    },
  ],
};

const tally = (
  factor: string,
  wave: string,
  dimension: 'importance' | 'satisfaction',
  counts: [number, number, number, number],
): RatingTally => ({
  factor,
  wave,
  dimension,
  counts: { '1': counts[0], '2': counts[1], '3': counts[2], '4': counts[3], dk: 0 },
});

const tallies = [
  tally('system', '2021', 'importance', [0, 0, 1, 3]),
  tally('system', '2021', 'satisfaction', [0, 1, 3, 0]),
  tally('system', '2022', 'importance', [0, 0, 0, 4]),
  tally('system', '2022', 'satisfaction', [0, 2, 2, 0]),
  tally('training', '2022', 'importance', [0, 0, 2, 2]),
  tally('training', '2022', 'satisfaction', [0, 0, 0, 4]),
  tally('gone', '2022', 'satisfaction', [0, 0, 4, 0]),
];

function analysis() {
  const result = analyseSurvey({ waves: ['2021', '2022'], tallies }, { mapWave: '2022' });
  if (!result.ok) throw new Error(result.problem);
  return { factors: withChanges(result.analysis.factors), map: result.analysis.map };
}

describe('surveyFigures', () => {
  const figures = surveyFigures({
    analysis: analysis(),
    questionnaire,
    wave: '2022',
    language: 'lv',
    quotes: [
      { column: 'system:comment', text: 'Uzkaras' },
      { column: 'remarks', text: 'Paldies' },
    ],
  });

  it('groups the wave’s factors by their group in the questionnaire’s order, lost ones last', () => {
    expect(figures.groups.map((group) => group.title)).toEqual(['Datorsistēma', 'Mācības', 'Citi']);
    expect(figures.labelOf('system')).toBe('Datorsistēma darbojas');
    expect(figures.labelOf('gone')).toBe('gone');
  });

  it('gives each row its mean, the previous wave’s mean and the change', () => {
    const satisfaction = figures.groups[0]?.rows.find((row) => row.dimension === 'satisfaction');
    expect(satisfaction).toMatchObject({ n: 4, mean: 2.5, previousWave: '2021' });
    expect(satisfaction?.previousMean).toBeCloseTo(2.75, 12);
    expect(satisfaction?.change).toBeCloseTo(-0.25, 12);
    expect(figures.groups[1]?.rows[0]).toMatchObject({ previousWave: null, change: null });
  });

  it('puts a factor’s comment with its group and other quotes apart', () => {
    expect(figures.groups.map((group) => group.quotes)).toEqual([['Uzkaras'], [], []]);
    expect(figures.otherQuotes).toEqual(['Paldies']);
  });

  it('draws bars per dimension, a comparison only when there is an earlier wave, and the map', () => {
    const [system] = figures.groups;
    expect(system?.distributions).toHaveLength(2);
    expect(system?.comparison).not.toBeNull();
    const firstWave = surveyFigures({
      analysis: analysis(),
      questionnaire,
      wave: '2021',
      language: 'lv',
    });
    expect(firstWave.groups[0]?.comparison).toBeNull();
    expect(toSvgString(figures.map as NonNullable<typeof figures.map>)).toContain('Jāuzlabo');
  });
});
