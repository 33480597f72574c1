import { z } from 'zod';
import { Cursor, Id, pageOf } from './common.js';
import { Person } from './people.js';
import {
  KUDOS_MESSAGE_MAX,
  KUDOS_MESSAGE_MIN,
  KUDOS_RECIPIENTS_MAX,
  KUDOS_VALUES_MAX,
  REACTION_KEYS,
  type ReactionKey,
} from './rules.js';

/** A company value that kudos can be tagged with; the list is managed by the organisation. */
export const CompanyValue = z
  .object({
    id: Id,
    name: z.string(),
    description: z.string(),
    /** A short symbol shown beside the name. */
    emoji: z.string(),
  })
  .meta({ id: 'CompanyValue' });

export const Reaction = z.enum(REACTION_KEYS as [ReactionKey, ...ReactionKey[]]);

export const ReactionCount = z
  .object({
    reaction: Reaction,
    count: z.number().int().min(0),
    /** Whether the signed-in person gave this reaction. */
    mine: z.boolean(),
  })
  .meta({ id: 'ReactionCount' });

/** `public`: everyone sees it; `private`: only the giver and the recipients. */
export const KudosVisibility = z.enum(['public', 'private']);

export const Kudos = z
  .object({
    id: Id,
    giver: Person,
    recipients: z.array(Person).min(1),
    /** Plain text; `@{personId}` marks a mention, resolved in `mentions`. */
    message: z.string(),
    mentions: z.array(Person),
    values: z.array(CompanyValue),
    visibility: KudosVisibility,
    createdAt: z.string(),
    /** When its giver last changed its message or values; null when never. */
    editedAt: z.string().nullable().optional(),
    /** Every reaction of the fixed set, with its count. */
    reactions: z.array(ReactionCount),
  })
  .meta({ id: 'Kudos' });

const KudosMessage = z
  .string()
  .trim()
  .min(KUDOS_MESSAGE_MIN, `say a few words (at least ${KUDOS_MESSAGE_MIN} characters)`)
  .max(KUDOS_MESSAGE_MAX, `at most ${KUDOS_MESSAGE_MAX} characters`);
const KudosValueIds = z
  .array(Id)
  .min(1, 'choose at least one value')
  .max(KUDOS_VALUES_MAX, `at most ${KUDOS_VALUES_MAX} values`);

export const NewKudos = z
  .object({
    recipientIds: z
      .array(Id)
      .min(1, 'choose at least one person')
      .max(KUDOS_RECIPIENTS_MAX, `at most ${KUDOS_RECIPIENTS_MAX} people at once`),
    message: KudosMessage,
    valueIds: KudosValueIds,
    visibility: KudosVisibility.default('public'),
  })
  .meta({ id: 'NewKudos' });

/**
 * What the giver may change of kudos they gave (`PATCH /kudos/{id}`): the message and the values;
 * what is left out stays. Who receives it and who may see it stay as they were sent.
 */
export const KudosChanges = z
  .object({ message: KudosMessage.optional(), valueIds: KudosValueIds.optional() })
  .strict()
  .refine((changes) => changes.message !== undefined || changes.valueIds !== undefined, {
    message: 'change the message, the values, or both',
  })
  .meta({ id: 'KudosChanges' });

/** Filters of the feed and of the stream. */
export const KudosFilter = z.object({
  /** A department id: kudos given or received by someone in it. */
  team: Id.optional(),
  /** A person id: kudos the person gave or received. */
  person: Id.optional(),
  /** A company value id. */
  value: Id.optional(),
});

export const KudosQuery = KudosFilter.extend({
  cursor: Cursor.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export const KudosPage = pageOf(Kudos).meta({ id: 'KudosPage' });

/** The answer of `PUT|DELETE /kudos/{id}/reactions/{reaction}`, and the `reactions` stream event. */
export const KudosReactions = z
  .object({ kudosId: Id, reactions: z.array(ReactionCount) })
  .meta({ id: 'KudosReactions' });

/** The `removed` stream event: the kudos was deleted (by its giver) and is gone for everyone. */
export const KudosRemoved = z.object({ kudosId: Id }).meta({ id: 'KudosRemoved' });

export type CompanyValue = z.infer<typeof CompanyValue>;
export type Reaction = z.infer<typeof Reaction>;
export type ReactionCount = z.infer<typeof ReactionCount>;
export type KudosVisibility = z.infer<typeof KudosVisibility>;
export type Kudos = z.infer<typeof Kudos>;
export type NewKudos = z.input<typeof NewKudos>;
export type KudosChanges = z.input<typeof KudosChanges>;
export type KudosFilter = z.infer<typeof KudosFilter>;
export type KudosReactions = z.infer<typeof KudosReactions>;
export type KudosRemoved = z.infer<typeof KudosRemoved>;
