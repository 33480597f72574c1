/** The `type` of each 409 problem, so that a client can say why in its own words. No zod here: MemoryBackend uses it. */
export const MentorshipConflict = {
  self: 'urn:peerkit:problem:mentorship-self',
  notAccepting: 'urn:peerkit:problem:mentor-not-accepting',
  duplicate: 'urn:peerkit:problem:mentorship-duplicate',
  full: 'urn:peerkit:problem:mentor-full',
  notPending: 'urn:peerkit:problem:mentorship-not-pending',
  /** Ending a mentorship that is not running: never accepted, or ended already. */
  notActive: 'urn:peerkit:problem:mentorship-not-active',
  circleFull: 'urn:peerkit:problem:circle-full',
  alreadyMember: 'urn:peerkit:problem:circle-member',
} as const;

/** The `type` of each 409 problem about kudos. */
export const KudosConflict = {
  self: 'urn:peerkit:problem:kudos-self',
} as const;

/** The `type` of each problem about feedback that a form explains in its own words. */
export const FeedbackProblem = {
  /** 409: feedback to yourself. */
  self: 'urn:peerkit:problem:feedback-self',
  /** 429: the daily number of feedback is reached; Retry-After says until when. */
  dailyLimit: 'urn:peerkit:problem:feedback-daily-limit',
  /** 422: the recipient has no manager, so `recipient-and-manager` cannot be chosen. */
  noManager: 'urn:peerkit:problem:feedback-no-manager',
} as const;

/**
 * 404 for a list whose filter names something that does not exist, most often a typo in a
 * widget's attribute (`team="desgin"`): not an empty list, which would hide the mistake. `errors`
 * has one entry per such query parameter, and the detail says each in words.
 */
/** Its own constant: a client tells this problem apart without carrying the English below. */
export const UNKNOWN_FILTER = 'urn:peerkit:problem:unknown-filter';

export const UnknownFilter = {
  type: UNKNOWN_FILTER,
  says: {
    department: (id: string) => `No department has the id "${id}".`,
    person: (id: string) => `No person has the id "${id}".`,
    value: (id: string) => `No company value has the id "${id}".`,
    skill: (id: string) => `No skill has the id "${id}".`,
    category: (name: string) => `No skill is in the category "${name}".`,
  },
} as const;

export type FilterKind = keyof typeof UnknownFilter.says;

/**
 * The message for one filter value that names nothing, with the id it most likely meant: the one
 * whose id or name is the value in other letter case.
 */
export function unknownFilterMessage(kind: FilterKind, value: string, meant?: string) {
  return UnknownFilter.says[kind](value) + (meant ? ` Did you mean "${meant}"?` : '');
}

/** One filter value that names nothing: the query parameter, the value, and the id it most likely meant. */
export interface MissingFilter {
  path: string;
  kind: FilterKind;
  value: string;
  meant?: string;
}

/**
 * The problem that answers filters naming things that do not exist. Each entry of `errors` also
 * carries the refused `value` and the `meant` id, so that a client can say it in its reader's language.
 */
export function unknownFilterProblem(missing: MissingFilter[]) {
  const errors = missing.map(({ path, kind, value, meant }) => ({
    path,
    message: unknownFilterMessage(kind, value, meant),
    value,
    ...(meant ? { meant } : {}),
  }));
  return {
    type: UNKNOWN_FILTER,
    title: 'Not found',
    status: 404,
    detail: errors.map((e) => e.message).join(' '),
    errors,
  };
}

/** The detail of a 400: what was invalid, each field with its reason, so that a reader can mend it. */
export function invalidDetail(what: string, errors: { path: string; message: string }[]) {
  return `The ${what} is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}.`;
}
