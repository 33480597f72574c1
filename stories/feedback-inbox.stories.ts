import type { PeerTheme } from '../src/core/peer-element.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/feedback-inbox/feedback-inbox.js';
import { receivedOn } from '../src/contract/feedback-rules.js';
import { PeerError } from '../src/core/errors.js';
import { MemoryBackend } from '../src/testing/memory-backend.js';
import type { SeedFeedback } from '../src/testing/feedback-seed.js';
import { waitFor, withBackend } from './support.js';

interface InboxArgs {
  personId?: string;
  kind?: '' | 'praise' | 'constructive';
  pageSize: number;
  width: string;
  theme?: PeerTheme;
  backend: MemoryBackend;
}

/** The signed-in person: u0001, who manages u0012. */
const me = 'u0001';
const report = 'u0012';

type Entry = Pick<SeedFeedback, 'templateId' | 'kind' | 'answers'> &
  Partial<Pick<SeedFeedback, 'giverId' | 'visibility' | 'recipientId'>> & { daysAgo: number };

const praise: Entry[] = [
  {
    templateId: 'quick-praise',
    kind: 'praise',
    giverId: 'u0040',
    daysAgo: 1,
    answers: {
      what: 'You walked the new team through the release checklist and stayed until the last check was green.',
      impact: 'We shipped on the day we promised, and nobody felt lost.',
      strengths: ['helping', 'reliability'],
    },
  },
  {
    templateId: 'project',
    kind: 'praise',
    giverId: 'u0002',
    visibility: 'recipient-and-manager',
    daysAgo: 6,
    answers: {
      communication: 5,
      reliability: 4,
      collaboration: 4,
      highlight: 'The weekly notes: short, honest about risks, and always on time.',
      again: 'yes',
    },
  },
  {
    templateId: 'talk',
    kind: 'praise',
    giverId: null,
    daysAgo: 12,
    answers: { clarity: 4, pace: 'right', takeaway: 'Draw the data flow before arguing about it.' },
  },
];

const constructive: Entry[] = [
  {
    templateId: 'sbi',
    kind: 'constructive',
    giverId: null,
    visibility: 'recipient-and-manager',
    daysAgo: 9,
    answers: {
      situation: 'In Tuesday’s planning meeting, when the estimates came up.',
      behaviour: 'You answered for the whole team before the others had spoken.\nTwice.',
      impact: 'Two people told me afterwards that they had doubts but did not say them.',
    },
  },
];

/** A backend whose only feedback is `entries`, for `recipient` (the signed-in person unless said). */
function inbox(entries: Entry[], options: ConstructorParameters<typeof MemoryBackend>[0] = {}) {
  const backend = new MemoryBackend({ meId: me, ...options });
  backend.feedback.length = 0;
  entries.forEach(({ daysAgo, giverId = null, visibility = 'recipient', recipientId = me, ...entry }, i) => {
    const anonymous = giverId === null;
    backend.feedback.push({
      id: `fb-story-${i}`,
      recipientId,
      giverId,
      visibility,
      anonymous,
      receivedOn: receivedOn(new Date(Date.now() - daysAgo * 86_400_000), anonymous),
      ...entry,
    });
  });
  return backend;
}

/** Forty-five pieces of praise, for paging. */
const many = Array.from({ length: 45 }, (_, i): Entry => ({
  templateId: 'quick-praise',
  kind: 'praise',
  giverId: `u00${String(20 + (i % 60)).padStart(2, '0')}`,
  daysAgo: i * 2,
  answers: { what: `Thank you for the help with handover number ${i + 1}; it saved us a day.` },
}));

const hostile = (texts: string[]): Entry[] =>
  texts.map((text, i) => ({
    templateId: 'sbi',
    kind: 'constructive',
    giverId: i % 2 ? null : 'u0002',
    // A week and more ago, so that the anonymous ones show whatever the day (they are held until their week is over).
    daysAgo: 8 * i,
    answers: { situation: text, behaviour: text, impact: 'A word that does not break: '.concat('x'.repeat(160)) },
  }));

const render = (args: InboxArgs, context: { globals: Record<string, unknown> }) =>
  withBackend(
    args.backend,
    html`<div style="max-width: ${args.width}">
      <peer-feedback-inbox
        person-id=${ifDefined(args.personId || undefined)}
        kind=${ifDefined(args.kind || undefined)}
        page-size=${args.pageSize}
        theme=${ifDefined(args.theme ?? (context.globals.theme as PeerTheme | undefined))}
      ></peer-feedback-inbox>
    </div>`,
  );

const meta: Meta<InboxArgs> = {
  title: 'Widgets/Feedback inbox',
  component: 'peer-feedback-inbox',
  render,
  args: { pageSize: 10, width: '40rem', backend: inbox([...praise, ...constructive]) },
  argTypes: {
    personId: { control: 'select', options: [undefined, 'me', report] },
    kind: { control: 'inline-radio', options: ['', 'praise', 'constructive'] },
    pageSize: { control: { type: 'number', min: 1, max: 100 } },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    backend: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'The feedback a person received, newest first: its template, kind, who gave it (or that it was anonymous, with the week instead of the day), who can read it, and every question with its answer as it was asked.',
          '',
          '```html',
          '<peer-feedback-inbox></peer-feedback-inbox>',
          '<peer-feedback-inbox person-id="u0042"></peer-feedback-inbox> <!-- as their manager: what they shared -->',
          '```',
          '',
          '| Keys | Does |',
          '| --- | --- |',
          '| Tab / Shift+Tab | Moves between the “Show” choice and the buttons |',
          '| Arrows | Choose what to show in the “Show” list |',
          '| Enter | On “Show more”: loads the next page and moves to its first feedback |',
        ].join('\n'),
      },
    },
  },
};
export default meta;

type Story = StoryObj<InboxArgs>;

/** Named and anonymous, praise and constructive, text, ratings and choices. */
export const Default: Story = {};

export const PraiseOnly: Story = { args: { kind: 'praise' } };

export const ConstructiveOnly: Story = { args: { kind: 'constructive' } };

/** As u0012’s manager: only what they chose to share, and whose it is. */
export const AsTheirManager: Story = {
  args: {
    personId: report,
    backend: inbox([...praise, ...constructive].map((entry) => ({ ...entry, recipientId: report }))),
  },
};

/** Forty-five, ten at a time: “Show more” adds the next ten and moves the focus to the first of them. */
export const Paged: Story = { args: { backend: inbox(many) } };

/** “Show more” pressed once. */
export const PagedMoreShown: Story = {
  args: { backend: inbox(many) },
  play: async ({ canvasElement }) => {
    const element = canvasElement.querySelector('peer-feedback-inbox')!;
    const more = await waitFor(() => element.shadowRoot?.querySelector<HTMLButtonElement>('[part~="more-button"]'));
    more.click();
  },
};

export const Empty: Story = { args: { backend: inbox([]) } };

export const NoneOfThisKind: Story = { args: { kind: 'constructive', backend: inbox(praise) } };

export const NoneShared: Story = {
  args: {
    personId: report,
    backend: inbox(praise.map((entry) => ({ ...entry, recipientId: report, visibility: 'recipient' }))),
  },
};

export const Loading: Story = { args: { backend: new MemoryBackend({ meId: me, latency: Infinity }) } };

export const Error: Story = {
  args: { backend: new MemoryBackend({ meId: me, fail: new PeerError({ kind: 'http', status: 503 }) }) },
};

export const Offline: Story = {
  args: { backend: new MemoryBackend({ meId: me, fail: new PeerError({ kind: 'offline' }) }) },
};

/** Not their manager: the server says no, and the widget says why. */
export const NotTheirManager: Story = { args: { personId: 'u0013' } };

export const HostileText: Story = {
  args: {
    backend: inbox(
      hostile([
        '<img src=x onerror=alert(1)> "quoted" and a very long sentence that goes on. '.repeat(5),
        '<script>alert("feedback")</script> javascript:alert(1)',
        'مرحبا بالعالم ‮ reversed Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǒ̳̓ 𝕿𝖍𝖆𝖓𝖐 𝖞𝖔𝖚 🙏🏽',
      ]),
    ),
  },
};

export const Narrow: Story = { args: { width: '320px' } };

export const RightToLeft: Story = {
  render: (args, context) => html`<div lang="ar" dir="rtl">${render(args, context)}</div>`,
};

export const German: Story = {
  render: (args, context) => html`<div lang="de">${render(args, context)}</div>`,
};

export const Dark: Story = { args: { theme: 'dark' } };

export const HighContrast: Story = { args: { theme: 'contrast' } };
