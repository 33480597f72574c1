/** English strings shared by every widget: retry, loading, and what went wrong. */
export const commonMessages = {
  'common.retry': 'Try again',
  'common.loading': 'Loading…',
  'common.partFailed': 'This part could not be loaded.',
  'error.network': 'The server could not be reached.',
  'error.offline': 'You are offline. Try again when the connection is back.',
  'error.timeout': 'The server took too long to answer.',
  'error.server': 'Something went wrong on the server.',
  'error.notApi': (address: string) => `No Peerkit API answered at ${address}.`,
  'error.forbidden': 'You are not allowed to see this.',
  'error.unauthorized': 'Please sign in again.',
  'error.tooMany': 'Too many requests. Please wait a moment.',
} satisfies Record<string, string | ((...args: never[]) => string)>;

export type CommonMessages = typeof commonMessages;
