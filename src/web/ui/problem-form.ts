import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { ProblemError } from '../api/client';

/**
 * Puts the server's field messages beside the fields they name. `fields` lists the server's
 * field names this form shows, or maps them to the form's own names where they differ. Returns
 * the messages that name no field of this form, to show above it.
 */
export function applyProblem<T extends FieldValues>(
  error: unknown,
  setError: UseFormSetError<T>,
  fields: ReadonlyArray<string> | Readonly<Record<string, string>>,
): string | null {
  if (!(error instanceof ProblemError)) return null;
  const names: Record<string, string> = Array.isArray(fields)
    ? Object.fromEntries((fields as string[]).map((name) => [name, name]))
    : (fields as Record<string, string>);
  const unplaced: string[] = [];
  for (const fieldError of error.problem.errors ?? []) {
    const serverName = Object.keys(names).find(
      (name) => fieldError.field === name || fieldError.field.startsWith(`${name}.`),
    );
    if (serverName)
      setError(names[serverName] as Path<T>, { type: 'server', message: fieldError.message });
    else unplaced.push(fieldError.message);
  }
  if (unplaced.length > 0) return unplaced.join(' ');
  return error.problem.errors?.length ? null : error.problem.detail;
}

/** Someone else saved the record since it was read: the page reloads it instead of overwriting. */
export function isVersionConflict(error: unknown): boolean {
  return error instanceof ProblemError && error.problem.code === 'version_conflict';
}
