import { describe, expect, it } from 'vitest';
import { columnsOf, type Questionnaire } from './questionnaire';
import { oneLine, spssSyntax, spssVariables } from './survey-spss';

const questionnaire: Questionnaire = {
  sections: [
    {
      title: { lv: 'A' },
      questions: [
        {
          type: 'rating',
          factor: 'system',
          dimensions: ['importance', 'satisfaction'],
          scale: 'satisfaction',
          dk: true,
          comment: true,
          text: { lv: 'Datorsistēma', en: 'Computer system' },
        },
        {
          type: 'multiple',
          key: 'by',
          text: { lv: 'Kanāli' },
          options: [
            { value: 'phone', label: { lv: 'Tālrunis' } },
            { value: 'visit', label: { lv: 'Klātiene' } },
          ],
        },
        {
          type: 'single',
          key: 'to',
          text: { lv: 'Standarts' },
          options: [
            { value: 'yes', label: { lv: 'Jā' } },
            { value: 'no', label: { lv: 'Nē' } },
          ],
        },
      ],
    },
  ],
};

describe('spssVariables', () => {
  const variables = spssVariables(columnsOf(questionnaire), ['system_imp'], 'lv');

  it('names variables as SPSS allows: no colons, no reserved words, each once', () => {
    expect(variables.map((variable) => variable.name)).toEqual([
      'respondent',
      'wave',
      'stratum',
      'system_imp',
      'system_sat',
      'system_com',
      'by_phone',
      'by_visit',
      'to_v',
      'system_imp_2',
    ]);
  });

  it('codes "hard to say" as 9, choices by their place, and a multiple choice as 0/1 each', () => {
    const answers = {
      respondent: 'r1',
      'system:importance': '4',
      'system:satisfaction': 'dk',
      by: 'visit',
      to: 'no',
    };
    expect(variables.map((variable) => variable.cellOf(answers))).toEqual([
      'r1',
      '',
      '',
      '4',
      '9',
      '',
      '0',
      '1',
      '2',
      '',
    ]);
  });

  it('writes syntax with labels, and "hard to say" as missing', () => {
    const syntax = spssSyntax(variables, 'aptauja-spss.csv');
    expect(syntax).toContain("/FILE='aptauja-spss.csv'");
    expect(syntax).toContain("system_sat 'Datorsistēma (satisfaction)'");
    expect(syntax).toMatch(/VALUE LABELS\r\n {2}respondent|VALUE LABELS\r\n {2}system_imp/);
    expect(syntax).toContain("    9 'Grūti pateikt'");
    expect(syntax).toContain('  system_imp (9)');
    expect(syntax).toContain('    to_v F1.0');
    expect(syntax).toContain('    system_com A32767');
  });
});

describe('SPSS cells', () => {
  it('puts a multi-line comment on one line for SPSS', () => {
    expect(oneLine('Pirmā rinda\r\n  otrā\nrinda')).toBe('Pirmā rinda otrā rinda');
  });
});
