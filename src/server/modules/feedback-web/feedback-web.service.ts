import { createHmac, randomBytes } from 'node:crypto';
import {
  fillTimeVerdict,
  fillToken,
  fillTokenPayload,
  readFillToken,
  type FillTimeVerdict,
} from '../../../domain/feedback-form';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import { sameSecret } from '../../http/secrets';
import {
  findAnswerPolicy,
  keepServerKey,
  listFormStaff,
  listFormUnits,
  type FormStaff,
  type FormUnit,
} from './feedback-web.repository';

// What the public feedback pages need besides the feedback module itself: the units and staff a
// resident can choose from, the answer's deadline to promise, and the signed fill-time token.

/** The key's name among the server's keys; a form is signed with it and checked against it. */
const FORM_KEY = 'feedback-form';

export interface FormChoices {
  units: FormUnit[];
  staff: FormStaff[];
}

export function createFeedbackWebService(deps: { db: Executor; clock: Clock }) {
  const { db, clock } = deps;

  // Read once per process: every worker reads the same key, made by the first that asked.
  let key: Promise<Buffer> | null = null;
  const keyOf = (): Promise<Buffer> => {
    key ??= keepServerKey(db, FORM_KEY, randomBytes(32), clock.now()).catch((error: unknown) => {
      key = null;
      throw error;
    });
    return key;
  };
  const sign = async (payload: string) =>
    createHmac('sha256', await keyOf())
      .update(`${FORM_KEY}:${payload}`)
      .digest('base64url');

  return {
    async choices(): Promise<FormChoices> {
      const units = await listFormUnits(db);
      const staff = await listFormStaff(
        db,
        units.map((unit) => unit.id),
      );
      return { units, staff };
    },

    /** The unit of a counter's printed page, if it is one residents can choose on the form. */
    async formUnit(id: string): Promise<FormUnit | null> {
      const units = await listFormUnits(db);
      return units.find((unit) => unit.id === id) ?? null;
    },

    /** The working days an answer may take, to promise on the thanks page; null if not so counted. */
    async answerDays(): Promise<number | null> {
      const policy = await findAnswerPolicy(db);
      return policy?.unit === 'working_days' ? policy.count : null;
    },

    /** A token of this moment, signed, for a form about to be shown. */
    async issueToken(): Promise<string> {
      const payload = fillTokenPayload(clock.now());
      return fillToken(payload, await sign(payload));
    },

    /** Whether a posted form's token is ours, and was issued long enough ago but not too long. */
    async checkToken(token: string): Promise<FillTimeVerdict> {
      const read = readFillToken(token);
      if (!read || !sameSecret(await sign(read.payload), read.signature)) return 'invalid';
      return fillTimeVerdict(read.issuedAt, clock.now());
    },
  };
}
export type FeedbackWebService = ReturnType<typeof createFeedbackWebService>;
