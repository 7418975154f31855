import { z } from 'zod';
import { IdParams } from '../../../contracts/common';
import {
  AnswerFeedbackBody,
  CloseFeedbackBody,
  EscalateFeedbackBody,
  EvaluateFeedbackBody,
  Feedback,
  FeedbackAttachmentParams,
  FeedbackEvaluatorBody,
  FeedbackFromRequestBody,
  FeedbackPage,
  ListFeedbackQuery,
  PublicFeedbackBody,
  PublicFeedbackReceipt,
  RegisterFeedbackBody,
  ResolveFeedbackBody,
} from '../../../contracts/feedback.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import { dispositionOf } from '../../http/download';
import type { FeedbackService } from './feedback.service';

const tags = ['Feedback'];

export function feedbackRoutes(app: Api, deps: { feedback: FeedbackService }): void {
  const { feedback } = deps;

  // Outside /api/v1: no sign-in and no CSRF token (it takes JSON only, which a form on another
  // site cannot send); the honeypot and the per-address limit keep machines out.
  app.post(
    '/api/public/feedback',
    {
      config: { public: true },
      schema: {
        tags,
        summary:
          'Praise, a complaint or a suggestion from the public form (no sign-in): the reference to quote; a flood from one address gets 429 with Retry-After',
        security: [],
        body: PublicFeedbackBody,
        response: responses({ 201: PublicFeedbackReceipt }, 400, 429),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await feedback.submitPublic(request.body, { address: request.ip, requestId: request.id }),
        ),
  );

  app.get(
    '/api/v1/feedback',
    {
      schema: {
        tags,
        summary:
          'Praise, complaints and suggestions the viewer may see, the newest first: all for evaluators; their units’ for unit heads; what reached the Ethics commission for its members',
        querystring: ListFeedbackQuery,
        response: responses({ 200: FeedbackPage }, 400),
      },
    },
    (request) => feedback.list(contextOf(request), request.query),
  );

  app.post(
    '/api/v1/feedback',
    {
      schema: {
        tags,
        summary: 'Register feedback received in person, by phone, letter or email (25)',
        body: RegisterFeedbackBody,
        response: responses({ 201: Feedback }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await feedback.register(contextOf(request), request.body)),
  );

  app.post(
    '/api/v1/feedback/from-request',
    {
      schema: {
        tags,
        summary:
          'Turn a request (an e-mail’s) into feedback: its letter’s text, its client’s contact, its channel; a request becomes at most one item (409)',
        body: FeedbackFromRequestBody,
        response: responses({ 201: Feedback }, 400, 403, 404, 409),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await feedback.fromRequest(contextOf(request), request.body)),
  );

  app.get(
    '/api/v1/feedback/:id',
    {
      schema: {
        tags,
        summary:
          'One item as the viewer may see it, with its files and escalation history; the person complained about never sees the evaluation notes, actions or decisions',
        params: IdParams,
        response: responses({ 200: Feedback }, 404),
      },
    },
    (request) => feedback.get(contextOf(request), request.params.id),
  );

  app.get(
    '/api/v1/feedback/:id/attachments/:attachmentId',
    {
      schema: {
        tags,
        summary: 'Download a file that came with the item',
        params: FeedbackAttachmentParams,
        response: responses({ 200: z.any() }, 404),
      },
    },
    async (request, reply) => {
      const file = await feedback.attachment(
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

  app.put(
    '/api/v1/feedback/:id/evaluation',
    {
      schema: {
        tags,
        summary:
          'Evaluate (26): topic, unit, staff member, justified, serious, notes and actions; send the version you read',
        params: IdParams,
        body: EvaluateFeedbackBody,
        response: responses({ 200: Feedback }, 400, 403, 404, 409),
      },
    },
    (request) => feedback.evaluate(contextOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/v1/feedback/:id/evaluator',
    {
      schema: {
        tags,
        summary: 'Delegate the evaluation to a colleague, or take it back (null)',
        params: IdParams,
        body: FeedbackEvaluatorBody,
        response: responses({ 200: Feedback }, 400, 403, 404, 409),
      },
    },
    (request) => feedback.setEvaluator(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/feedback/:id/answer',
    {
      schema: {
        tags,
        summary:
          'Answer the client: by email a letter through the outbox; with only a phone number the note of the call; refused (409) without contact details',
        params: IdParams,
        body: AnswerFeedbackBody,
        response: responses({ 200: Feedback }, 400, 403, 404, 409),
      },
    },
    (request) => feedback.answer(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/feedback/:id/close',
    {
      schema: {
        tags,
        summary: 'Close the item',
        params: IdParams,
        body: CloseFeedbackBody,
        response: responses({ 200: Feedback }, 400, 403, 404, 409),
      },
    },
    (request) => feedback.close(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/feedback/:id/escalate',
    {
      schema: {
        tags,
        summary:
          'Pass a complaint to the next level (32–33): the direct manager, the client service head or deputy executive director, the Ethics commission',
        params: IdParams,
        body: EscalateFeedbackBody,
        response: responses({ 200: Feedback }, 400, 403, 404, 409),
      },
    },
    (request) => feedback.escalate(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/feedback/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Resolve the open escalation level with its decision',
        params: IdParams,
        body: ResolveFeedbackBody,
        response: responses({ 200: Feedback }, 400, 403, 404, 409),
      },
    },
    (request) => feedback.resolve(contextOf(request), request.params.id, request.body),
  );
}
