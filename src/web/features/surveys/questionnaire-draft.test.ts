import { describe, expect, it } from 'vitest';
import type { Questionnaire } from '../../../domain/questionnaire';
import {
  draftOf,
  draftProblems,
  earlierColumns,
  moved,
  newOption,
  newQuestion,
  newSection,
  placeId,
  placeOfPath,
  questionnaireOf,
  questionOf,
  withQuestion,
  withQuestionMoved,
  withSection,
  type Draft,
  type DraftChoice,
  type DraftQuestion,
  type DraftRating,
  type DraftSection,
  type DraftText,
  type ProblemCode,
} from './questionnaire-draft';

/** A questionnaire using every part the editor knows, as the server keeps it. */
const full: Questionnaire = {
  sections: [
    {
      title: { lv: 'Apkalpošana', en: 'Service' },
      intro: { lv: 'Par apmeklējumu', en: 'About the visit' },
      questions: [
        {
          type: 'rating',
          factor: 'speed',
          dimensions: ['importance', 'satisfaction'],
          scale: 'satisfaction',
          dk: true,
          comment: true,
          group: 'Ātrums',
          text: { lv: 'Mani apkalpoja ātri', en: 'I was served quickly' },
          help: { lv: 'Rindā un pie galda' },
        },
        {
          type: 'rating',
          factor: 'clarity',
          dimensions: ['satisfaction'],
          scale: 'custom',
          labels: [
            { lv: 'Nemaz' },
            { lv: 'Drīzāk nē' },
            { lv: 'Drīzāk jā', en: 'Rather yes' },
            { lv: 'Pilnīgi' },
          ],
          dk: false,
          comment: false,
          text: { lv: 'Skaidrojums bija saprotams' },
        },
      ],
    },
    {
      title: { lv: 'Par jums' },
      questions: [
        {
          type: 'single',
          key: 'channel',
          options: [
            { value: 'visit', label: { lv: 'Klātienē', en: 'In person' } },
            { value: 'phone', label: { lv: 'Pa tālruni' } },
          ],
          text: { lv: 'Kā sazinājāties?' },
        },
        {
          type: 'multiple',
          key: 'topics',
          options: [
            { value: 'tax', label: { lv: 'Nodokļi' } },
            { value: 'home', label: { lv: 'Dzīvesvieta' } },
          ],
          text: { lv: 'Par ko?' },
          showIf: { column: 'channel', anyOf: ['visit'] },
        },
        {
          type: 'text',
          key: 'wish',
          text: { lv: 'Ko vēlaties piebilst?' },
          showIf: { column: 'speed:satisfaction', anyOf: ['1', '2'] },
        },
      ],
    },
  ],
};

const section = (questions: DraftQuestion[], title = 'Sadaļa'): DraftSection => ({
  ...newSection(),
  title: { lv: title, en: '' },
  questions,
});

const rating = (factor: string, change: Partial<DraftRating> = {}): DraftRating => ({
  ...(newQuestion('rating') as DraftRating),
  factor,
  text: { lv: `Jautājums ${factor}`, en: '' },
  ...change,
});

const choice = (key: string, values: string[], change: Partial<DraftChoice> = {}): DraftChoice => ({
  ...(newQuestion('single') as DraftChoice),
  key,
  text: { lv: `Izvēle ${key}`, en: '' },
  options: values.map((value) => ({ ...newOption(), value, label: { lv: value, en: '' } })),
  ...change,
});

const text = (key: string, change: Partial<DraftText> = {}): DraftText => ({
  ...(newQuestion('text') as DraftText),
  key,
  text: { lv: `Teksts ${key}`, en: '' },
  ...change,
});

const codesOf = (draft: Draft): ProblemCode[] => draftProblems(draft).map((p) => p.code);

describe('new parts of a questionnaire', () => {
  it('gives every section, question and option an id of its own', () => {
    const ids = [
      newSection().id,
      newOption().id,
      ...(['rating', 'single', 'multiple', 'text'] as const).map((type) => newQuestion(type).id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('starts a rating on the satisfaction scale, with "hard to say" and no comment', () => {
    const question = newQuestion('rating');
    expect(question).toMatchObject({
      type: 'rating',
      factor: '',
      dimensions: ['satisfaction'],
      scale: 'satisfaction',
      dk: true,
      comment: false,
      group: '',
      showIf: { column: '', anyOf: [] },
    });
    if (question.type !== 'rating') return;
    expect(question.labels).toHaveLength(4);
    expect(question.labels.every((label) => label.lv === '' && label.en === '')).toBe(true);
  });

  it('offers a choice two empty options at once, each with its own id', () => {
    for (const type of ['single', 'multiple'] as const) {
      const question = newQuestion(type);
      expect(question.type).toBe(type);
      if (question.type !== type) return;
      expect(question.options).toHaveLength(2);
      expect(question.options.map((option) => option.value)).toEqual(['', '']);
      expect(question.options[0]?.id).not.toBe(question.options[1]?.id);
    }
  });

  it('starts a free-text question with an empty key and empty texts', () => {
    expect(newQuestion('text')).toMatchObject({
      type: 'text',
      key: '',
      text: { lv: '', en: '' },
      help: { lv: '', en: '' },
    });
  });

  it('does not share the texts of one new question with another', () => {
    const first = newQuestion('text');
    const second = newQuestion('text');
    first.text.lv = 'mainīts';
    expect(second.text.lv).toBe('');
  });
});

describe('from the server and back', () => {
  it('gives back the questionnaire it was made from', () => {
    expect(questionnaireOf(draftOf(full))).toEqual(full);
  });

  it('holds absent optional texts as empty strings', () => {
    const draft = draftOf(full);
    const aboutYou = draft.sections[1];
    expect(aboutYou?.intro).toEqual({ lv: '', en: '' });
    expect(aboutYou?.title).toEqual({ lv: 'Par jums', en: '' });
    const channel = aboutYou?.questions[0];
    expect(channel?.help).toEqual({ lv: '', en: '' });
    expect(channel?.showIf).toEqual({ column: '', anyOf: [] });
    const speed = draft.sections[0]?.questions[0];
    expect(speed?.type === 'rating' && speed.labels.every((label) => label.lv === '')).toBe(true);
  });

  it('gives each part a new id, so two copies of one questionnaire never collide', () => {
    const first = draftOf(full);
    const second = draftOf(full);
    expect(first.sections[0]?.id).not.toBe(second.sections[0]?.id);
    expect(first.sections[1]?.questions[0]?.id).not.toBe(second.sections[1]?.questions[0]?.id);
  });

  it('copies the dimensions, so changing the draft leaves the questionnaire alone', () => {
    const draft = draftOf(full);
    const speed = draft.sections[0]?.questions[0];
    if (speed?.type !== 'rating') throw new Error('expected a rating');
    speed.dimensions.push('importance');
    const saved = full.sections[0]?.questions[0];
    expect(saved?.type === 'rating' && saved.dimensions).toEqual(['importance', 'satisfaction']);
  });

  it('trims what is saved and leaves out an empty English text', () => {
    const question = rating(' speed ', {
      text: { lv: '  Ātri  ', en: '   ' },
      help: { lv: ' Palīgs ', en: ' Help ' },
      group: '  ',
    });
    expect(questionOf(question)).toEqual({
      type: 'rating',
      factor: 'speed',
      dimensions: ['satisfaction'],
      scale: 'satisfaction',
      dk: true,
      comment: false,
      text: { lv: 'Ātri' },
      help: { lv: 'Palīgs', en: 'Help' },
    });
  });

  it('leaves out an empty help, intro and group, and keeps a group that is given', () => {
    const saved = questionOf(rating('speed', { group: ' Ātrums ' }));
    expect(saved).not.toHaveProperty('help');
    expect(saved).toMatchObject({ group: 'Ātrums' });
    const withoutIntro = questionnaireOf({ sections: [section([])] });
    expect(withoutIntro.sections[0]).toEqual({ title: { lv: 'Sadaļa' }, questions: [] });
  });

  it('keeps an optional text given only in English, for the check to name', () => {
    const saved = questionOf(text('wish', { help: { lv: '', en: 'Only English' } }));
    expect(saved.help).toEqual({ lv: '', en: 'Only English' });
  });

  it('sends the labels only while the scale is custom, and keeps them in the draft', () => {
    const labels: DraftRating['labels'] = [
      { lv: 'a', en: '' },
      { lv: 'b', en: '' },
      { lv: 'c', en: '' },
      { lv: 'd', en: 'D' },
    ];
    const custom = rating('speed', { scale: 'custom', labels });
    expect(questionOf(custom)).toMatchObject({
      scale: 'custom',
      labels: [{ lv: 'a' }, { lv: 'b' }, { lv: 'c' }, { lv: 'd', en: 'D' }],
    });
    const agreement = { ...custom, scale: 'agreement' as const };
    expect(questionOf(agreement)).not.toHaveProperty('labels');
    expect(agreement.labels).toBe(labels);
  });

  it('sends a condition only with a column, and only its values that are not empty', () => {
    expect(questionOf(text('wish'))).not.toHaveProperty('showIf');
    const conditioned = text('wish', {
      showIf: { column: 'channel', anyOf: [' visit ', '', '  ', 'phone'] },
    });
    expect(questionOf(conditioned).showIf).toEqual({
      column: 'channel',
      anyOf: ['visit', 'phone'],
    });
  });

  it('trims the options of a choice', () => {
    const question = choice('channel', [' visit ', 'phone']);
    expect(questionOf(question)).toMatchObject({
      type: 'single',
      key: 'channel',
      options: [
        { value: 'visit', label: { lv: 'visit' } },
        { value: 'phone', label: { lv: 'phone' } },
      ],
    });
  });
});

describe('moving and changing parts', () => {
  it('moves an item forward and back without changing the list it was given', () => {
    const list = ['a', 'b', 'c', 'd'] as const;
    expect(moved(list, 0, 2)).toEqual(['b', 'c', 'a', 'd']);
    expect(moved(list, 3, 0)).toEqual(['d', 'a', 'b', 'c']);
    expect(moved(list, 1, 1)).toEqual(['a', 'b', 'c', 'd']);
    expect(list).toEqual(['a', 'b', 'c', 'd']);
  });

  it('leaves the list as it was when there is nothing at the index to move', () => {
    expect(moved(['a', 'b'], 5, 0)).toEqual(['a', 'b']);
  });

  it('replaces one question by its id and leaves the other sections as they were', () => {
    const first = section([rating('speed'), rating('clarity')]);
    const second = section([text('wish')]);
    const draft: Draft = { sections: [first, second] };
    const changed = { ...rating('speed'), id: first.questions[1]?.id ?? '', factor: 'plain' };
    const next = withQuestion(draft, changed);
    expect(next.sections[0]?.questions.map((q) => (q.type === 'rating' ? q.factor : ''))).toEqual([
      'speed',
      'plain',
    ]);
    expect(next.sections[1]).toBe(second);
    expect(draft.sections[0]?.questions[1]).not.toBe(changed);
  });

  it('changes one section by its id', () => {
    const first = section([], 'Pirmā');
    const second = section([], 'Otrā');
    const next = withSection({ sections: [first, second] }, second.id, (s) => ({
      ...s,
      title: { lv: 'Mainīta', en: '' },
    }));
    expect(next.sections.map((s) => s.title.lv)).toEqual(['Pirmā', 'Mainīta']);
    expect(next.sections[0]).toBe(first);
  });

  it('moves a question to the end of another section', () => {
    const speed = rating('speed');
    const clarity = rating('clarity');
    const wish = text('wish');
    const draft: Draft = { sections: [section([speed, clarity]), section([wish])] };
    const target = draft.sections[1]?.id ?? '';
    const next = withQuestionMoved(draft, speed.id, target);
    expect(next.sections[0]?.questions).toEqual([clarity]);
    expect(next.sections[1]?.questions).toEqual([wish, speed]);
  });

  it('moves a question to the end of its own section when that is the one chosen', () => {
    const speed = rating('speed');
    const clarity = rating('clarity');
    const draft: Draft = { sections: [section([speed, clarity])] };
    const next = withQuestionMoved(draft, speed.id, draft.sections[0]?.id ?? '');
    expect(next.sections[0]?.questions).toEqual([clarity, speed]);
  });

  it('gives back the same draft when the question is not there', () => {
    const draft: Draft = { sections: [section([rating('speed')])] };
    expect(withQuestionMoved(draft, 'nobody', draft.sections[0]?.id ?? '')).toBe(draft);
  });
});

describe('the columns a condition may look at', () => {
  it('offers each question the columns of the questions before it, across sections', () => {
    const speed = rating('speed', { dimensions: ['importance', 'satisfaction'], comment: true });
    const channel = choice('channel', ['visit', 'phone']);
    const wish = text('wish');
    const draft: Draft = { sections: [section([speed]), section([channel, wish])] };
    const columns = earlierColumns(draft);
    expect(columns.get(speed.id)).toEqual([]);
    expect(columns.get(channel.id)?.map((column) => column.name)).toEqual([
      'speed:importance',
      'speed:satisfaction',
      'speed:comment',
    ]);
    expect(columns.get(wish.id)?.map((column) => column.name)).toEqual([
      'speed:importance',
      'speed:satisfaction',
      'speed:comment',
      'channel',
    ]);
  });

  it('offers a column named twice once', () => {
    const first = choice('channel', ['visit', 'phone']);
    const again = choice('channel', ['a', 'b']);
    const last = text('wish');
    const columns = earlierColumns({ sections: [section([first, again, last])] });
    expect(columns.get(last.id)?.map((column) => column.name)).toEqual(['channel']);
  });
});

describe('where a message of the server belongs', () => {
  const speed = rating('speed');
  const channel = choice('channel', ['visit', 'phone']);
  const wish = text('wish');
  const first = section([speed]);
  const second = section([channel, wish]);
  const draft: Draft = { sections: [first, second] };

  it('finds a section title and intro, in the language named', () => {
    expect(placeOfPath(draft, 'sections.1.title.en')).toEqual({
      id: placeId(second.id, 'title-en'),
      field: 'title',
      section: 1,
    });
    expect(placeOfPath(draft, 'sections.0.intro.lv')?.id).toBe(`${first.id}-intro-lv`);
    expect(placeOfPath(draft, 'sections.0.intro')?.id).toBe(`${first.id}-intro-lv`);
    expect(placeOfPath(draft, 'sections.0')?.id).toBe(`${first.id}-title-lv`);
  });

  it('finds a question text and help, Latvian when no language is named', () => {
    expect(placeOfPath(draft, 'sections.1.questions.1.text.en')).toEqual({
      id: `${wish.id}-text-en`,
      field: 'text',
      section: 1,
      question: 1,
    });
    expect(placeOfPath(draft, 'sections.1.questions.1')?.id).toBe(`${wish.id}-text-lv`);
    expect(placeOfPath(draft, 'sections.0.questions.0.help')?.id).toBe(`${speed.id}-help-lv`);
  });

  it("puts a rating's factor, dimensions, scale and group on their inputs", () => {
    for (const field of ['factor', 'dimensions', 'scale', 'group'] as const) {
      expect(placeOfPath(draft, `sections.0.questions.0.${field}`)).toMatchObject({
        id: `${speed.id}-${field}`,
        field,
      });
    }
    expect(placeOfPath(draft, 'sections.0.questions.0.key')?.id).toBe(`${speed.id}-factor`);
  });

  it("puts a choice's key and the rating-only fields on its key", () => {
    expect(placeOfPath(draft, 'sections.1.questions.0.key')?.id).toBe(`${channel.id}-key`);
    expect(placeOfPath(draft, 'sections.1.questions.0.factor')?.id).toBe(`${channel.id}-key`);
  });

  it("puts a custom scale's labels on the label named, or on the group of them", () => {
    expect(placeOfPath(draft, 'sections.0.questions.0.labels.2.en')?.id).toBe(
      `${speed.id}-labels-2-en`,
    );
    expect(placeOfPath(draft, 'sections.0.questions.0.labels')?.id).toBe(`${speed.id}-labels`);
    expect(placeOfPath(draft, 'sections.0.questions.0.labels.7')?.id).toBe(`${speed.id}-labels`);
    expect(placeOfPath(draft, 'sections.1.questions.0.labels')?.id).toBe(`${channel.id}-text-lv`);
  });

  it("finds an option's value and label by its index", () => {
    const phone = channel.options[1];
    expect(placeOfPath(draft, 'sections.1.questions.0.options.1.value')).toEqual({
      id: `${phone?.id}-value`,
      field: 'optionValue',
      section: 1,
      question: 0,
      option: 1,
    });
    expect(placeOfPath(draft, 'sections.1.questions.0.options.1.label.en')?.id).toBe(
      `${phone?.id}-label-en`,
    );
    expect(placeOfPath(draft, 'sections.1.questions.0.options')?.id).toBe(`${channel.id}-options`);
    expect(placeOfPath(draft, 'sections.1.questions.0.options.9.value')?.id).toBe(
      `${channel.id}-options`,
    );
    expect(placeOfPath(draft, 'sections.1.questions.1.options.0.value')?.id).toBe(
      `${wish.id}-text-lv`,
    );
  });

  it("finds a condition's column and its values", () => {
    expect(placeOfPath(draft, 'sections.1.questions.1.showIf.column')?.field).toBe('showIfColumn');
    expect(placeOfPath(draft, 'sections.1.questions.1.showIf')?.id).toBe(
      `${wish.id}-showif-column`,
    );
    expect(placeOfPath(draft, 'sections.1.questions.1.showIf.anyOf.0')?.id).toBe(
      `${wish.id}-showif-values`,
    );
  });

  it('names nothing for a path outside the sections, or a section that is not there', () => {
    expect(placeOfPath(draft, 'title')).toBeNull();
    expect(placeOfPath(draft, 'sections.5.title')).toBeNull();
    expect(placeOfPath(draft, '')).toBeNull();
  });

  it('puts a question that is not there on its section title', () => {
    expect(placeOfPath(draft, 'sections.0.questions.4.factor')?.id).toBe(`${first.id}-title-lv`);
  });
});

describe('what the editor finds wrong before saving', () => {
  it('finds nothing wrong with a complete questionnaire', () => {
    expect(draftProblems(draftOf(full))).toEqual([]);
  });

  it('finds nothing wrong with no sections at all', () => {
    expect(draftProblems({ sections: [] })).toEqual([]);
  });

  it('asks for the Latvian title of a section and of a question, and a code', () => {
    const question = newQuestion('rating');
    const empty: DraftSection = { ...newSection(), questions: [question] };
    const problems = draftProblems({ sections: [empty] });
    expect(problems).toEqual([
      { place: { id: `${empty.id}-title-lv`, field: 'title', section: 0 }, code: 'required' },
      {
        place: { id: `${question.id}-text-lv`, field: 'text', section: 0, question: 0 },
        code: 'required',
      },
      {
        place: { id: `${question.id}-factor`, field: 'factor', section: 0, question: 0 },
        code: 'codeRequired',
      },
    ]);
  });

  it('asks for an optional text in Latvian only once it has English', () => {
    const plain = section([text('wish')]);
    expect(draftProblems({ sections: [plain] })).toEqual([]);
    const englishIntro = { ...plain, intro: { lv: '', en: 'About' } };
    expect(draftProblems({ sections: [englishIntro] })).toEqual([
      { place: { id: `${plain.id}-intro-lv`, field: 'intro', section: 0 }, code: 'required' },
    ]);
    const englishHelp = text('wish', { help: { lv: ' ', en: 'Help' } });
    expect(draftProblems({ sections: [section([englishHelp])] })).toEqual([
      {
        place: { id: `${englishHelp.id}-help-lv`, field: 'help', section: 0, question: 0 },
        code: 'required',
      },
    ]);
  });

  it('asks for the four labels of a custom scale, each in Latvian', () => {
    const custom = rating('speed', { scale: 'custom' });
    const problems = draftProblems({ sections: [section([custom])] });
    expect(problems.map((p) => p.place?.id)).toEqual(
      [0, 1, 2, 3].map((point) => `${custom.id}-labels-${point}-lv`),
    );
    expect(problems.every((p) => p.code === 'required')).toBe(true);
  });

  it('asks for the Latvian label of each option', () => {
    const question = choice('channel', ['visit', 'phone']);
    const unlabelled = {
      ...question,
      options: question.options.map((option, index) =>
        index === 1 ? { ...option, label: { lv: '', en: 'Phone' } } : option,
      ),
    };
    expect(draftProblems({ sections: [section([unlabelled])] })).toEqual([
      {
        place: {
          id: `${question.options[1]?.id}-label-lv`,
          field: 'optionLabel',
          section: 0,
          question: 0,
          option: 1,
        },
        code: 'required',
      },
    ]);
  });

  it('refuses a code with other characters than a–z, 0–9 and _', () => {
    expect(codesOf({ sections: [section([rating('Ātrums')])] })).toEqual(['pattern']);
    expect(codesOf({ sections: [section([text('my wish')])] })).toEqual(['pattern']);
  });

  it('names a code used twice, and a code that is a column of its own', () => {
    const again = text('wish');
    const twice = draftProblems({ sections: [section([text('wish')]), section([again])] });
    expect(twice).toEqual([
      {
        place: { id: `${again.id}-key`, field: 'key', section: 1, question: 0 },
        code: 'duplicate',
        detail: 'wish',
      },
    ]);
    const reserved = draftProblems({ sections: [section([text('respondent')])] });
    expect(reserved.map((p) => [p.code, p.detail])).toEqual([['duplicate', 'respondent']]);
  });

  it("refuses a key that would read as a rating's column (it has a colon)", () => {
    const speed = rating('speed', { comment: true });
    const comment = text('speed:comment');
    // The domain finds both the form and the clash; the editor words each by the key's form.
    expect(codesOf({ sections: [section([speed, comment])] })).toEqual(['pattern', 'pattern']);
  });

  it('asks a rating for one dimension at least', () => {
    expect(codesOf({ sections: [section([rating('speed', { dimensions: [] })])] })).toEqual([
      'dimensions',
    ]);
  });

  it('asks a choice for two options, each with its own value', () => {
    const one = choice('channel', ['visit']);
    expect(codesOf({ sections: [section([one])] })).toEqual(['twoOptions']);
    const same = choice('channel', ['visit', 'visit']);
    const problems = draftProblems({ sections: [section([same])] });
    expect(problems).toEqual([
      {
        place: {
          id: `${same.options[1]?.id}-value`,
          field: 'optionValue',
          section: 0,
          question: 0,
          option: 1,
        },
        code: 'optionValue',
      },
    ]);
    expect(codesOf({ sections: [section([choice('channel', ['a;b', 'c'])])] })).toEqual([
      'optionValue',
    ]);
    const unvalued = choice('channel', ['', 'c']);
    const labelled = {
      ...unvalued,
      options: unvalued.options.map((option) => ({ ...option, label: { lv: 'Nosaukta', en: '' } })),
    };
    expect(codesOf({ sections: [section([labelled])] })).toEqual(['optionValue']);
  });

  it('asks a condition for its values once a column is chosen', () => {
    const channel = choice('channel', ['visit', 'phone']);
    const wish = text('wish', { showIf: { column: 'channel', anyOf: [' ', ''] } });
    const problems = draftProblems({ sections: [section([channel, wish])] });
    expect(problems).toEqual([
      {
        place: { id: `${wish.id}-showif-values`, field: 'showIfValues', section: 0, question: 1 },
        code: 'chooseValues',
      },
    ]);
  });

  it('refuses a condition on a later or unknown column, and a value the column cannot hold', () => {
    const channel = choice('channel', ['visit', 'phone']);
    const early = text('early', { showIf: { column: 'channel', anyOf: ['visit'] } });
    expect(codesOf({ sections: [section([early, channel])] })).toEqual(['earlierColumn']);
    const unknownValue = text('wish', { showIf: { column: 'channel', anyOf: ['email'] } });
    expect(codesOf({ sections: [section([channel, unknownValue])] })).toEqual(['unknownValue']);
    const onFreeText = text('more', { showIf: { column: 'wish', anyOf: ['anything'] } });
    expect(codesOf({ sections: [section([text('wish'), onFreeText])] })).toEqual([]);
  });

  it("lists the editor's own findings before the domain's check", () => {
    const question = rating('Bad', { text: { lv: '', en: '' } });
    expect(codesOf({ sections: [section([question])] })).toEqual(['required', 'pattern']);
  });
});
