import { Health } from '../../../contracts/health.contracts';
import type { Api } from '../../http/api';
import type { HealthService } from './health.service';

export function healthRoutes(app: Api, deps: { health: HealthService }): void {
  app.get(
    '/api/health',
    {
      config: { public: true },
      schema: {
        tags: ['Health'],
        summary: 'Whether the server and its database work; 503 when the database does not answer',
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const health = await deps.health.check();
      return reply.status(health.status === 'ok' ? 200 : 503).send(health);
    },
  );
}
