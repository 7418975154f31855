import { IdParams } from '../../../contracts/common';
import {
  AnalysisQuery,
  CreateSurveyBody,
  CreateWaveBody,
  ListSurveysQuery,
  QuestionnaireVersion,
  QuestionnaireVersionQuery,
  SamplePlan,
  SamplePlanBody,
  SaveQuestionnaireBody,
  SurveyAnalysis,
  SurveyDetail,
  SurveysPage,
  UpdateSurveyBody,
  UpdateWaveBody,
  WaveDetail,
} from '../../../contracts/surveys.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { SurveysService } from './surveys.service';

const tags = ['Surveys'];

export function surveysRoutes(app: Api, deps: { surveys: SurveysService }): void {
  const { surveys } = deps;

  app.get(
    '/api/v1/surveys',
    {
      schema: {
        tags,
        summary: 'Surveys with their waves, the most recently changed first',
        querystring: ListSurveysQuery,
        response: responses({ 200: SurveysPage }, 400, 403),
      },
    },
    (request) => surveys.list(contextOf(request), request.query),
  );

  app.post(
    '/api/v1/surveys',
    {
      schema: {
        tags,
        summary: 'Create a survey with the first version of its questionnaire',
        body: CreateSurveyBody,
        response: responses({ 201: SurveyDetail }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await surveys.create(contextOf(request), request.body)),
  );

  app.get(
    '/api/v1/surveys/:id',
    {
      schema: {
        tags,
        summary: 'A survey with its newest questionnaire, its versions and waves',
        params: IdParams,
        response: responses({ 200: SurveyDetail }, 403, 404),
      },
    },
    (request) => surveys.get(contextOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/surveys/:id',
    {
      schema: {
        tags,
        summary: "Change a survey's title, description or the map's quadrant names",
        params: IdParams,
        body: UpdateSurveyBody,
        response: responses({ 200: SurveyDetail }, 400, 403, 404, 409),
      },
    },
    (request) => surveys.update(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/surveys/:id/questionnaire',
    {
      schema: {
        tags,
        summary: 'A version of the questionnaire (the newest when none is named)',
        params: IdParams,
        querystring: QuestionnaireVersionQuery,
        response: responses({ 200: QuestionnaireVersion }, 400, 403, 404),
      },
    },
    (request) =>
      surveys.questionnaire(contextOf(request), request.params.id, request.query.version),
  );

  app.put(
    '/api/v1/surveys/:id/questionnaire',
    {
      schema: {
        tags,
        summary:
          'Save the questionnaire: the newest version changes until it has answers, then a new version is made',
        params: IdParams,
        body: SaveQuestionnaireBody,
        response: responses({ 200: SurveyDetail }, 400, 403, 404, 409),
      },
    },
    (request) => surveys.saveQuestionnaire(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/surveys/:id/waves',
    {
      schema: {
        tags,
        summary: 'Start a wave: the questionnaire run again (2021, 2022, …)',
        params: IdParams,
        body: CreateWaveBody,
        response: responses({ 201: WaveDetail }, 400, 403, 404),
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await surveys.createWave(contextOf(request), request.params.id, request.body)),
  );

  app.get(
    '/api/v1/surveys/:id/analysis',
    {
      schema: {
        tags,
        summary:
          'Counts and means per factor and wave with the change from the previous wave, and the importance–satisfaction map',
        params: IdParams,
        querystring: AnalysisQuery,
        response: responses({ 200: SurveyAnalysis }, 400, 403, 404),
      },
    },
    (request) => surveys.analysis(contextOf(request), request.params.id, request.query),
  );

  app.get(
    '/api/v1/survey-waves/:id',
    {
      schema: {
        tags,
        summary: 'A wave with its sample plan and its answers per source',
        params: IdParams,
        response: responses({ 200: WaveDetail }, 403, 404),
      },
    },
    (request) => surveys.getWave(contextOf(request), request.params.id),
  );

  app.get(
    '/api/v1/survey-waves/:id/questionnaire',
    {
      schema: {
        tags,
        summary: 'The questionnaire a wave runs',
        params: IdParams,
        response: responses({ 200: QuestionnaireVersion }, 403, 404),
      },
    },
    (request) => surveys.waveQuestionnaire(contextOf(request), request.params.id),
  );

  app.patch(
    '/api/v1/survey-waves/:id',
    {
      schema: {
        tags,
        summary: 'Open or close a wave, set its dates, public link, call rules and QC share',
        params: IdParams,
        body: UpdateWaveBody,
        response: responses({ 200: WaveDetail }, 400, 403, 404, 409),
      },
    },
    (request) => surveys.updateWave(contextOf(request), request.params.id, request.body),
  );

  app.put(
    '/api/v1/survey-waves/:id/sample-plan',
    {
      schema: {
        tags,
        summary:
          'Set the sample plan: strata and sizes, allocated in proportion with largest remainders',
        params: IdParams,
        body: SamplePlanBody,
        response: responses({ 200: SamplePlan }, 400, 403, 404),
      },
    },
    (request) => surveys.savePlan(contextOf(request), request.params.id, request.body),
  );
}
