// The public API. Importing it registers no tag: import `peerkit/<widget>` or `peerkit/peerkit.js` for that.
export type * from './core/backend.js';
export { PeerError, type PeerErrorKind } from './core/errors.js';
export { configure, getDefaultBackend, type PeerConfig } from './core/config.js';
export { backendContext, BackendController } from './core/context.js';
export {
  RestBackend,
  defaultPaths,
  expandPath,
  type PathTemplates,
  type ResponseMappers,
  type RestBackendOptions,
} from './core/rest/rest-backend.js';
export type { HeadersSource, HttpOptions, RetryInfo } from './core/rest/http.js';
export {
  EventStreamParser,
  keepEventStream,
  type StreamEvent,
  type EventStreamOptions,
} from './core/rest/event-stream.js';
export { ResourceController, type ResourceOptions, type ResourceRenderers } from './core/resource-controller.js';
export { LocalizeController, registerTranslation, registeredLanguages } from './core/i18n/localize.js';
export type { MessageKey, Messages } from './core/i18n/en.js';
export { PeerElement, type PeerEventDetails, type PeerTheme } from './core/peer-element.js';
export { safeUrl } from './core/safe-url.js';
export { newKey } from './core/ids.js';
export {
  KUDOS_MESSAGE_MAX,
  KUDOS_MESSAGE_MIN,
  KUDOS_RECIPIENTS_MAX,
  KUDOS_VALUES_MAX,
  REACTIONS,
  REACTION_KEYS,
} from './contract/rules.js';
export { FeedbackProblem, KudosConflict, MentorshipConflict } from './contract/problems.js';
export {
  FEEDBACK_KINDS,
  FEEDBACK_PER_DAY,
  FEEDBACK_VISIBILITIES,
  checkAnswers,
  textLength,
  type AnswerProblem,
  type AnswerProblemCode,
} from './contract/feedback-rules.js';
export { DraftStore, Outbox, type Draft, type OutboxItem } from './core/local-store.js';
export { tokens } from './core/tokens.js';
export { PeerProvider } from './components/provider/provider.component.js';
export { PeerPerson, initialsOf } from './components/person/person.component.js';
export { PeerMentorCard } from './components/mentor-card/mentor-card.component.js';
export { PeerMentorMatches } from './components/mentor-matches/mentor-matches.component.js';
export { PeerMentorships } from './components/mentorships/mentorships.component.js';
export { PeerFeedbackInbox } from './components/feedback-inbox/feedback-inbox.component.js';
export { PeerPeoplePicker } from './components/people-picker/people-picker.component.js';
export { PeerMentorSettings } from './components/mentor-card/mentor-settings.component.js';
export { PeerKudosComposer } from './components/kudos-feed/kudos-composer.component.js';
export { PeerKudosFeed } from './components/kudos-feed/kudos-feed.component.js';
export { PeerSkillMap } from './components/skill-map/skill-map.component.js';
export { PeerFeedbackForm } from './components/feedback-form/feedback-form.component.js';
