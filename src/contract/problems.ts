/** The `type` of each 409 problem, so that a client can say why in its own words. No zod here: MemoryBackend uses it. */
export const MentorshipConflict = {
  self: 'urn:peerkit:problem:mentorship-self',
  notAccepting: 'urn:peerkit:problem:mentor-not-accepting',
  duplicate: 'urn:peerkit:problem:mentorship-duplicate',
  full: 'urn:peerkit:problem:mentor-full',
  notPending: 'urn:peerkit:problem:mentorship-not-pending',
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
