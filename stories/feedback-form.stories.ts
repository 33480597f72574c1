import type { PeerTheme } from '../src/core/peer-element.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/feedback-form/feedback-form.js';
import type { PeerFeedbackForm } from '../src/components/feedback-form/feedback-form.component.js';
import type { AnswerValue, FeedbackTemplate } from '../src/contract/feedback.js';
import { PeerError } from '../src/core/errors.js';
import { DraftStore } from '../src/core/local-store.js';
import { MemoryBackend } from '../src/testing/memory-backend.js';
import { themed, themingArgTypes, themingDefaults, waitFor, withBackend, type ThemingArgs } from './support.js';

interface FormArgs {
  templateId: string;
  recipientId?: string;
  width: string;
  theme?: PeerTheme;
  backend: MemoryBackend;
}

let stories = 0;
/** Each story keeps its drafts and outbox apart from the others. */
const memory = (options: ConstructorParameters<typeof MemoryBackend>[0] = {}) =>
  new MemoryBackend({ meId: 'u0001', storageScope: `story-${++stories}`, ...options });

/** A backend with a draft already saved, as if the reader had started earlier. */
function withDraft(
  templateId: string,
  recipientId: string | undefined,
  draft: { answers: Record<string, AnswerValue>; kind?: 'praise' | 'constructive'; anonymous?: boolean },
  options: ConstructorParameters<typeof MemoryBackend>[0] = {},
) {
  const backend = memory(options);
  new DraftStore(`peerkit:feedback-draft:v1:${backend.storageScope}`).save(
    `${templateId}:${recipientId ?? '*'}`,
    { visibility: 'recipient', anonymous: false, ...draft },
    'u0001',
  );
  return backend;
}

const render = (args: FormArgs, context: { globals: Record<string, unknown> }) =>
  withBackend(
    args.backend,
    html`<div style="max-width: ${args.width}">
      <peer-feedback-form
        template-id=${ifDefined(args.templateId || undefined)}
        recipient-id=${ifDefined(args.recipientId)}
        theme=${ifDefined(args.theme ?? (context.globals.theme as FormArgs['theme']))}
      ></peer-feedback-form>
    </div>`,
  );

/** Presses send once the form is there. */
async function send(canvasElement: HTMLElement) {
  const form = await waitFor(() => canvasElement.querySelector<PeerFeedbackForm>('peer-feedback-form'));
  const button = await waitFor(() => form.shadowRoot?.querySelector<HTMLButtonElement>('button[type="submit"]'));
  await new Promise((resolve) => setTimeout(resolve, 100)); // the draft comes back first
  button.click();
}

const meta: Meta<FormArgs> = {
  title: 'Widgets/Feedback form',
  component: 'peer-feedback-form',
  render,
  args: { templateId: 'quick-praise', width: '40rem', backend: memory() },
  argTypes: {
    templateId: { control: 'select', options: ['quick-praise', 'sbi', 'project', 'talk', 'retired'] },
    recipientId: { control: 'select', options: [undefined, 'u0002', 'u0040', 'u0120'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    backend: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'Praise or constructive feedback from a template, named or anonymous, from any page.',
          '',
          '```html',
          '<peer-feedback-form template-id="sbi" recipient-id="u0042"></peer-feedback-form>',
          '```',
          '',
          'Without `recipient-id` a people picker comes first. Drafts are saved as you type; a send that fails on the network waits in an outbox and arrives exactly once.',
          '',
          '| Keys | Does |',
          '| --- | --- |',
          '| Tab / Shift+Tab | Moves between the recipient, the kind, each question, visibility, anonymity and the buttons |',
          '| Arrows | Choose a point of a rating scale or an option of a single choice (native radio groups) |',
          '| Space | Checks a radio, a checkbox or the anonymity switch |',
          '| Enter | On the send button: sends; on an entry of the error summary: moves to its field |',
        ].join('\n'),
      },
    },
  },
};
export default meta;

type Story = StoryObj<FormArgs>;

/** Without `recipient-id`: a people picker chooses who it is for. */
export const Default: Story = {};

export const ForAColleague: Story = { args: { recipientId: 'u0002' } };

/** Rating questions are native radio groups with every point labelled; optional ones can be cleared. */
export const RatingScales: Story = { args: { templateId: 'project', recipientId: 'u0002' } };

/** Text questions with counters, for constructive feedback (situation, behaviour, impact). */
export const Constructive: Story = {
  args: {
    templateId: 'sbi',
    recipientId: 'u0002',
    backend: withDraft('sbi', 'u0002', { kind: 'constructive', answers: {} }),
  },
};

/** Single and multiple choice. */
export const Choices: Story = { args: { templateId: 'talk', recipientId: 'u0002' } };

/** The anonymity switch on: the explanation says who will see what. */
export const Anonymous: Story = {
  args: {
    recipientId: 'u0002',
    backend: withDraft('quick-praise', 'u0002', { anonymous: true, answers: {} }),
  },
};

/** A draft saved earlier comes back, with a note saying so. */
export const DraftRestored: Story = {
  args: {
    recipientId: 'u0002',
    backend: withDraft('quick-praise', 'u0002', {
      answers: { what: 'You stayed late to help us ship the accessibility fixes.', strengths: ['helping'] },
    }),
  },
};

export const ValidationErrors: Story = {
  play: ({ canvasElement }) => send(canvasElement),
};

export const Loading: Story = { args: { backend: memory({ latency: Infinity }) } };

export const TemplateNotFound: Story = { args: { templateId: 'retired' } };

/** Without `template-id`, the giver first chooses the kind of feedback to give. */
export const ChooseTemplate: Story = { args: { templateId: '' } };

export const Error: Story = {
  args: { backend: memory({ fail: new PeerError({ kind: 'http', status: 503, problem: { title: 'Unavailable' } }) }) },
};

const ready = { what: 'Your onboarding guide answered every question I had in my first week.' };

export const Sending: Story = {
  args: {
    recipientId: 'u0002',
    backend: withDraft('quick-praise', 'u0002', { answers: ready }, { sendLatency: Infinity }),
  },
  play: ({ canvasElement }) => send(canvasElement),
};

export const Sent: Story = {
  args: { recipientId: 'u0002', backend: withDraft('quick-praise', 'u0002', { answers: ready }) },
  play: ({ canvasElement }) => send(canvasElement),
};

export const SentAnonymously: Story = {
  args: {
    recipientId: 'u0002',
    backend: withDraft('quick-praise', 'u0002', { answers: ready, anonymous: true }),
  },
  play: ({ canvasElement }) => send(canvasElement),
};

/** The network is down: the feedback waits in the outbox and goes out by itself later. */
export const QueuedOffline: Story = {
  args: {
    recipientId: 'u0002',
    backend: withDraft('quick-praise', 'u0002', { answers: ready }, { failSends: new PeerError({ kind: 'offline' }) }),
  },
  play: ({ canvasElement }) => send(canvasElement),
};

const hostileTemplate: FeedbackTemplate = {
  id: 'hostile',
  name: '<img src=x onerror=alert(1)> "Quarterly" ‮review',
  description: '"><script>alert(1)</script> Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǒ̳̓ text and 𝕿𝖍𝖆𝖓𝖐 𝖞𝖔𝖚 🙏🏽',
  kinds: ['praise', 'constructive'],
  questions: [
    {
      id: 'rate',
      kind: 'rating',
      prompt: '<b>How</b> was it? javascript:alert(1)',
      required: true,
      scale: { min: 1, max: 3, labels: ['<i>low</i>', '‮middle', '🙏🏽'] },
    },
    {
      id: 'text',
      kind: 'text',
      prompt: 'Averyveryverylongwordwithoutanyspacesthatmustwrapinsidetheforminsteadofoverflowingit',
      required: false,
      minLength: 0,
      maxLength: 200,
    },
    {
      id: 'pick',
      kind: 'choice',
      prompt: 'Pick',
      required: false,
      multiple: true,
      options: [
        { id: 'a', label: '<svg onload=alert(1)>' },
        { id: 'b', label: '${7*7} {{constructor}}' },
      ],
    },
  ],
};

export const HostileText: Story = {
  args: {
    templateId: 'hostile',
    backend: (() => {
      const backend = memory();
      backend.feedbackTemplates.push(hostileTemplate);
      return backend;
    })(),
  },
};

export const Narrow: Story = { args: { templateId: 'project', recipientId: 'u0002', width: '320px' } };

export const RightToLeft: Story = {
  args: { templateId: 'project', recipientId: 'u0002' },
  render: (args, context) => html`<div lang="ar" dir="rtl">${render(args, context)}</div>`,
};

export const German: Story = {
  args: { templateId: 'sbi' },
  render: (args, context) => html`<div lang="de">${render(args, context)}</div>`,
};

export const Dark: Story = { args: { templateId: 'project', recipientId: 'u0002', theme: 'dark' } };

export const Wide: Story = { args: { templateId: 'project', recipientId: 'u0002', width: '72rem' } };

/** The recipient has no photo: the initials stand in. They also have a manager to share with. */
export const NoPhoto: Story = { args: { recipientId: 'u0012' } };

/** A long template: forty questions of every kind. */
export const HugeTemplate: Story = {
  args: {
    templateId: 'huge',
    recipientId: 'u0002',
    backend: (() => {
      const backend = memory();
      const [project] = backend.feedbackTemplates.filter((t) => t.id === 'project');
      backend.feedbackTemplates.push({
        id: 'huge',
        name: 'Annual review with forty questions',
        description: 'Every kind of question, many times over.',
        kinds: ['praise', 'constructive'],
        questions: Array.from({ length: 40 }, (_, i) => ({
          ...project.questions[i % project.questions.length],
          id: `q${i}`,
        })),
      });
      return backend;
    })(),
  },
};

export const HighContrast: Story = { args: { templateId: 'project', recipientId: 'u0012', theme: 'contrast' } };

/** Brand colours, corners, spacing and type through the `--peer-*` properties: change them in Controls. */
export const ThemingPlayground: StoryObj<FormArgs & ThemingArgs> = {
  // The brand values are light colours: the playground shows them in the light theme.
  args: { ...themingDefaults, theme: 'light' },
  argTypes: themingArgTypes,
  render: (args, context) => themed(args, render(args as unknown as FormArgs, context)),
};
