import type { TImprovementTask } from '../../../contracts/improvements.contracts';
import { isTaskOverdue } from '../../../domain/improvements';
import type { TaskRow } from './improvements.repository';

const personOf = (id: string | null, givenName: string | null, surname: string | null) =>
  id !== null && givenName !== null && surname !== null ? { id, givenName, surname } : null;

export function presentTask(
  row: TaskRow,
  view: { today: string; abilities: TImprovementTask['abilities'] },
): TImprovementTask {
  return {
    id: row.id,
    unit: { id: row.unit_id, name: row.unit_name },
    title: row.title,
    description: row.description,
    owner: personOf(row.owner_id, row.owner_given_name, row.owner_surname),
    dueOn: row.due_on,
    state: row.state,
    overdue: isTaskOverdue({ state: row.state, dueOn: row.due_on }, view.today),
    outcome: row.outcome,
    feedbackId: row.feedback_id,
    survey:
      row.survey_id !== null && row.survey_title !== null
        ? {
            id: row.survey_id,
            title: row.survey_title,
            wave:
              row.survey_wave_id !== null && row.wave_name !== null
                ? { id: row.survey_wave_id, name: row.wave_name }
                : null,
            factor: row.survey_factor,
          }
        : null,
    createdBy: personOf(row.created_by, row.creator_given_name, row.creator_surname),
    completedAt: row.completed_at?.toISOString() ?? null,
    abilities: view.abilities,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
