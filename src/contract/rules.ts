/*
 * Limits and fixed sets of the contract that widgets need at run time too. No zod here, so the
 * browser bundles may import it; the zod schemas take their bounds from the same constants.
 */

/** Mentorship requests. */
export const GOAL_MAX = 120;
export const MESSAGE_MAX = 2000;

/** A mentor's own words, and the most mentees one may take at once. */
export const BIO_MAX = 2000;
export const CAPACITY_MAX = 50;

/** Kudos: message length, value tags and recipients per kudos. */
export const KUDOS_MESSAGE_MIN = 3;
export const KUDOS_MESSAGE_MAX = 1000;
export const KUDOS_VALUES_MAX = 3;
export const KUDOS_RECIPIENTS_MAX = 10;

/** The fixed reaction set: the key travels in URLs, the emoji is shown. */
export const REACTIONS = {
  clap: '👏',
  tada: '🎉',
  heart: '❤️',
  rocket: '🚀',
  bulb: '💡',
  raised: '🙌',
} as const;
export type ReactionKey = keyof typeof REACTIONS;
export const REACTION_KEYS = Object.keys(REACTIONS) as ReactionKey[];

/** Mentions in a kudos message are written `@{personId}` and shown as the person's name. */
export const MENTION_PATTERN = /@\{([A-Za-z0-9_.:-]{1,64})\}/g;

/** Splits a message into text and mentioned person ids, in order. */
export function splitMentions(message: string): ({ text: string } | { mention: string })[] {
  const parts: ({ text: string } | { mention: string })[] = [];
  let last = 0;
  for (const match of message.matchAll(MENTION_PATTERN)) {
    if (match.index > last) parts.push({ text: message.slice(last, match.index) });
    parts.push({ mention: match[1] });
    last = match.index + match[0].length;
  }
  if (last < message.length) parts.push({ text: message.slice(last) });
  return parts;
}

/** Skill levels: 0 (aware of it) to 5 (expert); “not assessed” is the absence of a rating. */
export const SKILL_LEVELS = [0, 1, 2, 3, 4, 5] as const;
export type SkillLevel = (typeof SKILL_LEVELS)[number];
export const RATING_SOURCES = ['self', 'manager', 'peer'] as const;
export type RatingSource = (typeof RATING_SOURCES)[number];
/** A skill is a bus-factor risk when fewer than this many people hold it at the target level. */
export const BUS_FACTOR_MIN = 2;
