import type { Rotation } from '../../../domain/calls';
import {
  nextTurn,
  routeOrder,
  type RotationCandidate,
  type RouteTarget,
} from '../../../domain/rotation';

/**
 * How long a process answers a line's calls from what it read of the line, at most. Every change
 * that may alter the answer is announced and forgets it at once; this bounds what an announcement
 * that never came costs (as for exchanges' tokens, decision 46), and how long processes that
 * share a line take their turns apart. Each read costs a burst of calls the wait for a write and
 * the whole statement: a second was measurably slower under bursts (docs/PERFORMANCE.md).
 */
export const LINE_KEEP_MS = 5_000;
/** Turns taken in a burst of calls are written together, this long after the first. */
const SAVE_AFTER_MS = 20;

/** A line as routeCall reads it: the turn is the one the database took for this call. */
export interface ReadLine {
  line: { unitId: string; rotation: Rotation; first: string | null } | null;
  candidates: RotationCandidate[];
}

export interface RoutedLine {
  unitId: string;
  rotation: Rotation;
  extensions: RouteTarget[];
}

interface KeptLine {
  unitId: string;
  rotation: Rotation;
  candidates: RotationCandidate[];
  /** Who was rung first on the line's last call answered here. */
  turn: string | null;
  /** The turn is the one the database took when it read the line, not yet given to a call. */
  fresh: boolean;
  today: string;
  keptUntil: number;
}

/**
 * Answers the exchange's routing questions (decision 51). While the database's announcements of
 * changes are heard, a line's answer is read once and kept: the calls that follow are answered
 * from it, and this process takes their round robin turns itself, writing the last one back
 * shortly after, and always before it reads the line again, so that the database takes the next
 * turn from it. Whatever may change an answer (someone answering or ending a call, serving a
 * visitor, going away, joining or leaving the unit, a line or extension edited) is announced when
 * it commits and forgets every kept line. Without announcements (PGlite, or the LISTEN
 * connection down) every question reads the database, which takes the turn itself.
 */
export function createLineRouting(deps: {
  read(number: string, today: string): Promise<ReadLine>;
  saveTurns(turns: Array<{ unitId: string; staffId: string }>): Promise<void>;
  now(): number;
  warn(error: unknown): void;
}) {
  const kept = new Map<string, KeptLine>();
  /** Reads under way, each with the generation it started in: a later question may share it. */
  const reading = new Map<string, { generation: number; line: Promise<KeptLine | null> }>();
  /** Turns taken here and not yet written, by unit. */
  const owed = new Map<string, string>();
  let saving: Promise<void> | null = null;
  let saveTimer: NodeJS.Timeout | null = null;
  let hearing = false;
  let generation = 0;

  async function saveOwed(): Promise<void> {
    while (owed.size > 0) {
      const turns = [...owed].map(([unitId, staffId]) => ({ unitId, staffId }));
      owed.clear();
      await deps.saveTurns(turns);
    }
  }

  function armSave(): void {
    saveTimer ??= setTimeout(() => {
      saveTimer = null;
      void settle();
    }, SAVE_AFTER_MS).unref();
  }

  /**
   * Writes the turns owed, one write at a time: resolves when those owed so far are written. A
   * turn owed as the write ends waits for the next one, which its timer makes.
   */
  function settle(): Promise<void> {
    if (!saving) {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
      saving = saveOwed()
        .catch((error: unknown) => deps.warn(error))
        .finally(() => {
          saving = null;
          if (owed.size > 0) armSave();
        });
    }
    return saving;
  }

  function owe(unitId: string, staffId: string): void {
    owed.set(unitId, staffId);
    armSave();
  }

  /** The turns taken here reach the database before it takes the next one. */
  async function settled(): Promise<void> {
    while (owed.size > 0 || saving) await settle();
  }

  /**
   * Reads the line for the calls from now on. A read of the same line still under way (begun
   * before a change was heard) is waited for first: the calls waiting for it take their turns,
   * and those turns are written before this read, so that the database takes the next one.
   */
  async function read(
    number: string,
    today: string,
    mark: number,
    before: Promise<unknown> | undefined,
  ): Promise<KeptLine | null> {
    await before?.catch(() => undefined);
    await settled();
    const { line, candidates } = await deps.read(number, today);
    if (!line) return null;
    const fetched: KeptLine = {
      unitId: line.unitId,
      rotation: line.rotation,
      candidates,
      turn: line.first,
      fresh: true,
      today,
      keptUntil: deps.now() + LINE_KEEP_MS,
    };
    if (hearing && mark === generation) kept.set(number, fetched);
    return fetched;
  }

  function answer(line: KeptLine): RoutedLine {
    if (line.rotation === 'round_robin') {
      if (line.fresh) {
        line.fresh = false;
      } else {
        const next = nextTurn(line.candidates, line.turn);
        if (next) {
          line.turn = next;
          owe(line.unitId, next);
        }
      }
    }
    return {
      unitId: line.unitId,
      rotation: line.rotation,
      extensions: routeOrder(line.candidates, line.rotation, line.turn),
    };
  }

  function forget(): void {
    generation += 1;
    kept.clear();
  }

  return {
    /** The line's answer for a call to the number; null when no line has it. */
    async route(number: string, today: string): Promise<RoutedLine | null> {
      if (!hearing) {
        await settled();
        const { line, candidates } = await deps.read(number, today);
        if (!line) return null;
        const extensions = routeOrder(candidates, line.rotation, line.first);
        return { unitId: line.unitId, rotation: line.rotation, extensions };
      }
      let line = kept.get(number);
      if (line && (line.today !== today || line.keptUntil <= deps.now())) {
        kept.delete(number);
        line = undefined;
      }
      if (!line) {
        let pending = reading.get(number);
        if (pending?.generation !== generation) {
          const started = { generation, line: read(number, today, generation, pending?.line) };
          pending = started;
          reading.set(number, started);
          const done = () => {
            if (reading.get(number) === started) reading.delete(number);
          };
          started.line.then(done, done);
        }
        const fetched = await pending.line;
        if (!fetched) return null;
        line = fetched;
      }
      return answer(line);
    },

    /** Whether lines' answers are kept: only while changes to them are heard. */
    keeping: () => hearing,

    /** Something that may change an answer has committed: every line is read again. */
    forget,

    /** Changes are heard (true) or may be missed (false): either way nothing kept is trusted. */
    hearing(active: boolean): void {
      hearing = active;
      forget();
    },

    /** Writes the turns taken here that are still owed (before the server stops). */
    settle: settled,
  };
}
