/** English, the reference language: every key of every other language comes from here. */
export const en = {
  'common.retry': 'Try again',
  'common.loading': 'Loading…',
  'error.network': 'The server could not be reached.',
  'error.offline': 'You are offline. Try again when the connection is back.',
  'error.timeout': 'The server took too long to answer.',
  'error.server': 'Something went wrong on the server.',
  'error.forbidden': 'You are not allowed to see this.',
  'error.unauthorized': 'Please sign in again.',
  'error.tooMany': 'Too many requests. Please wait a moment.',
  'person.loading': 'Loading person',
  'person.notFound': 'Unknown person',
  'person.notFoundDetail': 'No one with this id was found.',
  'person.error': 'Could not load this person.',
  'person.localTime': (time: string) => `${time} local time`,
} satisfies Record<string, string | ((...args: never[]) => string)>;

export type Messages = typeof en;
export type MessageKey = keyof Messages;
