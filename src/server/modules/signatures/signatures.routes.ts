import {
  MySignature,
  MySignatureQuery,
  SignatureLanguageParams,
  SignatureTemplate,
  SignatureTemplates,
  UpdateSignatureTemplateBody,
} from '../../../contracts/signatures.contracts';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import type { SignaturesService } from './signatures.service';

const tags = ['Letters'];

export function signaturesRoutes(app: Api, deps: { signatures: SignaturesService }): void {
  const { signatures } = deps;

  app.get(
    '/api/v1/signature-templates',
    {
      schema: {
        tags,
        summary: 'The signature templates of every language (administrator)',
        response: responses({ 200: SignatureTemplates }, 403),
      },
    },
    (request) => signatures.list(contextOf(request)),
  );

  app.put(
    '/api/v1/signature-templates/:language',
    {
      schema: {
        tags,
        summary:
          'Change a language’s signature template (administrator); placeholders such as {vārds} are filled from the writer’s profile; send the version you read',
        params: SignatureLanguageParams,
        body: UpdateSignatureTemplateBody,
        response: responses({ 200: SignatureTemplate }, 400, 403, 404, 409),
      },
    },
    (request) => signatures.update(contextOf(request), request.params.language, request.body),
  );

  app.get(
    '/api/v1/signatures/mine',
    {
      schema: {
        tags,
        summary: 'The signature under the signed-in person’s letters, as it will be sent',
        querystring: MySignatureQuery,
        response: responses({ 200: MySignature }, 400, 403, 404),
      },
    },
    (request) => signatures.mine(contextOf(request), request.query.language),
  );
}
