import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  AttachmentCreated,
  AttachmentParams,
  DeliveryBody,
  MessageParams,
  ReplyBody,
} from '../../../contracts/correspondence.contracts';
import { RequestDetail } from '../../../contracts/requests.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import { dispositionOf } from '../../http/download';
import { AppError } from '../../http/errors';
import { readUpload } from '../../http/upload';
import type { RequestsService } from '../requests/requests.service';
import { MAX_ATTACHMENT_BYTES, type CorrespondenceService } from './correspondence.service';

// Files and letters are part of the requests' API for those who generate clients from it.
const tags = ['Requests'];

export function correspondenceRoutes(
  app: Api,
  deps: { correspondence: CorrespondenceService; requests: RequestsService },
): void {
  const { correspondence, requests } = deps;

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
    // Answered with the request as it now stands, the letter and its PDFs on it.
    async (request) => {
      await correspondence.reply(contextOf(request), request.params.id, request.body);
      return requests.get(contextOf(request), request.params.id);
    },
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
    async (request) => {
      await correspondence.markDelivered(
        contextOf(request),
        request.params.id,
        request.params.messageId,
        request.body,
      );
      return requests.get(contextOf(request), request.params.id);
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
      await correspondence.assertMayChange(contextOf(request), request.params.id);
      const file = await readUpload(request, MAX_ATTACHMENT_BYTES);
      const created = await correspondence.attach(contextOf(request), request.params.id, {
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
      const file = await correspondence.attachment(
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
