import { z } from 'zod';
import { IDEA_ADDRESSEES, IDEA_STATES } from '../domain/ideas';
import { OptionalText, PageQuery, Text, Version, pageOf } from './common';

export const IdeaAddressee = z.enum(IDEA_ADDRESSEES);
export const IdeaState = z.enum(IDEA_STATES);

export const CreateIdeaBody = z.strictObject({
  addressee: IdeaAddressee,
  title: Text(200),
  text: Text(4000),
  /** For an idea to the manager: the unit whose head receives it; the author's own by default. */
  unitId: z.uuid().nullable().optional(),
});
export type TCreateIdeaBody = z.infer<typeof CreateIdeaBody>;

export const MoveIdeaBody = z.strictObject({
  state: IdeaState,
  /** The answer the author reads; required with a decision (accepted, rejected, implemented). */
  response: OptionalText(4000),
  /** The improvement task the idea led to. */
  improvementTaskId: z.uuid().nullable().optional(),
  version: Version,
});
export type TMoveIdeaBody = z.infer<typeof MoveIdeaBody>;

const PersonRef = z.object({ id: z.uuid(), givenName: z.string(), surname: z.string() });

export const Idea = z.object({
  id: z.uuid(),
  author: PersonRef,
  addressee: IdeaAddressee,
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  title: z.string(),
  text: z.string(),
  state: IdeaState,
  response: z.string().nullable(),
  respondedBy: PersonRef.nullable(),
  respondedAt: z.string().nullable(),
  improvementTask: z.object({ id: z.uuid(), title: z.string() }).nullable(),
  /** Whether the viewer receives the idea and so may move it and answer. */
  abilities: z.object({ respond: z.boolean() }),
  version: z.int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TIdea = z.infer<typeof Idea>;

export const ListIdeasQuery = z.strictObject({
  /** `mine`: the ideas one sent; `received`: those sent to one. */
  box: z.enum(['mine', 'received']).default('mine'),
  state: IdeaState.optional(),
  ...PageQuery,
});
export type TListIdeasQuery = z.infer<typeof ListIdeasQuery>;

export const IdeaPage = pageOf(Idea);
export type TIdeaPage = z.infer<typeof IdeaPage>;
