import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  FEEDBACK_ATTACHMENT_MAX_BYTES,
  FEEDBACK_ATTACHMENT_TYPES,
  FEEDBACK_ATTACHMENTS_MAX,
  FEEDBACK_TEXT_MAX,
  PublicFeedbackBody,
  type TPublicFeedbackBody,
  type TPublicFeedbackReceipt,
} from '../../../contracts/feedback.contracts';
import type { Api } from '../../http/api';
import { AppError } from '../../http/errors';
import { fieldMessageOf, isFieldMessageCode, languageOf } from '../../http/messages';
import { isStorableText } from '../../http/text-input';
import type { Upload } from '../../http/upload';
import type { Html } from '../../lib/html';
import type { FeedbackWebService } from './feedback-web.service';
import {
  EMPTY_FORM,
  FORM_PATH,
  formPage,
  limitedPage,
  notFoundPage,
  printPage,
  thanksPage,
  type FormLimits,
  type FormValues,
} from './feedback-web.templates';
import { TEXTS, type FormField, type FormProblem, type Language } from './feedback-web.texts';

// The public feedback form (issue 16, clause 25) at a stable address, /feedback, with no sign-in:
// plain HTML rendered on the server (feedback-web.templates.ts), posted as multipart so that
// files can come with it, and handed to the feedback module's public submission. Abuse is kept
// out without third parties: a trap field, a signed fill time, the module's limit per address and
// the parser's size limits.

/** Submits what the form sent: the feedback module's public submission. */
export type SubmitPublic = (
  input: TPublicFeedbackBody,
  options: { address: string; attachments: readonly Upload[]; requestId?: string },
) => Promise<TPublicFeedbackReceipt>;

const LIMITS: FormLimits = {
  textMax: FEEDBACK_TEXT_MAX,
  files: FEEDBACK_ATTACHMENTS_MAX,
  fileMegabytes: FEEDBACK_ATTACHMENT_MAX_BYTES / (1024 * 1024),
};

/** The form's own fields: anything else posted is not read. */
const FIELDS = ['token', 'website', 'kind', 'unitId', 'staffId', 'text', 'name', 'email', 'phone'];

/**
 * The parser's limits for this form: its fields (a few spare for a browser's own), its files and
 * their size, and a field's size (the longest text in four-byte characters, with room to spare).
 * More is cut off at the parser, never read into memory.
 */
const PARSER_LIMITS = {
  fields: FIELDS.length + 3,
  files: FEEDBACK_ATTACHMENTS_MAX,
  parts: FIELDS.length + 3 + FEEDBACK_ATTACHMENTS_MAX,
  fileSize: FEEDBACK_ATTACHMENT_MAX_BYTES,
  fieldSize: FEEDBACK_TEXT_MAX * 4 + 1024,
};

/**
 * A file over the size is cut off and marked, not thrown (the app's default): the form is shown
 * again with every field. The plugin reads this per call, though its types leave it out; passed
 * as a constant, not a literal, so the compiler lets it through.
 */
const PARSE_OPTIONS = { limits: PARSER_LIMITS, throwFileSizeLimit: false };

const ALLOWED_TYPES: ReadonlySet<string> = new Set(FEEDBACK_ATTACHMENT_TYPES);

const LangQuery = z.object({ lang: z.enum(['lv', 'en']).optional().catch(undefined) });
const FormQuery = LangQuery.extend({ unit: z.string().max(100).optional().catch(undefined) });
const ThanksQuery = LangQuery.extend({
  ref: z
    .string()
    .regex(/^[A-Za-z0-9-]{1,40}$/)
    .optional()
    .catch(undefined),
  contact: z.literal('1').optional().catch(undefined),
});

/** The language asked for in the address, or else the one the browser prefers. */
const languageFor = (request: FastifyRequest, lang: Language | undefined): Language =>
  lang ?? languageOf(request);

const sendHtml = (reply: FastifyReply, status: number, page: Html) =>
  reply
    .status(status)
    // A resident's words are on a refused form; a form's token is for one visit.
    .header('cache-control', 'no-store')
    .header('vary', 'accept-language')
    .type('text/html; charset=utf-8')
    .send(page.toString());

/** What the form posted: its fields (the first of each name), its files and what was refused. */
interface Posted {
  fields: Partial<Record<string, string>>;
  files: Upload[];
  errors: Map<FormField, string>;
}

/**
 * Reads the multipart form within its limits. Every file is read to its end even when it is
 * refused, so the browser gets the page instead of a broken connection; a refused file leaves
 * the fields (sent before it) to be shown again.
 */
async function readForm(request: FastifyRequest, language: Language): Promise<Posted> {
  const texts = TEXTS[language];
  const fields: Partial<Record<string, string>> = Object.create(null) as Partial<
    Record<string, string>
  >;
  const files: Upload[] = [];
  const errors = new Map<FormField, string>();
  const refuse = (field: FormField, problem: FormProblem) => {
    if (!errors.has(field)) errors.set(field, texts.problems[problem]);
  };
  try {
    for await (const part of request.parts(PARSE_OPTIONS)) {
      if (part.type === 'field') {
        const name = part.fieldname;
        if (!FIELDS.includes(name) || name in fields || typeof part.value !== 'string') continue;
        fields[name] = part.value;
        if (part.valueTruncated && name === 'text') refuse('text', 'text_too_long');
        continue;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of part.file as AsyncIterable<Buffer>) {
        size += chunk.length;
        if (!part.file.truncated) chunks.push(chunk);
      }
      // A file input left empty still sends a part: no name, nothing in it.
      if (part.fieldname !== 'attachments' || (part.filename === '' && size === 0)) continue;
      if (part.file.truncated) refuse('attachments', 'file_too_large');
      else if (!ALLOWED_TYPES.has(part.mimetype.toLowerCase())) refuse('attachments', 'file_type');
      else if (!isStorableText(part.filename)) {
        errors.set('attachments', fieldMessageOf('invalid_characters', {}, language));
      } else {
        files.push({
          filename: part.filename,
          contentType: part.mimetype,
          content: Buffer.concat(chunks),
        });
      }
    }
  } catch (error) {
    // A limit of the parser (more files than allowed, or parts) or a broken body: what was read
    // so far is shown again; the rest of the body is let through unread.
    request.raw.resume();
    const code = (error as { code?: unknown }).code;
    if (code === 'FST_FILES_LIMIT') refuse('attachments', 'too_many_files');
    else if (code !== 'FST_PARTS_LIMIT' && code !== 'FST_FIELDS_LIMIT') throw error;
  }
  return { fields, files, errors };
}

const valuesOf = (fields: Posted['fields']): FormValues => ({
  kind: fields.kind ?? '',
  unitId: fields.unitId ?? '',
  staffId: fields.staffId ?? '',
  text: fields.text ?? '',
  name: fields.name ?? '',
  email: fields.email ?? '',
  phone: fields.phone ?? '',
});

const FORM_FIELDS: ReadonlySet<string> = new Set<FormField>([
  'kind',
  'unitId',
  'staffId',
  'text',
  'name',
  'email',
  'phone',
  'attachments',
]);
const isFormField = (field: string): field is FormField => FORM_FIELDS.has(field);

/** The page's own words for the fields a resident most often gets wrong, else the API's. */
function messageFor(
  field: FormField,
  code: string,
  params: Record<string, string | number>,
  language: Language,
): string {
  const problems = TEXTS[language].problems;
  if (field === 'kind') return problems.kind_missing;
  if (field === 'unitId' && (code === 'required' || code === 'invalid_uuid')) {
    return problems.unit_missing;
  }
  if (field === 'text' && (code === 'required' || code === 'too_short')) {
    return problems.text_missing;
  }
  return isFieldMessageCode(code)
    ? fieldMessageOf(code, params, language)
    : fieldMessageOf('invalid_value', { values: '' }, language);
}

/** The form's fields checked by the public submission's own contract. */
function checkFields(values: FormValues, language: Language, errors: Map<FormField, string>) {
  const parsed = PublicFeedbackBody.safeParse({
    kind: values.kind,
    unitId: values.unitId,
    staffId: values.staffId === '' ? null : values.staffId,
    text: values.text,
    name: values.name,
    email: values.email,
    phone: values.phone,
    language,
  });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '');
    if (!isFormField(field) || errors.has(field)) continue;
    const params: Record<string, string | number> = {};
    if ('maximum' in issue && typeof issue.maximum === 'number') params.maximum = issue.maximum;
    if ('minimum' in issue && typeof issue.minimum === 'number') params.minimum = issue.minimum;
    const code =
      issue.code === 'too_big'
        ? 'too_long'
        : issue.code === 'too_small'
          ? 'required'
          : issue.code === 'invalid_format'
            ? 'invalid_uuid'
            : issue.message;
    errors.set(field, messageFor(field, code, params, language));
  }
  return null;
}

export function feedbackWebPages(
  app: Api,
  deps: { feedbackWeb: FeedbackWebService; submit: SubmitPublic },
): void {
  const { feedbackWeb, submit } = deps;

  const showForm = async (
    reply: FastifyReply,
    status: number,
    language: Language,
    values: FormValues,
    errors: Map<FormField, string> = new Map(),
    notice?: string,
  ) =>
    sendHtml(
      reply,
      status,
      formPage({
        language,
        choices: await feedbackWeb.choices(),
        values,
        errors,
        ...(notice ? { notice } : {}),
        token: await feedbackWeb.issueToken(),
        limits: LIMITS,
      }),
    );

  app.get(
    FORM_PATH,
    { schema: { hide: true, querystring: FormQuery }, config: { public: true } },
    async (request, reply) => {
      const language = languageFor(request, request.query.lang);
      // `?unit=` preselects the centre (the counter's QR code carries it); an unknown one, none.
      return showForm(reply, 200, language, { ...EMPTY_FORM, unitId: request.query.unit ?? '' });
    },
  );

  app.post(
    FORM_PATH,
    { schema: { hide: true, querystring: LangQuery }, config: { public: true } },
    async (request, reply) => {
      const language = languageFor(request, request.query.lang);
      const texts = TEXTS[language];
      if (!request.isMultipart()) {
        return showForm(reply, 400, language, EMPTY_FORM, new Map(), texts.fillTime.invalid);
      }
      const posted = await readForm(request, language);
      const values = valuesOf(posted.fields);
      // A filled trap or a form sent sooner than a person could fill it: nothing is stored, and
      // a person who did fill it in (and is rarely that quick) just sends it again.
      const verdict = await feedbackWeb.checkToken(posted.fields.token ?? '');
      if ((posted.fields.website ?? '') !== '' || verdict !== 'ok') {
        const reason = verdict === 'ok' ? 'invalid' : verdict;
        const again = posted.files.length > 0 ? ` ${texts.attachAgain}` : '';
        return showForm(reply, 400, language, values, new Map(), texts.fillTime[reason] + again);
      }
      const errors = new Map(posted.errors);
      for (const [name, value] of Object.entries(posted.fields)) {
        if (isFormField(name) && value !== undefined && !isStorableText(value)) {
          errors.set(name, fieldMessageOf('invalid_characters', {}, language));
        }
      }
      const input = checkFields(values, language, errors);
      const refused = (found: Map<FormField, string>) =>
        showForm(
          reply,
          400,
          language,
          values,
          found,
          posted.files.length > 0 ? texts.attachAgain : undefined,
        );
      if (input === null || errors.size > 0) return refused(errors);
      try {
        const { reference } = await submit(
          { ...input, website: '' },
          { address: request.ip, attachments: posted.files, requestId: request.id },
        );
        const contact = input.email || input.phone ? '&contact=1' : '';
        return reply.redirect(
          `${FORM_PATH}/thanks?ref=${encodeURIComponent(reference)}${contact}&lang=${language}`,
          303,
        );
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        if (error.code === 'rate_limited') {
          const retryAfter = Number(error.params.retryAfter);
          if (Number.isFinite(retryAfter)) reply.header('retry-after', String(retryAfter));
          return sendHtml(
            reply,
            429,
            limitedPage(
              language,
              Number.isFinite(retryAfter) ? Math.max(1, Math.ceil(retryAfter / 60)) : null,
            ),
          );
        }
        if (error.code !== 'validation') throw error;
        const found = new Map<FormField, string>();
        for (const fieldError of error.fieldErrors) {
          if (isFormField(fieldError.field) && !found.has(fieldError.field)) {
            found.set(
              fieldError.field,
              messageFor(fieldError.field, fieldError.code, fieldError.params ?? {}, language),
            );
          }
        }
        // A refusal not about a field the resident sees (the trap): the form, to send again.
        if (found.size === 0) {
          return showForm(reply, 400, language, values, found, texts.fillTime.invalid);
        }
        return refused(found);
      }
    },
  );

  app.get(
    `${FORM_PATH}/thanks`,
    { schema: { hide: true, querystring: ThanksQuery }, config: { public: true } },
    async (request, reply) => {
      const language = languageFor(request, request.query.lang);
      const { ref } = request.query;
      if (ref === undefined) return reply.redirect(`${FORM_PATH}?lang=${language}`, 303);
      return sendHtml(
        reply,
        200,
        thanksPage({
          language,
          reference: ref,
          contact: request.query.contact === '1',
          answerDays: await feedbackWeb.answerDays(),
        }),
      );
    },
  );

  app.get(
    `${FORM_PATH}/print`,
    { schema: { hide: true, querystring: FormQuery }, config: { public: true } },
    async (request, reply) => {
      const language = languageFor(request, request.query.lang);
      const unitId = request.query.unit;
      const unit = unitId === undefined ? null : await feedbackWeb.formUnit(unitId);
      if (unitId !== undefined && unit === null)
        return sendHtml(reply, 404, notFoundPage(language));
      // The address as the resident's phone will open it: this server as the browser reached it
      // (through a trusted proxy's forwarded host and protocol when it is behind one).
      const origin = `${request.protocol}://${request.host}`;
      const formUrl = `${origin}${FORM_PATH}${unit ? `?unit=${encodeURIComponent(unit.id)}` : ''}`;
      return sendHtml(reply, 200, printPage({ unit, formUrl }));
    },
  );
}
