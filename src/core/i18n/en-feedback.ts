import { plural } from './plural.js';

/** English strings of `<peer-feedback-form>`. */
export const feedbackMessages = {
  'feedback.loading': 'Loading the feedback form',
  'feedback.notFound': 'This feedback form is not available.',
  'feedback.notFoundDetail': 'It may have been retired. Ask whoever shared the link for a current one.',
  'feedback.error': 'Could not load the feedback form.',
  'feedback.chooseTemplate': 'What kind of feedback do you want to give?',
  'feedback.noTemplates': 'There are no feedback forms to choose from yet.',
  'feedback.to': 'Feedback for',
  'feedback.recipient': 'Who is it for?',
  'feedback.recipientRequired': 'Choose who the feedback is for.',
  'feedback.self': 'Feedback goes to a colleague, not to yourself.',
  'feedback.kind': 'Kind of feedback',
  'feedback.kind.praise': 'Praise',
  'feedback.kind.constructive': 'Constructive',
  'feedback.guidance.praise':
    'Be specific: name the moment, what they did, and the difference it made. Specific praise is easier to repeat.',
  'feedback.guidance.constructive':
    'Describe the situation and what you saw or heard, not the person. Say what it led to, and suggest what could help next time.',
  'feedback.required': '(required)',
  'feedback.optional': '(optional)',
  'feedback.characters': (used: string, max: string) => `${used} of ${max} characters`,
  'feedback.chooseUpTo': (max: string) => `Choose up to ${max}.`,
  'feedback.clearAnswer': 'Clear answer',
  'feedback.answer.required': 'Please answer this question.',
  'feedback.answer.tooShort': (min: string) => `Please write at least ${min} characters.`,
  'feedback.answer.tooLong': (max: string) => `Please shorten this to ${max} characters or fewer.`,
  'feedback.answer.notOnScale': 'Choose one of the points on the scale.',
  'feedback.answer.notAnOption': 'Choose one of the options.',
  'feedback.answer.tooManyChoices': (max: string) => `Choose at most ${max}.`,
  'feedback.answer.invalid': 'This answer was not accepted.',
  'feedback.visibility': 'Who can read it',
  'feedback.visibility.recipient': (name: string) => `Only ${name}`,
  'feedback.visibility.manager': (name: string) => `${name} and their manager`,
  'feedback.visibility.noManager': (name: string) => `${name} has no manager on record.`,
  'feedback.someone': 'the recipient',
  'feedback.someoneStart': 'The recipient',
  'feedback.anonymous': 'Send anonymously',
  'feedback.explain.named': (readers: string) => `${readers} will see your name with this feedback.`,
  'feedback.explain.anonymous': (readers: string) =>
    `${readers} will not see your name. Who sent it is not stored with the feedback, so no one can look it up later: not the recipient, not a manager, not an administrator. It shows once its week is over, dated by the week, not the day.`,
  'feedback.explain.anonymousCaution': 'Your words can still give you away: leave out details only you would know.',
  'feedback.readers.recipient': (name: string) => name,
  'feedback.readers.recipient-and-manager': (name: string) => `${name} and their manager`,
  'feedback.summary': (count: number, shown: string) =>
    plural('en', count, {
      one: 'Please check 1 answer before sending:',
      other: `Please check ${shown} answers before sending:`,
    }),
  'feedback.send': 'Send feedback',
  'feedback.sending': 'Sending…',
  'feedback.startOver': 'Start over',
  'feedback.draftRestored': (when: string) => `Your draft from ${when} is back.`,
  'feedback.draftUnavailable': 'This browser does not keep drafts; keep a copy of long answers.',
  'feedback.sent': (name: string) => `Thank you. Your feedback reached ${name}.`,
  'feedback.sentAnonymous': (week: string, from: string) =>
    `Sent anonymously, it shows from ${from} as the week of ${week}.`,
  'feedback.giveMore': 'Give more feedback',
  'feedback.queued': 'Not sent yet: the connection is down.',
  'feedback.queuedDetail':
    'Your feedback is saved in this browser and will be sent by itself when the connection is back, even after a reload. It will arrive once.',
  'feedback.queuedRetrying': (when: string) => `Next try ${when}.`,
  'feedback.sendNow': 'Try now',
  'feedback.failed': 'Your feedback was not sent.',
  'feedback.dailyLimit': 'You have sent as much feedback as one day allows. Your answers are kept; try again tomorrow.',
  'feedback.cancelled': 'Sending was stopped by this page. Your answers are kept.',
} satisfies Record<string, string | ((...args: never[]) => string)>;

export type FeedbackMessages = typeof feedbackMessages;
