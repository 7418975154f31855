// The load benchmark's figures: percentiles, the ratio to pgbench, the issue's targets as
// PASS/MISS, the memory trend of a soak, and the tables printed and written. Pure: the figures
// come in, text goes out.

/** The value below which p % of the sorted values lie (nearest rank). */
export const percentile = (sorted: readonly number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

export interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

export function latencyOf(sorted: readonly number[]): Latency {
  return {
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
  };
}

export interface Figure extends Latency {
  scenario: string;
  connections: number;
  rate: number;
  requests: number;
  /** Network errors and timeouts. */
  errors: number;
  non2xx: number;
  /** The server's CPU cores used on average, over its whole process tree. */
  cores: number;
  /** The load generator's own CPU cores (it shares the machine). */
  generatorCores: number;
  /** The highest resident memory of any one server process, and of all together, in MB. */
  peakProcessMb: number;
  peakTotalMb: number;
  /** Each process's highest resident memory, in MB, by pid. */
  peakByProcessMb: Record<number, number>;
  health: { probes: number; failed: number; p99: number; max: number } | null;
  /** The pgbench figure it is compared with, and the ratio. */
  pgbench: { script: 'select' | 'insert'; clients: number; tps: number } | null;
  ratio: number | null;
}

export const ratioOf = (rate: number, tps: number | undefined): number | null =>
  tps && tps > 0 ? rate / tps : null;

export interface Target {
  text: string;
  figure: string;
  pass: boolean | null;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;
const WORK_LISTS = ['list-mine', 'list-unit', 'list-deep'];
export const MEMORY_LIMIT_MB = 400;

function find(figures: readonly Figure[], scenario: string, connections: number) {
  return figures.find((f) => f.scenario === scenario && f.connections === connections);
}

function missing(text: string): Target {
  return { text, figure: 'not measured in this run', pass: null };
}

/** The issue's targets on PostgreSQL, each with its figure. Never weakened: only reported. */
export function postgresTargets(figures: readonly Figure[]): Target[] {
  const targets: Target[] = [];
  for (const scenario of [...WORK_LISTS, 'open-request']) {
    const at32 = find(figures, scenario, 32);
    const text = `${scenario} at 32 connections: ≥ 0.05 × pgbench PK-select tps, p99 < 50 ms`;
    if (!at32) targets.push(missing(text));
    else
      targets.push({
        text,
        figure: `${at32.rate.toFixed(0)} req/s = ${at32.ratio?.toFixed(3) ?? '?'} × ${at32.pgbench?.tps.toFixed(0) ?? '?'} tps, p99 ${ms(at32.p99)}`,
        pass: (at32.ratio ?? 0) >= 0.05 && at32.p99 < 50,
      });
  }
  const contact32 = find(figures, 'contact', 32);
  const contactText = 'contact at 32 connections: ≥ 0.05 × pgbench insert tps, p99 < 100 ms';
  targets.push(
    contact32
      ? {
          text: contactText,
          figure: `${contact32.rate.toFixed(0)} req/s = ${contact32.ratio?.toFixed(3) ?? '?'} × ${contact32.pgbench?.tps.toFixed(0) ?? '?'} tps, p99 ${ms(contact32.p99)}`,
          pass: (contact32.ratio ?? 0) >= 0.05 && contact32.p99 < 100,
        }
      : missing(contactText),
  );
  for (const scenario of WORK_LISTS) {
    const at1 = find(figures, scenario, 1);
    const text = `${scenario} at 1 connection: p99 < 10 ms`;
    targets.push(at1 ? { text, figure: `p99 ${ms(at1.p99)}`, pass: at1.p99 < 10 } : missing(text));
  }
  const contact1 = find(figures, 'contact', 1);
  const text = 'contact at 1 connection: p99 < 20 ms';
  targets.push(
    contact1 ? { text, figure: `p99 ${ms(contact1.p99)}`, pass: contact1.p99 < 20 } : missing(text),
  );
  targets.push(errorsTarget(figures), memoryTarget(figures));
  return targets;
}

/** The issue's targets for the embedded database (PGlite) with the demo data. */
export function embeddedTargets(figures: readonly Figure[]): Target[] {
  const mixed = find(figures, 'mixed', 32);
  const text = 'mixed at 32 connections: p99 < 250 ms';
  const probed = figures.filter((f) => f.health);
  const worst = Math.max(...probed.map((f) => f.health?.max ?? 0));
  const failed = probed.reduce((sum, f) => sum + (f.health?.failed ?? 0), 0);
  return [
    mixed ? { text, figure: `p99 ${ms(mixed.p99)}`, pass: mixed.p99 < 250 } : missing(text),
    probed.length === 0
      ? missing('/api/health answers within 100 ms throughout')
      : {
          text: '/api/health answers within 100 ms throughout',
          figure: `max ${ms(worst)} over ${probed.reduce((sum, f) => sum + (f.health?.probes ?? 0), 0)} probes, ${failed} failed`,
          pass: worst < 100 && failed === 0,
        },
    errorsTarget(figures),
    memoryTarget(figures),
  ];
}

/** The targets that hold in every mode: no errors, memory per process. */
export function commonTargets(figures: readonly Figure[]): Target[] {
  return [errorsTarget(figures), memoryTarget(figures)];
}

function errorsTarget(figures: readonly Figure[]): Target {
  const errors = figures.reduce((sum, f) => sum + f.errors + f.non2xx, 0);
  return {
    text: 'no errors and no non-2xx answers',
    figure: `${errors} over ${figures.reduce((sum, f) => sum + f.requests, 0)} requests`,
    pass: figures.length === 0 ? null : errors === 0,
  };
}

function memoryTarget(figures: readonly Figure[]): Target {
  const peak = Math.max(0, ...figures.map((f) => f.peakProcessMb));
  return {
    text: `server memory under ${MEMORY_LIMIT_MB} MB per process`,
    figure: `peak ${peak.toFixed(0)} MB`,
    pass: figures.length === 0 ? null : peak < MEMORY_LIMIT_MB,
  };
}

export interface Trend {
  /** The floor (the lowest RSS, after collection) in the first and last tenth of the soak. */
  startMb: number;
  endMb: number;
  peakMb: number;
  /** Least-squares growth of the floor over the soak, MB per minute. */
  mbPerMinute: number;
  flat: boolean;
}

/**
 * Whether memory stays flat over a soak. A collected heap saws up and down by a hundred MB, so
 * the trend is read from its floor: the lowest RSS in each tenth of the soak, what stays after
 * a collection. A leak raises the floor. Flat when the least-squares line through the floors
 * grows by no more than 5 % of the first floor, or 10 MB, over the whole soak.
 */
export function trendOf(points: ReadonlyArray<{ minutes: number; mb: number }>): Trend {
  const parts = Math.min(10, points.length);
  const floors: Array<{ minutes: number; mb: number }> = [];
  for (let part = 0; part < parts; part += 1) {
    const slice = points.slice(
      Math.floor((part * points.length) / parts),
      Math.floor(((part + 1) * points.length) / parts),
    );
    if (slice.length === 0) continue;
    floors.push({
      minutes: slice.reduce((sum, p) => sum + p.minutes, 0) / slice.length,
      mb: Math.min(...slice.map((p) => p.mb)),
    });
  }
  const n = floors.length;
  const meanX = floors.reduce((sum, p) => sum + p.minutes, 0) / n;
  const meanY = floors.reduce((sum, p) => sum + p.mb, 0) / n;
  let num = 0;
  let den = 0;
  for (const p of floors) {
    num += (p.minutes - meanX) * (p.mb - meanY);
    den += (p.minutes - meanX) ** 2;
  }
  const slope = den > 0 ? num / den : 0;
  const startMb = floors[0]?.mb ?? NaN;
  const span = (points.at(-1)?.minutes ?? 0) - (points[0]?.minutes ?? 0);
  return {
    startMb,
    endMb: floors.at(-1)?.mb ?? NaN,
    peakMb: Math.max(...points.map((p) => p.mb)),
    mbPerMinute: slope,
    flat: slope * span <= Math.max(10, 0.05 * startMb),
  };
}

const pad = (text: string, width: number) => text.padStart(width);

/** The header and one line per figure, for the terminal. */
export function consoleHeader(): string {
  return (
    `${'scenario'.padEnd(14)}${pad('conn', 5)}${pad('req/s', 8)}${pad('p50', 8)}${pad('p95', 8)}` +
    `${pad('p99', 8)}${pad('max', 8)}${pad('err', 5)}${pad('non2xx', 7)}${pad('cpu', 6)}` +
    `${pad('gen', 5)}${pad('rss MB', 8)}${pad('health', 8)}${pad('pgbench', 9)}${pad('ratio', 7)}`
  );
}

export function consoleLine(f: Figure): string {
  const health = f.health ? f.health.max.toFixed(0) : '';
  return (
    `${f.scenario.padEnd(14)}${pad(String(f.connections), 5)}${pad(f.rate.toFixed(0), 8)}` +
    `${pad(f.p50.toFixed(1), 8)}${pad(f.p95.toFixed(1), 8)}${pad(f.p99.toFixed(1), 8)}` +
    `${pad(f.max.toFixed(0), 8)}${pad(String(f.errors), 5)}${pad(String(f.non2xx), 7)}` +
    `${pad(f.cores.toFixed(2), 6)}${pad(f.generatorCores.toFixed(1), 5)}` +
    `${pad(`${f.peakProcessMb.toFixed(0)}/${f.peakTotalMb.toFixed(0)}`, 8)}${pad(health, 8)}` +
    `${pad(f.pgbench ? f.pgbench.tps.toFixed(0) : '', 9)}${pad(f.ratio === null ? '' : f.ratio.toFixed(3), 7)}`
  );
}

export function targetLines(targets: readonly Target[]): string[] {
  return targets.map(
    (t) => `${t.pass === null ? '----' : t.pass ? 'PASS' : 'MISS'}  ${t.text}: ${t.figure}`,
  );
}

const thousands = (value: number) => Math.round(value).toLocaleString('en').replace(/,/g, ' ');

/** The figures as a Markdown table, as docs/PERFORMANCE.md shows them. */
export function markdownTable(figures: readonly Figure[]): string {
  const rows = figures.map((f) =>
    [
      f.scenario,
      f.connections,
      thousands(f.rate),
      f.p50.toFixed(1),
      f.p95.toFixed(1),
      f.p99.toFixed(1),
      f.errors + f.non2xx,
      f.cores.toFixed(2),
      `${f.peakProcessMb.toFixed(0)} / ${f.peakTotalMb.toFixed(0)}`,
      f.health ? f.health.max.toFixed(0) : '',
      f.pgbench ? `${f.pgbench.script} ${thousands(f.pgbench.tps)}` : '',
      f.ratio === null ? '' : f.ratio.toFixed(3),
    ].join(' | '),
  );
  return [
    '| what | conn | req/s | p50 ms | p95 ms | p99 ms | errors | server CPU | peak RSS MB (process / all) | health max ms | pgbench tps | ratio |',
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
    ...rows.map((row) => `| ${row} |`),
  ].join('\n');
}

/** pgbench's own figures in the same run, as a Markdown table. */
export function pgbenchTable(
  results: ReadonlyArray<{
    script: string;
    asked: number;
    clients: number;
    tps: number;
    p50: number;
    p95: number;
    p99: number;
  }>,
): string {
  return [
    '| pgbench | clients | tps | p50 ms | p95 ms | p99 ms |',
    '|---|--:|--:|--:|--:|--:|',
    ...results.map(
      (r) =>
        `| ${r.script} | ${r.clients === r.asked ? r.asked : `${r.clients} (of ${r.asked})`} | ${thousands(r.tps)} | ` +
        `${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} |`,
    ),
  ].join('\n');
}
