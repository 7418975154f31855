import { describe, expect, it } from 'vitest';
import { commitmentUrgency } from './commitments';

const now = new Date('2026-03-10T09:00:00Z');
const hoursFromNow = (hours: number) => new Date(now.getTime() + hours * 3_600_000);

describe('how pressing a promise is', () => {
  it('turns red a day before it is due, and is overdue after', () => {
    expect(commitmentUrgency({ dueAt: hoursFromNow(48), keptAt: null }, now)).toBe('open');
    expect(commitmentUrgency({ dueAt: hoursFromNow(24), keptAt: null }, now)).toBe('due_soon');
    expect(commitmentUrgency({ dueAt: hoursFromNow(1), keptAt: null }, now)).toBe('due_soon');
    expect(commitmentUrgency({ dueAt: hoursFromNow(-1), keptAt: null }, now)).toBe('overdue');
  });

  it('is kept once kept, whenever that was', () => {
    expect(commitmentUrgency({ dueAt: hoursFromNow(-5), keptAt: now }, now)).toBe('kept');
  });
});
