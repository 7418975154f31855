import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { PostedForm } from '../../../domain/survey-web';
import type { Api } from '../../http/api';
import type { Html } from '../../lib/html';
import type { Refusal, SurveyWebService, WebEntry } from './survey-web.service';
import { baseOf, questionPage, refusalPage, startPage, thanksPage } from './survey-web.templates';
import type { Language } from './survey-web.texts';

// The survey as residents and staff answer it on the web: plain HTML forms rendered on the
// server (survey-web.templates.ts, in the words of survey-web.texts.ts), one page per section.
// Each page is saved when the respondent moves on; the anonymous link resumes with a cookie, a
// personal invitation with its own link.

const REFUSAL_STATUS: Record<Refusal['kind'], number> = {
  unknown: 404,
  not_open: 404,
  closed: 410,
  answered: 200,
  invitation_used: 410,
};

const isRefusal = (outcome: { kind: string }): outcome is Refusal => outcome.kind in REFUSAL_STATUS;

export const SURVEY_COOKIE = 'apkalpo_survey';
/** Long enough to outlast any fieldwork period. */
const COOKIE_MAX_AGE_SECONDS = 120 * 24 * 60 * 60;

const Lang = z.object({ lang: z.enum(['lv', 'en']).catch('lv').default('lv') });
const TokenParams = z.object({ token: z.string().min(1).max(100) });
// A page number that is not one (a mangled address) leads to the page to continue on.
const PageParams = TokenParams.extend({
  page: z.coerce.number().int().min(1).max(1000).catch(1_000_000),
});

/** A posted form: each field's values, in a record without a prototype to pollute. */
function parseForm(body: string): PostedForm {
  const form: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [name, value] of new URLSearchParams(body)) (form[name] ??= []).push(value);
  return form;
}

const refuse = (reply: FastifyReply, refusal: Refusal, language: Language, entry: WebEntry) =>
  sendHtml(reply, REFUSAL_STATUS[refusal.kind], refusalPage(refusal, language, baseOf(entry)));

const sendHtml = (reply: FastifyReply, status: number, page: Html) =>
  reply
    .status(status)
    // Answers are on these pages: a shared computer's cache must not keep them.
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(page.toString());

export function surveyWebPages(
  app: Api,
  deps: { surveyWeb: SurveyWebService; cookie: { secure: boolean } },
): void {
  const { surveyWeb, cookie } = deps;

  const resumeTokenOf = (request: FastifyRequest, entry: WebEntry) =>
    entry.kind === 'link' ? (request.cookies[SURVEY_COOKIE] ?? null) : null;

  /** The scope parses nothing but forms (below), so a body is one; no body is an empty form. */
  const formOf = (request: FastifyRequest): PostedForm => (request.body as PostedForm | null) ?? {};

  const pageUrl = (entry: WebEntry, page: number, language: Language) =>
    `${baseOf(entry)}/p/${page + 1}?lang=${language}`;

  /** The routes of one way in: `/s/:token` (anonymous) or `/s/i/:token` (invitation). */
  function entryRoutes(scope: Api, prefix: string, kind: WebEntry['kind']) {
    scope.get(
      `${prefix}/:token`,
      { schema: { hide: true, params: TokenParams, querystring: Lang }, config: { public: true } },
      async (request, reply) => {
        const entry: WebEntry = { kind, token: request.params.token };
        const { lang } = request.query;
        const visit = await surveyWeb.visit(entry, resumeTokenOf(request, entry));
        if (isRefusal(visit)) return refuse(reply, visit, lang, entry);
        switch (visit.kind) {
          case 'start':
            return sendHtml(reply, 200, startPage(entry, visit.survey, visit.pages, lang));
          case 'continue':
            return reply.redirect(pageUrl(entry, visit.page, lang), 303);
        }
      },
    );

    scope.post(
      `${prefix}/:token/start`,
      { schema: { hide: true, params: TokenParams, querystring: Lang }, config: { public: true } },
      async (request, reply) => {
        const entry: WebEntry = { kind, token: request.params.token };
        const { lang } = request.query;
        const form = formOf(request);
        // A filled trap field: a bot, not a person. It is sent back to the start, with nothing made.
        if ((form.website ?? []).some((value) => value !== '')) {
          return reply.redirect(`${baseOf(entry)}?lang=${lang}`, 303);
        }
        const started = await surveyWeb.start(entry, resumeTokenOf(request, entry));
        if (isRefusal(started)) return refuse(reply, started, lang, entry);
        switch (started.kind) {
          case 'started':
            if (started.resumeToken !== null) {
              // Scoped to this survey's address: it is sent nowhere else, and another survey's
              // link starts its own answers.
              reply.setCookie(SURVEY_COOKIE, started.resumeToken, {
                httpOnly: true,
                sameSite: 'lax',
                secure: cookie.secure,
                path: baseOf(entry),
                maxAge: COOKIE_MAX_AGE_SECONDS,
              });
            }
            return reply.redirect(pageUrl(entry, started.page, lang), 303);
          case 'continue':
            return reply.redirect(pageUrl(entry, started.page, lang), 303);
        }
      },
    );

    scope.get(
      `${prefix}/:token/p/:page`,
      { schema: { hide: true, params: PageParams, querystring: Lang }, config: { public: true } },
      async (request, reply) => {
        const entry: WebEntry = { kind, token: request.params.token };
        const { lang } = request.query;
        const found = await surveyWeb.page(
          entry,
          resumeTokenOf(request, entry),
          request.params.page - 1,
        );
        if (isRefusal(found)) return refuse(reply, found, lang, entry);
        switch (found.kind) {
          case 'page':
            return sendHtml(reply, 200, questionPage(entry, found.view, lang));
          case 'continue':
            return reply.redirect(pageUrl(entry, found.page, lang), 303);
          case 'not_started':
            return reply.redirect(`${baseOf(entry)}?lang=${lang}`, 303);
        }
      },
    );

    scope.post(
      `${prefix}/:token/p/:page`,
      { schema: { hide: true, params: PageParams, querystring: Lang }, config: { public: true } },
      async (request, reply) => {
        const entry: WebEntry = { kind, token: request.params.token };
        const { lang } = request.query;
        const form = formOf(request);
        const direction = form.nav?.[0] === 'back' ? 'back' : 'next';
        const saved = await surveyWeb.savePage(
          entry,
          resumeTokenOf(request, entry),
          request.params.page - 1,
          form,
          direction,
        );
        if (isRefusal(saved)) return refuse(reply, saved, lang, entry);
        switch (saved.kind) {
          case 'invalid':
            return sendHtml(
              reply,
              400,
              questionPage(entry, saved.view, lang, {
                posted: saved.posted,
                problems: saved.problems,
              }),
            );
          case 'revealed':
            return sendHtml(reply, 200, questionPage(entry, saved.view, lang, { revealed: true }));
          case 'complete':
            return sendHtml(reply, 200, thanksPage(saved.survey, lang, baseOf(entry)));
          case 'continue':
            return reply.redirect(pageUrl(entry, saved.page, lang), 303);
          case 'not_started':
            return reply.redirect(`${baseOf(entry)}?lang=${lang}`, 303);
        }
      },
    );
  }

  // The pages take plain HTML forms, which the API must not: the form parser lives only in this
  // scope. Fastify loads the scope with the app, and ready() reports anything it throws.
  void app.register((scope: Api, _options, loaded) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string' },
      (_request, body, done) => done(null, parseForm(body as string)),
    );
    // "/s/i/…" is an invitation's: a fixed segment wins over an anonymous link's token.
    entryRoutes(scope, '/s/i', 'invitation');
    entryRoutes(scope, '/s', 'link');
    loaded();
  });
}
