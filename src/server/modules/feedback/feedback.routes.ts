import { PublicFeedbackBody, PublicFeedbackReceipt } from '../../../contracts/feedback.contracts';
import { responses, type Api } from '../../http/api';
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
}
