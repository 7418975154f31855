import type { TCallStreamMessage } from '../../../contracts/telephony.contracts';

/**
 * The caller cards on screen after one message of the call stream: a ringing call with its card
 * comes in (once, however often it is repeated); a call another clerk picked up, or that ended
 * unanswered, goes (it is a callback now); a call one answered oneself stays, so that its contact
 * can be started after the call, until one dismisses it.
 */
export function ringingCallsAfter(
  shown: readonly TCallStreamMessage[],
  message: TCallStreamMessage,
  meId: string,
): TCallStreamMessage[] {
  const { call } = message;
  const others = shown.filter((each) => each.call.id !== call.id);
  const before = shown.find((each) => each.call.id === call.id);
  if (call.state === 'ringing') return message.card ? [...others, message] : others;
  if (!before) return others;
  const mine = call.staff?.id === meId && (call.state === 'answered' || call.state === 'ended');
  return mine ? [...others, { call, card: before.card }] : others;
}
