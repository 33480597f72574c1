import type { PeerTheme } from '../src/core/peer-element.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/kudos-feed/kudos-feed.js';
import '../src/components/kudos-feed/kudos-composer.js';
import type { Kudos } from '../src/contract/kudos.js';
import { PeerError } from '../src/core/errors.js';
import { MemoryBackend } from '../src/testing/memory-backend.js';
import { kudosDrafts } from '../src/components/kudos-feed/kudos-draft.js';
import { themed, themingArgTypes, themingDefaults, withBackend, type ThemingArgs } from './support.js';

interface FeedArgs {
  team?: string;
  person?: string;
  value?: string;
  composer: 'button' | 'open' | 'none';
  filters?: 'on' | 'off';
  pageSize: number;
  width: string;
  theme?: PeerTheme;
  backend: MemoryBackend;
  kudos?: Kudos[];
}

const memory = (options: ConstructorParameters<typeof MemoryBackend>[0] = {}) =>
  new MemoryBackend({ meId: 'u0001', ...options });

/** Kudos made from seeded ones with other messages (and optionally other giver names). */
function variants(count: number, message: (i: number) => string, giverName?: (i: number) => string): Kudos[] {
  const source = memory().latestKudos(50);
  return Array.from({ length: count }, (_, i) => {
    const base = source[i % source.length];
    const giver = giverName ? { ...base.giver, name: giverName(i) } : base.giver;
    return { ...base, id: `${base.id}-${i}`, message: message(i), mentions: [], giver };
  });
}

const render = (args: FeedArgs, context: { globals: Record<string, unknown> }) =>
  withBackend(
    args.backend,
    html`<div style="max-width: ${args.width}">
      <peer-kudos-feed
        team=${ifDefined(args.team)}
        person=${ifDefined(args.person)}
        value=${ifDefined(args.value)}
        composer=${args.composer}
        filters=${ifDefined(args.filters)}
        page-size=${args.pageSize}
        .kudos=${args.kudos}
        theme=${ifDefined(args.theme ?? (context.globals.theme as FeedArgs['theme']))}
      ></peer-kudos-feed>
    </div>`,
  );

const meta: Meta<FeedArgs> = {
  title: 'Widgets/Kudos feed',
  component: 'peer-kudos-feed',
  render,
  args: { composer: 'button', pageSize: 10, width: '44rem', backend: memory() },
  argTypes: {
    composer: { control: 'inline-radio', options: ['button', 'open', 'none'] },
    filters: { control: 'inline-radio', options: ['on', 'off'] },
    value: {
      control: 'select',
      options: [undefined, 'customers', 'ownership', 'learning', 'together', 'courage', 'simplicity'],
    },
    team: { control: 'select', options: [undefined, 'eng', 'design', 'product', 'data', 'sales', 'legal'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    backend: { table: { disable: true } },
    kudos: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'Recognition across teams, tagged with company values, with reactions, filters, live updates and a composer.',
          '',
          '```html',
          '<peer-kudos-feed team="design" composer="button"></peer-kudos-feed>',
          '```',
          '',
          '| Keys | Does |',
          '| --- | --- |',
          '| Page Down / Page Up | Next / previous kudos (WAI-ARIA feed); loads more near the end |',
          '| Ctrl+End / Ctrl+Home | Leave the feed after / before it |',
          '| Tab | Into a kudos: its reactions; out: the next control |',
          '| Enter / Space | On a reaction: adds or takes it back |',
          '| Enter on “Edit…” | On kudos you gave: change the message and values in place; Escape keeps the kudos as it was and your changes for “Continue editing…”, “Cancel” forgets them |',
          '| Enter on “Delete…” | On kudos you gave: asks once more; Escape keeps them |',
          '| Down / Up on “Show” | All kudos, yours, your department’s, or one value’s |',
          '| @ and part of a name | In the message (of the composer or the editor): suggests colleagues to mention |',
          '| Down / Up, Enter or Tab | In the suggestions: move, choose (the message shows @Name) |',
          '| Escape | Closes the suggestions, keeping the text |',
          '| Ctrl+Enter (⌘+Enter) | In the message: sends the kudos, or saves the changes |',
          '',
          'An unsent kudos is kept in the browser as it is typed and comes back after a reload; the button then reads “Continue your kudos”.',
        ].join('\n'),
      },
    },
  },
};
export default meta;

type Story = StoryObj<FeedArgs>;

export const Default: Story = {};

export const Loading: Story = { args: { backend: memory({ latency: Infinity }) } };

export const Empty: Story = { args: { backend: memory({ kudos: 0 }) } };

export const Error: Story = {
  args: { backend: memory({ fail: new PeerError({ kind: 'http', status: 503, problem: { title: 'Unavailable' } }) }) },
};

export const Offline: Story = {
  args: { backend: memory({ fail: new PeerError({ kind: 'offline' }) }) },
};

export const FilteredByValue: Story = { args: { value: 'courage' } };

export const FilteredByTeam: Story = { args: { team: 'legal' } };

/** A misspelt `team`: the error names it, where an empty feed would hide it. */
export const UnknownTeam: Story = { args: { team: 'desgin' } };

export const ComposerOpen: Story = { args: { composer: 'open' } };

/** An unsent kudos from an earlier visit comes back when the composer opens, with a note saying so. */
export const DraftRestored: Story = {
  args: {
    composer: 'open',
    backend: (() => {
      const backend = memory({ storageScope: 'story-kudos-draft' });
      kudosDrafts(backend.storageScope).save(
        'composer',
        {
          recipientIds: ['u0002'],
          message: 'Thank you for walking me through the release checklist.',
          valueIds: ['learning'],
          isPrivate: false,
        },
        'u0001',
      );
      return backend;
    })(),
  },
};

/** Typing “@” and part of a name in the message suggests colleagues to mention. */
export const MentionSuggestions: Story = {
  render: (args) =>
    withBackend(args.backend, html`<div style="max-width: 36rem"><peer-kudos-composer></peer-kudos-composer></div>`),
  play: async ({ canvasElement }) => {
    const composer = canvasElement.querySelector('peer-kudos-composer')!;
    for (let i = 0; i < 200 && !composer.shadowRoot?.querySelector('textarea'); i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    const area = composer.shadowRoot!.querySelector('textarea')!;
    area.focus();
    area.value = 'Thanks for the demo, @a';
    area.setSelectionRange(area.value.length, area.value.length);
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  },
};

/** Waits (up to 5 s) for what `find` finds in the feed's shadow root; undefined if it never came. */
async function inFeed<T>(canvas: HTMLElement, find: (root: ShadowRoot) => T | null | undefined) {
  const root = () => canvas.querySelector('peer-kudos-feed')?.shadowRoot;
  for (let i = 0; i < 200; i++) {
    const found = root() && find(root()!);
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return undefined;
}

/** Kudos the signed-in person gave have “Delete…”; here it has been pressed and asks once more. */
export const DeletingYourKudos: Story = {
  args: { person: 'u0001' },
  play: async ({ canvasElement }) =>
    (await inFeed(canvasElement, (root) => root.querySelector<HTMLButtonElement>('button.ask')))?.click(),
};

/**
 * Readers narrow the feed with “Show”: to kudos they gave or received, their department's, or one
 * company value's (here “Learn and share”). Choices the attributes already make are not offered.
 */
export const ChoosingWhatToShow: Story = {
  play: async ({ canvasElement }) => {
    const list = await inFeed(canvasElement, (root) =>
      root.querySelector('.show option[value="value:learning"]')?.closest('select'),
    );
    if (!list) return;
    list.value = 'value:learning';
    list.dispatchEvent(new Event('change'));
  },
};

/** Kudos the signed-in person gave have “Edit…”: here it has been pressed, and the message and values can be changed in place. */
export const EditingYourKudos: Story = {
  args: { person: 'u0001' },
  play: async ({ canvasElement }) =>
    (await inFeed(canvasElement, (root) => root.querySelector<HTMLButtonElement>('button.edit')))?.click(),
};

/** While changing kudos you gave, “@” and part of a name suggest colleagues to mention, as in the composer. */
export const MentioningWhileEditing: Story = {
  args: { person: 'u0001' },
  play: async ({ canvasElement }) => {
    (await inFeed(canvasElement, (root) => root.querySelector<HTMLButtonElement>('button.edit')))?.click();
    const area = await inFeed(canvasElement, (root) => root.querySelector<HTMLTextAreaElement>('.editor textarea'));
    if (!area) return;
    area.focus();
    area.value = `${area.value} with @a`;
    area.setSelectionRange(area.value.length, area.value.length);
    area.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  },
};

export const StandaloneComposer: Story = {
  render: (args) =>
    withBackend(args.backend, html`<div style="max-width: 36rem"><peer-kudos-composer></peer-kudos-composer></div>`),
};

/** A colleague gives kudos every four seconds: they wait behind the “new kudos” button. */
export const LiveArrivals: Story = {
  render: (args, context) => {
    const backend = memory();
    const timer = setInterval(() => {
      if (!document.body.contains(document.querySelector('peer-kudos-feed'))) clearInterval(timer);
      else backend.arrive();
    }, 4000);
    return render({ ...args, backend }, context);
  },
};

/** A backend whose live stream the server refuses for good, as it does once the reader is signed out. */
class SignedOutStream extends MemoryBackend {
  override watchKudos(...[, listener, { signal }]: Parameters<MemoryBackend['watchKudos']>) {
    const error = new PeerError({ kind: 'http', status: 401, problem: { title: 'Unauthorized' } });
    queueMicrotask(() => signal.aborted || listener({ type: 'connection', state: 'failed', error }));
  }
}

/** Live updates stopped for good: the kudos shown stay, with why, and “Try again” loads afresh. */
export const LiveUpdatesStopped: Story = { args: { backend: new SignedOutStream({ meId: 'u0001' }) } };

export const HostileText: Story = {
  args: {
    kudos: variants(
      12,
      (i) =>
        [
          '<script>alert(1)</script>',
          '"><img src=x onerror=alert(1)>',
          '‮Right-to-left override',
          'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǒ̳̓ ̰̯̪t̰̓e͙̼x̠̦t̞̓',
          '𝕿𝖍𝖆𝖓𝖐 𝖞𝖔𝖚 🙏🏽👩🏾‍💻',
          'javascript:alert(1)',
        ][i % 6],
      (i) => (i % 2 ? '<b>Bold</b> Name' : '‮Reversed Name'),
    ),
  },
};

export const VeryLongMessages: Story = {
  args: {
    kudos: variants(6, (i) =>
      i % 2
        ? 'Thank you '.repeat(100).trim()
        : 'Averyveryverylongwordwithoutanyspacesthatmustwrapinsidethecardinsteadofoverflowingit'.repeat(6),
    ),
  },
};

/** 10,000 kudos loaded: only those near the visible part are in the DOM. */
export const TenThousand: Story = {
  args: { kudos: variants(10_000, (i) => `Kudos number ${i + 1}: thank you for the help this week.`) },
};

export const Narrow: Story = { args: { width: '320px' } };

export const RightToLeft: Story = {
  render: (args, context) => html`<div lang="ar" dir="rtl">${render(args, context)}</div>`,
};

export const Dark: Story = { args: { theme: 'dark' } };

export const Wide: Story = { args: { width: '72rem' } };

/** Givers without a photo show their initials. */
export const NoPhoto: Story = {
  args: {
    kudos: memory()
      .latestKudos(12)
      .map((k) => ({
        ...k,
        giver: { ...k.giver, photoUrl: null },
        recipients: k.recipients.map((r) => ({ ...r, photoUrl: null })),
      })),
  },
};

export const HighContrast: Story = { args: { theme: 'contrast' } };

/** Brand colours, corners, spacing and type through the `--peer-*` properties: change them in Controls. */
export const ThemingPlayground: StoryObj<FeedArgs & ThemingArgs> = {
  // The brand values are light colours: the playground shows them in the light theme.
  args: { ...themingDefaults, theme: 'light' },
  argTypes: themingArgTypes,
  render: (args, context) => themed(args, render(args as unknown as FeedArgs, context)),
};
