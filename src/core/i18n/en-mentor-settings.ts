/** English strings of `<peer-mentor-settings>`, the availability a mentor sets on their own card, and their mentees. */
export const mentorSettingsMessages = {
  'mentorSettings.legend': 'Your availability',
  'mentorSettings.accepting': 'Take new mentorship requests',
  'mentorSettings.capacity': 'Most mentees at once',
  'mentorSettings.capacityHint': 'Not fewer than the mentees you have now.',
  'mentorSettings.saving': 'Saving…',
  'mentorSettings.saved': 'Saved. Everyone sees the change.',
  'mentorSettings.failed': 'Your change was not saved.',
  'mentorSettings.bio': 'About you as a mentor',
  'mentorSettings.bioHint': 'What people can ask you about, and how you like to meet.',
  'mentorSettings.characters': (used: string, max: string) => `${used} / ${max} characters`,
  'mentorSettings.tooLong': (max: string) => `At most ${max} characters: shorten it to save.`,
  'mentorSettings.saveBio': 'Save',
  'mentorSettings.draftRestored': (when: string) => `Your unsaved text from ${when} is back.`,
  'mentorSettings.mentees': 'Your mentees',
  'mentorSettings.noMentees': 'No mentorships are running.',
  'mentorSettings.menteesError': 'Your mentees could not be loaded.',
  'mentorSettings.since': (date: string) => `Since ${date}`,
  'mentorSettings.endAsk': 'End mentorship…',
  'mentorSettings.confirmEnd': 'End this mentorship? Its place becomes free for a new request.',
  'mentorSettings.end': 'End mentorship',
  'mentorSettings.keep': 'Keep it',
  'mentorSettings.ended': 'The mentorship has ended, and its place is free.',
  'mentorSettings.endFailed': 'The mentorship was not ended.',
} satisfies Record<string, string | ((...args: never[]) => string)>;

export type MentorSettingsMessages = typeof mentorSettingsMessages;
