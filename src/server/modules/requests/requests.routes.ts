import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  AttachmentCreated,
  AttachmentParams,
  ChangeStateBody,
  Commitment,
  CommitmentPage,
  CreateCommitmentBody,
  DeliveryBody,
  ExtendBody,
  KeepCommitmentBody,
  LinkBody,
  LinkParams,
  ListCommitmentsQuery,
  ListRequestsQuery,
  MessageParams,
  NoteBody,
  OutOfSight,
  OutOfSightQuery,
  ReferBody,
  ReplyBody,
  RequestDetail,
  RequestPage,
  RequestSummary,
  UpdateRequestBody,
  WorkCounts,
} from '../../../contracts/requests.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import { dispositionOf } from '../../http/download';
import { AppError } from '../../http/errors';
import { readUpload } from '../../http/upload';
import { MAX_ATTACHMENT_BYTES, type RequestsService } from './requests.service';

const tags = ['Requests'];

export function requestsRoutes(app: Api, deps: { requests: RequestsService }): void {
  const { requests } = deps;

  app.get(
    '/api/v1/requests/out-of-sight',
    {
      schema: {
        tags,
        summary:
          'A client’s or visit’s requests one may not open: those one registered, and how many others',
        querystring: OutOfSightQuery,
        response: responses({ 200: OutOfSight }, 400, 403),
      },
    },
    (request) => requests.outOfSight(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/requests',
    {
      schema: {
        tags,
        summary: 'Work lists: mine, my unit’s, referred to me, due today, overdue, waiting, all',
        querystring: ListRequestsQuery,
        response: responses({ 200: RequestPage }, 400, 403),
      },
    },
    (request) => requests.list(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/requests/counts',
    {
      schema: {
        tags,
        summary: 'How many requests wait in one’s own lists, and promises falling due',
        response: responses({ 200: WorkCounts }, 403),
      },
    },
    (request) => requests.counts(contextOf(request)),
  );

  app.get(
    '/api/v1/requests/:id',
    {
      schema: {
        tags,
        summary: 'Open a request with its timeline; a look at client data is recorded',
        params: IdParams,
        response: responses({ 200: RequestDetail }, 403, 404),
      },
    },
    (request) => requests.get(contextOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/requests/:id',
    {
      schema: {
        tags,
        summary: 'Change the service, kind, case type, institution or tags; send the version',
        params: IdParams,
        body: UpdateRequestBody,
        response: responses({ 200: RequestSummary }, 400, 403, 404, 409),
      },
    },
    (request) => requests.update(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/requests/:id/state',
    {
      schema: {
        tags,
        summary: 'Move the request to another state, as the state machine allows',
        params: IdParams,
        body: ChangeStateBody,
        response: responses({ 200: RequestSummary }, 400, 403, 404, 409),
      },
    },
    (request) => requests.changeState(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/requests/:id/referral',
    {
      schema: {
        tags,
        summary: 'Refer to a competent colleague or unit, with a note; the due date stays',
        params: IdParams,
        body: ReferBody,
        response: responses({ 200: RequestSummary }, 400, 403, 404, 409),
      },
    },
    (request) => requests.refer(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/requests/:id/extension',
    {
      schema: {
        tags,
        summary: 'Move the due date with a reason; the client is sent the explanation',
        params: IdParams,
        body: ExtendBody,
        response: responses({ 200: RequestSummary }, 400, 403, 404, 409),
      },
    },
    (request) => requests.extend(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/requests/:id/notes',
    {
      schema: {
        tags,
        summary: 'Add a note to the timeline',
        params: IdParams,
        body: NoteBody,
        response: responses({ 204: z.null() }, 400, 403, 404),
      },
    },
    async (request, reply) => {
      await requests.addNote(contextOf(request), request.params.id, request.body.text);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/requests/:id/replies',
    {
      schema: {
        tags,
        summary:
          'Answer the client in writing through their channel, with articles attached as PDF',
        params: IdParams,
        body: ReplyBody,
        response: responses({ 200: RequestDetail }, 400, 403, 404, 409),
      },
    },
    (request) => requests.reply(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/requests/:id/messages/:messageId/delivery',
    {
      schema: {
        tags,
        summary: 'Mark a waiting letter as handed over, printed or sent another way',
        params: MessageParams,
        body: DeliveryBody,
        response: responses({ 200: RequestDetail }, 400, 403, 404, 409),
      },
    },
    (request) =>
      requests.markDelivered(
        contextOf(request),
        request.params.id,
        request.params.messageId,
        request.body,
      ),
  );

  app.post(
    '/api/v1/requests/:id/commitments',
    {
      schema: {
        tags,
        summary: 'Record what was promised to the client, by when and in which form',
        params: IdParams,
        body: CreateCommitmentBody,
        response: responses({ 201: Commitment }, 400, 403, 404),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await requests.addCommitment(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/commitments',
    {
      schema: {
        tags,
        summary: 'My promises to clients, the most pressing first',
        querystring: ListCommitmentsQuery,
        response: responses({ 200: CommitmentPage }, 400, 403),
      },
    },
    (request) => requests.myCommitments(contextOf(request), request.query),
  );

  app.post(
    '/api/v1/commitments/:id/kept',
    {
      schema: {
        tags,
        summary: 'Mark a promise as kept',
        params: IdParams,
        body: KeepCommitmentBody,
        response: responses({ 200: Commitment }, 400, 403, 404, 409),
      },
    },
    (request) =>
      requests.keepCommitment(contextOf(request), request.params.id, request.body.version),
  );

  app.post(
    '/api/v1/requests/:id/links',
    {
      schema: {
        tags,
        summary: 'Link a related request',
        params: IdParams,
        body: LinkBody,
        response: responses({ 204: z.null() }, 400, 403, 404, 409),
      },
    },
    async (request, reply) => {
      await requests.link(contextOf(request), request.params.id, request.body.relatedId);
      return reply.status(204).send(null);
    },
  );

  app.delete(
    '/api/v1/requests/:id/links/:relatedId',
    {
      schema: {
        tags,
        summary: 'Remove the link to a related request',
        params: LinkParams,
        response: responses({ 204: z.null() }, 403, 404),
      },
    },
    async (request, reply) => {
      await requests.unlink(contextOf(request), request.params.id, request.params.relatedId);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/v1/requests/:id/attachments',
    {
      schema: {
        tags,
        summary: 'Attach a document (multipart/form-data, field "file", at most 10 MB)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: responses({ 201: AttachmentCreated }, 400, 403, 404, 413, 415),
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      // Refused before the file is read: a stranger's upload is not buffered at all.
      await requests.assertMayChange(contextOf(request), request.params.id);
      const file = await readUpload(request, MAX_ATTACHMENT_BYTES);
      const created = await requests.attach(contextOf(request), request.params.id, {
        filename: file.filename || 'dokuments',
        contentType: file.contentType || 'application/octet-stream',
        content: file.content,
      });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/v1/requests/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download an attachment',
        params: AttachmentParams,
        response: responses({ 200: z.any() }, 403, 404),
      },
    },
    async (request, reply) => {
      const file = await requests.attachment(
        contextOf(request),
        request.params.id,
        request.params.attachmentId,
      );
      return reply
        .type(file.contentType)
        .header('content-disposition', dispositionOf(file.filename))
        .header('x-content-type-options', 'nosniff')
        .send(file.content);
    },
  );
}
