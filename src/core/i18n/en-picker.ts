import { plural } from './plural.js';

/** English strings of `<peer-people-picker>`. */
export const pickerMessages = {
  'picker.label': 'Who do you want to recognise?',
  'picker.placeholder': 'Type a name, team or email',
  'picker.searching': 'Searching…',
  'picker.none': 'No one found.',
  'picker.found': (count: number, shown: string) =>
    plural('en', count, { one: '1 person found.', other: `${shown} people found.` }),
  'picker.chosen': 'Chosen',
  'picker.remove': (name: string) => `Remove ${name}`,
} satisfies Record<string, string | ((...args: never[]) => string)>;

export type PickerMessages = typeof pickerMessages;
