import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createScheduler, type Job } from './jobs';
import { openTestDatabaseTwice } from './testing/test-database';

function quietLogger() {
  return {
    warn: vi.fn<(fields: { job: string; err: unknown }, message: string) => void>(),
    debug: vi.fn(),
  };
}

/** A job whose every run lasts until it is let go, counting its runs. */
function heldJob(name: string) {
  let release: () => void = () => undefined;
  let started: () => void = () => undefined;
  const held = {
    runs: 0,
    /** Settles when the next run has begun. */
    nextStart: () =>
      new Promise<void>((resolve) => {
        started = resolve;
      }),
    release: () => release(),
    job: {
      name,
      everyMs: 60_000,
      run: () => {
        held.runs += 1;
        const running = new Promise<void>((resolve) => {
          release = resolve;
        });
        started();
        return running;
      },
    } satisfies Job,
  };
  return held;
}

describe('background jobs across workers and instances', () => {
  // Two pools of one PostgreSQL database, as two workers or instances open it (on PGlite, one
  // process: the same database twice).
  let instances: Awaited<ReturnType<typeof openTestDatabaseTwice>>;
  beforeAll(async () => {
    instances = await openTestDatabaseTwice(inject('testDatabase'));
  });
  afterAll(() => instances.close());

  it('runs a tick in one place while two compete for it, and the next tick again', async () => {
    const held = heldJob('competing');
    const first = createScheduler({
      jobs: [held.job],
      database: instances.first,
      logger: quietLogger(),
    });
    const second = createScheduler({
      jobs: [held.job],
      database: instances.second,
      logger: quietLogger(),
    });

    const firstStarted = held.nextStart();
    const firstTick = first.tick('competing');
    await firstStarted;
    const secondTick = await second.tick('competing');
    held.release();

    expect([await firstTick, secondTick]).toEqual([true, false]);
    expect(held.runs).toBe(1);

    const nextStarted = held.nextStart();
    const next = second.tick('competing');
    await nextStarted;
    held.release();
    expect(await next).toBe(true);
    expect(held.runs).toBe(2);
  });

  it('logs a failing tick, lets the lock go, and runs the job again next time', async () => {
    let runs = 0;
    const logger = quietLogger();
    const scheduler = createScheduler({
      jobs: [
        {
          name: 'failing-once',
          everyMs: 60_000,
          run: () => {
            runs += 1;
            return runs === 1
              ? Promise.reject(new Error('the mail server is away'))
              : Promise.resolve();
          },
        },
      ],
      database: instances.first,
      logger,
    });

    await scheduler.tick('failing-once');

    expect(logger.warn).toHaveBeenCalledTimes(1);
    const [fields, message] = logger.warn.mock.calls[0] ?? [];
    expect(fields?.job).toBe('failing-once');
    expect(fields?.err).toEqual(new Error('the mail server is away'));
    expect(message).toContain('failed');
    expect(await scheduler.tick('failing-once')).toBe(true);
    expect(runs).toBe(2);
  });

  it('waits for the tick running here when it stops', async () => {
    const held = heldJob('stopping');
    const scheduler = createScheduler({
      jobs: [held.job],
      database: instances.first,
      logger: quietLogger(),
    });
    const started = held.nextStart();
    const tick = scheduler.tick('stopping');
    await started;

    let stopped = false;
    const stopping = scheduler.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(stopped).toBe(false);

    held.release();
    await stopping;
    expect(await tick).toBe(true);
  });
});

describe('when the jobs tick', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('at every multiple of the interval on the wall clock, a failure not stopping the next', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(10_000 * 60 + 2_500);
    const ticks: number[] = [];
    const logger = quietLogger();
    const scheduler = createScheduler({
      jobs: [
        {
          name: 'every-ten-seconds',
          everyMs: 10_000,
          run: () => {
            ticks.push(Date.now());
            return ticks.length === 1 ? Promise.reject(new Error('down')) : Promise.resolve();
          },
        },
      ],
      // Every tick gets the lock: what this shows is when the ticks come.
      database: {
        tryExclusively: async (_name, work) => {
          await work();
          return true;
        },
      },
      logger,
    });

    scheduler.start();
    await vi.advanceTimersByTimeAsync(7_499);
    expect(ticks).toEqual([]);
    await vi.advanceTimersByTimeAsync(1 + 20_000);

    expect(ticks).toEqual([610_000, 620_000, 630_000]);
    expect(logger.warn).toHaveBeenCalledTimes(1);

    await scheduler.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(ticks).toHaveLength(3);
  });
});
