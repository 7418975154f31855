import { z } from 'zod';
import {
  Article,
  ArticleFile,
  ArticlePage,
  ArticleVersionDetail,
  ArticleVersionList,
  CompareQuery,
  CreateArticleBody,
  FileParams,
  ListArticlesQuery,
  RestoreBody,
  ReviewedBody,
  UpdateArticleBody,
  VersionComparison,
  VersionParams,
} from '../../../contracts/articles.contracts';
import { DeleteQuery, IdParams } from '../../../contracts/common';
import { responses, type Api } from '../../http/api';
import { contextOf } from '../../http/authentication';
import { byteRangeOf, dispositionOf } from '../../http/download';
import { AppError } from '../../http/errors';
import { readUpload } from '../../http/upload';
import { MAX_ARTICLE_FILE_BYTES, type ArticlesService } from './articles.service';

const tags = ['Knowledge base'];

/** Types a browser may show in the page; anything else is offered as a download. */
const INLINE_TYPES =
  /^(image\/(png|jpeg|gif|webp)|video\/(mp4|webm|ogg)|audio\/(mpeg|ogg|wav|webm)|application\/pdf)$/;

export function articlesRoutes(app: Api, deps: { articles: ArticlesService }): void {
  const { articles } = deps;

  app.get(
    '/api/v1/articles',
    {
      schema: {
        tags,
        summary: 'Articles; with words to find, ranked and with the matching passages marked',
        querystring: ListArticlesQuery,
        response: responses({ 200: ArticlePage }, 400),
      },
    },
    (request) => articles.list(contextOf(request), request.query),
  );

  app.get(
    '/api/v1/articles/:id',
    {
      schema: {
        tags,
        summary: 'One article with its files and services',
        params: IdParams,
        response: responses({ 200: Article }, 404),
      },
    },
    (request) => articles.get(contextOf(request), request.params.id),
  );

  app.post(
    '/api/v1/articles',
    {
      schema: {
        tags,
        summary: 'Write an article (editors); its text is kept as safe HTML',
        body: CreateArticleBody,
        response: responses({ 201: Article }, 400, 403),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await articles.create(contextOf(request), request.body)),
  );

  app.patch(
    '/api/v1/articles/:id',
    {
      schema: {
        tags,
        summary: 'Change an article (editors, or its owner); each save is a new version',
        params: IdParams,
        body: UpdateArticleBody,
        response: responses({ 200: Article }, 400, 403, 404, 409),
      },
    },
    (request) => articles.update(contextOf(request), request.params.id, request.body),
  );

  app.delete(
    '/api/v1/articles/:id',
    {
      schema: {
        tags,
        summary: 'Take an article out of the knowledge base (editors); send the version you read',
        params: IdParams,
        querystring: DeleteQuery,
        response: responses({ 204: z.null() }, 400, 403, 404, 409),
      },
    },
    async (request, reply) => {
      await articles.archive(contextOf(request), request.params.id, request.query.version);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/articles/:id/versions',
    {
      schema: {
        tags,
        summary: 'The saved versions of an article, newest first',
        params: IdParams,
        response: responses({ 200: ArticleVersionList }, 404),
      },
    },
    (request) => articles.versions(contextOf(request), request.params.id),
  );

  app.get(
    '/api/v1/articles/:id/versions/:revision',
    {
      schema: {
        tags,
        summary: 'One saved version of an article',
        params: VersionParams,
        response: responses({ 200: ArticleVersionDetail }, 400, 404),
      },
    },
    (request) => articles.version(contextOf(request), request.params.id, request.params.revision),
  );

  app.get(
    '/api/v1/articles/:id/compare',
    {
      schema: {
        tags,
        summary: 'What changed between two versions, word by word',
        params: IdParams,
        querystring: CompareQuery,
        response: responses({ 200: VersionComparison }, 400, 404),
      },
    },
    (request) => articles.compare(contextOf(request), request.params.id, request.query),
  );

  app.post(
    '/api/v1/articles/:id/restore',
    {
      schema: {
        tags,
        summary: 'Make an old version the text again (saved as a new version)',
        params: IdParams,
        body: RestoreBody,
        response: responses({ 200: Article }, 400, 403, 404, 409),
      },
    },
    (request) => articles.restore(contextOf(request), request.params.id, request.body),
  );

  app.post(
    '/api/v1/articles/:id/reviewed',
    {
      schema: {
        tags,
        summary: 'Mark an article checked, with the date of its next check',
        params: IdParams,
        body: ReviewedBody,
        response: responses({ 200: Article }, 400, 403, 404, 409),
      },
    },
    (request) => articles.markReviewed(contextOf(request), request.params.id, request.body),
  );

  app.get(
    '/api/v1/articles/:id/pdf',
    {
      schema: {
        tags,
        summary: 'The article as a PDF, to print or send to a resident',
        params: IdParams,
        response: responses({ 200: z.any() }, 404),
      },
    },
    async (request, reply) => {
      const pdf = await articles.pdf(contextOf(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', dispositionOf(pdf.filename, 'inline'))
        .send(pdf.content);
    },
  );

  app.post(
    '/api/v1/articles/:id/files',
    {
      schema: {
        tags,
        summary:
          'Add an image, document or recording (multipart/form-data, field "file", ≤ 100 MB)',
        params: IdParams,
        consumes: ['multipart/form-data'],
        response: responses({ 201: ArticleFile }, 400, 403, 404, 413, 415),
      },
    },
    async (request, reply) => {
      if (!request.isMultipart()) throw new AppError('unsupported_media_type');
      await articles.assertMayAddFiles(contextOf(request), request.params.id);
      const file = await readUpload(request, MAX_ARTICLE_FILE_BYTES);
      const created = await articles.addFile(contextOf(request), request.params.id, {
        filename: file.filename || 'fails',
        contentType: file.contentType || 'application/octet-stream',
        content: file.content,
      });
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/api/v1/articles/:id/files/:fileId',
    {
      schema: {
        tags,
        summary: 'Remove a file from an article',
        params: FileParams,
        response: responses({ 204: z.null() }, 403, 404),
      },
    },
    async (request, reply) => {
      await articles.removeFile(contextOf(request), request.params.id, request.params.fileId);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/articles/:id/files/:fileId',
    {
      // Files of public articles are open to anyone: their images show on the public pages.
      config: { public: true },
      schema: {
        tags,
        summary: 'A file of an article; byte ranges are served, so recordings stream',
        params: FileParams,
        response: responses({ 200: z.any(), 206: z.any(), 416: z.any() }, 404),
      },
    },
    async (request, reply) => {
      const file = await articles.file(
        { signedIn: request.principal !== null },
        request.params.id,
        request.params.fileId,
        (size) => byteRangeOf(request.headers.range, size),
      );
      const inline = INLINE_TYPES.test(file.content_type);
      reply
        .header('accept-ranges', 'bytes')
        .header('x-content-type-options', 'nosniff')
        .header(
          'content-disposition',
          dispositionOf(file.filename, inline ? 'inline' : 'attachment'),
        )
        .header(
          'cache-control',
          file.visibility === 'public' ? 'public, max-age=300' : 'private, max-age=300',
        );
      if (file.content === null)
        return reply.status(416).header('content-range', `bytes */${file.size}`).send(null);
      reply
        .type(inline ? file.content_type : 'application/octet-stream')
        .header('content-length', file.end - file.start + 1);
      if (file.partial)
        reply.status(206).header('content-range', `bytes ${file.start}-${file.end}/${file.size}`);
      return reply.send(file.content);
    },
  );
}
