import type { TDayOff, TTransfer } from '../../contracts/calendar.contracts';
import type { FieldValues } from 'react-hook-form';
import { api } from './client';

/** The calendar facts an administrator keeps by year, by the path each is kept at. */
export interface Facts {
  '/calendar/transfers': TTransfer;
  '/calendar/days-off': TDayOff;
}

interface FactCalls<P extends keyof Facts> {
  list: (year: number) => Promise<{ items: Facts[P][] }>;
  /** The panel's form values; each kind's `add` sends them to its own route. */
  add: (values: FieldValues) => Promise<Facts[P]>;
  remove: (fact: Facts[P]) => Promise<undefined>;
}

/**
 * Each kind of fact's calls, written out per path so each is typed by its route; one panel shows
 * either kind (`factCalls[path]` keeps the kind's row type).
 */
export const factCalls: { [P in keyof Facts]: FactCalls<P> } = {
  '/calendar/transfers': {
    list: (year) => api.get('/calendar/transfers', { year }),
    add: (values) => api.post('/calendar/transfers', values),
    remove: (fact) => api.delete(`/calendar/transfers/${fact.id}`, { version: fact.version }),
  },
  '/calendar/days-off': {
    list: (year) => api.get('/calendar/days-off', { year }),
    add: (values) => api.post('/calendar/days-off', values),
    remove: (fact) => api.delete(`/calendar/days-off/${fact.id}`, { version: fact.version }),
  },
};
