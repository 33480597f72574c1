/** English strings of `<peer-person>`. */
export const personMessages = {
  'person.loading': 'Loading person',
  'person.notFound': 'Unknown person',
  'person.notFoundDetail': 'No one with this id was found.',
  'person.error': 'Could not load this person.',
  'person.localTime': (time: string) => `${time} local time`,
} satisfies Record<string, string | ((...args: never[]) => string)>;

export type PersonMessages = typeof personMessages;
