import { createContext, useContext, type ComponentProps, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Field, FieldSet } from '../../ui/Field';
import { placeId, type DraftTexts } from './questionnaire-draft';

/**
 * What every input of the editor needs from the page: its message, found by its place id, and a
 * way to move focus once the list it is in has been re-rendered (after adding, moving, removing).
 */
export interface EditorContextValue {
  messages: Readonly<Record<string, string>>;
  focusLater: (placeOrElementId: string) => void;
}

export const EditorContext = createContext<EditorContextValue>({
  messages: {},
  focusLater: () => undefined,
});

const FOCUSABLE = 'input:not([disabled]), select:not([disabled]), textarea, button:not([disabled])';

/**
 * Focuses the element with this id when it takes focus (a control, or a notice with tabindex),
 * or else, for a wrapper, the first control inside it.
 */
export function focusIn(id: string): void {
  const element = document.getElementById(id);
  const target =
    element?.matches(FOCUSABLE) || element?.hasAttribute('tabindex')
      ? element
      : element?.querySelector(FOCUSABLE);
  if (target instanceof HTMLElement) target.focus();
}

// Field gives its control a generated id, so the place id goes on a wrapper: the error summary
// and focus moves find the control inside it.

/** A labelled input whose message is looked up by its place. */
export function PlacedField(props: {
  place: string;
  label: string;
  hint?: string;
  required?: boolean;
  children: ComponentProps<typeof Field>['children'];
}) {
  const { messages } = useContext(EditorContext);
  return (
    <div id={props.place}>
      <Field
        label={props.label}
        hint={props.hint}
        required={props.required ?? false}
        error={messages[props.place]}
      >
        {props.children}
      </Field>
    </div>
  );
}

/** A group of inputs under one legend whose message is looked up by its place. */
export function PlacedFieldSet(props: { place: string; legend: string; children: ReactNode }) {
  const { messages } = useContext(EditorContext);
  return (
    <div id={props.place}>
      <FieldSet legend={props.legend} error={messages[props.place]}>
        {props.children}
      </FieldSet>
    </div>
  );
}

/** One text in Latvian (required when the text is) and in English (left empty: Latvian shows). */
export function TextsFields(props: {
  owner: string;
  /** The place's middle part: `text` gives `<owner>-text-lv` and `<owner>-text-en`. */
  what: string;
  label: string;
  value: DraftTexts;
  onChange: (next: DraftTexts) => void;
  required?: boolean;
  multiline?: boolean;
  hint?: string;
}) {
  const { t } = useTranslation();
  const control = (language: 'lv' | 'en') => {
    const common = {
      lang: language,
      value: props.value[language],
      onChange: (event: { target: { value: string } }) =>
        props.onChange({ ...props.value, [language]: event.target.value }),
    };
    return props.multiline ? <textarea rows={2} {...common} /> : <input {...common} />;
  };
  return (
    <div className="field-row">
      <PlacedField
        place={placeId(props.owner, `${props.what}-lv`)}
        label={t('questionnaireEditor.inLatvian', { label: props.label })}
        required={props.required ?? false}
        hint={props.hint}
      >
        {control('lv')}
      </PlacedField>
      <PlacedField
        place={placeId(props.owner, `${props.what}-en`)}
        label={t('questionnaireEditor.inEnglish', { label: props.label })}
      >
        {control('en')}
      </PlacedField>
    </div>
  );
}

/** A checkbox with its label beside it. */
export function CheckField(props: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="field field-check">
      <input
        id={props.id}
        type="checkbox"
        checked={props.checked}
        onChange={(event) => props.onChange(event.target.checked)}
      />
      <label htmlFor={props.id}>{props.label}</label>
    </div>
  );
}

/**
 * "Uz augšu", "Uz leju" and "Noņemt" for one item of a list, named with the item for screen
 * readers. Focus stays on the moved item's button (the other one once the first is disabled);
 * after removing, it goes to the list's add button, which is always there.
 */
export function ItemActions(props: {
  owner: string;
  /** The item as a screen reader should hear it, e.g. "1.2. jautājums". */
  name: string;
  index: number;
  count: number;
  onMove: (to: number) => void;
  onRemove: () => void;
  /** The element id of the list's add button. */
  addButton: string;
  /** Asked before removing, when removing takes more with it (a section's questions). */
  confirm?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { focusLater } = useContext(EditorContext);
  const { owner, name, index, count } = props;
  const up = placeId(owner, 'up');
  const down = placeId(owner, 'down');
  const move = (to: number) => {
    props.onMove(to);
    focusLater(to === 0 ? down : to === count - 1 ? up : to < index ? up : down);
  };
  return (
    <div className="edit-row-actions">
      <button
        id={up}
        type="button"
        className="button-link"
        disabled={index === 0}
        aria-label={t('questionnaireEditor.moveUpItem', { item: name })}
        onClick={() => move(index - 1)}
      >
        {t('questionnaireEditor.moveUp')}
      </button>
      <button
        id={down}
        type="button"
        className="button-link"
        disabled={index === count - 1}
        aria-label={t('questionnaireEditor.moveDownItem', { item: name })}
        onClick={() => move(index + 1)}
      >
        {t('questionnaireEditor.moveDown')}
      </button>
      {props.children}
      <button
        type="button"
        className="button-link button-danger"
        aria-label={t('questionnaireEditor.removeItem', { item: name })}
        onClick={() => {
          if (props.confirm && !window.confirm(props.confirm)) return;
          props.onRemove();
          focusLater(props.addButton);
        }}
      >
        {t('questionnaireEditor.remove')}
      </button>
    </div>
  );
}
