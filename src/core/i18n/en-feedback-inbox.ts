/** English strings of `<peer-feedback-inbox>`, the feedback a person received. */
export const feedbackInboxMessages = {
  'inbox.heading': 'Feedback you received',
  'inbox.headingShared': 'Feedback shared with you',
  'inbox.about': 'About',
  'inbox.show': 'Show',
  'inbox.all': 'All feedback',
  'inbox.praise': 'Praise',
  'inbox.constructive': 'Constructive',
  'inbox.none': 'No feedback yet. When colleagues send you feedback, it shows here.',
  'inbox.noneShared': 'Nothing has been shared with you yet.',
  'inbox.noneOfKind': 'None of this kind yet.',
  'inbox.loadError': 'The feedback could not be loaded.',
  'inbox.from': 'From',
  'inbox.anonymous': 'Anonymous: who sent it is not stored.',
  'inbox.held':
    'Anonymous feedback shows once the week it was sent is over, so that when it arrives does not point to who sent it.',
  'inbox.on': (date: string) => `Received on ${date}.`,
  'inbox.week': (date: string) => `Received in the week of ${date}.`,
  'inbox.onlyYou': 'Only you can read it.',
  'inbox.withManager': 'You and your manager can read it.',
  'inbox.rating': (value: string, min: string, max: string, label: string) =>
    `${value} on a scale from ${min} to ${max}: ${label}`,
  'inbox.notAnswered': 'Not answered',
  'inbox.more': 'Show more',
  'inbox.moreError': 'More feedback could not be loaded.',
  'inbox.loaded': (count: string) => `${count} more shown.`,
} satisfies Record<string, string | ((...args: never[]) => string)>;

export type FeedbackInboxMessages = typeof feedbackInboxMessages;
