/**
 * What the typed client promises, checked by the compiler alone (`tsc`): nothing imports this
 * file and nothing runs it. Each call is declared, never made.
 */
import type { TCatiCase } from '../../contracts/cati.contracts';
import type { TInstitution, TInstitutionPage } from '../../contracts/institutions.contracts';
import type {
  TRequestDetail,
  TRequestSummary,
  TWorkCounts,
} from '../../contracts/requests.contracts';
import type { api } from './client';

/** Whether two types are one; `any` is never the same as anything. */
type Same<A, B> = 0 extends 1 & A
  ? false
  : [A] extends [B]
    ? [B] extends [A]
      ? true
      : false
    : false;
type Answer<Call extends (...args: never[]) => unknown> = Awaited<ReturnType<Call>>;

declare const id: string;
type Action = 'state' | 'referral';
declare const client: typeof api;

/** A fixed path, a path with a parameter, a fixed segment beside a parameter, a 204 and a union. */
export const answers: [
  Same<Answer<() => ReturnType<typeof client.get<`/institutions/${string}`>>>, TInstitution>,
  Same<Answer<() => ReturnType<typeof client.get<'/institutions'>>>, TInstitutionPage>,
  Same<Answer<() => ReturnType<typeof client.get<'/requests/counts'>>>, TWorkCounts>,
  Same<Answer<() => ReturnType<typeof client.get<`/requests/${string}`>>>, TRequestDetail>,
  Same<
    Answer<() => ReturnType<typeof client.post<`/requests/${string}/${Action}`>>>,
    TRequestSummary
  >,
  Same<Answer<() => ReturnType<typeof client.post<'/cati/next'>>>, TCatiCase | undefined>,
  Same<Answer<() => ReturnType<typeof client.post<'/news/read-all'>>>, undefined>,
] = [true, true, true, true, true, true, true];

/** Calls the table refuses. */
export function refused() {
  // @ts-expect-error no route takes the path
  void client.get(`/institutionz/${id}`);
  // @ts-expect-error a path the compiler cannot read is no route
  void client.get(id);
  // @ts-expect-error a field the route's query does not have
  void client.get('/institutions', { pageSiz: 5 });
  // @ts-expect-error a field the route's body does not have
  void client.post('/institutions', { name: 'Iestāde', kind: 'state', nmae: 'x' });
  // @ts-expect-error the route takes a body
  void client.patch(`/institutions/${id}`);
  // @ts-expect-error no DELETE at the path
  void client.delete('/requests/counts');
  // @ts-expect-error a file's bytes are linked, not fetched
  void client.get(`/articles/${id}/pdf`);
  // @ts-expect-error not an upload route
  void client.upload('/institutions', new FormData());
}
