/**
 * English strings of what `<peer-kudos-feed>` offers a reader it knows: the "Show" list and the
 * deletion of kudos they gave. A feed carries them once it has asked who reads it, with that code
 * (`kudos-reader.ts`).
 */
export const kudosReaderMessages = {
  'kudos.show': 'Show',
  'kudos.showAll': 'All kudos',
  'kudos.showYours': 'Given or received by you',
  'kudos.showTeam': (department: string) => `Your department: ${department}`,
  'kudos.deleteAsk': 'Delete…',
  'kudos.confirmDelete': 'Delete this kudos for everyone? Its reactions go with it.',
  'kudos.delete': 'Delete',
  'kudos.keep': 'Keep it',
  'kudos.deleted': 'Your kudos was deleted.',
  'kudos.deleteFailed': 'Your kudos was not deleted.',
  'kudos.editAsk': 'Edit…',
  'kudos.editContinue': 'Continue editing…',
  'kudos.editMessage': 'Message',
  'kudos.editCount': (used: string, max: string) => `${used} / ${max} characters`,
  'kudos.editHint': 'Type @ and a name to mention someone.',
  'kudos.editMentions': 'People to mention',
  'kudos.editValues': (max: string) => `Company values (up to ${max})`,
  'kudos.editRestored': 'Your unsaved changes are back.',
  'kudos.editTooShort': (min: string) => `Write at least ${min} characters.`,
  'kudos.editTooLong': (max: string) => `Keep it under ${max} characters.`,
  'kudos.editValuesRequired': 'Choose at least one value.',
  'kudos.editValuesTooMany': (max: string) => `Choose at most ${max} values.`,
  'kudos.save': 'Save',
  'kudos.editCancel': 'Cancel',
  'kudos.changedAnnounce': 'Your kudos was changed.',
  'kudos.editFailed': 'Your changes were not saved; they are still here.',
} satisfies Record<string, string | ((...args: never[]) => string)>;

export type KudosReaderMessages = typeof kudosReaderMessages;
