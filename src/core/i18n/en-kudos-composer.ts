/**
 * English strings of `<peer-kudos-composer>` beside those it shares with the feed (`en-kudos.ts`):
 * a feed carries them only once its composer is opened.
 */
export const kudosComposerMessages = {
  'kudos.sent': (names: string) => `Kudos sent to ${names}.`,
  'kudos.sendFailed': 'Your kudos could not be sent. Your text is kept: try again.',
  'kudos.self': 'You cannot give kudos to yourself. Choose a colleague.',
  'kudos.composer': 'Give kudos',
  'kudos.message': 'Message',
  'kudos.messageHint': 'Say what they did and why it mattered. Type @ and a name to mention someone.',
  'kudos.mentionLabel': 'People to mention',
  'kudos.messageTooShort': (min: string) => `Write at least ${min} characters.`,
  'kudos.messageTooLong': (max: string) => `Keep it under ${max} characters.`,
  'kudos.characters': (used: string, max: string) => `${used} / ${max} characters`,
  'kudos.chooseValues': (max: string) => `Company values (up to ${max})`,
  'kudos.valuesRequired': 'Choose at least one value.',
  'kudos.valuesTooMany': (max: string) => `Choose at most ${max} values.`,
  'kudos.recipientsRequired': 'Choose at least one colleague.',
  'kudos.private.label': 'Private: only the people I recognise can see it',
  'kudos.send': 'Send kudos',
  'kudos.cancel': 'Cancel',
  'kudos.draftRestored': (when: string) => `Your unsent kudos from ${when} is back.`,
} satisfies Record<string, string | ((...args: never[]) => string)>;
