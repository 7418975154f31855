import { CONTROL_FIGURES, emptyFigures, type ControlFigures } from '../../../domain/control';
import type {
  TUnitReport,
  TUnitReportLine,
  TUnitReportPage,
} from '../../../contracts/unit-reports.contracts';
import type { ReportLineRow, UnitReportRow } from './unit-reports.repository';

function submitterOf(row: {
  submitted_by: string | null;
  submitted_by_given_name: string | null;
  submitted_by_surname: string | null;
}) {
  return row.submitted_by
    ? {
        id: row.submitted_by,
        givenName: row.submitted_by_given_name ?? '',
        surname: row.submitted_by_surname ?? '',
      }
    : null;
}

/**
 * The stored figures with every figure of today's set: one counted since a report was kept
 * reads as zero, one no longer counted is left out.
 */
function figuresOf(stored: Record<string, number>): ControlFigures {
  const figures = emptyFigures();
  for (const figure of CONTROL_FIGURES) {
    const value = stored[figure];
    if (typeof value === 'number') figures[figure] = value;
  }
  return figures;
}

export function presentUnitReport(row: UnitReportRow): TUnitReport {
  return {
    id: row.id,
    unitId: row.unit_id,
    unitName: row.unit_name,
    institutionName: row.institution_name,
    year: row.year,
    state: row.state,
    figures: figuresOf(row.figures),
    shortcomings: row.shortcomings,
    measures: row.measures,
    submittedBy: submitterOf(row),
    submittedAt: row.submitted_at?.toISOString() ?? null,
    version: row.version,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

function presentLine(row: ReportLineRow, year: number): TUnitReportLine {
  return {
    unitId: row.unit_id,
    unitName: row.unit_name,
    institutionName: row.institution_name,
    year,
    reportId: row.report_id,
    state: row.state ?? 'missing',
    submittedBy: submitterOf(row),
    submittedAt: row.submitted_at?.toISOString() ?? null,
  };
}

export function presentReportLines(
  rows: readonly ReportLineRow[],
  query: { year: number; years: number[]; page: number; pageSize: number },
): TUnitReportPage {
  return {
    year: query.year,
    years: query.years,
    items: rows.map((row) => presentLine(row, query.year)),
    total: rows[0]?.total ?? 0,
    notSubmitted: rows[0]?.not_submitted ?? 0,
    page: query.page,
    pageSize: query.pageSize,
  };
}
