import { describe, expect, it } from 'vitest';
import type { TCall, TCallStreamMessage } from '../../../contracts/telephony.contracts';
import { ringingCallsAfter } from './ringing-calls';

const ME = '00000000-0000-4000-8000-000000000001';
const COLLEAGUE = '00000000-0000-4000-8000-000000000002';
const person = (id: string) => ({
  id,
  givenName: 'Ilze',
  surname: 'Bērziņa',
  position: 'Speciāliste',
  phone: null,
  email: 'ilze@example.lv',
});

function message(
  id: string,
  state: TCall['state'],
  staffId: string | null = null,
): TCallStreamMessage {
  const call: TCall = {
    id,
    direction: 'in',
    state,
    from: '+37126000001',
    to: '67000000',
    number: '+37126000001',
    unit: null,
    client: null,
    staff: staffId ? person(staffId) : null,
    startedAt: '2026-03-03T09:00:00Z',
    answeredAt: null,
    endedAt: null,
    hangupCause: null,
    transferredTo: null,
    durationSeconds: null,
    hasRecording: false,
    contactId: null,
    requestId: null,
    callbackId: null,
  };
  const card = { number: call.number, clients: [], openRequests: [], promises: [] };
  return { call, card: state === 'ringing' ? card : null };
}

const CALL = '10000000-0000-4000-8000-000000000001';

describe('ringingCallsAfter', () => {
  it('shows a ringing call once, however often it is repeated', () => {
    const once = ringingCallsAfter([], message(CALL, 'ringing'), ME);
    expect(ringingCallsAfter(once, message(CALL, 'ringing'), ME)).toHaveLength(1);
  });

  it('keeps the card of a call one answered, with its caller', () => {
    const ringing = ringingCallsAfter([], message(CALL, 'ringing'), ME);
    const answered = ringingCallsAfter(ringing, message(CALL, 'answered', ME), ME);
    expect(answered).toHaveLength(1);
    expect(answered[0]?.call.state).toBe('answered');
    expect(answered[0]?.card?.number).toBe('+37126000001');
    expect(ringingCallsAfter(answered, message(CALL, 'ended', ME), ME)).toHaveLength(1);
  });

  it('takes away a call a colleague answered or that nobody did', () => {
    const ringing = ringingCallsAfter([], message(CALL, 'ringing'), ME);
    expect(ringingCallsAfter(ringing, message(CALL, 'answered', COLLEAGUE), ME)).toEqual([]);
    expect(ringingCallsAfter(ringing, message(CALL, 'missed'), ME)).toEqual([]);
  });

  it('ignores the end of a call it never showed', () => {
    expect(ringingCallsAfter([], message(CALL, 'ended', ME), ME)).toEqual([]);
  });
});
