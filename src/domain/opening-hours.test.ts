import { describe, expect, it } from 'vitest';
import { DEFAULT_OPENING_HOURS, WEEKDAYS, isTimeOfDay, opensBeforeCloses } from './opening-hours';

describe('isTimeOfDay', () => {
  it('takes 24-hour times written HH:MM', () => {
    for (const value of ['00:00', '08:30', '12:00', '19:59', '23:59'])
      expect(isTimeOfDay(value)).toBe(true);
  });

  it('refuses impossible or differently written times', () => {
    for (const value of ['24:00', '23:60', '8:00', '08:00:00', '08.00', '0800', '', ' 08:00'])
      expect(isTimeOfDay(value)).toBe(false);
  });
});

describe('opensBeforeCloses', () => {
  it('holds when opening comes first', () => {
    expect(opensBeforeCloses({ open: '08:00', close: '17:00' })).toBe(true);
    expect(opensBeforeCloses({ open: '09:59', close: '10:00' })).toBe(true);
  });

  it('fails when the office would close before or as it opens', () => {
    expect(opensBeforeCloses({ open: '17:00', close: '08:00' })).toBe(false);
    expect(opensBeforeCloses({ open: '09:00', close: '09:00' })).toBe(false);
  });
});

describe('DEFAULT_OPENING_HOURS', () => {
  it('opens Monday to Friday with valid hours, shorter on Friday, closed at the weekend', () => {
    expect(Object.keys(DEFAULT_OPENING_HOURS)).toEqual([...WEEKDAYS]);
    for (const day of ['mon', 'tue', 'wed', 'thu', 'fri'] as const) {
      const hours = DEFAULT_OPENING_HOURS[day];
      expect(hours).not.toBeNull();
      if (!hours) continue;
      expect(isTimeOfDay(hours.open) && isTimeOfDay(hours.close)).toBe(true);
      expect(opensBeforeCloses(hours)).toBe(true);
    }
    expect(DEFAULT_OPENING_HOURS.fri?.close).toBe('16:00');
    expect(DEFAULT_OPENING_HOURS.sat).toBeNull();
    expect(DEFAULT_OPENING_HOURS.sun).toBeNull();
  });
});

describe('WEEKDAYS', () => {
  it('starts the week on Monday', () => {
    expect(WEEKDAYS[0]).toBe('mon');
    expect(WEEKDAYS[6]).toBe('sun');
  });
});
