import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { useForm } from 'react-hook-form';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import '../i18n/i18n';
import { setLanguage } from '../i18n/i18n';
import { Field, useRequiredRule } from './Field';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Values {
  step: 'escalate' | 'note';
  reason: string;
}

/** A reason required only when passing on, as the escalation form has it. */
function ReasonForm(props: { step: Values['step']; reason: string; onValid: () => void }) {
  const required = useRequiredRule();
  const form = useForm<Values>({ defaultValues: { step: props.step, reason: props.reason } });
  const label = 'Iemesls';
  return (
    <form onSubmit={(event) => void form.handleSubmit(props.onValid)(event)} noValidate>
      <Field label={label} required error={form.formState.errors.reason?.message}>
        <textarea
          {...form.register(
            'reason',
            required(label, (values: Values) => values.step === 'escalate'),
          )}
        />
      </Field>
    </form>
  );
}

let root: Root;
let container: HTMLElement;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  setLanguage('lv');
});

async function submitted(step: Values['step'], reason: string) {
  const onValid = vi.fn();
  act(() => root.render(<ReasonForm step={step} reason={reason} onValid={onValid} />));
  const message = () => container.querySelector('.field-error')?.textContent ?? null;
  await act(async () => {
    container
      .querySelector('form')
      ?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await Promise.resolve();
  });
  // The rules run asynchronously: the form has answered when it saved or showed a message.
  await vi.waitFor(() => expect(onValid.mock.calls.length > 0 || message() !== null).toBe(true));
  return { valid: onValid.mock.calls.length > 0, message: message() };
}

describe('a required field refused by the form itself', () => {
  it('names the field in its message, and counts spaces alone as empty', async () => {
    expect(await submitted('escalate', '   ')).toEqual({
      valid: false,
      message: 'Aizpildiet lauku „Iemesls”.',
    });
  });

  it('names it in English too', async () => {
    setLanguage('en');
    expect((await submitted('escalate', '')).message).toBe('Fill in “Iemesls”.');
  });

  it('lets the value through when it is filled in, or when the rule does not apply', async () => {
    expect(await submitted('escalate', 'Nopietns')).toEqual({ valid: true, message: null });
    expect(await submitted('note', '')).toEqual({ valid: true, message: null });
  });
});
