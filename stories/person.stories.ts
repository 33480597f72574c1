import type { PeerTheme } from '../src/core/peer-element.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/person/person.js';
import type { Person } from '../src/contract/people.js';
import { PeerError } from '../src/core/errors.js';
import { MemoryBackend, seededPeople } from '../src/testing/memory-backend.js';
import { withBackend } from './support.js';

interface PersonArgs {
  personId?: string;
  size: 'small' | 'medium' | 'large';
  theme?: PeerTheme;
  backend: MemoryBackend;
}

const people = seededPeople();
const withPhoto = people.find((p) => p.photoUrl)!;
const withoutPhoto = people.find((p) => !p.photoUrl)!;

const render = (args: PersonArgs, context: { globals: Record<string, unknown> }) =>
  withBackend(
    args.backend,
    html`<peer-person
      person-id=${ifDefined(args.personId)}
      size=${args.size}
      theme=${ifDefined(args.theme ?? (context.globals.theme as PersonArgs['theme']))}
    ></peer-person>`,
  );

const meta: Meta<PersonArgs> = {
  title: 'Building blocks/Person',
  component: 'peer-person',
  render,
  args: { personId: withPhoto.id, size: 'medium', backend: new MemoryBackend() },
  argTypes: {
    size: { control: 'inline-radio', options: ['small', 'medium', 'large'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    backend: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component:
          'A colleague at a glance. Paste `<peer-person person-id="u0001"></peer-person>`; many on one page cost one request.',
      },
    },
  },
};
export default meta;

type Story = StoryObj<PersonArgs>;

export const Medium: Story = {};
export const Small: Story = { args: { size: 'small' } };
export const Large: Story = { args: { size: 'large' } };

export const Loading: Story = { args: { backend: new MemoryBackend({ latency: Infinity }) } };

export const NotFound: Story = { args: { personId: 'no-such-person' } };

export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  args: {
    backend: new MemoryBackend({
      fail: new PeerError({ kind: 'http', status: 503, problem: { title: 'Service unavailable' } }),
    }),
  },
};

export const Offline: Story = {
  args: { backend: new MemoryBackend({ fail: new PeerError({ kind: 'offline' }) }) },
};

export const NoPhoto: Story = { name: 'No photo (initials)', args: { personId: withoutPhoto.id, size: 'large' } };

const custom = (person: Partial<Person>) =>
  new MemoryBackend({ people: [{ ...withPhoto, id: 'custom', ...person }], meId: 'custom' });

export const BrokenPhoto: Story = {
  name: 'Photo that fails to load',
  args: {
    personId: 'custom',
    size: 'large',
    backend: custom({ name: 'Ada Lovelace', photoUrl: 'data:image/png;base64,bm90IGFuIGltYWdl' }),
  },
};

export const HostileText: Story = {
  args: {
    personId: 'custom',
    size: 'large',
    backend: custom({
      name: '<img src=x onerror="alert(1)"> Robert\'); DROP TABLE people;--',
      title: '<script>alert("title")</script>',
      department: { id: 'x', name: '"><svg/onload=alert(1)>' },
      photoUrl: 'javascript:alert(1)',
    }),
  },
};

export const VeryLongText: Story = {
  args: {
    personId: 'custom',
    size: 'large',
    backend: custom({
      name: 'Maria-Magdalena Alexandra Konstantinopoulou-Wolfeschlegelsteinhausenbergerdorff',
      title:
        'Senior Principal Distinguished Staff Engineer for Cross-Functional Platform Reliability and Developer Experience',
      location: 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch',
    }),
  },
  render: (args, context) => html`<div style="max-width: 320px">${render(args, context)}</div>`,
};

export const Me: Story = { name: 'The signed-in person (person-id="me")', args: { personId: 'me', size: 'large' } };

export const Dark: Story = {
  args: { theme: 'dark', size: 'large' },
  render: (args, context) => html`<div style="background:#0d1117;padding:1rem">${render(args, context)}</div>`,
};

export const RightToLeft: Story = {
  name: 'Right to left (Arabic)',
  args: { size: 'large' },
  render: (args, context) => html`<div lang="ar" dir="rtl">${render(args, context)}</div>`,
};

export const ManyPeople: Story = {
  name: '50 people',
  render: (args, context) =>
    withBackend(
      args.backend,
      html`<div style="display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.75rem">
        ${people
          .slice(0, 50)
          .map(
            (p) =>
              html`<peer-person
                person-id=${p.id}
                theme=${ifDefined(context.globals.theme as PersonArgs['theme'])}
              ></peer-person>`,
          )}
      </div>`,
    ),
};

export const Wide: Story = {
  args: { size: 'large' },
  render: (args, context) => html`<div style="max-width: 72rem">${render(args, context)}</div>`,
};

export const HighContrast: Story = { args: { theme: 'contrast' } };
