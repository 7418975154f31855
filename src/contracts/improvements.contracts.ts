import { z } from 'zod';
import { IMPROVEMENT_TASK_STATES } from '../domain/improvements';
import { IsoDate, OptionalText, PageQuery, Text, Version, pageOf } from './common';

export const ImprovementTaskState = z.enum(IMPROVEMENT_TASK_STATES);

/**
 * What the task is based on (clause 30): a feedback item, a survey result (the survey, its wave
 * and the factor of its importance–satisfaction map) or, with none of these, an observation.
 */
const basisFields = {
  feedbackId: z.uuid().nullable().optional(),
  surveyId: z.uuid().nullable().optional(),
  surveyWaveId: z.uuid().nullable().optional(),
  surveyFactor: OptionalText(100),
};

const taskFields = {
  unitId: z.uuid(),
  title: Text(200),
  description: OptionalText(4000),
  ownerId: z.uuid().nullable().optional(),
  dueOn: IsoDate,
  ...basisFields,
};

export const CreateImprovementTaskBody = z.strictObject(taskFields);
export type TCreateImprovementTaskBody = z.infer<typeof CreateImprovementTaskBody>;

/** Changes to a task's content; its state moves through `/state`. */
export const UpdateImprovementTaskBody = z.strictObject({
  ...z.object(taskFields).partial().shape,
  version: Version,
});
export type TUpdateImprovementTaskBody = z.infer<typeof UpdateImprovementTaskBody>;

export const MoveImprovementTaskBody = z.strictObject({
  state: ImprovementTaskState,
  /** What came of the task; required when it is done or cancelled. */
  outcome: OptionalText(4000),
  version: Version,
});
export type TMoveImprovementTaskBody = z.infer<typeof MoveImprovementTaskBody>;

const PersonRef = z.object({ id: z.uuid(), givenName: z.string(), surname: z.string() });

export const ImprovementTask = z.object({
  id: z.uuid(),
  unit: z.object({ id: z.uuid(), name: z.string() }),
  title: z.string(),
  description: z.string(),
  owner: PersonRef.nullable(),
  dueOn: IsoDate,
  state: ImprovementTaskState,
  /** Still open after its due date (Riga time). */
  overdue: z.boolean(),
  outcome: z.string().nullable(),
  feedbackId: z.uuid().nullable(),
  survey: z
    .object({
      id: z.uuid(),
      title: z.string(),
      wave: z.object({ id: z.uuid(), name: z.string() }).nullable(),
      factor: z.string().nullable(),
    })
    .nullable(),
  createdBy: PersonRef.nullable(),
  completedAt: z.string().nullable(),
  /** What the viewer may do, decided by the server so the web app need not repeat the rules. */
  abilities: z.object({ edit: z.boolean(), move: z.boolean() }),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TImprovementTask = z.infer<typeof ImprovementTask>;

export const ListImprovementTasksQuery = z
  .strictObject({
    unitId: z.uuid().optional(),
    state: ImprovementTaskState.optional(),
    ownerId: z.uuid().optional(),
    /** Only the tasks still open after their due date. */
    overdue: z.stringbool().optional(),
    dueFrom: IsoDate.optional(),
    dueTo: IsoDate.optional(),
    ...PageQuery,
  })
  .refine((query) => !query.dueFrom || !query.dueTo || query.dueFrom <= query.dueTo, {
    message: 'range_reversed',
    path: ['dueTo'],
  });
export type TListImprovementTasksQuery = z.infer<typeof ListImprovementTasksQuery>;

export const ImprovementTaskPage = pageOf(ImprovementTask);
export type TImprovementTaskPage = z.infer<typeof ImprovementTaskPage>;
