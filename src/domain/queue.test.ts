import { describe, expect, it } from 'vitest';
import { minutesWaiting, queueOrder, type QueueEntry } from './queue';

const at = (minute: number) => new Date(Date.UTC(2026, 2, 10, 8, minute));
const entry = (id: string, external: boolean, inPerson: boolean, minute: number): QueueEntry => ({
  id,
  external,
  inPerson,
  arrivedAt: at(minute),
});

describe('the queue (clause 11.10)', () => {
  it('serves external clients in person first, then by arrival', () => {
    const colleague = entry('colleague', false, true, 0);
    const callBack = entry('call-back', true, false, 1);
    const resident = entry('resident', true, true, 5);
    const laterResident = entry('later-resident', true, true, 9);
    const colleagueOnPhone = entry('colleague-phone', false, false, 2);

    expect(
      queueOrder([colleague, callBack, laterResident, colleagueOnPhone, resident]).map((e) => e.id),
    ).toEqual(['resident', 'later-resident', 'call-back', 'colleague', 'colleague-phone']);
  });

  it('keeps arrival order among equals', () => {
    const order = queueOrder([
      entry('b', true, true, 3),
      entry('a', true, true, 1),
      entry('c', true, true, 7),
    ]);
    expect(order.map((e) => e.id)).toEqual(['a', 'b', 'c']);
  });

  it('tells whole minutes of waiting, never negative', () => {
    expect(minutesWaiting(at(0), at(14))).toBe(14);
    expect(minutesWaiting(at(5), at(3))).toBe(0);
  });
});
