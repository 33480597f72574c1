import { z } from 'zod';
import { Id, PageQuery, pageOf } from './common.js';
import { Person } from './people.js';
import { BIO_MAX, CAPACITY_MAX, GOAL_MAX, MESSAGE_MAX } from './rules.js';

export const SkillRef = z.object({ id: Id, name: z.string() }).meta({ id: 'SkillRef' });

/** Proficiency from 1 (basic) to 5 (expert). */
export const ExpertLevel = z.number().int().min(1).max(5);

export const Circle = z
  .object({
    id: Id,
    topic: z.string(),
    description: z.string(),
    leadId: Id,
    capacity: z.number().int().min(1),
    memberCount: z.number().int().min(0),
    /** Whether the signed-in person is a member. */
    joined: z.boolean(),
  })
  .meta({ id: 'Circle' });

export const MentorProfile = z
  .object({
    id: Id,
    person: Person,
    bio: z.string(),
    expertise: z.array(z.object({ skill: SkillRef, level: ExpertLevel })),
    wantsToLearn: z.array(SkillRef),
    /** Most mentees at once. */
    capacity: z.number().int().min(0),
    activeMentees: z.number().int().min(0),
    accepting: z.boolean(),
    /** Hidden from matching and listings; the profile is still reachable by id. */
    hidden: z.boolean(),
    /** Median hours to answer a request, or null before the first answer. */
    medianResponseHours: z.number().min(0).nullable(),
    /** Circles the mentor leads. */
    circles: z.array(Circle),
    /**
     * The signed-in person's request to this mentor while it waits for an answer (`pending`), or
     * their running mentorship with them (`accepted`); null when there is neither. A server that
     * predates this field leaves it out, and the card then offers a request as before.
     */
    yourRequest: z
      .object({ id: Id, state: z.enum(['pending', 'accepted']) })
      .nullable()
      .optional(),
  })
  .meta({ id: 'MentorProfile' });

export const MatchReason = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('shared-skills'), skills: z.array(SkillRef) }),
    z.object({ kind: z.literal('other-department'), department: z.string() }),
    z.object({ kind: z.literal('time-zone'), overlapHours: z.number() }),
    z.object({ kind: z.literal('capacity'), placesFree: z.number().int() }),
    z.object({ kind: z.literal('response-time'), hours: z.number() }),
  ])
  .meta({ id: 'MatchReason' });

export const MentorMatch = z
  .object({
    mentor: MentorProfile,
    /** 0–100; higher is a better fit. */
    score: z.number().min(0).max(100),
    reasons: z.array(MatchReason),
  })
  .meta({ id: 'MentorMatch' });

/** `accepted` is a running mentorship, until either side ends it (`ended`). */
export const RequestState = z.enum(['pending', 'accepted', 'declined', 'withdrawn', 'expired', 'ended']);

export const MentorshipRequest = z
  .object({
    id: Id,
    menteeId: Id,
    mentorId: Id,
    goal: z.string(),
    message: z.string(),
    state: RequestState,
    createdAt: z.string(),
    expiresAt: z.string(),
    respondedAt: z.string().nullable(),
  })
  .meta({ id: 'MentorshipRequest' });

export { GOAL_MAX, MESSAGE_MAX };

export const NewMentorshipRequest = z
  .object({
    mentorId: Id,
    goal: z.string().trim().min(3, 'say in a few words what you want to learn').max(GOAL_MAX),
    message: z.string().trim().max(MESSAGE_MAX).default(''),
  })
  .meta({ id: 'NewMentorshipRequest' });

/** What mentors change of their own profile (`PATCH /me/mentor-profile`); what is left out stays. */
export const MentorSettings = z
  .object({
    /** Whether new requests are taken. */
    accepting: z.boolean().optional(),
    /** Most mentees at once; not below the mentees there are. */
    capacity: z.number().int().min(0).max(CAPACITY_MAX).optional(),
    bio: z.string().trim().max(BIO_MAX).optional(),
  })
  .strict()
  .refine((settings) => Object.keys(settings).length > 0, 'change at least one of accepting, capacity, bio')
  .meta({ id: 'MentorSettings' });

export { MentorshipConflict } from './problems.js';

export const MentorsQuery = PageQuery.extend({
  skill: Id.optional(),
  department: Id.optional(),
  available: z.enum(['true', 'false']).optional(),
  ids: z
    .string()
    .transform((value) => value.split(',').filter((id) => id.length > 0))
    .pipe(z.array(Id).min(1).max(50))
    .optional(),
});

export const MentorsPage = pageOf(MentorProfile).meta({ id: 'MentorsPage' });

export type SkillRef = z.infer<typeof SkillRef>;
export type Circle = z.infer<typeof Circle>;
export type MentorProfile = z.infer<typeof MentorProfile>;
export type MatchReason = z.infer<typeof MatchReason>;
export type MentorMatch = z.infer<typeof MentorMatch>;
export type RequestState = z.infer<typeof RequestState>;
/** The mentor accepts or declines a pending request, the mentee withdraws it; either ends a running mentorship. */
export type RequestAction = 'accept' | 'decline' | 'withdraw' | 'end';
export type MentorshipRequest = z.infer<typeof MentorshipRequest>;
export type NewMentorshipRequest = z.input<typeof NewMentorshipRequest>;
export type MentorSettings = z.input<typeof MentorSettings>;
