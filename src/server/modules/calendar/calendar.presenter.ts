import type { TDayOff, TDeadlinePolicy, TTransfer } from '../../../contracts/calendar.contracts';
import type { DayOffRow, PolicyRow, TransferRow } from './calendar.repository';

export function presentDayOff(row: DayOffRow): TDayOff {
  return {
    id: row.id,
    date: row.date,
    kind: row.kind,
    name: row.name,
    source: row.source,
    version: row.version,
  };
}

export function presentTransfer(row: TransferRow): TTransfer {
  return {
    id: row.id,
    dayOff: row.day_off,
    workingDay: row.working_day,
    source: row.source,
    version: row.version,
  };
}

export function presentPolicy(row: PolicyRow): TDeadlinePolicy {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    nameEn: row.name_en,
    channel: row.channel,
    clientKind: row.client_kind,
    caseType: row.case_type,
    count: row.count,
    unit: row.unit,
    afterHoursNextDay: row.after_hours_next_day,
    sameDayCutoff: row.same_day_cutoff,
    source: row.source,
    active: row.active,
    version: row.version,
  };
}
