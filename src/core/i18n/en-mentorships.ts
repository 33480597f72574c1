/** English strings of `<peer-mentorships>`, the signed-in person's requests and mentorships as a mentee. */
export const mentorshipsMessages = {
  'mentorships.heading': 'Your mentorships',
  'mentorships.none': 'You have not asked anyone for mentorship yet. Ask a mentor from their card.',
  'mentorships.loadError': 'Your mentorships could not be loaded.',
  'mentorships.waiting': 'Waiting for an answer',
  'mentorships.running': 'Running',
  'mentorships.earlier': (count: string) => `Earlier (${count})`,
  'mentorships.sent': (when: string, until: string) => `Sent ${when}, open until ${until}`,
  'mentorships.since': (date: string) => `Since ${date}`,
  'mentorships.declined': (date: string) => `Declined on ${date}`,
  'mentorships.withdrawn': (date: string) => `Withdrawn on ${date}`,
  'mentorships.expired': (date: string) => `Expired on ${date}`,
  'mentorships.ended': (date: string) => `Ended on ${date}`,
  'mentorships.withdrawAsk': 'Withdraw request…',
  'mentorships.confirmWithdraw': 'Withdraw this request? The mentor no longer sees it.',
  'mentorships.withdraw': 'Withdraw request',
  'mentorships.endAsk': 'End mentorship…',
  'mentorships.confirmEnd': 'End this mentorship? Your place with the mentor becomes free.',
  'mentorships.end': 'End mentorship',
  'mentorships.keep': 'Keep it',
  'mentorships.didWithdraw': 'Your request was withdrawn.',
  'mentorships.didEnd': 'The mentorship has ended.',
  'mentorships.withdrawFailed': 'Your request was not withdrawn.',
  'mentorships.endFailed': 'The mentorship was not ended.',
  'mentorships.changed': 'It changed meanwhile. The list shows how it stands now.',
} satisfies Record<string, string | ((...args: never[]) => string)>;

export type MentorshipsMessages = typeof mentorshipsMessages;
