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
