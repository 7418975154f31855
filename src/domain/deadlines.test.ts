import { describe, expect, it } from 'vitest';
import { createWorkingCalendar, hoursOn } from './calendar';
import { FESTIVAL_CLOSING_DAYS, ONE_OFF_DAYS_OFF, WORKDAY_TRANSFERS } from './calendar-data';
import {
  addCalendarMonths,
  choosePolicy,
  dueDateOf,
  type DeadlineRule,
  type PolicyScope,
} from './deadlines';
import { DEFAULT_OPENING_HOURS } from './opening-hours';

const calendar = createWorkingCalendar({
  oneOffDaysOff: ONE_OFF_DAYS_OFF,
  festivalClosingDays: FESTIVAL_CLOSING_DAYS,
  transfers: WORKDAY_TRANSFERS,
  followTransfers: true,
});
const closingTime = (date: string) => hoursOn(calendar, date, DEFAULT_OPENING_HOURS)?.close ?? null;

const externalReply: DeadlineRule = {
  count: 3,
  unit: 'working_days',
  afterHoursNextDay: true,
  sameDayCutoff: null,
};
const internalReply: DeadlineRule = { ...externalReply, count: 1 };
const voicemail: DeadlineRule = { ...externalReply, count: 1, afterHoursNextDay: false };
const callback: DeadlineRule = {
  count: 0,
  unit: 'working_days',
  afterHoursNextDay: false,
  sameDayCutoff: '15:00',
};
const oneMonth: DeadlineRule = {
  count: 1,
  unit: 'calendar_months',
  afterHoursNextDay: false,
  sameDayCutoff: null,
};

const due = (rule: DeadlineRule, date: string, time: string | null = null) =>
  dueDateOf(calendar, rule, { date, time }, closingTime);

describe('due dates (clause 21.1: external written replies within 3 working days)', () => {
  it('counts three working days after the day of receipt', () => {
    expect(due(externalReply, '2025-04-17', '10:00')).toBe('2025-04-24');
    expect(due(externalReply, '2025-04-17')).toBe('2025-04-24');
  });

  it('counts a message received after closing time from the next working day', () => {
    // Thursday 17 April 2025 closes at 16:00 (before Good Friday); 16:30 is after hours.
    expect(due(externalReply, '2025-04-17', '15:59')).toBe('2025-04-24');
    expect(due(externalReply, '2025-04-17', '16:30')).toBe('2025-04-25');
  });

  it('counts a message received on a day off from the next working day', () => {
    expect(due(externalReply, '2025-04-19', '11:00')).toBe('2025-04-25');
  });

  it('answers an internal client within 1 working day (clause 23.1), Saturdays worked included', () => {
    expect(due(internalReply, '2025-05-09', '10:00')).toBe('2025-05-10');
  });

  it('skips the days off the Cabinet transferred before 2025 (Christmas 2024)', () => {
    // Monday 23 December 2024 was worked on Saturday 14 December; 24–26 December are holidays.
    expect(due(internalReply, '2024-12-20', '10:00')).toBe('2024-12-27');
  });
});

describe('voicemail (clause 17): the next working day', () => {
  it('passes a Friday-evening message to the unit on Monday', () => {
    expect(due(voicemail, '2025-03-28', '20:00')).toBe('2025-03-31');
  });

  it('passes a message left on a holiday weekend to the first working day', () => {
    expect(due(voicemail, '2025-12-25', '09:00')).toBe('2025-12-29');
  });
});

describe('callback (clause 15.1): the nearest possible time', () => {
  it('is the same working day before 15:00 and the next one after', () => {
    expect(due(callback, '2025-06-05', '14:59')).toBe('2025-06-05');
    expect(due(callback, '2025-06-05', '15:00')).toBe('2025-06-06');
  });

  it('is the first working day after a call missed on a day off', () => {
    expect(due(callback, '2025-06-07', '10:00')).toBe('2025-06-09');
  });
});

describe('terms in calendar months', () => {
  it('end on the same date a month later, or the month’s last day', () => {
    expect(addCalendarMonths('2026-03-15', 1)).toBe('2026-04-15');
    expect(addCalendarMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addCalendarMonths('2028-01-31', 1)).toBe('2028-02-29');
    expect(addCalendarMonths('2026-11-30', 2)).toBe('2027-01-30');
  });

  it('move to the next working day when they end on a day off', () => {
    // Received Wednesday 28 January 2026; 28 February is a Saturday.
    expect(due(oneMonth, '2026-01-28')).toBe('2026-03-02');
    expect(due(oneMonth, '2026-01-27')).toBe('2026-02-27');
  });
});

describe('choosing the deadline policy for a request', () => {
  const policy = (
    code: string,
    scope: Partial<Pick<PolicyScope, 'channel' | 'clientKind' | 'caseType'>>,
    active = true,
  ): PolicyScope => ({
    code,
    active,
    channel: scope.channel ?? null,
    clientKind: scope.clientKind ?? null,
    caseType: scope.caseType ?? null,
  });
  const policies = [
    policy('external-written', { clientKind: 'external' }),
    policy('internal', { clientKind: 'internal' }),
    policy('voicemail', { channel: 'voicemail' }),
    policy('callback', { channel: 'phone', caseType: 'missed-call' }),
    policy('submission-answer', { caseType: 'submission' }),
    policy('retired', { channel: 'email' }, false),
  ];
  const choose = (
    channel: string,
    clientKind: 'external' | 'internal',
    caseType: string | null = null,
  ) => choosePolicy(policies, { channel, clientKind, caseType })?.code;

  it('gives an external client’s written request three working days, an internal one one', () => {
    expect(choose('email', 'external')).toBe('external-written');
    expect(choose('in_person', 'external')).toBe('external-written');
    expect(choose('email', 'internal')).toBe('internal');
  });

  it('prefers the channel over the client, and the case type over both', () => {
    expect(choose('voicemail', 'external')).toBe('voicemail');
    expect(choose('phone', 'external', 'missed-call')).toBe('callback');
    expect(choose('e_address', 'external', 'submission')).toBe('submission-answer');
    expect(choose('phone', 'external')).toBe('external-written');
  });

  it('skips inactive policies and finds none when nothing applies', () => {
    expect(
      choosePolicy([policy('retired', { channel: 'email' }, false)], {
        channel: 'email',
        clientKind: 'external',
        caseType: null,
      }),
    ).toBeNull();
  });
});
