import { z } from 'zod';
import { Cursor, Id, pageOf } from './common.js';
import { Person } from './people.js';
import { FEEDBACK_KINDS, FEEDBACK_VISIBILITIES, type FeedbackKind, type FeedbackVisibility } from './feedback-rules.js';

const Prompt = z.string().min(1).max(300);
const Help = z.string().max(500).optional();

export const RatingQuestion = z
  .object({
    id: Id,
    kind: z.literal('rating'),
    prompt: Prompt,
    help: Help,
    required: z.boolean(),
    /** Whole numbers from `min` to `max`; `labels` names every point, lowest first. */
    scale: z.object({
      min: z.number().int(),
      max: z.number().int(),
      labels: z.array(z.string().min(1).max(60)),
    }),
  })
  .meta({ id: 'RatingQuestion' });

export const TextQuestion = z
  .object({
    id: Id,
    kind: z.literal('text'),
    prompt: Prompt,
    help: Help,
    required: z.boolean(),
    /** Bounds on the trimmed length, in characters; `minLength` applies only when there is an answer. */
    minLength: z.number().int().min(0),
    maxLength: z.number().int().min(1),
  })
  .meta({ id: 'TextQuestion' });

export const ChoiceQuestion = z
  .object({
    id: Id,
    kind: z.literal('choice'),
    prompt: Prompt,
    help: Help,
    required: z.boolean(),
    options: z.array(z.object({ id: Id, label: z.string().min(1).max(120) })).min(2),
    /** Several options may be chosen, up to `maxChoices`. */
    multiple: z.boolean(),
    maxChoices: z.number().int().min(1).optional(),
  })
  .meta({ id: 'ChoiceQuestion' });

export const Question = z.discriminatedUnion('kind', [RatingQuestion, TextQuestion, ChoiceQuestion]);

export const FeedbackKindSchema = z.enum(FEEDBACK_KINDS as unknown as [FeedbackKind, ...FeedbackKind[]]);
export const FeedbackVisibilitySchema = z.enum(
  FEEDBACK_VISIBILITIES as unknown as [FeedbackVisibility, ...FeedbackVisibility[]],
);

export const FeedbackTemplate = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string(),
    /** The kinds of feedback the template suits, the first being the default. */
    kinds: z.array(FeedbackKindSchema).min(1),
    questions: z.array(Question).min(1),
  })
  .meta({ id: 'FeedbackTemplate' });

export const FeedbackTemplateSummary = FeedbackTemplate.omit({ questions: true })
  .extend({ questionCount: z.number().int() })
  .meta({ id: 'FeedbackTemplateSummary' });

/** A rating is a whole number, a text answer a string, a choice one option id or (multiple) a list of them. */
export const AnswerValue = z.union([z.number(), z.string(), z.array(z.string())]);

export const NewFeedback = z
  .object({
    templateId: Id,
    recipientId: Id,
    kind: FeedbackKindSchema,
    /** Answers by question id; questions left out are unanswered. */
    answers: z.record(Id, AnswerValue),
    /** `recipient`: only the recipient reads it; `recipient-and-manager`: their manager too. */
    visibility: FeedbackVisibilitySchema.default('recipient'),
    /** The recipient does not learn who wrote it, and no answer of the API ever says. */
    anonymous: z.boolean().default(false),
  })
  .meta({ id: 'NewFeedback' });

/**
 * What the server answers a sender. It names no feedback id, so that nothing stored for a retry
 * (or kept by the sender) can be matched with what the recipient reads.
 */
export const FeedbackReceipt = z
  .object({
    recipient: Person,
    templateId: Id,
    kind: FeedbackKindSchema,
    visibility: FeedbackVisibilitySchema,
    anonymous: z.boolean(),
    /** The date the recipient will see: the day, or for anonymous feedback the Monday of its week. */
    receivedOn: z.string(),
    /**
     * The first day the recipient can read it: for anonymous feedback, the Monday after its week,
     * when that week's anonymous feedback shows all at once. A backend that leaves it out shows
     * feedback as soon as it is sent.
     */
    readableFrom: z.string().optional(),
  })
  .meta({ id: 'FeedbackReceipt' });

export const ReceivedFeedback = z
  .object({
    /** Random; says nothing about order or time. */
    id: Id,
    templateId: Id,
    templateName: z.string(),
    kind: FeedbackKindSchema,
    /** The questions as they were asked, so that a later change of the template cannot garble old answers. */
    questions: z.array(Question),
    answers: z.record(z.string(), AnswerValue),
    visibility: FeedbackVisibilitySchema,
    anonymous: z.boolean(),
    /** The giver, or null for anonymous feedback. */
    giver: Person.nullable(),
    recipient: Person,
    /** A date without a time. For anonymous feedback, the Monday of the week it was sent. */
    receivedOn: z.string(),
    receivedPrecision: z.enum(['day', 'week']),
  })
  .meta({ id: 'ReceivedFeedback' });

export const FeedbackQuery = z.object({
  kind: FeedbackKindSchema.optional(),
  cursor: Cursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const ReceivedFeedbackPage = pageOf(ReceivedFeedback).meta({ id: 'ReceivedFeedbackPage' });

export type RatingQuestion = z.infer<typeof RatingQuestion>;
export type TextQuestion = z.infer<typeof TextQuestion>;
export type ChoiceQuestion = z.infer<typeof ChoiceQuestion>;
export type Question = z.infer<typeof Question>;
export type FeedbackTemplate = z.infer<typeof FeedbackTemplate>;
export type FeedbackTemplateSummary = z.infer<typeof FeedbackTemplateSummary>;
export type AnswerValue = z.infer<typeof AnswerValue>;
export type NewFeedback = z.input<typeof NewFeedback>;
export type FeedbackReceipt = z.infer<typeof FeedbackReceipt>;
export type ReceivedFeedback = z.infer<typeof ReceivedFeedback>;
export type FeedbackQuery = z.input<typeof FeedbackQuery>;
export type { FeedbackKind, FeedbackVisibility };
