import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  BlocklistEntry,
  BlocklistPage,
  BlocklistQuery,
  CreateBlocklistBody,
  HeldMailQuery,
  InboundMessage,
  InboundMessageList,
  InboundMessagePage,
} from '../../../contracts/mail.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import { dispositionOf } from '../../http/download';
import type { MailService } from './mail.service';

const tags = ['Mail'];

export function mailRoutes(app: Api, deps: { mail: MailService }): void {
  const { mail } = deps;

  app.get(
    '/api/v1/requests/:id/mail',
    {
      schema: {
        tags,
        summary: 'The letters received into a request by email or e-address, oldest first',
        params: IdParams,
        response: responses({ 200: InboundMessageList }, 403, 404),
      },
    },
    async (request) => mail.ofRequest(contextOf(request), request.params.id),
  );

  app.get(
    '/api/v1/mail/held',
    {
      schema: {
        tags,
        summary: 'The quarantine (spam) or the messages flagged for a person, newest first',
        querystring: HeldMailQuery,
        response: responses({ 200: InboundMessagePage }, 400, 403),
      },
    },
    async (request) => mail.held(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/mail/messages/:id',
    {
      schema: {
        tags,
        summary: 'A received message: its text, its HTML made safe, its attachments',
        params: IdParams,
        response: responses({ 200: InboundMessage }, 403, 404),
      },
    },
    async (request) => mail.get(contextOf(request), request.params.id),
  );

  app.get(
    '/api/v1/mail/messages/:id/raw',
    {
      schema: {
        tags,
        summary: 'Download the message as received (.eml)',
        params: IdParams,
        response: responses({ 200: z.any() }, 403, 404),
      },
    },
    async (request, reply) => {
      const file = await mail.raw(contextOf(request), request.params.id);
      return reply
        .type('message/rfc822')
        .header('content-disposition', dispositionOf(file.filename))
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );

  app.post(
    '/api/v1/mail/messages/:id/release',
    {
      schema: {
        tags,
        summary: 'Not spam ("nav mēstule"): let a held message into the normal flow as a request',
        params: IdParams,
        response: responses({ 200: InboundMessage }, 403, 404, 409),
      },
    },
    async (request) => mail.release(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/mail/messages/:id/discard',
    {
      schema: {
        tags,
        summary: 'Confirm a held message is spam: it is emptied with the quarantine',
        params: IdParams,
        response: responses({ 200: InboundMessage }, 403, 404, 409),
      },
    },
    async (request) => mail.discard(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/mail/messages/:id/remote-images',
    {
      schema: {
        tags,
        summary: "Show the message's pictures from other sites (the sender may learn it was read)",
        params: IdParams,
        response: responses({ 200: InboundMessage }, 403, 404),
      },
    },
    async (request) => mail.allowRemoteImages(contextOf(request), request.params.id),
  );

  app.get(
    '/api/v1/mail/blocklist',
    {
      schema: {
        tags,
        summary: 'The senders whose mail goes to quarantine',
        querystring: BlocklistQuery,
        response: responses({ 200: BlocklistPage }, 400, 403),
      },
    },
    async (request) => mail.blocklist(contextOf(request), request.query),
  );

  app.post(
    '/api/v1/mail/blocklist',
    {
      schema: {
        tags,
        summary: 'Block an address or a whole domain ("@domain.lv")',
        body: CreateBlocklistBody,
        response: responses({ 201: BlocklistEntry }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await mail.block(contextOf(request), request.body)),
  );

  app.delete(
    '/api/v1/mail/blocklist/:id',
    {
      schema: {
        tags,
        summary: 'Take a sender off the block list',
        params: IdParams,
        response: responses({ 204: z.null() }, 403, 404),
      },
    },
    async (request, reply) => {
      await mail.unblock(contextOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
