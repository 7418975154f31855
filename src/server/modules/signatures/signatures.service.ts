import type { Kysely } from 'kysely';
import type {
  TMySignature,
  TSignatureTemplate,
  TSignatureTemplates,
  TUpdateSignatureTemplateBody,
} from '../../../contracts/signatures.contracts';
import { signatureFrom, type LetterLanguage } from '../../../domain/letters';
import type { Clock } from '../../adapters/clock';
import type { Executor } from '../../db/database';
import type { DB } from '../../db/schema';
import { requirePermission, type ActionContext } from '../../http/access';
import { AppError, notFound, versionConflict } from '../../http/errors';
import type { AuditService } from '../audit/audit.service';
import { presentSignatureTemplate, profileOf } from './signatures.presenter';
import {
  findSignatureProfile,
  findSignatureTemplate,
  findSignatureTemplates,
  updateSignatureTemplate,
} from './signatures.repository';

/**
 * The signature under every written answer (clause 21.2.5): one template per language that the
 * administrator keeps, filled from the writer's staff profile when the letter is queued. The
 * clerk never types it, so it cannot be changed in a letter.
 */
export function createSignaturesService(deps: {
  db: Kysely<DB>;
  audit: AuditService;
  clock: Clock;
}) {
  const { db, audit, clock } = deps;

  async function template(
    executor: Executor,
    language: LetterLanguage,
  ): Promise<TSignatureTemplate> {
    const row = await findSignatureTemplate(executor, language);
    if (!row) throw notFound();
    return presentSignatureTemplate(row);
  }

  /** The language's template filled from the person's profile, and that profile; null without either. */
  async function signatureOf(executor: Executor, staffId: string, language: LetterLanguage) {
    const [row, found] = await Promise.all([
      findSignatureTemplate(executor, language),
      findSignatureProfile(executor, staffId),
    ]);
    if (!row || !found) return null;
    const profile = profileOf(found);
    return { text: signatureFrom(row.template, profile), profile };
  }

  return {
    async list(ctx: ActionContext): Promise<TSignatureTemplates> {
      requirePermission(ctx.principal, 'signatures.manage');
      const rows = await findSignatureTemplates(db);
      return { items: rows.map(presentSignatureTemplate) };
    },

    async update(
      ctx: ActionContext,
      language: LetterLanguage,
      body: TUpdateSignatureTemplateBody,
    ): Promise<TSignatureTemplate> {
      requirePermission(ctx.principal, 'signatures.manage');
      return db.transaction().execute(async (trx) => {
        const before = await template(trx, language);
        const written = await updateSignatureTemplate(trx, {
          language,
          template: body.template,
          version: body.version,
          by: ctx.principal.staffId,
          at: clock.now(),
        });
        if (!written) throw versionConflict();
        const after = await template(trx, language);
        await audit.record(trx, ctx, {
          action: 'update',
          entityType: 'signature_template',
          entityId: language,
          before: { template: before.template },
          after: { template: after.template },
        });
        return after;
      });
    },

    /** The signed-in person's signature and the profile it is made of, for the composer. */
    async mine(ctx: ActionContext, language: LetterLanguage): Promise<TMySignature> {
      const staffId = ctx.principal.staffId;
      if (!staffId) throw new AppError('forbidden');
      const made = await signatureOf(db, staffId, language);
      if (!made) throw notFound();
      return { language, ...made };
    },

    /** The signature under a letter the person writes, in the caller's transaction. */
    async signatureIn(
      executor: Executor,
      staffId: string,
      language: LetterLanguage,
    ): Promise<string | null> {
      return (await signatureOf(executor, staffId, language))?.text ?? null;
    },
  };
}
export type SignaturesService = ReturnType<typeof createSignaturesService>;
