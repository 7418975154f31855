/** The states of a unit's improvement task (clause 30). */
export const IMPROVEMENT_TASK_STATES = ['planned', 'in_progress', 'done', 'cancelled'] as const;
export type ImprovementTaskState = (typeof IMPROVEMENT_TASK_STATES)[number];

/** Who moves a task: the client service department, or the unit's head and the task's owner. */
export type TaskMover = 'manager' | 'assignee';

/**
 * Where a task may go from each state, and who may take it there. The unit's head and the owner
 * do the work (start it, finish it); only the department that set the task cancels it or opens
 * a finished one again, since it decides what the unit has to do.
 */
const MOVES: Record<ImprovementTaskState, Partial<Record<ImprovementTaskState, TaskMover[]>>> = {
  planned: {
    in_progress: ['manager', 'assignee'],
    done: ['manager', 'assignee'],
    cancelled: ['manager'],
  },
  in_progress: {
    planned: ['manager'],
    done: ['manager', 'assignee'],
    cancelled: ['manager'],
  },
  done: { in_progress: ['manager'] },
  cancelled: { planned: ['manager'] },
};

/** Whether the mover may take a task from one state to the other. */
export function mayMoveTask(
  from: ImprovementTaskState,
  to: ImprovementTaskState,
  mover: TaskMover,
): boolean {
  return MOVES[from][to]?.includes(mover) ?? false;
}

/** A finished or cancelled task says what came of it: the department follows up on that. */
export const outcomeRequiredFor = (state: ImprovementTaskState): boolean =>
  state === 'done' || state === 'cancelled';

/** A task still to be done whose due date has passed (dates are Riga calendar dates). */
export const isTaskOverdue = (
  task: { state: ImprovementTaskState; dueOn: string },
  today: string,
): boolean => (task.state === 'planned' || task.state === 'in_progress') && task.dueOn < today;
