import type { PeerTheme } from '../src/core/peer-element.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/people-picker/people-picker.js';
import type { Person } from '../src/contract/people.js';
import { PeerError } from '../src/core/errors.js';
import { MemoryBackend, seededPeople } from '../src/testing/memory-backend.js';
import { waitFor, withBackend } from './support.js';

interface PickerArgs {
  label?: string;
  max: number;
  error?: string;
  selected: Person[];
  width: string;
  theme?: PeerTheme;
  backend: MemoryBackend;
}

const people = seededPeople();

const render = (args: PickerArgs, context: { globals: Record<string, unknown> }) =>
  withBackend(
    args.backend,
    html`<div style="max-width: ${args.width}">
      <peer-people-picker
        label=${ifDefined(args.label)}
        max=${args.max}
        error=${ifDefined(args.error)}
        .selected=${args.selected}
        theme=${ifDefined(args.theme ?? (context.globals.theme as PickerArgs['theme']))}
      ></peer-people-picker>
    </div>`,
  );

/** Types into the picker as a reader would, once it is there; the search runs after its usual pause. */
const typing =
  (text: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const picker = await waitFor(() => canvasElement.querySelector('peer-people-picker'));
    const input = await waitFor(() => picker.shadowRoot?.querySelector('input'));
    input.focus();
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  };

const meta: Meta<PickerArgs> = {
  title: 'Building blocks/People picker',
  component: 'peer-people-picker',
  render,
  args: { max: 10, selected: [], width: '32rem', backend: new MemoryBackend() },
  argTypes: {
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    backend: { table: { disable: true } },
    selected: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component:
          'Choose colleagues by typing part of a name, title, department or email (WAI-ARIA combobox: ' +
          'Down and Up move, Enter chooses, Escape closes, Backspace in the empty field removes the last ' +
          'person). The kudos composer and the feedback form use it; on its own: ' +
          '`<peer-people-picker label="Who joins the review?" max="3"></peer-people-picker>`, then read ' +
          '`value` (ids) or `selected` (people) on `change`.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<PickerArgs>;

export const Empty: Story = {};

export const WithPeopleChosen: Story = { args: { selected: people.slice(1, 4) } };

/** One person at most: once chosen, the field takes no more until they are removed. */
export const SingleChoice: Story = {
  args: { max: 1, label: 'Who is it for?', selected: [people[5]] },
};

export const Suggestions: Story = { play: typing('an') };

export const NoOneFound: Story = { play: typing('zzzzqq') };

export const Searching: Story = {
  args: { backend: new MemoryBackend({ latency: Infinity }) },
  play: typing('an'),
};

export const SearchFailed: Story = {
  args: {
    backend: new MemoryBackend({
      fail: new PeerError({ kind: 'http', status: 503, problem: { title: 'Service unavailable' } }),
    }),
  },
  play: typing('an'),
};

export const Invalid: Story = { args: { error: 'Choose at least one person.' } };

export const HostileAndLongNames: Story = {
  args: {
    width: '20rem',
    selected: [
      { ...people[1], name: '<script>alert("name")</script>' },
      { ...people[2], name: '‮Reversed Name' },
      { ...people[3], name: 'Maximiliana Alexandrina Konstantinopoulou-Vanderbilt' },
      { ...people[4], name: 'عبد الرحمن بن عوف' },
    ],
  },
};
