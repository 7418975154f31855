import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type UseFormSetError,
} from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { validateOnly } from '../api/client';
import { ErrorNotice } from './Notice';
import { applyProblem, isVersionConflict } from './problem-form';

/**
 * A form whose values go to the server: field messages land beside their fields, the rest above
 * the form. When the form's own rules refuse a value, the server is asked to check the rest
 * without saving, so every field's message shows at once. When the record changed meanwhile,
 * `onConflict` reloads it and the form says so, so the next try carries the new version.
 */
export function useServerForm<V extends FieldValues, R = unknown>(options: {
  defaultValues: DefaultValues<V>;
  /** The server's field names this form shows, as for applyProblem. */
  fields: ReadonlyArray<string> | Readonly<Record<string, string>>;
  send: (values: V) => Promise<R>;
  /** What follows a save; a form that only says so (see `saved`) needs none. */
  onSaved?: (result: R, values: V) => unknown;
  onConflict?: () => unknown;
  /** Empties the form after saving, for a form that stays on the page for the next entry. */
  resetOnSave?: boolean;
}) {
  const { t } = useTranslation();
  const form = useForm<V>({ defaultValues: options.defaultValues });
  const [formError, setFormError] = useState<string | null>(null);
  const mutation = useMutation({
    mutationFn: options.send,
    onSuccess: async (result, values) => {
      await options.onSaved?.(result, values);
      if (options.resetOnSave) form.reset();
    },
    onError: (error) => {
      if (isVersionConflict(error) && options.onConflict) {
        setFormError(t('common.conflictReloaded'));
        void options.onConflict();
        return;
      }
      // Focus goes to the first refused field, as it does when the form's own rules refuse one.
      let focused = false;
      const setAndFocusFirst: UseFormSetError<V> = (name, fieldError) => {
        form.setError(name, fieldError, { shouldFocus: !focused });
        focused = true;
      };
      setFormError(applyProblem(error, setAndFocusFirst, options.fields));
    },
  });
  // A check answered after the next submission would put back messages already dealt with.
  const submissions = useRef(0);
  const checkTheRest = async (submission: number) => {
    try {
      await validateOnly(() => options.send(form.getValues()));
    } catch (error) {
      if (submission !== submissions.current) return;
      // The form's own message says it better where there is one.
      const setUnlessSet: UseFormSetError<V> = (name, fieldError) => {
        if (!form.getFieldState(name as Path<V>).error) form.setError(name, fieldError);
      };
      setFormError(applyProblem(error, setUnlessSet, options.fields));
    }
  };
  const onSubmit = (event: FormEvent) => {
    submissions.current += 1;
    const submission = submissions.current;
    setFormError(null);
    // Messages the server put on names no control owns would otherwise block the next try.
    form.clearErrors();
    void form.handleSubmit(
      (values) => mutation.mutate(values),
      () => checkTheRest(submission),
    )(event);
  };
  return {
    form,
    errors: form.formState.errors,
    formError,
    busy: mutation.isPending,
    /** The last submission was saved (until the next one starts), and what the server answered. */
    saved: mutation.isSuccess,
    result: mutation.data,
    onSubmit,
  };
}

/** A one-click change (no form): whatever the outcome, the data shown are reloaded. */
export function useAction<A, R = unknown>(options: {
  run: (argument: A) => Promise<R>;
  onDone: () => unknown;
  onSuccess?: (result: R) => unknown;
}) {
  return useMutation({
    mutationFn: options.run,
    onSuccess: (result) => options.onSuccess?.(result),
    onSettled: () => options.onDone(),
  });
}

/** Why a one-click change failed; a version conflict is explained as the reload it caused. */
export function ActionError(props: { error: unknown }) {
  const { t } = useTranslation();
  if (!props.error) return null;
  if (isVersionConflict(props.error))
    return (
      <div className="notice notice-warning" role="alert">
        {t('common.conflictReloaded')}
      </div>
    );
  return <ErrorNotice error={props.error} />;
}
