/** A number as a `tel:` link dials it: only digits and a leading "+" may stay. */
export function telHref(number: string): string {
  return `tel:${number.replace(/[^0-9+]/g, '')}`;
}

/** A call's voicemail recording, played in the browser straight from the server. */
export function recordingUrl(callId: string): string {
  return `/api/v1/calls/${callId}/recording`;
}

/**
 * The reception form preset for a phone contact about a call: the channel, the call to link the
 * contact to once it is made, the client when known and the caller's number.
 */
export function phoneContactHref(call: {
  callId: string;
  number: string;
  clientId: string | null;
}): string {
  const params = new URLSearchParams({
    channel: 'phone',
    callId: call.callId,
    number: call.number,
  });
  if (call.clientId) params.set('clientId', call.clientId);
  return `/reception?${params.toString()}`;
}
