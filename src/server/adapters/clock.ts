/** Where the server gets the time: the wall clock in production, a set time in tests. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
