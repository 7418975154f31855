import { describe, expect, it } from 'vitest';
import { isTaskOverdue, mayMoveTask, outcomeRequiredFor } from './improvements';

describe('improvement tasks', () => {
  it('lets the unit start and finish a task but only the department cancel or reopen it', () => {
    expect(mayMoveTask('planned', 'in_progress', 'assignee')).toBe(true);
    expect(mayMoveTask('in_progress', 'done', 'assignee')).toBe(true);
    expect(mayMoveTask('planned', 'cancelled', 'assignee')).toBe(false);
    expect(mayMoveTask('planned', 'cancelled', 'manager')).toBe(true);
    expect(mayMoveTask('done', 'in_progress', 'assignee')).toBe(false);
    expect(mayMoveTask('done', 'in_progress', 'manager')).toBe(true);
    expect(mayMoveTask('cancelled', 'done', 'manager')).toBe(false);
    expect(mayMoveTask('planned', 'planned', 'manager')).toBe(false);
  });

  it('asks for an outcome when a task ends', () => {
    expect(outcomeRequiredFor('done')).toBe(true);
    expect(outcomeRequiredFor('cancelled')).toBe(true);
    expect(outcomeRequiredFor('in_progress')).toBe(false);
  });

  it('is overdue from the day after its due date while it is open', () => {
    const today = '2026-03-10';
    expect(isTaskOverdue({ state: 'planned', dueOn: '2026-03-09' }, today)).toBe(true);
    expect(isTaskOverdue({ state: 'in_progress', dueOn: '2026-03-10' }, today)).toBe(false);
    expect(isTaskOverdue({ state: 'done', dueOn: '2026-01-01' }, today)).toBe(false);
  });
});
