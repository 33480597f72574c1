import { commonMessages } from './en-common.js';
import { feedbackMessages } from './en-feedback.js';
import { feedbackInboxMessages } from './en-feedback-inbox.js';
import { filterMessages } from './en-filters.js';
import { kudosMessages } from './en-kudos.js';
import { kudosComposerMessages } from './en-kudos-composer.js';
import { kudosReaderMessages } from './en-kudos-reader.js';
import { mentorMessages } from './en-mentor.js';
import { mentorSettingsMessages } from './en-mentor-settings.js';
import { mentorshipsMessages } from './en-mentorships.js';
import { personMessages } from './en-person.js';
import { pickerMessages } from './en-picker.js';
import { skillsMessages } from './en-skills.js';

/**
 * English, the reference language: every key of every other language comes from here. Widgets
 * import only their own part (`en-<area>.ts`), so an app that uses one widget carries its strings
 * alone; this whole catalog is for tools, tests and the types.
 */
export const en = {
  ...commonMessages,
  ...filterMessages,
  ...personMessages,
  ...mentorMessages,
  ...mentorSettingsMessages,
  ...mentorshipsMessages,
  ...pickerMessages,
  ...kudosMessages,
  ...kudosComposerMessages,
  ...kudosReaderMessages,
  ...skillsMessages,
  ...feedbackMessages,
  ...feedbackInboxMessages,
};

export type Messages = typeof en;
export type MessageKey = keyof Messages;
