import { IdParams } from '../../../contracts/common';
import {
  CreatedInvitations,
  CreateInvitationsBody,
  InvitationsPage,
  ListInvitationsQuery,
} from '../../../contracts/surveys.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { SurveyWebService } from './survey-web.service';

const tags = ['Surveys'];

export function surveyWebRoutes(app: Api, deps: { surveyWeb: SurveyWebService }): void {
  const { surveyWeb } = deps;

  app.post(
    '/api/v1/survey-waves/:id/invitations',
    {
      schema: {
        tags,
        summary:
          'Invite people to answer on the web: a personal link /s/i/<token> per new address, returned only in this answer (the web app offers them as a CSV file built from it); addresses already invited are skipped',
        params: IdParams,
        body: CreateInvitationsBody,
        response: responses({ 201: CreatedInvitations }, 400, 403, 404, 409),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await surveyWeb.createInvitations(contextOf(request), request.params.id, request.body),
        ),
  );

  app.get(
    '/api/v1/survey-waves/:id/invitations',
    {
      schema: {
        tags,
        summary: "A wave's invitations, the newest first: address, made, answered (never links)",
        params: IdParams,
        querystring: ListInvitationsQuery,
        response: responses({ 200: InvitationsPage }, 400, 403, 404),
      },
    },
    (request) => surveyWeb.listInvitations(contextOf(request), request.params.id, request.query),
  );
}
