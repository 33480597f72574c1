/**
 * English strings of the widgets whose attributes filter a list (`<peer-kudos-feed team>`,
 * `<peer-skill-map department>`): what to say when a filter names nothing.
 */
export const filterMessages = {
  'filter.unknown': (name: string, value: string) => `Nothing is called "${value}" (${name}).`,
  'filter.meant': (id: string) => `Did you mean "${id}"?`,
} satisfies Record<string, string | ((...args: never[]) => string)>;

export type FilterMessages = typeof filterMessages;
