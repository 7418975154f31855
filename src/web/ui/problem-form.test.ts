import { describe, expect, it, vi } from 'vitest';
import type { TProblem } from '../../contracts/common';
import { ProblemError } from '../api/client';
import { applyProblem, isVersionConflict } from './problem-form';

const problem = (change: Partial<TProblem> = {}): ProblemError =>
  new ProblemError(400, {
    type: 'urn:apkalpo:problem:validation',
    title: 'Nepareizi dati',
    status: 400,
    code: 'validation',
    detail: 'Pārbaudiet ievadīto.',
    instance: '/api/v1/units',
    requestId: 'r1',
    ...change,
  });

const fieldError = (field: string, message: string) => ({
  field,
  in: 'body' as const,
  code: 'too_small',
  message,
});

describe('the server’s messages put beside the fields they name', () => {
  it('sets each named field and leaves nothing for above the form', () => {
    const setError = vi.fn();
    const left = applyProblem(
      problem({
        errors: [fieldError('name', 'Norādiet nosaukumu.'), fieldError('email', 'Nav e-pasts.')],
      }),
      setError,
      ['name', 'email', 'phone'],
    );
    expect(left).toBeNull();
    expect(setError.mock.calls).toEqual([
      ['name', { type: 'server', message: 'Norādiet nosaukumu.' }],
      ['email', { type: 'server', message: 'Nav e-pasts.' }],
    ]);
  });

  it('puts a message about a part of a field on the field (units.0.unitId on units)', () => {
    const setError = vi.fn();
    applyProblem(problem({ errors: [fieldError('units.0.unitId', 'Nav tādas.')] }), setError, {
      units: 'unitIds',
    });
    expect(setError).toHaveBeenCalledWith('unitIds', { type: 'server', message: 'Nav tādas.' });
  });

  it('maps the server’s name to the form’s own where they differ', () => {
    const setError = vi.fn();
    applyProblem(problem({ errors: [fieldError('from', 'Nav datums.')] }), setError, {
      from: 'date',
    });
    expect(setError).toHaveBeenCalledWith('date', { type: 'server', message: 'Nav datums.' });
  });

  it('does not take a field for another whose name it merely starts with', () => {
    const setError = vi.fn();
    const left = applyProblem(problem({ errors: [fieldError('nameEn', 'Angliski.')] }), setError, [
      'name',
    ]);
    expect(setError).not.toHaveBeenCalled();
    expect(left).toBe('Angliski.');
  });

  it('gives the messages no field of the form shows, joined, to show above it', () => {
    const setError = vi.fn();
    const left = applyProblem(
      problem({
        errors: [
          fieldError('name', 'Norādiet nosaukumu.'),
          fieldError('version', 'Trūkst versijas.'),
          fieldError('unitId', 'Nav nodaļas.'),
        ],
      }),
      setError,
      ['name'],
    );
    expect(left).toBe('Trūkst versijas. Nav nodaļas.');
    expect(setError).toHaveBeenCalledTimes(1);
  });

  it('gives the problem’s own words when it names no field', () => {
    const left = applyProblem(
      problem({ status: 409, code: 'conflict', detail: 'Prombūtne pārklājas.' }),
      vi.fn(),
      ['startsOn'],
    );
    expect(left).toBe('Prombūtne pārklājas.');
  });

  it('says nothing of a failure that is not the server’s answer', () => {
    const setError = vi.fn();
    expect(applyProblem(new TypeError('Failed to fetch'), setError, ['name'])).toBeNull();
    expect(setError).not.toHaveBeenCalled();
  });
});

describe('a version conflict', () => {
  it('is the server saying the record changed since it was read', () => {
    expect(isVersionConflict(problem({ status: 409, code: 'version_conflict' }))).toBe(true);
    expect(isVersionConflict(problem())).toBe(false);
    expect(isVersionConflict(new Error('version_conflict'))).toBe(false);
  });
});
