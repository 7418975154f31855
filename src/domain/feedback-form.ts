/**
 * The public feedback form's fill time (issue 16): a form carries the moment it was issued,
 * signed by the server, and a submission is taken only if a person could have filled it in — not
 * sooner than a few seconds after it was issued — and only while the form is fresh. Pure: the
 * server signs and checks the signature, this reads the token and decides.
 */

/** A person needs longer than this to choose, type and send; a bot posting at once does not. */
export const MIN_FILL_MILLISECONDS = 3_000;

/** A form left open longer than this is issued again, so an old token cannot be replayed forever. */
export const MAX_FORM_AGE_MILLISECONDS = 24 * 60 * 60 * 1000;

/** Why a token does not let a submission through; `ok` when it does. */
export type FillTimeVerdict = 'ok' | 'too_fast' | 'expired' | 'invalid';

/** The text that is signed and travels in the form: the issue time in milliseconds. */
export const fillTokenPayload = (issuedAt: Date): string => String(issuedAt.getTime());

/** The token put into the form: the payload and its signature. */
export const fillToken = (payload: string, signature: string): string => `${payload}.${signature}`;

/** A token's parts, or null when it is not one (missing, mangled, a time that is not a number). */
export function readFillToken(
  token: string,
): { payload: string; signature: string; issuedAt: number } | null {
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{16,128})$/.exec(token);
  if (!match) return null;
  const [, payload = '', signature = ''] = match;
  return { payload, signature, issuedAt: Number(payload) };
}

/** Whether a form issued at `issuedAt` (milliseconds) may be submitted at `now`. */
export function fillTimeVerdict(issuedAt: number, now: Date): FillTimeVerdict {
  const elapsed = now.getTime() - issuedAt;
  // A time in the future was not issued by this server's clock (or the clocks of two servers
  // disagree by more than the minimum): treated as too fast, so the person simply sends again.
  if (elapsed < MIN_FILL_MILLISECONDS) return 'too_fast';
  if (elapsed > MAX_FORM_AGE_MILLISECONDS) return 'expired';
  return 'ok';
}
