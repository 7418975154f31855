import { cloneElement, useId, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ControlProps {
  id?: string;
  'aria-invalid'?: boolean;
  'aria-describedby'?: string;
  required?: boolean;
}

/** A labelled form control with its hint and the server's message when the value is refused. */
export function Field(props: {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
  required?: boolean;
  /** Filters are all optional; saying so on each of them is noise. */
  filter?: boolean;
  children: ReactElement<ControlProps>;
}) {
  const { t } = useTranslation();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = [props.hint ? hintId : null, props.error ? errorId : null]
    .filter(Boolean)
    .join(' ');
  return (
    <div className={props.error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {props.label}
        {!props.required && !props.filter && (
          <span className="field-optional"> ({t('common.optional')})</span>
        )}
      </label>
      {props.hint && (
        <div id={hintId} className="field-hint">
          {props.hint}
        </div>
      )}
      {cloneElement(props.children, {
        id,
        'aria-invalid': props.error ? true : undefined,
        'aria-describedby': describedBy || undefined,
        required: props.required,
      })}
      {props.error && (
        <div id={errorId} className="field-error">
          {props.error}
        </div>
      )}
    </div>
  );
}

/** A group of checkboxes or radios under one legend. */
export function FieldSet(props: {
  legend: string;
  error?: string | undefined;
  children: ReactNode;
}) {
  return (
    <fieldset className={props.error ? 'field field-invalid' : 'field'}>
      <legend>{props.legend}</legend>
      {props.children}
      {props.error && (
        <div className="field-error" role="alert">
          {props.error}
        </div>
      )}
    </fieldset>
  );
}

const isFilled = (value: unknown): boolean =>
  typeof value === 'string' ? value.trim() !== '' : value !== null && value !== undefined;

/**
 * The form's own rule for a required field, whose message names the field: with several fields
 * left empty, each message says which one it is about. Spaces alone count as empty, as the
 * server trims them. `appliesTo` makes the field required only for some of the form's values.
 */
export function useRequiredRule() {
  const { t } = useTranslation();
  return <V,>(label: string, appliesTo: (values: V) => boolean = () => true) => ({
    validate: (value: unknown, values: V) =>
      !appliesTo(values) || isFilled(value) || t('common.requiredField', { field: label }),
  });
}
