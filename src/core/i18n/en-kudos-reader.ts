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
} satisfies Record<string, string | ((...args: never[]) => string)>;

export type KudosReaderMessages = typeof kudosReaderMessages;
