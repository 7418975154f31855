import { z } from 'zod';
import { LETTER_LANGUAGES, unknownSignaturePlaceholders } from '../domain/letters';
import { Version } from './common';

export const LetterLanguage = z.enum(LETTER_LANGUAGES);

/** The signature template of one language, as the administrator keeps it (clause 21.2.5). */
export const SignatureTemplate = z.object({
  language: LetterLanguage,
  template: z.string(),
  version: z.int(),
  updatedAt: z.string(),
  updatedBy: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type TSignatureTemplate = z.infer<typeof SignatureTemplate>;

export const SignatureTemplates = z.object({ items: z.array(SignatureTemplate) });
export type TSignatureTemplates = z.infer<typeof SignatureTemplates>;

export const SignatureLanguageParams = z.strictObject({ language: LetterLanguage });

export const UpdateSignatureTemplateBody = z.strictObject({
  /** Lines of text with placeholders in braces, e.g. {vārds} {uzvārds}; only known ones. */
  template: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .refine((text) => unknownSignaturePlaceholders(text).length === 0, {
      message: 'unknown_signature_placeholder',
    }),
  version: Version,
});
export type TUpdateSignatureTemplateBody = z.infer<typeof UpdateSignatureTemplateBody>;

export const MySignatureQuery = z.strictObject({ language: LetterLanguage.default('lv') });

/** What the template makes of a person's profile, and the profile, for previews. */
export const SignatureProfile = z.object({
  givenName: z.string().nullable(),
  surname: z.string().nullable(),
  position: z.string().nullable(),
  unit: z.string().nullable(),
  institution: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  website: z.string().nullable(),
});

export const MySignature = z.object({
  language: LetterLanguage,
  /** The signature under the signed-in person's letters in this language. */
  text: z.string(),
  profile: SignatureProfile,
});
export type TMySignature = z.infer<typeof MySignature>;
