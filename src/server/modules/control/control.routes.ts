import { z } from 'zod';
import { ControlAnswer, ControlCsvQuery, ControlQuery } from '../../../contracts/control.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { ControlService } from './control.service';

const tags = ['Quality'];

export function controlRoutes(app: Api, deps: { control: ControlService }): void {
  const { control } = deps;

  app.get(
    '/api/v1/control',
    {
      schema: {
        tags,
        summary:
          'The standard’s control (34): figures per unit and month counted from the records ' +
          '(all units, or those a unit head heads)',
        querystring: ControlQuery,
        response: responses({ 200: ControlAnswer }, 400, 403, 404),
      },
    },
    (request) => control.figures(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/control.csv',
    {
      schema: {
        tags,
        summary:
          'The control figures as CSV: every figure (part=figures), feedback by topic ' +
          '(part=topics) or every extension with its reason (part=extensions)',
        querystring: ControlCsvQuery,
        response: responses({ 200: z.any() }, 400, 403, 404),
      },
    },
    async (request, reply) => {
      const { part, ...query } = request.query;
      const text = await control.csv(contextOf(request), query, part);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="control-${part}.csv"`)
        .send(text);
    },
  );
}
