import type { Page } from '../contract/common.js';
import type { Me, Person } from '../contract/people.js';
import type {
  Circle,
  MentorMatch,
  MentorProfile,
  MentorSettings,
  MentorshipRequest,
  NewMentorshipRequest,
  RequestAction,
} from '../contract/mentors.js';
import type {
  CompanyValue,
  Kudos,
  KudosChanges,
  KudosFilter,
  KudosReactions,
  NewKudos,
  ReactionCount,
} from '../contract/kudos.js';
import type { ReactionKey, SkillLevel } from '../contract/rules.js';
import type { PeerError } from './errors.js';
import type { Expert, Rating, Skill, SkillGap, SkillMatrix } from '../contract/skills.js';
import type {
  FeedbackKind,
  FeedbackReceipt,
  FeedbackTemplate,
  FeedbackTemplateSummary,
  NewFeedback,
  ReceivedFeedback,
} from '../contract/feedback.js';

export type { Page, Problem } from '../contract/common.js';
export type { Department, Me, Person } from '../contract/people.js';
export type {
  Circle,
  MatchReason,
  MentorMatch,
  MentorProfile,
  MentorshipRequest,
  NewMentorshipRequest,
  RequestAction,
  RequestState,
  SkillRef,
} from '../contract/mentors.js';
export type {
  CompanyValue,
  Kudos,
  KudosFilter,
  KudosReactions,
  KudosVisibility,
  NewKudos,
  ReactionCount,
} from '../contract/kudos.js';
export type { RatingSource, ReactionKey, SkillLevel } from '../contract/rules.js';
export type {
  AnswerValue,
  ChoiceQuestion,
  FeedbackKind,
  FeedbackReceipt,
  FeedbackTemplate,
  FeedbackTemplateSummary,
  FeedbackVisibility,
  NewFeedback,
  Question,
  RatingQuestion,
  ReceivedFeedback,
  TextQuestion,
} from '../contract/feedback.js';
export type { Expert, LevelStep, MatrixPerson, Rating, Skill, SkillGap, SkillMatrix } from '../contract/skills.js';

/** Options every backend call accepts. */
export interface CallOptions {
  /** Aborts the call; the promise then rejects with a `PeerError` of kind `aborted`. */
  signal?: AbortSignal;
}

/** Options of a write: a key that makes a retried send safe (the server stores it once). */
export interface WriteOptions extends CallOptions {
  idempotencyKey?: string;
}

export interface PeopleSearch {
  q?: string;
  department?: string;
  cursor?: string;
  limit?: number;
}

export interface SkillMatrixSearch {
  /** A department id. */
  department?: string;
  /** A skill category name. */
  category?: string;
  /** Only these skill ids. */
  skills?: string[];
}

export interface KudosSearch extends KudosFilter {
  cursor?: string;
  limit?: number;
}

export interface FeedbackSearch {
  kind?: FeedbackKind;
  cursor?: string;
  limit?: number;
}

/** What a live kudos subscription reports. */
export type KudosEvent =
  | { type: 'kudos'; kudos: Kudos }
  | { type: 'reactions'; kudosId: string; reactions: ReactionCount[] }
  /** Its giver changed the message or values: show it as it is now (or drop it, if it left the filter). */
  | { type: 'edited'; kudos: Kudos }
  /** The kudos was deleted by its giver: drop it. */
  | { type: 'removed'; kudosId: string }
  /** Too much was missed while disconnected: reload the first page. */
  | { type: 'reset' }
  /** The connection: `open`, `connecting`, `reconnecting` after a drop, or `failed` for good (and why). */
  | { type: 'connection'; state: 'connecting' | 'open' | 'reconnecting' | 'failed'; error?: PeerError };

/**
 * Everything a Peerkit widget knows about where its data comes from. `RestBackend` implements
 * it over HTTP, `MemoryBackend` in memory; implement it yourself to use GraphQL, an SDK or a mock.
 *
 * Every method rejects with a `PeerError`.
 */
export interface PeerBackend {
  /**
   * Names what widgets keep in the browser for this backend (drafts, the outbox), so that two
   * backends on one page, or one browser used against two servers, never mix them.
   */
  readonly storageScope?: string;

  /**
   * Optional: forgets answers kept from earlier calls, so that the next calls ask again. Widgets
   * call it when another tab of the page's origin saved something, before they load again.
   */
  clearCache?(): void;

  /** The signed-in person. */
  getMe(options?: CallOptions): Promise<Me>;
  /** One person; rejects with a 404 `PeerError` when there is none with that id. */
  getPerson(id: string, options?: CallOptions): Promise<Person>;
  /** Several people at once; unknown ids are left out of the map. */
  getPeople(ids: readonly string[], options?: CallOptions): Promise<Map<string, Person>>;
  /** A page of people matching a search. */
  searchPeople(search: PeopleSearch, options?: CallOptions): Promise<Page<Person>>;

  /** A mentor's profile; rejects with a 404 `PeerError` when the person is not a mentor. */
  getMentor(id: string, options?: CallOptions): Promise<MentorProfile>;
  /** The signed-in person's best mentors, best first, with the reasons. */
  getMentorMatches(limit: number, options?: CallOptions): Promise<MentorMatch[]>;
  /** Asks a mentor; rejects with 409 (problem `type` from `MentorshipConflict`) when it cannot be. */
  requestMentorship(request: NewMentorshipRequest, options?: WriteOptions): Promise<MentorshipRequest>;
  /** Requests the signed-in person received (`mentor`) or sent (`mentee`). */
  getMyMentorshipRequests(role: 'mentor' | 'mentee', options?: CallOptions): Promise<MentorshipRequest[]>;
  respondToMentorshipRequest(id: string, action: RequestAction, options?: WriteOptions): Promise<MentorshipRequest>;
  joinCircle(id: string, options?: WriteOptions): Promise<Circle>;
  /**
   * The signed-in person leaves a circle they joined; answers the circle now. Leaving one they are
   * not in changes nothing. Optional: without it, cards offer no "Leave…".
   */
  leaveCircle?(id: string, options?: WriteOptions): Promise<Circle>;
  /**
   * The signed-in mentor changes their own profile (taking requests, capacity, bio); what is left
   * out stays. Rejects with 400 (`errors` at `capacity`) below the mentees there are, 404 for a non-mentor.
   */
  updateMyMentorProfile(changes: MentorSettings, options?: WriteOptions): Promise<MentorProfile>;

  /** The company values kudos can be tagged with. */
  getValues(options?: CallOptions): Promise<CompanyValue[]>;
  /** A page of the kudos feed, newest first. */
  getKudos(search: KudosSearch, options?: CallOptions): Promise<Page<Kudos>>;
  /** Gives kudos; rejects with 409 (`KudosConflict.self`) for kudos to yourself. */
  giveKudos(kudos: NewKudos, options?: WriteOptions): Promise<Kudos>;
  /** Adds (`on`) or takes back a reaction of the signed-in person; answers the new counts. */
  setReaction(kudosId: string, reaction: ReactionKey, on: boolean, options?: WriteOptions): Promise<KudosReactions>;
  /**
   * The signed-in person deletes kudos they gave, for everyone. Resolves also when it was gone
   * already; rejects with 403 for someone else's. Optional: without it, feeds offer no "Delete".
   */
  deleteKudos?(kudosId: string, options?: WriteOptions): Promise<void>;
  /**
   * The signed-in person changes the message or values of kudos they gave; answers the kudos now.
   * Rejects with 403 for someone else's, 404 when gone, 400/422 for changes out of bounds.
   * Optional: without it, feeds offer no "Edit…".
   */
  editKudos?(kudosId: string, changes: KudosChanges, options?: WriteOptions): Promise<Kudos>;
  /**
   * Reports new kudos matching `filter`, reaction counts and deleted kudos as they happen, until `signal`
   * aborts. Reconnects by itself after a drop without missing events.
   */
  watchKudos(filter: KudosFilter, listener: (event: KudosEvent) => void, options: { signal: AbortSignal }): void;

  /** Every skill, by category and name. */
  getSkills(options?: CallOptions): Promise<Skill[]>;
  /** People, skills and their ratings in one answer, for a grid. */
  getSkillMatrix(search: SkillMatrixSearch, options?: CallOptions): Promise<SkillMatrix>;
  /** The people rated highest in a skill, best first. */
  getSkillExperts(skillId: string, limit: number, options?: CallOptions): Promise<Expert[]>;
  /** A department against its target levels, riskiest first. */
  getSkillGaps(department: string, options?: CallOptions): Promise<SkillGap[]>;
  /** The signed-in person rates their own level in a skill. */
  rateMySkill(skillId: string, level: SkillLevel, options?: WriteOptions): Promise<Rating>;

  /** The feedback templates, without their questions. */
  getFeedbackTemplates(options?: CallOptions): Promise<FeedbackTemplateSummary[]>;
  /** A template with its questions; rejects with a 404 `PeerError` when there is none. */
  getFeedbackTemplate(id: string, options?: CallOptions): Promise<FeedbackTemplate>;
  /**
   * Sends feedback. Rejects with 400 (answers, by `answers.<questionId>`), 409
   * (`FeedbackProblem.self`), 422 or 429 (`FeedbackProblem.dailyLimit`). Pass an
   * `idempotencyKey` so that a retried send is stored once.
   */
  sendFeedback(feedback: NewFeedback, options?: WriteOptions): Promise<FeedbackReceipt>;
  /** Feedback the signed-in person received, newest first. */
  getMyFeedback(search: FeedbackSearch, options?: CallOptions): Promise<Page<ReceivedFeedback>>;
  /**
   * A person's feedback, newest first: all of it when they are the signed-in person, what they
   * shared with their manager when the signed-in person is that manager. Anyone else gets a 403.
   */
  getPersonFeedback(personId: string, search: FeedbackSearch, options?: CallOptions): Promise<Page<ReceivedFeedback>>;
}
