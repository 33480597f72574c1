import type { Generated } from 'kysely';

/** Table types. Booleans are integers 0/1 and lists are JSON text, so the schema ports to PostgreSQL as it is. */
export interface Database {
  departments: { id: string; name: string };
  people: {
    id: string;
    name: string;
    email: string;
    title: string;
    department_id: string;
    location: string;
    time_zone: string;
    /** Set for the demo people: their portrait is generated. */
    has_photo: number;
    /** A photo elsewhere (an imported directory); shown before a generated one. */
    photo_url: Generated<string | null>;
    manager_id: string | null;
    languages: string;
    /** The day (YYYY-MM-DD) they left; null while they are in the organisation. */
    left_on: Generated<string | null>;
  };
  access_tokens: {
    token_hash: string;
    person_id: string;
    label: string;
    created_at: string;
  };
  learning_goals: { person_id: string; skill_id: string };
  mentor_profiles: {
    person_id: string;
    bio: string;
    capacity: number;
    active_mentees: number;
    accepting: number;
    hidden: number;
    median_response_hours: number | null;
  };
  mentor_expertise: { person_id: string; skill_id: string; level: number };
  mentorship_requests: {
    id: string;
    mentee_id: string;
    mentor_id: string;
    goal: string;
    message: string;
    state: string;
    created_at: string;
    expires_at: string;
    responded_at: string | null;
  };
  circles: { id: string; topic: string; description: string; lead_id: string; capacity: number };
  circle_members: { circle_id: string; person_id: string; joined_at: string };
  idempotency_records: {
    /** `idempotencyOwner(person, route, key)`: no row names its person. */
    owner: string;
    /** 0 while the first attempt runs. */
    status: number;
    body: string;
    request_hash: string | null;
    /** The first answer's `Location` header, sent again with each replay. */
    location: string | null;
    /** The exact time while the first attempt runs, then only the day. */
    created_at: string;
  };
  skills: {
    id: string;
    name: string;
    category: string;
    synonyms: string;
  };
  company_values: { id: string; name: string; description: string; emoji: string; position: number };
  kudos: {
    seq: Generated<number>;
    id: string;
    giver_id: string;
    message: string;
    visibility: string;
    created_at: string;
    /** When its giver last changed it; null when never. */
    edited_at: Generated<string | null>;
  };
  kudos_recipients: { kudos_seq: number; person_id: string };
  kudos_mentions: { kudos_seq: number; person_id: string };
  kudos_values: { kudos_seq: number; value_id: string };
  kudos_reactions: { kudos_seq: number; person_id: string; reaction: string; created_at: string };
  kudos_events: {
    id: Generated<number>;
    /** `kudos`, `reactions`, `edited`, or `removed` (the kudos is gone: `kudos_id` names it). */
    kind: string;
    kudos_seq: number;
    kudos_id: string | null;
    created_at: string;
  };
  skill_ratings: { person_id: string; skill_id: string; source: string; level: number; assessed_at: string };
  skill_targets: { department_id: string; skill_id: string; level: number };
  feedback_templates: {
    id: string;
    name: string;
    description: string;
    kinds: string;
    questions: string;
    position: number;
  };
  feedback: {
    id: string;
    template_id: string;
    template_name: string;
    questions: string;
    recipient_id: string;
    giver_id: string | null;
    kind: string;
    answers: string;
    visibility: string;
    anonymous: number;
    received_on: string;
  };
  /** Feedback sent today, per `quotaHolder(person, day)`: no row names its person. */
  feedback_quota: { holder: string; day: string; count: number };
  /** Each client's rate-limit window, shared by the server processes on this database. */
  rate_windows: {
    client: string;
    /** When the window started, in ms since 1970 (PostgreSQL's bigint comes back as a string). */
    started: number | string;
    hits: number;
  };
}
