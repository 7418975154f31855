import { z } from 'zod';
import {
  CalendarDays,
  CalendarDaysQuery,
  CalendarFactsQuery,
  CalendarSettings,
  CreateDayOffBody,
  CreatePolicyBody,
  CreateTransferBody,
  DayOff,
  DayOffList,
  Deadline,
  DeadlinePolicy,
  DeadlinePolicyList,
  DeadlineQuery,
  Transfer,
  TransferList,
  UpdateCalendarSettingsBody,
  UpdateDayOffBody,
  UpdatePolicyBody,
  UpdateTransferBody,
} from '../../../contracts/calendar.contracts';
import { DeleteQuery, IdParams } from '../../../contracts/common';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import { languageOf } from '../../http/messages';
import type { CalendarService } from './calendar.service';

const tags = ['Working-day calendar'];

export function calendarRoutes(app: Api, deps: { calendar: CalendarService }): void {
  const { calendar } = deps;

  app.get(
    '/api/v1/calendar/days',
    {
      schema: {
        tags,
        summary:
          'Each day of a period (at most two years): its kind, whether it is worked or shortened, its hours and why',
        querystring: CalendarDaysQuery,
        response: responses({ 200: CalendarDays }, 400, 404),
      },
    },
    (request) => calendar.days(contextOf(request), request.query, languageOf(request)),
  );

  app.get(
    '/api/v1/calendar/deadline',
    {
      schema: {
        tags,
        summary:
          'When something received on a day (or at a moment) is due: after a number of working days or under a deadline policy',
        querystring: DeadlineQuery,
        response: responses({ 200: Deadline }, 400),
      },
    },
    (request) => calendar.deadline(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/calendar/settings',
    {
      schema: {
        tags,
        summary: 'Whether the organisation follows the Cabinet’s transfers, and its standard hours',
        response: responses({ 200: CalendarSettings }),
      },
    },
    (request) => calendar.settings(contextOf(request)),
  );

  app.patch(
    '/api/v1/calendar/settings',
    {
      schema: {
        tags,
        summary: 'Change the calendar settings (administrator); send the version you read',
        body: UpdateCalendarSettingsBody,
        response: responses({ 200: CalendarSettings }, 400, 403, 409),
      },
    },
    (request) => calendar.updateSettings(contextOf(request), request.body),
  );

  app.get(
    '/api/v1/calendar/days-off',
    {
      schema: {
        tags,
        summary: 'Days off declared by law for one year, and Song and Dance Festival closing days',
        querystring: CalendarFactsQuery,
        response: responses({ 200: DayOffList }, 400),
      },
    },
    async (request) => ({ items: await calendar.daysOff(contextOf(request), request.query.year) }),
  );

  app.post(
    '/api/v1/calendar/days-off',
    {
      schema: {
        tags,
        summary:
          'Add a day off declared by law or a festival closing day, with its source (administrator)',
        body: CreateDayOffBody,
        response: responses({ 201: DayOff }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await calendar.createDayOff(contextOf(request), request.body)),
  );

  app.patch(
    '/api/v1/calendar/days-off/:id',
    {
      schema: {
        tags,
        summary: 'Change a declared day off (administrator); send the version you read',
        params: IdParams,
        body: UpdateDayOffBody,
        response: responses({ 200: DayOff }, 400, 403, 404, 409),
      },
    },
    (request) => calendar.updateDayOff(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/calendar/days-off/:id',
    {
      schema: {
        tags,
        summary: 'Remove a declared day off (administrator); send the version you read',
        params: IdParams,
        querystring: DeleteQuery,
        response: responses({ 204: z.null() }, 400, 403, 404, 409),
      },
    },
    async (request, reply) => {
      await calendar.removeDayOff(contextOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/calendar/transfers',
    {
      schema: {
        tags,
        summary: 'Working days the Cabinet moved to a Saturday',
        querystring: CalendarFactsQuery,
        response: responses({ 200: TransferList }, 400),
      },
    },
    async (request) => ({
      items: await calendar.transfers(contextOf(request), request.query.year),
    }),
  );

  app.post(
    '/api/v1/calendar/transfers',
    {
      schema: {
        tags,
        summary: 'Add a transfer as a Cabinet order publishes it (administrator)',
        body: CreateTransferBody,
        response: responses({ 201: Transfer }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await calendar.createTransfer(contextOf(request), request.body)),
  );

  app.patch(
    '/api/v1/calendar/transfers/:id',
    {
      schema: {
        tags,
        summary: 'Change a transfer (administrator); send the version you read',
        params: IdParams,
        body: UpdateTransferBody,
        response: responses({ 200: Transfer }, 400, 403, 404, 409),
      },
    },
    (request) => calendar.updateTransfer(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/calendar/transfers/:id',
    {
      schema: {
        tags,
        summary: 'Remove a transfer (administrator); send the version you read',
        params: IdParams,
        querystring: DeleteQuery,
        response: responses({ 204: z.null() }, 400, 403, 404, 409),
      },
    },
    async (request, reply) => {
      await calendar.removeTransfer(contextOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/calendar/policies',
    {
      schema: {
        tags,
        summary: 'Deadline policies: what they apply to and how their due dates are counted',
        response: responses({ 200: DeadlinePolicyList }),
      },
    },
    async (request) => ({ items: await calendar.policies(contextOf(request)) }),
  );

  app.post(
    '/api/v1/calendar/policies',
    {
      schema: {
        tags,
        summary: 'Add a deadline policy (administrator)',
        body: CreatePolicyBody,
        response: responses({ 201: DeadlinePolicy }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await calendar.createPolicy(contextOf(request), request.body)),
  );

  app.patch(
    '/api/v1/calendar/policies/:id',
    {
      schema: {
        tags,
        summary: 'Change a deadline policy, e.g. when a law changes (administrator)',
        params: IdParams,
        body: UpdatePolicyBody,
        response: responses({ 200: DeadlinePolicy }, 400, 403, 404, 409),
      },
    },
    (request) => calendar.updatePolicy(contextOf(request), request.params.id, request.body),
  );
}
