import { describe, expect, it } from 'vitest';
import type { Questionnaire, Section } from './questionnaire';
import {
  isLastPage,
  nextPage,
  readPage,
  resumePage,
  revealsQuestions,
  WEB_TEXT_LIMIT,
  withPage,
} from './survey-web';

const visit: Section = {
  title: { lv: 'Apmeklējums' },
  questions: [
    {
      type: 'single',
      key: 'visited',
      text: { lv: 'Vai apmeklējāt?' },
      options: [
        { value: 'yes', label: { lv: 'Jā' } },
        { value: 'no', label: { lv: 'Nē' } },
      ],
    },
    {
      type: 'rating',
      factor: 'waiting',
      dimensions: ['satisfaction'],
      scale: 'satisfaction',
      dk: true,
      comment: true,
      text: { lv: 'Gaidīšana' },
      showIf: { column: 'visited', anyOf: ['yes'] },
    },
  ],
};

const visitorsOnly: Section = {
  title: { lv: 'Centrs' },
  questions: [
    {
      type: 'multiple',
      key: 'rooms',
      text: { lv: 'Telpas' },
      options: [
        { value: 'hall', label: { lv: 'Zāle' } },
        { value: 'desk', label: { lv: 'Galds' } },
      ],
      showIf: { column: 'visited', anyOf: ['yes'] },
    },
  ],
};

const remarks: Section = {
  title: { lv: 'Ieteikumi' },
  questions: [{ type: 'text', key: 'remarks', text: { lv: 'Ieteikumi' } }],
};

const questionnaire: Questionnaire = { sections: [visit, visitorsOnly, remarks] };

describe('reading a page', () => {
  it('reads shown questions, checking each value against what the question offers', () => {
    expect(
      readPage(visit, {}, { visited: ['yes'], 'waiting:satisfaction': ['dk'], nav: ['next'] }),
    ).toEqual({ answers: { visited: 'yes', 'waiting:satisfaction': 'dk' }, problems: [] });
    expect(readPage(visit, {}, { visited: ['maybe'] }).problems).toEqual([
      { column: 'visited', problem: 'not_an_option' },
    ]);
    expect(readPage(visit, {}, { visited: ['yes', 'no'] }).problems).toHaveLength(1);
  });

  it('leaves out a question hidden by an answer on the same page', () => {
    expect(
      readPage(visit, { visited: 'yes' }, { visited: ['no'], 'waiting:satisfaction': ['9'] }),
    ).toEqual({ answers: { visited: 'no' }, problems: [] });
  });

  it('keeps multiple choices in the questionnaire’s order and refuses an unknown one', () => {
    const before = { visited: 'yes' };
    expect(readPage(visitorsOnly, before, { rooms: ['desk', 'hall'] }).answers).toEqual({
      rooms: 'hall;desk',
    });
    expect(readPage(visitorsOnly, before, { rooms: ['desk', 'roof'] }).problems).toEqual([
      { column: 'rooms', problem: 'not_an_option' },
    ]);
  });

  it('refuses an open answer longer than the limit', () => {
    expect(readPage(remarks, {}, { remarks: ['x'.repeat(WEB_TEXT_LIMIT + 1)] }).problems).toEqual([
      { column: 'remarks', problem: 'too_long' },
    ]);
    expect(readPage(remarks, {}, { remarks: ['  '] }).answers).toEqual({});
  });

  it('replaces what the page held before and keeps the other pages', () => {
    expect(
      withPage({ visited: 'yes', 'waiting:satisfaction': '3', remarks: 'Labi' }, visit, {
        visited: 'no',
      }),
    ).toEqual({ visited: 'no', remarks: 'Labi' });
  });

  it('tells when the page’s answers bring up questions not yet seen', () => {
    expect(revealsQuestions(visit, {}, { visited: 'yes' })).toBe(true);
    expect(revealsQuestions(visit, { visited: 'yes' }, { visited: 'yes' })).toBe(false);
    expect(revealsQuestions(visit, { visited: 'yes' }, { visited: 'no' })).toBe(false);
  });
});

describe('moving between pages', () => {
  it('passes over a page whose questions are all hidden, both ways', () => {
    expect(nextPage(questionnaire, 0, 1, { visited: 'no' })).toBe(2);
    expect(nextPage(questionnaire, 0, 1, { visited: 'yes' })).toBe(1);
    expect(nextPage(questionnaire, 2, -1, { visited: 'no' })).toBe(0);
    expect(nextPage(questionnaire, 0, -1, {})).toBeNull();
    expect(isLastPage(questionnaire, 2, {})).toBe(true);
    expect(isLastPage(questionnaire, 1, {})).toBe(false);
  });

  it('continues after the last page holding an answer', () => {
    expect(resumePage(questionnaire, {})).toBe(0);
    expect(resumePage(questionnaire, { visited: 'no' })).toBe(2);
    expect(resumePage(questionnaire, { visited: 'yes' })).toBe(1);
    expect(resumePage(questionnaire, { visited: 'no', remarks: 'Labi' })).toBe(2);
  });
});
