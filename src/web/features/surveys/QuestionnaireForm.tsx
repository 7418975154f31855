import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { TQuestionnaire } from '../../../contracts/surveys.contracts';
import {
  choicesOf,
  commentColumn,
  DK_LABEL,
  isShown,
  labelsOf,
  ratingColumn,
  textIn,
  type ChoiceQuestion,
  type Question,
  type RatingQuestion,
} from '../../../domain/questionnaire';
import { RATING_DIMENSIONS } from '../../../domain/survey-stats';
import { currentLanguage } from '../../i18n/i18n';

type Answers = Readonly<Record<string, string>>;

interface QuestionProps<Q extends Question> {
  question: Q;
  value: Answers;
  set: (column: string, answer: string) => void;
  /** Unique in the page: radio groups of two forms must not share names. */
  idPrefix: string;
  language: 'lv' | 'en';
  disabled: boolean;
  /** Messages for columns, e.g. the server's "answers.job:satisfaction". */
  errors: Readonly<Record<string, string>>;
}

function Help(props: { question: Question; language: 'lv' | 'en' }) {
  if (!props.question.help) return null;
  return <p className="field-hint">{textIn(props.question.help, props.language)}</p>;
}

function ColumnError(props: { message: string | undefined }) {
  if (!props.message) return null;
  return (
    <div className="field-error" role="alert">
      {props.message}
    </div>
  );
}

/** Open text: a comment on a rating, or a text question. */
function TextAnswer(
  props: Omit<QuestionProps<Question>, 'idPrefix'> & {
    label: string;
    column: string;
    rows: number;
    withHelp?: boolean;
  },
) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.withHelp && <Help question={props.question} language={props.language} />}
      <textarea
        id={id}
        rows={props.rows}
        value={props.value[props.column] ?? ''}
        disabled={props.disabled}
        onChange={(event) => props.set(props.column, event.target.value)}
      />
      <ColumnError message={props.errors[props.column]} />
    </div>
  );
}

/** A rating read aloud: the scale 1–4 with its words, and "hard to say" when offered. */
function Rating(props: QuestionProps<RatingQuestion>) {
  const { t } = useTranslation();
  const { question, value, set, idPrefix, language, disabled, errors } = props;
  const dimensions = RATING_DIMENSIONS.filter((dimension) =>
    question.dimensions.includes(dimension),
  );
  return (
    <div className="field">
      {dimensions.map((dimension) => {
        const column = ratingColumn(question.factor, dimension);
        const labels = labelsOf(question, dimension);
        const options = [
          ...labels.map((label, index) => ({
            value: String(index + 1),
            label: `${index + 1} — ${textIn(label, language)}`,
          })),
          ...(question.dk ? [{ value: 'dk', label: textIn(DK_LABEL, language) }] : []),
        ];
        return (
          <fieldset key={dimension} className="field">
            <legend>
              {textIn(question.text, language)}
              {dimensions.length > 1 && ` — ${t(`questionnaireForm.dimensions.${dimension}`)}`}
            </legend>
            <Help question={question} language={language} />
            <div className="check-columns">
              {options.map((option) => (
                <label key={option.value} className="check-row">
                  <input
                    type="radio"
                    name={`${idPrefix}-${column}`}
                    value={option.value}
                    checked={value[column] === option.value}
                    disabled={disabled}
                    onChange={() => set(column, option.value)}
                  />
                  {option.label}
                </label>
              ))}
            </div>
            <ColumnError message={errors[column]} />
          </fieldset>
        );
      })}
      {question.comment && (
        <TextAnswer
          label={t('questionnaireForm.comment')}
          column={commentColumn(question.factor)}
          rows={2}
          {...props}
        />
      )}
    </div>
  );
}

/** One answer of several (radios) or any of them (checkboxes, kept joined by ";"). */
function Choice(props: QuestionProps<ChoiceQuestion>) {
  const { question, value, set, idPrefix, language, disabled, errors } = props;
  const chosen = choicesOf(value[question.key] ?? '');
  const toggle = (option: string, on: boolean) => {
    const next = on ? [...chosen, option] : chosen.filter((item) => item !== option);
    // Kept in the questionnaire's order, whatever order they were ticked in.
    set(
      question.key,
      question.options
        .map((item) => item.value)
        .filter((item) => next.includes(item))
        .join(';'),
    );
  };
  return (
    <fieldset className="field">
      <legend>{textIn(question.text, language)}</legend>
      <Help question={question} language={language} />
      <div className="check-list">
        {question.options.map((option) => (
          <label key={option.value} className="check-row">
            {question.type === 'single' ? (
              <input
                type="radio"
                name={`${idPrefix}-${question.key}`}
                value={option.value}
                checked={chosen.includes(option.value)}
                disabled={disabled}
                onChange={() => set(question.key, option.value)}
              />
            ) : (
              <input
                type="checkbox"
                value={option.value}
                checked={chosen.includes(option.value)}
                disabled={disabled}
                onChange={(event) => toggle(option.value, event.target.checked)}
              />
            )}
            {textIn(option.label, language)}
          </label>
        ))}
      </div>
      <ColumnError message={errors[question.key]} />
    </fieldset>
  );
}

/**
 * A questionnaire as a form: sections, ratings on their scales with "hard to say", choices and
 * open text, a question shown only when its condition holds (the answers of questions hidden
 * are dropped by the server). Controlled: the answers by column are the caller's, so the web
 * form and the interviewer's console keep and send them as they need.
 */
export function QuestionnaireForm(props: {
  questionnaire: TQuestionnaire;
  value: Answers;
  onChange: (next: Record<string, string>) => void;
  disabled?: boolean;
  /** The server's messages by column. */
  errors?: Readonly<Record<string, string>>;
  /** The level of the section headings, under the page's own. */
  headingLevel?: 2 | 3;
}) {
  const idPrefix = useId();
  const language = currentLanguage() === 'en' ? 'en' : 'lv';
  const set = (column: string, answer: string) => {
    const next = { ...props.value };
    if (answer === '') delete next[column];
    else next[column] = answer;
    props.onChange(next);
  };
  const Heading = props.headingLevel === 3 ? 'h3' : 'h2';
  const common = {
    value: props.value,
    set,
    idPrefix,
    language,
    disabled: props.disabled ?? false,
    errors: props.errors ?? {},
  } as const;
  return (
    <div className="questionnaire-form">
      {props.questionnaire.sections.map((section, s) => (
        <section key={s}>
          <Heading>{textIn(section.title, language)}</Heading>
          {section.intro && <p>{textIn(section.intro, language)}</p>}
          {section.questions
            .filter((question) => isShown(question, props.value))
            .map((question) => {
              switch (question.type) {
                case 'rating':
                  return <Rating key={question.factor} question={question} {...common} />;
                case 'single':
                case 'multiple':
                  return <Choice key={question.key} question={question} {...common} />;
                case 'text':
                  return (
                    <TextAnswer
                      key={question.key}
                      question={question}
                      label={textIn(question.text, language)}
                      column={question.key}
                      rows={3}
                      withHelp
                      {...common}
                    />
                  );
              }
            })}
        </section>
      ))}
    </div>
  );
}
