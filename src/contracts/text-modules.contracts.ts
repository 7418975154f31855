import { z } from 'zod';
import { LETTER_LANGUAGES, unknownTextModulePlaceholders } from '../domain/letters';
import { PageQuery, SearchText, Text, Version, pageOf } from './common';

/** Text with only the placeholders the composer can fill: {klients}, {numurs}, {termiņš}. */
const ModuleText = z
  .string()
  .trim()
  .min(1)
  .max(10_000)
  .refine((text) => unknownTextModulePlaceholders(text).length === 0, {
    message: 'unknown_text_module_placeholder',
  });

/** A ready piece of a letter a clerk starts from (issue 14, clause 21.2). */
export const TextModule = z.object({
  id: z.uuid(),
  title: z.string(),
  language: z.enum(LETTER_LANGUAGES),
  body: z.string(),
  active: z.boolean(),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TTextModule = z.infer<typeof TextModule>;

export const TextModulePage = pageOf(TextModule);
export type TTextModulePage = z.infer<typeof TextModulePage>;

export const ListTextModulesQuery = z.strictObject({
  q: SearchText(100).optional(),
  language: z.enum(LETTER_LANGUAGES).optional(),
  /** Only the active ones unless asked; retired modules stay for whoever keeps them. */
  active: z.stringbool().default(true),
  ...PageQuery,
});
export type TListTextModulesQuery = z.infer<typeof ListTextModulesQuery>;

export const CreateTextModuleBody = z.strictObject({
  title: Text(200),
  language: z.enum(LETTER_LANGUAGES),
  body: ModuleText,
});
export type TCreateTextModuleBody = z.infer<typeof CreateTextModuleBody>;

export const UpdateTextModuleBody = z.strictObject({
  title: Text(200).optional(),
  language: z.enum(LETTER_LANGUAGES).optional(),
  body: ModuleText.optional(),
  active: z.boolean().optional(),
  version: Version,
});
export type TUpdateTextModuleBody = z.infer<typeof UpdateTextModuleBody>;
