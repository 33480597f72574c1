import { filterMessages } from './en-filters.js';
import { plural } from './plural.js';

/** English strings of `<peer-kudos-feed>` and `<peer-kudos-composer>`. */
export const kudosMessages = {
  ...filterMessages,
  'kudos.title': 'Kudos',
  'kudos.feed': 'Kudos feed',
  'kudos.give': 'Give kudos',
  'kudos.loading': 'Loading kudos',
  'kudos.error': 'Could not load kudos.',
  'kudos.empty': 'No kudos here yet.',
  'kudos.emptyInvite': 'Be the first: thank a colleague for something they did.',
  'kudos.loadMore': 'Load more kudos',
  'kudos.loadingMore': 'Loading more kudos…',
  'kudos.moreError': 'Could not load more kudos.',
  'kudos.end': 'You have reached the first kudos.',
  'kudos.newCount': (count: number, shown: string) =>
    plural('en', count, { one: 'Show 1 new kudos', other: `Show ${shown} new kudos` }),
  'kudos.newAnnounce': (count: number, shown: string) =>
    plural('en', count, { one: '1 new kudos arrived.', other: `${shown} new kudos arrived.` }),
  'kudos.offline': 'You are offline. New kudos will appear when the connection is back.',
  'kudos.reconnecting': 'Live updates paused; reconnecting…',
  'kudos.stopped': 'Live updates stopped.',
  'kudos.to': (giver: string, recipients: string) => `${giver} to ${recipients}`,
  'kudos.others': (count: number, shown: string) => plural('en', count, { one: '1 other', other: `${shown} others` }),
  'kudos.values': 'Values',
  'kudos.reactions': 'Reactions',
  'kudos.reaction': (name: string, count: string) => `${name}: ${count}`,
  'kudos.reaction.clap': 'Applause',
  'kudos.reaction.tada': 'Celebrate',
  'kudos.reaction.heart': 'Love',
  'kudos.reaction.rocket': 'Impressive',
  'kudos.reaction.bulb': 'Insightful',
  'kudos.reaction.raised': 'Thank you',
  'kudos.reactionFailed': 'Your reaction could not be saved. Try again.',
  'kudos.private': 'Private: only the giver and recipients see this.',
  'kudos.sending': 'Sending…',
  'kudos.edited': 'edited',
  'kudos.continue': 'Continue your kudos',
} satisfies Record<string, string | ((...args: never[]) => string)>;

export type KudosMessages = typeof kudosMessages;
