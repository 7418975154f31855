import { describe, expect, it } from 'vitest';
import {
  checkQuestionnaire,
  cleanAnswers,
  columnLabel,
  hasAnswers,
  columnsOf,
  isShown,
  labelsOf,
  ratingAnswersOf,
  type Questionnaire,
  type RatingQuestion,
} from './questionnaire';

const rating = (factor: string, extra: Partial<RatingQuestion> = {}): RatingQuestion => ({
  type: 'rating',
  factor,
  dimensions: ['importance', 'satisfaction'],
  scale: 'satisfaction',
  dk: true,
  comment: false,
  text: { lv: factor },
  ...extra,
});

const questionnaire: Questionnaire = {
  sections: [
    {
      title: { lv: 'A' },
      questions: [
        {
          type: 'multiple',
          key: 'channels',
          text: { lv: 'Kanāli' },
          options: [
            { value: 'phone', label: { lv: 'Tālrunis' } },
            { value: 'visit', label: { lv: 'Klātiene' } },
          ],
        },
        rating('phone_skill', {
          dimensions: ['satisfaction'],
          dk: false,
          comment: true,
          showIf: { column: 'channels', anyOf: ['phone'] },
        }),
        rating('system'),
        { type: 'text', key: 'remarks', text: { lv: 'Piezīmes' } },
      ],
    },
  ],
};

describe('columnsOf', () => {
  it('lists each question’s columns in order: ratings by dimension, then the comment', () => {
    expect(columnsOf(questionnaire).map((column) => column.name)).toEqual([
      'channels',
      'phone_skill:satisfaction',
      'phone_skill:comment',
      'system:importance',
      'system:satisfaction',
      'remarks',
    ]);
  });
});

describe('checkQuestionnaire', () => {
  it('accepts a sound questionnaire', () => {
    expect(checkQuestionnaire(questionnaire)).toEqual([]);
  });

  it('names a factor used twice, a reserved key, and a bad key by their place', () => {
    const problems = checkQuestionnaire({
      sections: [
        { title: { lv: 'A' }, questions: [rating('wait'), rating('wave')] },
        {
          title: { lv: 'B' },
          questions: [rating('wait'), { type: 'text', key: 'Bad key', text: { lv: 'X' } }],
        },
      ],
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'sections.0.questions.1.factor',
      'sections.1.questions.0.factor',
      'sections.1.questions.1.key',
    ]);
  });

  it('refuses a condition on a later question or on a value its question cannot have', () => {
    const problems = checkQuestionnaire({
      sections: [
        {
          title: { lv: 'A' },
          questions: [
            rating('first', { showIf: { column: 'later:satisfaction', anyOf: ['4'] } }),
            rating('later'),
            rating('third', { showIf: { column: 'later:satisfaction', anyOf: ['5'] } }),
          ],
        },
      ],
    });
    expect(problems).toEqual([
      {
        path: 'sections.0.questions.0.showIf.column',
        message: '"later:satisfaction" is not a column of an earlier question',
      },
      {
        path: 'sections.0.questions.2.showIf.anyOf',
        message: '"5" is not an answer of "later:satisfaction"',
      },
    ]);
  });

  it('wants the four labels of a custom scale and two options of a choice', () => {
    const problems = checkQuestionnaire({
      sections: [
        {
          title: { lv: 'A' },
          questions: [
            rating('mood', { scale: 'custom' }),
            { type: 'single', key: 'one', text: { lv: 'X' }, options: [] },
          ],
        },
      ],
    });
    expect(problems.map((problem) => problem.path)).toEqual([
      'sections.0.questions.0.labels',
      'sections.0.questions.1.options',
    ]);
  });
});

describe('cleanAnswers', () => {
  it('keeps the answers of shown questions, normalised, and drops empty ones', () => {
    const result = cleanAnswers(questionnaire, {
      channels: 'visit ; phone',
      'phone_skill:satisfaction': '3',
      'system:importance': 'dk',
      'system:satisfaction': '',
      remarks: '  Labi  ',
    });
    expect(result).toEqual({
      answers: {
        channels: 'visit;phone',
        'phone_skill:satisfaction': '3',
        'system:importance': 'dk',
        remarks: 'Labi',
      },
      problems: [],
    });
  });

  it('drops the answer to a question its condition now hides', () => {
    const result = cleanAnswers(questionnaire, {
      channels: 'visit',
      'phone_skill:satisfaction': '3',
      'phone_skill:comment': 'Ātri',
    });
    expect(result.answers).toEqual({ channels: 'visit' });
  });

  it('names an answer the question does not offer, and a column it does not have', () => {
    const result = cleanAnswers(questionnaire, {
      channels: 'phone',
      'phone_skill:satisfaction': 'dk',
      'system:importance': '5',
      color: 'red',
    });
    expect(result.problems).toEqual([
      { column: 'phone_skill:satisfaction', message: 'unknown value "dk"' },
      { column: 'system:importance', message: 'unknown value "5"' },
      { column: 'color', message: 'not a question of this questionnaire' },
    ]);
  });
});

describe('isShown and labels', () => {
  it('shows a conditional question when any chosen value matches', () => {
    const question = questionnaire.sections[0]?.questions[1];
    if (!question) throw new Error('no question');
    expect(isShown(question, { channels: 'visit;phone' })).toBe(true);
    expect(isShown(question, { channels: 'visit' })).toBe(false);
    expect(isShown(question, {})).toBe(false);
  });

  it('rates importance on the importance scale whatever the question’s scale', () => {
    const question = rating('x', { scale: 'job' });
    expect(labelsOf(question, 'importance')[3].lv).toBe('Ļoti svarīgi');
    expect(labelsOf(question, 'satisfaction')[3].lv).toBe('Ļoti apmierināts');
  });
});

describe('ratingAnswersOf', () => {
  it('picks the ratings out of a response’s answers', () => {
    expect(
      ratingAnswersOf({
        channels: 'phone',
        'system:importance': '4',
        'system:satisfaction': 'dk',
        'system:comment': '3',
      }),
    ).toEqual([
      { factor: 'system', dimension: 'importance', value: '4' },
      { factor: 'system', dimension: 'satisfaction', value: 'dk' },
    ]);
  });
});

describe('columnLabel', () => {
  it('names a comment by the factor it is about, and a text answer by its question', () => {
    const rated = questionnaire.sections
      .flatMap((section) => section.questions)
      .find((question) => question.type === 'rating' && question.comment);
    if (!rated || rated.type !== 'rating')
      throw new Error('the test questionnaire rates no factor');
    expect(columnLabel(questionnaire, `${rated.factor}:comment`, 'lv')).toBe(rated.text.lv);
    expect(columnLabel(questionnaire, 'no_such:comment', 'en')).toBe('no_such:comment');
  });
});

describe('hasAnswers', () => {
  it('finds no answer in a response of empty or blank cells only', () => {
    expect(hasAnswers({})).toBe(false);
    expect(hasAnswers({ 'waiting:satisfaction': '', remarks: '  ' })).toBe(false);
    expect(hasAnswers({ 'waiting:satisfaction': 'dk' })).toBe(true);
  });
});
