import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { TProblem } from '../../contracts/common';
import { api } from '../api/client';
import '../i18n/i18n';
import { Field } from './Field';
import { FormError } from './FormParts';
import { useServerForm } from './server-form';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

interface Values {
  name: string;
  email: string;
}

/** A form as the app's forms are written: the name has a rule of the form's own. */
function ThingForm(props: { name: string; onSaved: (result: unknown) => void }) {
  const { form, errors, formError, busy, onSubmit } = useServerForm<Values>({
    defaultValues: { name: props.name, email: '' },
    fields: ['name', 'email'],
    // Any route with a name and an e-mail address: the server is a stub.
    send: (values) => api.post('/institutions', values),
    onSaved: props.onSaved,
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <FormError message={formError} />
      <Field label="Nosaukums" required error={errors.name?.message}>
        <input {...form.register('name', { required: 'Norādiet nosaukumu (forma).' })} />
      </Field>
      <Field label="E-pasts" error={errors.email?.message}>
        <input {...form.register('email')} />
      </Field>
      <button type="submit" disabled={busy}>
        Saglabāt
      </button>
    </form>
  );
}

const refusal = (errors: NonNullable<TProblem['errors']>): Response =>
  new Response(
    JSON.stringify({
      type: 'urn:apkalpo:problem:validation',
      title: 'Nepareizi dati',
      status: 400,
      code: 'validation',
      detail: 'Pārbaudiet ievadīto.',
      instance: '/api/v1/institutions',
      requestId: 'r1',
      errors,
    } satisfies TProblem),
    { status: 400, headers: { 'content-type': 'application/problem+json' } },
  );

const refused = (field: string, message: string) => ({
  field,
  in: 'body' as const,
  code: 'invalid',
  message,
});

let root: Root;
let container: HTMLElement;
let fetchMock: ReturnType<typeof vi.fn<typeof fetch>>;

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
  fetchMock = vi.fn<typeof fetch>();
  vi.stubGlobal('fetch', fetchMock);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
  vi.unstubAllGlobals();
});

const show = (name: string, onSaved: (result: unknown) => void = () => undefined) =>
  act(() =>
    root.render(
      <QueryClientProvider client={new QueryClient()}>
        <ThingForm name={name} onSaved={onSaved} />
      </QueryClientProvider>,
    ),
  );

const submit = () =>
  act(async () => {
    container
      .querySelector('form')
      ?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await Promise.resolve();
  });

const input = (label: string) => {
  const id = [...container.querySelectorAll('label')]
    .find((element) => element.textContent?.startsWith(label))
    ?.getAttribute('for');
  const control = id ? document.getElementById(id) : null;
  if (!control) throw new Error(`no input labelled ${label}`);
  return control;
};

const messageOf = (label: string) =>
  input(label).closest('.field')?.querySelector('.field-error')?.textContent ?? null;

const summary = () => container.querySelector('.notice-error')?.textContent ?? null;

describe('a form whose values go to the server', () => {
  it('puts each refused field’s message beside it, the rest above, and focuses the first', async () => {
    fetchMock.mockResolvedValue(
      refusal([
        refused('name', 'Tāds nosaukums jau ir.'),
        refused('email', 'Nav e-pasta adrese.'),
        refused('version', 'Trūkst versijas.'),
      ]),
    );
    show('Centrs');
    await submit();
    await vi.waitFor(() => expect(messageOf('Nosaukums')).toBe('Tāds nosaukums jau ir.'));
    expect(messageOf('E-pasts')).toBe('Nav e-pasta adrese.');
    expect(input('E-pasts').getAttribute('aria-invalid')).toBe('true');
    expect(summary()).toBe('Trūkst versijas.');
    expect(document.activeElement).toBe(input('Nosaukums'));
    expect(fetchMock.mock.calls[0]?.[1]?.headers).not.toHaveProperty('x-validate-only');
  });

  it('asks the server to check the rest when its own rule refuses, and keeps its own words', async () => {
    fetchMock.mockResolvedValue(
      refusal([refused('name', 'Servera vārdi.'), refused('email', 'Nav e-pasta adrese.')]),
    );
    const onSaved = vi.fn();
    show('', onSaved);
    await submit();
    await vi.waitFor(() => expect(messageOf('E-pasts')).toBe('Nav e-pasta adrese.'));
    expect(messageOf('Nosaukums')).toBe('Norādiet nosaukumu (forma).');
    expect(fetchMock).toHaveBeenCalledTimes(1);
    const init = fetchMock.mock.calls[0]?.[1];
    expect(init?.method).toBe('POST');
    expect(init?.headers).toMatchObject({ 'x-validate-only': 'true' });
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('clears the last refusal when the next try is saved, and hands on what the server answered', async () => {
    fetchMock.mockResolvedValueOnce(refusal([refused('email', 'Nav e-pasta adrese.')]));
    fetchMock.mockResolvedValueOnce(
      new Response(JSON.stringify({ id: 't1' }), {
        status: 201,
        headers: { 'content-type': 'application/json' },
      }),
    );
    const onSaved = vi.fn();
    show('Centrs', onSaved);
    await submit();
    await vi.waitFor(() => expect(messageOf('E-pasts')).toBe('Nav e-pasta adrese.'));
    await submit();
    await vi.waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1));
    expect(onSaved.mock.calls[0]?.[0]).toEqual({ id: 't1' });
    expect(messageOf('E-pasts')).toBeNull();
    expect(summary()).toBeNull();
  });
});
