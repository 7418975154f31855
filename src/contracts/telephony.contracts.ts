import { z } from 'zod';
import {
  ATTEMPT_OUTCOMES,
  CALLBACK_CLOSINGS,
  CALLBACK_KINDS,
  CALLBACK_STATES,
  CALL_DIRECTIONS,
  CALL_EVENTS,
  CALL_STATES,
  HANGUP_CAUSES,
  ROTATIONS,
} from '../domain/calls';
import { ClientSummary } from './clients.contracts';
import { Commitment } from './commitments.contracts';
import { IsoDate, OptionalText, PageQuery, PersonContact, Text, Version, pageOf } from './common';
import { RequestSummary } from './requests.contracts';

// The phone channel (clauses 15–17): what the telephone exchange sends and asks, and what staff
// see and do with calls, callbacks and voicemail. The exchange authenticates with the token of an
// exchange (`Authorization: Bearer apx_…`), staff with their session.

const UnitRef = z.object({ id: z.uuid(), name: z.string() });
const Instant = z.iso.datetime({ offset: true });
/** A phone number as an exchange writes it: digits, "+", spaces, dashes, brackets. */
const PhoneNumber = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^\+?[0-9][0-9 ()-]*$/, { message: 'invalid_phone' });
/** The caller's number, or "anonymous" when they withheld it (the call is logged all the same). */
const CallerNumber = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^(anonymous|\+?[0-9][0-9 ()-]*)$/i, { message: 'invalid_phone' });
/** An extension (internal number) of the exchange. */
const Extension = z
  .string()
  .trim()
  .regex(/^[0-9*#]{1,16}$/, { message: 'invalid_extension' });
/** The digit a caller presses in the information line's menu. */
const MenuKey = z.string().regex(/^[0-9]$/, { message: 'invalid_menu_key' });

export const CallEventName = z.enum(CALL_EVENTS);
export const CallDirection = z.enum(CALL_DIRECTIONS);
export const HangupCause = z.enum(HANGUP_CAUSES);
export const CallState = z.enum(CALL_STATES);
export const Rotation = z.enum(ROTATIONS);
export const CallbackKind = z.enum(CALLBACK_KINDS);
export const CallbackState = z.enum(CALLBACK_STATES);
export const AttemptOutcome = z.enum(ATTEMPT_OUTCOMES);
export const CallbackClosing = z.enum(CALLBACK_CLOSINGS);

// ── The exchange's side ──────────────────────────────────────────────────────────────────────

/** The fields every event carries: the exchange's own id of the call and when it happened. */
const EventBase = {
  /** The exchange's id of the call (Asterisk: ${UNIQUEID}); with the event, the idempotency key. */
  callId: z.string().trim().min(1).max(100),
  at: Instant,
};

/**
 * One call event, in the shape of the common CTI integrations (Zammad's generic CTI API): sent
 * once per event; a repeat of the same (call, event) is answered as before and changes nothing,
 * and events may arrive in any order. The recording of a voicemail comes as a URL the server
 * fetches once, or as base64 in the body (up to 10 MB).
 */
export const CallEventBody = z.discriminatedUnion('event', [
  z.strictObject({
    event: z.literal('new_call'),
    ...EventBase,
    direction: CallDirection,
    from: CallerNumber,
    to: PhoneNumber,
    /** The extension that rings (incoming) or that dialled (outgoing), when known. */
    extension: Extension.optional(),
  }),
  z.strictObject({
    event: z.literal('answer'),
    ...EventBase,
    /** The extension that picked up. */
    extension: Extension.optional(),
  }),
  z.strictObject({
    event: z.literal('hangup'),
    ...EventBase,
    cause: HangupCause,
  }),
  z.strictObject({
    event: z.literal('transfer'),
    ...EventBase,
    /** The extension or number the call went on to. */
    to: z.union([Extension, PhoneNumber]),
  }),
  z
    .strictObject({
      event: z.literal('voicemail'),
      ...EventBase,
      /** The menu key the caller chose on the information line; none: client service triages. */
      menuKey: MenuKey.optional(),
      recordingUrl: z
        .url({ protocol: /^https?$/, message: 'invalid_url' })
        .max(1000)
        .optional(),
      /** The recording itself, base64. */
      recording: z.base64().max(14_000_000).optional(),
      /** The recording's type, e.g. audio/wav or audio/mpeg. */
      contentType: z
        .string()
        .regex(/^audio\/[a-z0-9.+-]+$/, { message: 'invalid_content_type' })
        .default('audio/wav'),
    })
    .refine((body) => (body.recordingUrl === undefined) !== (body.recording === undefined), {
      message: 'recording_url_or_upload',
      path: ['recording'],
    }),
]);
export type TCallEventBody = z.infer<typeof CallEventBody>;

export const CallEventAnswer = z.object({
  /** Apkalpo's id of the call. */
  id: z.uuid(),
  state: CallState,
  /** False when this (call, event) had arrived before: nothing changed. */
  applied: z.boolean(),
});
export type TCallEventAnswer = z.infer<typeof CallEventAnswer>;

export const RouteQuery = z.strictObject({
  /** The number called: a unit's line. */
  number: PhoneNumber,
  /** The exchange's call id, so the answer is kept with the call. */
  callId: z.string().trim().min(1).max(100).optional(),
});
export type TRouteQuery = z.infer<typeof RouteQuery>;

export const RouteTarget = z.object({
  extension: z.string(),
  staffId: z.uuid(),
  /** Standing in for an absent member of the unit, rung after the unit's own staff. */
  substitute: z.boolean(),
});

/** The extensions to ring, in order; empty: nobody is free, the exchange offers voicemail. */
export const RouteAnswer = z.object({
  unitId: z.uuid().nullable(),
  rotation: Rotation.nullable(),
  extensions: z.array(RouteTarget),
  /** The same, comma-separated, for a dialplan (Asterisk: Dial(PJSIP/${...})). */
  dial: z.string(),
});
export type TRouteAnswer = z.infer<typeof RouteAnswer>;

// ── Administration: exchanges, lines, extensions ────────────────────────────────────────────

export const Exchange = z.object({
  id: z.uuid(),
  name: z.string(),
  /** The first characters of the token, to tell tokens apart; the token itself is shown once. */
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TExchange = z.infer<typeof Exchange>;

export const CreatedExchange = Exchange.extend({ token: z.string() });
export type TCreatedExchange = z.infer<typeof CreatedExchange>;

export const CreateExchangeBody = z.strictObject({ name: Text(100) });
export type TCreateExchangeBody = z.infer<typeof CreateExchangeBody>;

export const ListExchangesQuery = z.strictObject({
  includeRevoked: z.stringbool().default(false),
  ...PageQuery,
});
export type TListExchangesQuery = z.infer<typeof ListExchangesQuery>;

export const ExchangePage = pageOf(Exchange);

/** A unit's phone line: its number, how calls rotate, its key in the information line's menu. */
export const PhoneLine = z.object({
  unit: UnitRef,
  number: z.string(),
  rotation: Rotation,
  menuKey: z.string().nullable(),
  /** The free information line: client service answers it and triages its voicemail (17). */
  informationLine: z.boolean(),
  version: z.int(),
});
export type TPhoneLine = z.infer<typeof PhoneLine>;

export const UnitParams = z.strictObject({ unitId: z.uuid() });

export const PutPhoneLineBody = z.strictObject({
  number: PhoneNumber,
  rotation: Rotation.default('round_robin'),
  menuKey: MenuKey.nullable().default(null),
  informationLine: z.boolean().default(false),
  /** The version read; absent when the unit has no line yet. */
  version: Version.optional(),
});
export type TPutPhoneLineBody = z.infer<typeof PutPhoneLineBody>;

export const ListPhoneLinesQuery = z.strictObject({ ...PageQuery });
export const PhoneLinePage = pageOf(PhoneLine);

export const StaffParams = z.strictObject({ staffId: z.uuid() });

export const StaffExtension = z.object({
  staff: PersonContact,
  extension: z.string().nullable(),
});
export type TStaffExtension = z.infer<typeof StaffExtension>;

export const PutExtensionBody = z.strictObject({
  /** The person's extension; null takes it away (they are no longer rung). */
  extension: Extension.nullable(),
});
export type TPutExtensionBody = z.infer<typeof PutExtensionBody>;

export const ListExtensionsQuery = z.strictObject({ unitId: z.uuid(), ...PageQuery });
export const StaffExtensionPage = pageOf(StaffExtension);

// ── Calls ────────────────────────────────────────────────────────────────────────────────────

export const Call = z.object({
  id: z.uuid(),
  direction: CallDirection,
  state: CallState,
  from: z.string(),
  to: z.string(),
  /** The resident's number: the caller of an incoming call, the one called of an outgoing one. */
  number: z.string(),
  unit: UnitRef.nullable(),
  client: ClientSummary.nullable(),
  /** Who answered (incoming) or called (outgoing). */
  staff: PersonContact.nullable(),
  startedAt: z.string(),
  answeredAt: z.string().nullable(),
  endedAt: z.string().nullable(),
  hangupCause: HangupCause.nullable(),
  transferredTo: z.string().nullable(),
  /** Seconds from answer to hangup. */
  durationSeconds: z.int().nullable(),
  hasRecording: z.boolean(),
  /** The contact logged for this call (reason, answer, agreed actions), once there is one. */
  contactId: z.uuid().nullable(),
  /** The request a voicemail became, once released at the start of the working day. */
  requestId: z.uuid().nullable(),
  callbackId: z.uuid().nullable(),
});
export type TCall = z.infer<typeof Call>;

export const ListCallsQuery = z.strictObject({
  clientId: z.uuid().optional(),
  unitId: z.uuid().optional(),
  /** The call a request came from (a voicemail's recording on its request page). */
  requestId: z.uuid().optional(),
  state: CallState.optional(),
  ...PageQuery,
});
export type TListCallsQuery = z.infer<typeof ListCallsQuery>;

export const CallPage = pageOf(Call);
export type TCallPage = z.infer<typeof CallPage>;

/** Ties a call to the contact logged for it (through the reception flow, channel phone). */
export const LinkCallContactBody = z.strictObject({ contactId: z.uuid() });
export type TLinkCallContactBody = z.infer<typeof LinkCallContactBody>;

// ── Callbacks ────────────────────────────────────────────────────────────────────────────────

export const CallbackAttempt = z.object({
  id: z.uuid(),
  at: z.string(),
  staff: PersonContact.nullable(),
  outcome: AttemptOutcome,
  note: z.string().nullable(),
});
export type TCallbackAttempt = z.infer<typeof CallbackAttempt>;

/** A missed call or a voicemail owed a call back, on its unit's list. */
export const Callback = z.object({
  id: z.uuid(),
  kind: CallbackKind,
  state: CallbackState,
  callId: z.uuid(),
  number: z.string(),
  client: ClientSummary.nullable(),
  unit: UnitRef,
  /** When the call came in. */
  calledAt: z.string(),
  /** On the unit's list from this moment (a voicemail: the start of the next working day). */
  visibleFrom: z.string(),
  /** Due by the callback policy (`callback`): the same working day before 15:00, else the next. */
  dueAt: z.string(),
  overdue: z.boolean(),
  claimedBy: PersonContact.nullable(),
  claimedAt: z.string().nullable(),
  attempts: z.array(CallbackAttempt),
  /** How many tries the policy allows before it closes unanswered. */
  maxAttempts: z.int(),
  closedAt: z.string().nullable(),
  closing: CallbackClosing.nullable(),
  /** The request a voicemail became. */
  requestId: z.uuid().nullable(),
  hasRecording: z.boolean(),
  version: z.int(),
});
export type TCallback = z.infer<typeof Callback>;

export const ListCallbacksQuery = z.strictObject({
  /** The unit's list; without it, those of every unit one belongs to. */
  unitId: z.uuid().optional(),
  /** Open and claimed (the default: still owed), or closed. */
  state: z.enum(['owed', 'open', 'claimed', 'closed']).default('owed'),
  /** Only those one has claimed. */
  mine: z.stringbool().default(false),
  ...PageQuery,
});
export type TListCallbacksQuery = z.infer<typeof ListCallbacksQuery>;

export const CallbackPage = pageOf(Callback);
export type TCallbackPage = z.infer<typeof CallbackPage>;

export const CallbackAttemptBody = z.strictObject({
  outcome: AttemptOutcome,
  note: OptionalText(2000),
});
export type TCallbackAttemptBody = z.infer<typeof CallbackAttemptBody>;

export const CloseCallbackBody = z.strictObject({
  note: OptionalText(2000),
  version: Version,
});
export type TCloseCallbackBody = z.infer<typeof CloseCallbackBody>;

// ── Load ─────────────────────────────────────────────────────────────────────────────────────

export const LoadQuery = z
  .strictObject({
    /** One unit; without it every unit with calls. */
    unitId: z.uuid().optional(),
    /** The first and last day counted (Riga time); the last 4 weeks when not given. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    message: 'range_reversed',
    path: ['to'],
  });
export type TLoadQuery = z.infer<typeof LoadQuery>;

/** Incoming calls of one unit in one hour of one weekday (Riga time) over the period. */
export const LoadCell = z.object({
  unitId: z.uuid(),
  /** 1 Monday … 7 Sunday. */
  weekday: z.int().min(1).max(7),
  /** 0 … 23. */
  hour: z.int().min(0).max(23),
  answered: z.int(),
  missed: z.int(),
  /** Missed calls whose callback reached the caller by its due time. */
  calledBackInTime: z.int(),
  voicemail: z.int(),
});
export type TLoadCell = z.infer<typeof LoadCell>;

export const Load = z.object({
  from: IsoDate,
  to: IsoDate,
  units: z.array(UnitRef),
  cells: z.array(LoadCell),
});
export type TLoad = z.infer<typeof Load>;

// ── The caller card ──────────────────────────────────────────────────────────────────────────

export const CallerQuery = z.strictObject({ number: PhoneNumber });

/**
 * Who is calling, for the card that appears when the phone rings: the clients with this number
 * (usually one), their open requests and open promises.
 */
export const CallerCard = z.object({
  number: z.string(),
  clients: z.array(ClientSummary),
  openRequests: z.array(RequestSummary),
  promises: z.array(Commitment),
});
export type TCallerCard = z.infer<typeof CallerCard>;

/**
 * One message of the server-sent events stream `GET /telephony/stream` (event name `call`): a
 * call that rings one's extension or one's unit's line, answered, or ended. The card comes with
 * `ringing` only.
 */
export const CallStreamMessage = z.object({
  call: Call,
  card: CallerCard.nullable(),
});
export type TCallStreamMessage = z.infer<typeof CallStreamMessage>;
