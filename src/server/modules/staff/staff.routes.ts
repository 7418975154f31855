import { IdParams } from '../../../contracts/common';
import {
  CreateStaffBody,
  ListStaffQuery,
  SetPasswordBody,
  Staff,
  StaffPage,
  UpdateStaffBody,
} from '../../../contracts/staff.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { StaffService } from './staff.service';

const tags = ['Staff'];

export function staffRoutes(app: Api, deps: { staff: StaffService }): void {
  const { staff } = deps;

  app.get(
    '/api/v1/staff',
    {
      schema: {
        tags,
        summary: 'Staff with their roles, units and account state',
        querystring: ListStaffQuery,
        response: responses({ 200: StaffPage }, 400),
      },
    },
    (request) => staff.list(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/staff/:id',
    {
      schema: {
        tags,
        summary: 'One staff member',
        params: IdParams,
        response: responses({ 200: Staff }, 404),
      },
    },
    (request) => staff.get(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/staff',
    {
      schema: {
        tags,
        summary: 'Add a staff member, optionally with an initial password (administrator)',
        body: CreateStaffBody,
        response: responses({ 201: Staff }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await staff.create(contextOf(request), request.body)),
  );

  app.patch(
    '/api/v1/staff/:id',
    {
      schema: {
        tags,
        summary:
          'Change a staff member, their roles and units; active=false ends their sessions (administrator)',
        params: IdParams,
        body: UpdateStaffBody,
        response: responses({ 200: Staff }, 400, 403, 404, 409),
      },
    },
    (request) => staff.update(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/staff/:id/password',
    {
      schema: {
        tags,
        summary: 'Set a staff member’s password (administrator)',
        params: IdParams,
        body: SetPasswordBody,
        response: responses({ 200: Staff }, 400, 403, 404),
      },
    },
    (request) => staff.setPassword(contextOf(request), request.params.id, request.body),
  );
}
