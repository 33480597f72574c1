// The single-file build: defines every tag. Load it with <script type="module" src=".../peerkit.js">.
// Styles, then English strings, first and side by side: gzip finds repeats only within 32 KB, and
// grouped they compress 0.8 KB smaller than spread between the widgets' code (bench/size.mjs).
// A new *.styles.ts or en-*.ts belongs here too (test/package checks it).
import './core/tokens.js';
import './components/feedback-form/feedback-form.styles.js';
import './components/kudos-feed/kudos-composer.styles.js';
import './components/kudos-feed/kudos-feed.styles.js';
import './components/mentor-card/mentor-card.styles.js';
import './components/mentor-card/mentor-settings.styles.js';
import './components/mentor-matches/mentor-matches.styles.js';
import './components/mentorships/mentorships.styles.js';
import './components/feedback-inbox/feedback-inbox.styles.js';
import './components/people-picker/people-picker.styles.js';
import './components/people-picker/person-option.styles.js';
import './components/person/person.styles.js';
import './components/skill-map/skill-map.styles.js';
import './core/form-styles.js';
import './core/list-styles.js';
import './core/error-view.js';
import './core/i18n/en-common.js';
import './core/i18n/en-feedback.js';
import './core/i18n/en-filters.js';
import './core/i18n/en-kudos.js';
import './core/i18n/en-kudos-composer.js';
import './core/i18n/en-kudos-reader.js';
import './core/i18n/en-mentor.js';
import './core/i18n/en-mentor-settings.js';
import './core/i18n/en-mentorships.js';
import './core/i18n/en-feedback-inbox.js';
import './core/i18n/en-person.js';
import './core/i18n/en-picker.js';
import './core/i18n/en-skills.js';
import './components/provider/provider.js';
import './components/person/person.js';
import './components/mentor-card/mentor-card.js';
import './components/mentor-matches/mentor-matches.js';
import './components/mentorships/mentorships.js';
import './components/feedback-inbox/feedback-inbox.js';
import './components/people-picker/people-picker.js';
import './components/kudos-feed/kudos-feed.js';
import './components/skill-map/skill-map.js';
import './components/feedback-form/feedback-form.js';

export * from './index.js';
