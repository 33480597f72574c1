/** English strings of `<peer-mentor-settings>`, the availability a mentor sets on their own card. */
export const mentorSettingsMessages = {
  'mentorSettings.legend': 'Your availability',
  'mentorSettings.accepting': 'Take new mentorship requests',
  'mentorSettings.capacity': 'Most mentees at once',
  'mentorSettings.capacityHint': 'Not fewer than the mentees you have now.',
  'mentorSettings.saving': 'Saving…',
  'mentorSettings.saved': 'Saved. Everyone sees the change.',
  'mentorSettings.failed': 'Your change was not saved.',
} satisfies Record<string, string | ((...args: never[]) => string)>;

export type MentorSettingsMessages = typeof mentorSettingsMessages;
