import type { PeerTheme } from '../src/core/peer-element.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/mentor-card/mentor-card.js';
import '../src/components/mentor-matches/mentor-matches.js';
import '../src/components/mentorships/mentorships.js';
import type { MentorMatch } from '../src/contract/mentors.js';
import type { WriteOptions } from '../src/core/backend.js';
import { PeerError } from '../src/core/errors.js';
import { MemoryBackend } from '../src/testing/memory-backend.js';
import { DraftStore } from '../src/core/local-store.js';
import { mentors } from '../src/testing/organisation.js';
import { themed, themingArgTypes, themingDefaults, waitFor, withBackend, type ThemingArgs } from './support.js';

interface CardArgs {
  mentorId?: string;
  variant: 'full' | 'compact';
  theme?: PeerTheme;
  width?: string;
  backend: MemoryBackend;
}

const memory = () => new MemoryBackend({ meId: 'u0120' });
const sample = memory();
const open = mentors.find((m) => {
  const p = sample.mentors.get(m.personId)!;
  const active = sample.requests.filter((r) => r.mentorId === m.personId && r.state === 'accepted').length;
  return p.accepting && !p.hidden && active < p.capacity && sample.circles.some((c) => c.leadId === m.personId);
})!.personId;
const closed = mentors.find((m) => !m.accepting)!.personId;
const full = mentors.find((m) => {
  const active = sample.requests.filter((r) => r.mentorId === m.personId && r.state === 'accepted').length;
  return m.accepting && active >= m.capacity;
})!.personId;

const render = (args: CardArgs, context: { globals: Record<string, unknown> }) =>
  withBackend(
    args.backend,
    html`<div style="max-width: ${args.width ?? '28rem'}">
      <peer-mentor-card
        mentor-id=${ifDefined(args.mentorId)}
        variant=${args.variant}
        theme=${ifDefined(args.theme ?? (context.globals.theme as CardArgs['theme']))}
      ></peer-mentor-card>
    </div>`,
  );

const meta: Meta<CardArgs> = {
  title: 'Widgets/Mentor card',
  component: 'peer-mentor-card',
  render,
  args: { mentorId: open, variant: 'full', backend: memory() },
  argTypes: {
    variant: { control: 'inline-radio', options: ['full', 'compact'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    backend: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: [
          "A mentor's profile, expertise, availability and capacity, circles, and a request flow.",
          '',
          '```html',
          '<peer-mentor-card mentor-id="u0002"></peer-mentor-card>',
          '<peer-mentor-matches limit="3"></peer-mentor-matches>',
          '```',
          '',
          'Twenty cards on a page cost two requests.',
          '',
          '| Keys | Does |',
          '| --- | --- |',
          '| Tab | Moves through the card: request, circles; on your own card, your availability, bio, mentees and incoming requests |',
          '| Enter / Space | Opens the request dialog, joins or leaves a circle (asked once more), accepts or declines, takes requests or not, ends a mentorship (asked once more) |',
          '| Up / Down | On your own card, the most mentees at once |',
          '| Tab in the dialog | Stays inside it |',
          '| Escape | Closes the dialog, or takes back “End mentorship…”; focus returns to the button that opened it |',
          '',
          'What is typed in the request is kept in the browser until the mentor has it: closing the dialog or reloading the page loses nothing, and the button then reads “Continue your request”.',
          '',
          '`<peer-mentorships></peer-mentorships>` lists the signed-in person’s requests as a mentee: waiting for an answer (“Withdraw request…”), running (“End mentorship…”), and earlier ones, folded. Both ask once more, with “Keep it” focused. A request sent from a card on the same page joins the list.',
          '',
          'On your own card you set whether you take new requests and how many mentees at once (saved as you change them, never below the mentees you have), and write your bio (saved with its button, kept in the browser until then). Under “Your mentees”, “End mentorship…” asks once more, with “Keep it” focused, before it ends one and frees its place.',
        ].join('\n'),
      },
    },
  },
};
export default meta;

type Story = StoryObj<CardArgs>;

/** A play function that presses a button of the card as soon as it can be pressed. */
const pressWhenReady =
  (selector: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const card = canvasElement.querySelector('peer-mentor-card')!;
    const button = await waitFor(() => {
      const found = card.shadowRoot?.querySelector<HTMLButtonElement>(selector);
      return found && !found.disabled ? found : undefined;
    });
    button.click();
  };

export const Full: Story = {};

/** An unsent request from an earlier visit: the button offers to continue it, and the dialog brings it back. */
export const RequestDraftRestored: Story = {
  args: {
    backend: (() => {
      const backend = new MemoryBackend({ meId: 'u0120', storageScope: 'story-request-draft' });
      DraftStore.for('mentorship', backend.storageScope).save(
        open,
        { goal: 'Run better retrospectives', message: 'I have just become a team lead.' },
        'u0120',
      );
      return backend;
    })(),
  },
  play: pressWhenReady('[part~="request-button"]'),
};
/** A request just sent: the dialog says the mentor has it, and offers to close. */
export const RequestSent: Story = {
  // A backend of its own on every render, so that the request is new each time the story is opened.
  render: (args, context) => render({ ...args, backend: memory() }, context),
  play: async (context) => {
    await pressWhenReady('[part~="request-button"]')(context);
    const root = context.canvasElement.querySelector('peer-mentor-card')!.shadowRoot!;
    const goal = await waitFor(() => root.querySelector<HTMLInputElement>('dialog[open] #goal'));
    goal.value = 'Learn to run workshops';
    goal.dispatchEvent(new InputEvent('input', { bubbles: true }));
    root.querySelector<HTMLButtonElement>('dialog [type="submit"]')!.click();
  },
};
/** A backend where someone else always takes a circle's last place just before the reader asks for it. */
class CircleFillsFirst extends MemoryBackend {
  override async joinCircle(id: string, options?: WriteOptions) {
    const circle = this.circles.find((c) => c.id === id)!;
    const before = [...circle.memberIds];
    while (circle.memberIds.length < circle.capacity) circle.memberIds.push(`other-${circle.memberIds.length}`);
    try {
      return await super.joinCircle(id, options);
    } finally {
      circle.memberIds = before;
    }
  }
}

/** Joining a circle whose last place someone else took since the card was shown: it says so, and shows it full. */
export const CircleJustFilled: Story = {
  args: {
    backend: new CircleFillsFirst({ meId: 'u0120' }),
    mentorId: sample.circles.find(
      (c) => c.memberIds.length < c.capacity && !c.memberIds.includes('u0120') && sample.mentors.has(c.leadId),
    )!.leadId,
  },
  play: pressWhenReady('[part~="circles"] button'),
};

/** A circle the reader is in has “Leave…”; here it has been pressed and asks once more. */
export const LeavingACircle: Story = {
  render: (args, context) => {
    const backend = new MemoryBackend({ meId: 'u0120' });
    const circle = backend.circles.find(
      (c) => c.memberIds.length < c.capacity && !c.memberIds.includes('u0120') && sample.mentors.has(c.leadId),
    )!;
    circle.memberIds.push('u0120');
    return render({ ...args, backend, mentorId: circle.leadId }, context);
  },
  play: pressWhenReady('[part~="circles"] .leave'),
};
export const Compact: Story = { args: { variant: 'compact' } };
export const Loading: Story = { args: { backend: new MemoryBackend({ latency: Infinity }) } };
export const NotAMentor: Story = { name: 'Not found', args: { mentorId: 'nobody' } };
export const ErrorWithRetry: Story = {
  name: 'Error with retry',
  args: { backend: new MemoryBackend({ fail: new PeerError({ kind: 'http', status: 503 }) }) },
};
export const Offline: Story = { args: { backend: new MemoryBackend({ fail: new PeerError({ kind: 'offline' }) }) } };
export const NotAccepting: Story = { name: 'Not accepting (disabled, with reason)', args: { mentorId: closed } };
export const NoFreePlaces: Story = { name: 'No free places', args: { mentorId: full } };
/** You asked this mentor before (on this page or another): the request waits for an answer. */
export const RequestWaiting: Story = {
  name: 'Your request waiting for an answer',
  args: { mentorId: 'u0001', backend: new MemoryBackend({ meId: 'u0041' }) },
};
/** This mentor already mentors you: no request to send. */
export const YourMentor: Story = {
  name: 'Your mentor already',
  args: { mentorId: 'u0004', backend: new MemoryBackend({ meId: 'u0002' }) },
};
export const MyOwnProfile: Story = {
  name: 'My own profile (availability, mentees, incoming requests)',
  args: { mentorId: 'u0001', backend: new MemoryBackend({ meId: 'u0001' }) },
};

function pausedBackend() {
  const backend = new MemoryBackend({ meId: 'u0001' });
  backend.mentors.get('u0001')!.accepting = false;
  return backend;
}

export const MyOwnProfilePaused: Story = {
  name: 'My own profile, not taking requests',
  args: { mentorId: 'u0001', backend: pausedBackend() },
};

function hostileBackend() {
  const backend = memory();
  const person = backend.people.get(open)!;
  backend.people.set(open, {
    ...person,
    name: '<img src=x onerror=alert(1)> Wolfeschlegelsteinhausenbergerdorff-Konstantinopoulou',
    photoUrl: null,
  });
  backend.mentors.get(open)!.bio =
    '<script>alert("bio")</script> ' + 'An extremely long bio that goes on and on without a break. '.repeat(12);
  return backend;
}

export const HostileAndLongText: Story = {
  name: 'Hostile and very long text, no photo',
  args: { backend: hostileBackend() },
};

export const Dark: Story = {
  args: { theme: 'dark' },
  render: (args, context) => html`<div style="background:#0d1117;padding:1rem">${render(args, context)}</div>`,
};

export const RightToLeft: Story = {
  name: 'Right to left (Arabic)',
  render: (args, context) => html`<div lang="ar" dir="rtl">${render(args, context)}</div>`,
};

export const Narrow: Story = {
  name: 'Narrow container (320 px)',
  render: (args, context) => html`<div style="width:320px">${render(args, context)}</div>`,
};

/** `<peer-mentor-matches>` on the story's backend, with `limit` when given. */
const renderMatches = (limit?: number) => (args: CardArgs, context: { globals: Record<string, unknown> }) =>
  withBackend(
    args.backend,
    html`<peer-mentor-matches
      theme=${ifDefined(context.globals.theme as PeerTheme | undefined)}
      limit=${ifDefined(limit)}
    ></peer-mentor-matches>`,
  );

export const Matches: Story = { name: 'Matches: top 3 with why', render: renderMatches(3) };

export const MatchesLoading: Story = {
  name: 'Matches: loading',
  args: { backend: new MemoryBackend({ latency: Infinity }) },
  render: renderMatches(),
};

export const MatchesError: Story = {
  name: 'Matches: error',
  args: { backend: new MemoryBackend({ fail: new PeerError({ kind: 'network' }) }) },
  render: renderMatches(),
};

/** A backend that finds nobody to suggest. */
class NoMatches extends MemoryBackend {
  override getMentorMatches(): Promise<MentorMatch[]> {
    return Promise.resolve([]);
  }
}

export const MatchesEmpty: Story = {
  name: 'Matches: none found',
  args: { backend: new NoMatches({ meId: 'u0120' }) },
  render: renderMatches(),
};

/** `<peer-mentorships>`, the signed-in person's requests as a mentee, on the story's backend. */
const renderMentorships = (args: CardArgs, context: { globals: Record<string, unknown> }) =>
  withBackend(
    args.backend,
    html`<div style="max-width: ${args.width ?? '28rem'}">
      <peer-mentorships
        theme=${ifDefined(args.theme ?? (context.globals.theme as PeerTheme | undefined))}
      ></peer-mentorships>
    </div>`,
  );

/** A mentee with a request waiting, a mentorship running, and earlier ones declined, withdrawn and ended. */
function menteeBackend(goals: string[] = [], options: ConstructorParameters<typeof MemoryBackend>[0] = {}) {
  const me = 'u0120';
  const backend = new MemoryBackend({ meId: me, ...options });
  const asked = mentors.filter((m) => m.accepting && m.personId !== me).map((m) => m.personId);
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
  const states = ['pending', 'accepted', 'declined', 'withdrawn', 'ended'] as const;
  const texts = [
    'Learn to lead a retrospective',
    'Grow into a lead role',
    'Learn to estimate',
    'Get better at SQL',
    'Run workshops',
  ];
  states.forEach((state, i) =>
    backend.requests.push({
      id: `r-story-${i}`,
      menteeId: me,
      mentorId: asked[i],
      goal: goals[i] ?? texts[i],
      message: '',
      state,
      createdAt: daysAgo(3 + i * 20),
      expiresAt: daysAgo(3 + i * 20 - 14),
      respondedAt: state === 'pending' ? null : daysAgo(1 + i * 20),
    }),
  );
  return backend;
}

export const Mentorships: Story = {
  name: 'Mentorships: waiting, running, earlier',
  args: { backend: menteeBackend() },
  render: renderMentorships,
};

/** "Withdraw request…" pressed: the question, with "Keep it" focused. */
export const MentorshipsConfirming: Story = {
  name: 'Mentorships: asking before withdrawing',
  args: { backend: menteeBackend() },
  render: renderMentorships,
  play: async ({ canvasElement }) => {
    const list = canvasElement.querySelector('peer-mentorships')!;
    const button = await waitFor(() => list.shadowRoot?.querySelector<HTMLButtonElement>('[part~="waiting"] .ask'));
    button.click();
  },
};

export const MentorshipsNone: Story = {
  name: 'Mentorships: none yet',
  args: { backend: new MemoryBackend({ meId: 'u0009' }) },
  render: renderMentorships,
};

export const MentorshipsLoading: Story = {
  name: 'Mentorships: loading',
  args: { backend: new MemoryBackend({ latency: Infinity }) },
  render: renderMentorships,
};

export const MentorshipsError: Story = {
  name: 'Mentorships: error',
  args: { backend: new MemoryBackend({ fail: new PeerError({ kind: 'http', status: 503 }) }) },
  render: renderMentorships,
};

export const MentorshipsHostile: Story = {
  name: 'Mentorships: hostile and very long goals',
  args: {
    backend: menteeBackend([
      '<img src=x onerror=alert(1)> ' + 'A goal that goes on and on without a break. '.repeat(6),
      '<script>alert("goal")</script>',
      'مرحبا بالعالم ‮ reversed',
    ]),
  },
  render: renderMentorships,
};

export const NoPhoto: Story = { args: { mentorId: 'u0009' } };

export const Wide: Story = { args: { width: '60rem' } };

export const HighContrast: Story = { args: { theme: 'contrast' } };

/** Brand colours, corners, spacing and type through the `--peer-*` properties: change them in Controls. */
export const ThemingPlayground: StoryObj<CardArgs & ThemingArgs> = {
  // The brand values are light colours: the playground shows them in the light theme.
  args: { ...themingDefaults, theme: 'light' },
  argTypes: themingArgTypes,
  render: (args, context) => themed(args, render(args as unknown as CardArgs, context)),
};
