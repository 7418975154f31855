import { AuditPage, AuditQuery } from '../../../contracts/audit.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { AuditService } from './audit.service';

export function auditRoutes(app: Api, deps: { audit: AuditService }): void {
  app.get(
    '/api/v1/audit',
    {
      schema: {
        tags: ['Audit log'],
        summary: 'Browse the audit log, newest first (auditor, administrator)',
        querystring: AuditQuery,
        response: responses({ 200: AuditPage }, 400, 403),
      },
    },
    (request) => deps.audit.list(contextOf(request), request.query),
  );
}
