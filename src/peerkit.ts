// The single-file build: defines every tag. Load it with <script type="module" src=".../peerkit.js">.
import './components/provider/provider.js';
import './components/person/person.js';
import './components/mentor-card/mentor-card.js';
import './components/mentor-matches/mentor-matches.js';
import './components/people-picker/people-picker.js';
import './components/kudos-feed/kudos-feed.js';
import './components/skill-map/skill-map.js';
import './components/feedback-form/feedback-form.js';

export * from './index.js';
