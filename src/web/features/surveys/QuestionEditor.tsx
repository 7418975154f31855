import { useContext, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DK_LABEL,
  labelsOf,
  SCALE_LABELS,
  SCALES,
  textIn,
  type ChoiceQuestion,
  type Column,
  type RatingQuestion,
  type ScaleName,
} from '../../../domain/questionnaire';
import { RATING_DIMENSIONS } from '../../../domain/survey-stats';
import {
  CheckField,
  EditorContext,
  ItemActions,
  PlacedField,
  PlacedFieldSet,
  TextsFields,
} from './EditorParts';
import {
  moved,
  newOption,
  placeId,
  type DraftChoice,
  type DraftQuestion,
  type DraftRating,
} from './questionnaire-draft';

type Language = 'lv' | 'en';

/** The id of the list of group names already used, which a rating's group input offers. */
export const GROUPS_LIST_ID = 'questionnaire-editor-groups';

/** At most as many options as the contract keeps. */
const MAX_OPTIONS = 100;

// A factor or key names answer columns: no capitals, spaces or spelling help.
const CODE_INPUT = { autoCapitalize: 'none', autoComplete: 'off', spellCheck: false } as const;

/** One question: its code, texts, the type's own settings, help, condition, and its place. */
export function QuestionEditor(props: {
  question: DraftQuestion;
  /** As people count it, e.g. "1.2" (section 1, question 2). */
  number: string;
  index: number;
  count: number;
  /** The other sections it can be moved to, by id, with their names. */
  otherSections: Array<{ id: string; name: string }>;
  /** The answer columns of the questions before it. */
  earlier: Column[];
  /** The element id of the section's add-question buttons, where focus goes after removing. */
  addButton: string;
  onChange: (next: DraftQuestion) => void;
  onMove: (to: number) => void;
  onMoveTo: (sectionId: string) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation();
  const { question, onChange } = props;
  const name = t('questionnaireEditor.questionName', { number: props.number });
  return (
    <fieldset className="edit-row question-editor">
      <legend>
        {name} — {t(`questionnaireEditor.types.${question.type}`)}
      </legend>
      {question.type === 'rating' ? (
        <FactorField question={question} onChange={onChange} />
      ) : (
        <PlacedField
          place={placeId(question.id, 'key')}
          label={t('questionnaireEditor.key')}
          hint={t('questionnaireEditor.keyHint')}
          required
        >
          <input
            {...CODE_INPUT}
            value={question.key}
            onChange={(event) => onChange({ ...question, key: event.target.value })}
          />
        </PlacedField>
      )}
      <TextsFields
        owner={question.id}
        what="text"
        label={t('questionnaireEditor.text')}
        value={question.text}
        onChange={(text) => onChange({ ...question, text })}
        required
        multiline
      />
      {question.type === 'rating' && <RatingOptions question={question} onChange={onChange} />}
      {(question.type === 'single' || question.type === 'multiple') && (
        <OptionsFields question={question} questionName={name} onChange={onChange} />
      )}
      <TextsFields
        owner={question.id}
        what="help"
        label={t('questionnaireEditor.help')}
        hint={t('questionnaireEditor.helpHint')}
        value={question.help}
        onChange={(help) => onChange({ ...question, help })}
        multiline
      />
      <ConditionFields question={question} earlier={props.earlier} onChange={onChange} />
      <ItemActions
        owner={question.id}
        name={name}
        index={props.index}
        count={props.count}
        onMove={props.onMove}
        onRemove={props.onRemove}
        addButton={props.addButton}
      >
        {props.otherSections.length > 0 && (
          <MoveToSection
            questionId={question.id}
            questionName={name}
            sections={props.otherSections}
            onMoveTo={props.onMoveTo}
          />
        )}
      </ItemActions>
    </fieldset>
  );
}

/** A rating's factor: its answer columns are named after it. */
function FactorField(props: { question: DraftRating; onChange: (next: DraftRating) => void }) {
  const { t } = useTranslation();
  const { question, onChange } = props;
  return (
    <PlacedField
      place={placeId(question.id, 'factor')}
      label={t('questionnaireEditor.factor')}
      hint={t('questionnaireEditor.factorHint')}
      required
    >
      <input
        {...CODE_INPUT}
        value={question.factor}
        onChange={(event) => onChange({ ...question, factor: event.target.value })}
      />
    </PlacedField>
  );
}

/** What a rating asks: dimensions, scale (with its own four labels), "hard to say", comment, group. */
function RatingOptions(props: { question: DraftRating; onChange: (next: DraftRating) => void }) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'lv';
  const { question, onChange } = props;
  const setScale = (scale: ScaleName) => {
    // A custom scale starts from the words of the scale it replaces, when it has none yet.
    const blank = question.labels.every((label) => label.lv === '' && label.en === '');
    const labels =
      scale === 'custom' && blank && question.scale !== 'custom'
        ? SCALE_LABELS[question.scale].map((label) => ({ lv: label.lv, en: label.en ?? '' }))
        : question.labels;
    onChange({ ...question, scale, labels: labels as DraftRating['labels'] });
  };
  const scaleName = (scale: ScaleName) => {
    const name = t(`questionnaireEditor.scales.${scale}`);
    if (scale === 'custom') return name;
    const labels = SCALE_LABELS[scale];
    return `${name}: ${textIn(labels[0], language)} … ${textIn(labels[3], language)}`;
  };
  return (
    <>
      <PlacedFieldSet
        place={placeId(question.id, 'dimensions')}
        legend={t('questionnaireEditor.dimensions')}
      >
        {RATING_DIMENSIONS.map((dimension) => (
          <CheckField
            key={dimension}
            id={placeId(question.id, `dimension-${dimension}`)}
            label={t(`questionnaireEditor.${dimension}`)}
            checked={question.dimensions.includes(dimension)}
            onChange={(checked) =>
              onChange({
                ...question,
                // Kept in the domain's order whichever is ticked first.
                dimensions: RATING_DIMENSIONS.filter((candidate) =>
                  candidate === dimension ? checked : question.dimensions.includes(candidate),
                ),
              })
            }
          />
        ))}
      </PlacedFieldSet>
      <PlacedField
        place={placeId(question.id, 'scale')}
        label={t('questionnaireEditor.scale')}
        hint={t('questionnaireEditor.scaleHint')}
        required
      >
        <select
          value={question.scale}
          onChange={(event) => setScale(event.target.value as ScaleName)}
        >
          {SCALES.map((scale) => (
            <option key={scale} value={scale}>
              {scaleName(scale)}
            </option>
          ))}
        </select>
      </PlacedField>
      {question.scale === 'custom' && (
        <PlacedFieldSet
          place={placeId(question.id, 'labels')}
          legend={t('questionnaireEditor.labels')}
        >
          <p className="field-hint">{t('questionnaireEditor.labelsHint')}</p>
          {question.labels.map((label, point) => (
            <TextsFields
              key={point}
              owner={question.id}
              what={`labels-${point}`}
              label={t('questionnaireEditor.point', { number: point + 1 })}
              value={label}
              onChange={(next) =>
                onChange({
                  ...question,
                  labels: question.labels.map((old, index) =>
                    index === point ? next : old,
                  ) as DraftRating['labels'],
                })
              }
              required
            />
          ))}
        </PlacedFieldSet>
      )}
      <CheckField
        id={placeId(question.id, 'dk')}
        label={t('questionnaireEditor.dk', { label: textIn(DK_LABEL, language) })}
        checked={question.dk}
        onChange={(dk) => onChange({ ...question, dk })}
      />
      <CheckField
        id={placeId(question.id, 'comment')}
        label={t('questionnaireEditor.comment')}
        checked={question.comment}
        onChange={(comment) => onChange({ ...question, comment })}
      />
      <PlacedField
        place={placeId(question.id, 'group')}
        label={t('questionnaireEditor.group')}
        hint={t('questionnaireEditor.groupHint')}
      >
        <input
          list={GROUPS_LIST_ID}
          value={question.group}
          onChange={(event) => onChange({ ...question, group: event.target.value })}
        />
      </PlacedField>
    </>
  );
}

/** The options of a choice: each a value kept in the answers and its label in both languages. */
function OptionsFields(props: {
  question: DraftChoice;
  questionName: string;
  onChange: (next: DraftChoice) => void;
}) {
  const { t } = useTranslation();
  const { focusLater } = useContext(EditorContext);
  const { question, onChange } = props;
  const addButton = placeId(question.id, 'add-option');
  const setOptions = (options: DraftChoice['options']) => onChange({ ...question, options });
  return (
    <PlacedFieldSet
      place={placeId(question.id, 'options')}
      legend={t('questionnaireEditor.options')}
    >
      {question.options.length === 0 && (
        <p className="muted">{t('questionnaireEditor.noOptions')}</p>
      )}
      <ol className="edit-rows">
        {question.options.map((option, index) => {
          const name = t('questionnaireEditor.optionName', {
            number: index + 1,
            question: props.questionName,
          });
          return (
            <li key={option.id}>
              <fieldset className="edit-row">
                <legend>{t('questionnaireEditor.option', { number: index + 1 })}</legend>
                <PlacedField
                  place={placeId(option.id, 'value')}
                  label={t('questionnaireEditor.optionValue')}
                  hint={t('questionnaireEditor.optionValueHint')}
                  required
                >
                  <input
                    value={option.value}
                    autoComplete="off"
                    onChange={(event) =>
                      setOptions(
                        question.options.map((old) =>
                          old.id === option.id ? { ...old, value: event.target.value } : old,
                        ),
                      )
                    }
                  />
                </PlacedField>
                <TextsFields
                  owner={option.id}
                  what="label"
                  label={t('questionnaireEditor.optionLabel')}
                  value={option.label}
                  onChange={(label) =>
                    setOptions(
                      question.options.map((old) =>
                        old.id === option.id ? { ...old, label } : old,
                      ),
                    )
                  }
                  required
                />
                <ItemActions
                  owner={option.id}
                  name={name}
                  index={index}
                  count={question.options.length}
                  onMove={(to) => setOptions(moved(question.options, index, to))}
                  onRemove={() =>
                    setOptions(question.options.filter((other) => other.id !== option.id))
                  }
                  addButton={addButton}
                />
              </fieldset>
            </li>
          );
        })}
      </ol>
      <button
        id={addButton}
        type="button"
        className="button-secondary"
        disabled={question.options.length >= MAX_OPTIONS}
        aria-label={t('questionnaireEditor.addOptionTo', { question: props.questionName })}
        onClick={() => {
          const option = newOption();
          setOptions([...question.options, option]);
          focusLater(placeId(option.id, 'value'));
        }}
      >
        {t('questionnaireEditor.addOption')}
      </button>
    </PlacedFieldSet>
  );
}

const shorten = (text: string, length = 60) =>
  text.length > length ? `${text.slice(0, length - 1)}…` : text;

/** The answers a column can hold with their words, or null for free text. */
function valuesOf(
  column: Column,
  language: Language,
): Array<{ value: string; label: string }> | null {
  switch (column.kind) {
    case 'rating': {
      const question = column.question as RatingQuestion;
      const labels = labelsOf(question, column.dimension ?? 'satisfaction');
      return [
        ...labels.map((label, index) => ({
          value: String(index + 1),
          label: `${index + 1} — ${textIn(label, language)}`,
        })),
        ...(question.dk ? [{ value: 'dk', label: textIn(DK_LABEL, language) }] : []),
      ];
    }
    case 'single':
    case 'multiple': {
      const seen = new Set<string>();
      return (column.question as ChoiceQuestion).options.flatMap((option) => {
        // An option still without its value, or with a repeated one, cannot be a condition yet.
        if (option.value === '' || seen.has(option.value)) return [];
        seen.add(option.value);
        return [
          { value: option.value, label: `${textIn(option.label, language)} (${option.value})` },
        ];
      });
    }
    case 'comment':
    case 'text':
      return null;
  }
}

/**
 * "Rādīt tikai, ja": an answer of an earlier question, then the values that show this one —
 * ticked from the column's answers when it has a known set, typed for free text.
 */
function ConditionFields(props: {
  question: DraftQuestion;
  earlier: Column[];
  onChange: (next: DraftQuestion) => void;
}) {
  const { t, i18n } = useTranslation();
  const language: Language = i18n.language === 'en' ? 'en' : 'lv';
  const { question, earlier, onChange } = props;
  const { column: chosen, anyOf } = question.showIf;
  const column = earlier.find((candidate) => candidate.name === chosen);
  const setCondition = (next: DraftQuestion['showIf']) => onChange({ ...question, showIf: next });
  const columnLabel = (candidate: Column) => {
    const text = shorten(textIn(candidate.question.text, language) || candidate.name);
    const part =
      candidate.kind === 'rating'
        ? ` (${t(`questionnaireEditor.${candidate.dimension ?? 'satisfaction'}`)})`
        : candidate.kind === 'comment'
          ? ` (${t('questionnaireEditor.commentColumn')})`
          : '';
    return `${text}${part} — ${candidate.name}`;
  };
  const values = column ? valuesOf(column, language) : null;
  // Values no longer among the column's answers stay listed, ticked, so they can be unticked.
  const gone = values
    ? anyOf.filter((value) => !values.some((known) => known.value === value))
    : [];
  const toggle = (value: string, on: boolean) => {
    const order = [...(values ?? []).map((known) => known.value), ...gone];
    setCondition({
      column: chosen,
      anyOf: order.filter((candidate) => (candidate === value ? on : anyOf.includes(candidate))),
    });
  };
  return (
    <PlacedFieldSet
      place={placeId(question.id, 'showif')}
      legend={t('questionnaireEditor.condition')}
    >
      {earlier.length === 0 && chosen === '' ? (
        <p className="muted">{t('questionnaireEditor.noEarlier')}</p>
      ) : (
        <PlacedField
          place={placeId(question.id, 'showif-column')}
          label={t('questionnaireEditor.conditionColumn')}
        >
          <select
            value={chosen}
            onChange={(event) => setCondition({ column: event.target.value, anyOf: [] })}
          >
            <option value="">{t('questionnaireEditor.always')}</option>
            {earlier.map((candidate) => (
              <option key={candidate.name} value={candidate.name}>
                {columnLabel(candidate)}
              </option>
            ))}
            {chosen !== '' && !column && (
              <option value={chosen}>
                {t('questionnaireEditor.missingColumn', { column: chosen })}
              </option>
            )}
          </select>
        </PlacedField>
      )}
      {column && values && (
        <PlacedFieldSet
          place={placeId(question.id, 'showif-values')}
          legend={t('questionnaireEditor.conditionValues')}
        >
          <div className="check-columns">
            {[
              ...values,
              ...gone.map((value) => ({
                value,
                label: t('questionnaireEditor.missingValue', { value }),
              })),
            ].map((known) => (
              <ValueCheck
                key={known.value}
                label={known.label}
                checked={anyOf.includes(known.value)}
                onChange={(on) => toggle(known.value, on)}
              />
            ))}
          </div>
        </PlacedFieldSet>
      )}
      {column && !values && (
        <PlacedField
          place={placeId(question.id, 'showif-values')}
          label={t('questionnaireEditor.conditionTexts')}
          hint={t('questionnaireEditor.conditionTextsHint')}
          required
        >
          <input
            // Split as typed and joined back unchanged, so a ";" being typed is not lost.
            value={anyOf.join(';')}
            onChange={(event) =>
              setCondition({ column: chosen, anyOf: event.target.value.split(';') })
            }
          />
        </PlacedField>
      )}
    </PlacedFieldSet>
  );
}

function ValueCheck(props: { label: string; checked: boolean; onChange: (on: boolean) => void }) {
  const id = useId();
  return (
    <div className="check-row">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}

/** Moves the question to the end of another section: chosen first, then done with the button. */
function MoveToSection(props: {
  questionId: string;
  questionName: string;
  sections: Array<{ id: string; name: string }>;
  onMoveTo: (sectionId: string) => void;
}) {
  const { t } = useTranslation();
  const { focusLater } = useContext(EditorContext);
  const first = props.sections[0]?.id ?? '';
  const [target, setTarget] = useState(first);
  // The section chosen may since have been removed.
  const chosen = props.sections.some((section) => section.id === target) ? target : first;
  const selectId = placeId(props.questionId, 'move-to');
  return (
    <span className="question-move">
      <label htmlFor={selectId}>{t('questionnaireEditor.moveTo')}</label>
      <select id={selectId} value={chosen} onChange={(event) => setTarget(event.target.value)}>
        {props.sections.map((section) => (
          <option key={section.id} value={section.id}>
            {section.name}
          </option>
        ))}
      </select>
      <button
        type="button"
        className="button-link"
        aria-label={t('questionnaireEditor.moveToItem', { item: props.questionName })}
        onClick={() => {
          props.onMoveTo(chosen);
          focusLater(selectId);
        }}
      >
        {t('questionnaireEditor.move')}
      </button>
    </span>
  );
}
