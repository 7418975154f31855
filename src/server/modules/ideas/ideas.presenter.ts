import type { TIdea } from '../../../contracts/ideas.contracts';
import type { IdeaRow } from './ideas.repository';

export function presentIdea(row: IdeaRow, view: { respond: boolean }): TIdea {
  return {
    id: row.id,
    author: { id: row.author_id, givenName: row.author_given_name, surname: row.author_surname },
    addressee: row.addressee,
    unit:
      row.unit_id !== null && row.unit_name !== null
        ? { id: row.unit_id, name: row.unit_name }
        : null,
    title: row.title,
    text: row.text,
    state: row.state,
    response: row.response,
    respondedBy:
      row.responded_by !== null &&
      row.responder_given_name !== null &&
      row.responder_surname !== null
        ? {
            id: row.responded_by,
            givenName: row.responder_given_name,
            surname: row.responder_surname,
          }
        : null,
    respondedAt: row.responded_at?.toISOString() ?? null,
    improvementTask:
      row.improvement_task_id !== null && row.task_title !== null
        ? { id: row.improvement_task_id, title: row.task_title }
        : null,
    abilities: { respond: view.respond },
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
