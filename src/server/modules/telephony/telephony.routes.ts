import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  Call,
  CallEventAnswer,
  CallEventBody,
  CallPage,
  Callback,
  CallbackAttemptBody,
  CallbackPage,
  CallerCard,
  CallerQuery,
  CloseCallbackBody,
  CreateExchangeBody,
  CreatedExchange,
  Exchange,
  ExchangePage,
  LinkCallContactBody,
  ListCallbacksQuery,
  ListCallsQuery,
  ListExchangesQuery,
  ListExtensionsQuery,
  ListPhoneLinesQuery,
  Load,
  LoadQuery,
  PhoneLine,
  PhoneLinePage,
  PutExtensionBody,
  PutPhoneLineBody,
  RouteAnswer,
  RouteQuery,
  StaffExtension,
  StaffExtensionPage,
  StaffParams,
  UnitParams,
} from '../../../contracts/telephony.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import { byteRangeOf } from '../../http/download';
import type { TelephonyService } from './telephony.service';

const tags = ['Telephony'];
/** A comment line this often keeps proxies and browsers from closing a quiet stream. */
export const STREAM_PING_MS = 25_000;
/** How long a browser waits before it reconnects a dropped stream. */
const STREAM_RETRY_MS = 5_000;

export function telephonyRoutes(app: Api, deps: { telephony: TelephonyService }): void {
  const { telephony } = deps;

  app.post(
    '/api/v1/telephony/events',
    {
      // A recording may come in the body, base64.
      bodyLimit: 15 * 1024 * 1024,
      schema: {
        tags,
        summary: 'A call event from the exchange (its token); a repeat changes nothing',
        body: CallEventBody,
        response: responses({ 200: CallEventAnswer }, 400, 403),
      },
    },
    (request) => telephony.event(contextOf(request), request.body),
  );

  app.get(
    '/api/v1/telephony/route',
    {
      schema: {
        tags,
        summary: 'The extensions to ring for a call to a unit’s number, by its rotation',
        querystring: RouteQuery,
        response: responses({ 200: RouteAnswer }, 400, 403),
      },
    },
    (request) => telephony.route(contextOf(request), request.query.number),
  );

  app.get(
    '/api/v1/telephony/exchanges',
    {
      schema: {
        tags,
        summary: 'Telephone exchanges allowed to report calls',
        querystring: ListExchangesQuery,
        response: responses({ 200: ExchangePage }, 400, 403),
      },
    },
    (request) => telephony.listExchanges(contextOf(request), request.query),
  );

  app.post(
    '/api/v1/telephony/exchanges',
    {
      schema: {
        tags,
        summary: 'Issue an exchange’s token; shown only in this answer',
        body: CreateExchangeBody,
        response: responses({ 201: CreatedExchange }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await telephony.createExchange(contextOf(request), request.body)),
  );

  app.post(
    '/api/v1/telephony/exchanges/:id/revoke',
    {
      schema: {
        tags,
        summary: 'Revoke an exchange’s token',
        params: IdParams,
        response: responses({ 200: Exchange }, 403, 404),
      },
    },
    (request) => telephony.revokeExchange(contextOf(request), request.params.id),
  );

  app.get(
    '/api/v1/telephony/lines',
    {
      schema: {
        tags,
        summary: 'Units’ phone lines',
        querystring: ListPhoneLinesQuery,
        response: responses({ 200: PhoneLinePage }, 400, 403),
      },
    },
    (request) => telephony.listLines(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/telephony/lines/:unitId',
    {
      schema: {
        tags,
        summary: 'A unit’s phone line',
        params: UnitParams,
        response: responses({ 200: PhoneLine }, 404),
      },
    },
    (request) => telephony.getLine(contextOf(request), request.params.unitId),
  );

  app.put(
    '/api/v1/telephony/lines/:unitId',
    {
      schema: {
        tags,
        summary: 'Set a unit’s number, rotation and menu key',
        params: UnitParams,
        body: PutPhoneLineBody,
        response: responses({ 200: PhoneLine }, 400, 403, 404, 409),
      },
    },
    (request) => telephony.putLine(contextOf(request), request.params.unitId, request.body),
  );

  app.get(
    '/api/v1/telephony/extensions',
    {
      schema: {
        tags,
        summary: 'A unit’s staff with their extensions',
        querystring: ListExtensionsQuery,
        response: responses({ 200: StaffExtensionPage }, 400, 403),
      },
    },
    (request) => telephony.listExtensions(contextOf(request), request.query),
  );

  app.put(
    '/api/v1/telephony/extensions/:staffId',
    {
      schema: {
        tags,
        summary: 'Set or take away a person’s extension',
        params: StaffParams,
        body: PutExtensionBody,
        response: responses({ 200: StaffExtension }, 400, 403, 404),
      },
    },
    (request) => telephony.putExtension(contextOf(request), request.params.staffId, request.body),
  );

  app.post(
    '/api/v1/telephony/calls/:id/contact',
    {
      schema: {
        tags,
        summary: 'Tie a call to the contact logged for it (reason, answer, agreed actions)',
        params: IdParams,
        body: LinkCallContactBody,
        response: responses({ 200: Call }, 400, 403, 404, 409),
      },
    },
    (request) => telephony.linkContact(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/telephony/caller',
    {
      schema: {
        tags,
        summary: 'The caller card: clients with the number, their open requests and promises',
        querystring: CallerQuery,
        response: responses({ 200: CallerCard }, 400, 403),
      },
    },
    (request) => telephony.callerCard(contextOf(request), request.query.number),
  );

  // The streams open now: ended when the server closes, which would otherwise wait for them.
  const streams = new Set<ServerResponse>();
  app.addHook('preClose', (done) => {
    for (const stream of streams) stream.end();
    done();
  });

  app.get(
    '/api/v1/telephony/stream',
    {
      schema: {
        tags,
        summary:
          'Server-sent events (`event: call`, data a CallStreamMessage) for the calls that ring one’s extension or unit’s line; the caller card while ringing',
        response: responses({ 200: z.any() }, 403),
      },
    },
    (request, reply) => {
      const raw = reply.raw;
      const write = (text: string) => {
        if (!raw.writableEnded) raw.write(text);
      };
      // Subscribing checks the permission, so a refusal is still an ordinary problem+json.
      const unsubscribe = telephony.subscribe(contextOf(request), (message) =>
        write(`event: call\ndata: ${JSON.stringify(message)}\n\n`),
      );
      reply.hijack();
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        // nginx would otherwise hold the events back in its buffer.
        'x-accel-buffering': 'no',
      });
      write(`retry: ${STREAM_RETRY_MS}\n\n`);
      const ping = setInterval(() => write(': ping\n\n'), STREAM_PING_MS);
      streams.add(raw);
      raw.on('close', () => {
        clearInterval(ping);
        unsubscribe();
        streams.delete(raw);
      });
    },
  );

  app.get(
    '/api/v1/telephony/load',
    {
      schema: {
        tags,
        summary:
          'Incoming calls per unit, weekday and hour: answered, missed, called back in time, voicemail',
        querystring: LoadQuery,
        response: responses({ 200: Load }, 400, 403),
      },
    },
    (request) => telephony.load(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/calls',
    {
      schema: {
        tags,
        summary: 'The call log of a client, a unit or a request',
        querystring: ListCallsQuery,
        response: responses({ 200: CallPage }, 400, 403),
      },
    },
    (request) => telephony.listCalls(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/calls/:id',
    {
      schema: {
        tags,
        summary: 'A call',
        params: IdParams,
        response: responses({ 200: Call }, 404),
      },
    },
    (request) => telephony.getCall(contextOf(request), request.params.id),
  );

  app.get(
    '/api/v1/calls/:id/recording',
    {
      schema: {
        tags,
        summary: 'A voicemail’s recording; byte ranges are served, so it streams',
        params: IdParams,
        response: responses({ 200: z.any(), 206: z.any(), 416: z.any() }, 404),
      },
    },
    async (request, reply) => {
      const { contentType, content } = await telephony.recording(
        contextOf(request),
        request.params.id,
      );
      const size = content.length;
      const range = byteRangeOf(request.headers.range, size);
      reply
        .header('accept-ranges', 'bytes')
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=300')
        .type(contentType);
      if (!range) return reply.header('content-length', size).send(content);
      const end = Math.min(range.end ?? size - 1, size - 1);
      if (range.start >= size || range.start > end) {
        return reply.status(416).header('content-range', `bytes */${size}`).send(null);
      }
      return reply
        .status(206)
        .header('content-range', `bytes ${range.start}-${end}/${size}`)
        .header('content-length', end - range.start + 1)
        .send(content.subarray(range.start, end + 1));
    },
  );

  app.get(
    '/api/v1/callbacks',
    {
      schema: {
        tags,
        summary: 'Missed calls and voicemail owed a call back, on the unit’s list',
        querystring: ListCallbacksQuery,
        response: responses({ 200: CallbackPage }, 400, 403),
      },
    },
    (request) => telephony.listCallbacks(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/callbacks/:id',
    {
      schema: {
        tags,
        summary: 'A callback with its attempts',
        params: IdParams,
        response: responses({ 200: Callback }, 403, 404),
      },
    },
    (request) => telephony.getCallback(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/callbacks/:id/claim',
    {
      schema: {
        tags,
        summary: 'Take a callback; of two at once exactly one wins, the other gets 409',
        params: IdParams,
        response: responses({ 200: Callback }, 403, 404, 409),
      },
    },
    (request) => telephony.claim(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/callbacks/:id/release',
    {
      schema: {
        tags,
        summary: 'Give a claimed callback back to the unit’s list',
        params: IdParams,
        response: responses({ 200: Callback }, 403, 404, 409),
      },
    },
    (request) => telephony.release(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/callbacks/:id/attempts',
    {
      schema: {
        tags,
        summary: 'Record an attempt to call back and its outcome',
        params: IdParams,
        body: CallbackAttemptBody,
        response: responses({ 201: Callback }, 400, 403, 404, 409),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await telephony.attempt(contextOf(request), request.params.id, request.body)),
  );

  app.post(
    '/api/v1/callbacks/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a callback by hand',
        params: IdParams,
        body: CloseCallbackBody,
        response: responses({ 200: Callback }, 400, 403, 404, 409),
      },
    },
    (request) => telephony.close(contextOf(request), request.params.id, request.body),
  );
}
