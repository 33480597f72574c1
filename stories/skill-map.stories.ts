import type { PeerTheme } from '../src/core/peer-element.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/skill-map/skill-map.js';
import type { SkillMatrix } from '../src/contract/skills.js';
import { PeerError } from '../src/core/errors.js';
import { MemoryBackend } from '../src/testing/memory-backend.js';
import { themed, themingArgTypes, themingDefaults, waitFor, withBackend, type ThemingArgs } from './support.js';

interface MapArgs {
  department?: string;
  category?: string;
  minLevel: number;
  view: 'levels' | 'gaps';
  expertHref?: string;
  width: string;
  theme?: PeerTheme;
  backend: MemoryBackend;
  matrix?: SkillMatrix;
}

const memory = (options: ConstructorParameters<typeof MemoryBackend>[0] = {}) =>
  new MemoryBackend({ meId: 'u0001', ...options });

/** A matrix of any size with names from `name` and `skill`, for sizes and strings the seed has not. */
function synthetic(
  people: number,
  skills: number,
  name = (i: number) => `Colleague ${i + 1}`,
  skill = (i: number) => `Skill ${i + 1}`,
) {
  const matrix: SkillMatrix = {
    people: Array.from({ length: people }, (_, i) => ({
      id: `p${i}`,
      name: name(i),
      title: 'Specialist',
      department: { id: `d${i % 5}`, name: `Department ${(i % 5) + 1}` },
      photoUrl: null,
    })),
    skills: Array.from({ length: skills }, (_, i) => ({
      id: `s${i}`,
      name: skill(i),
      category: 'Sample',
      synonyms: [],
    })),
    cells: [],
    targets: Array.from({ length: Math.min(skills, 10) }, (_, i) => ({
      departmentId: `d${i % 5}`,
      skillId: `s${i}`,
      level: 3,
    })),
    levels: [],
  };
  for (let p = 0; p < people; p++) {
    for (let s = 0; s < skills; s++) {
      if ((p * 7 + s * 3) % 4 !== 0) matrix.cells.push([p, s, (p * 3 + s) % 6, 'self', '2026-06-01T00:00:00.000Z']);
    }
  }
  return matrix;
}

const render = (args: MapArgs, context: { globals: Record<string, unknown> }) =>
  withBackend(
    args.backend,
    html`<div style="max-width: ${args.width}">
      <peer-skill-map
        department=${ifDefined(args.department)}
        category=${ifDefined(args.category)}
        min-level=${args.minLevel}
        view=${args.view}
        expert-href=${ifDefined(args.expertHref)}
        .matrix=${args.matrix}
        theme=${ifDefined(args.theme ?? (context.globals.theme as MapArgs['theme']))}
      ></peer-skill-map>
    </div>`,
  );

const meta: Meta<MapArgs> = {
  title: 'Widgets/Skill map',
  component: 'peer-skill-map',
  render,
  args: { department: 'eng', category: 'Engineering', minLevel: 0, view: 'levels', width: '60rem', backend: memory() },
  argTypes: {
    department: { control: 'select', options: [undefined, 'eng', 'design', 'product', 'data', 'sales', 'legal'] },
    category: {
      control: 'select',
      options: [undefined, 'Engineering', 'Design', 'Data', 'Product', 'Business', 'Leadership', 'Languages'],
    },
    minLevel: { control: { type: 'range', min: 0, max: 5 } },
    view: { control: 'inline-radio', options: ['levels', 'gaps'] },
    theme: { control: 'inline-radio', options: ['light', 'dark', 'contrast', 'auto'] },
    backend: { table: { disable: true } },
    matrix: { table: { disable: true } },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'People × skills with levels 0–5, gaps against department targets, experts to ask, and self-assessment.',
          '',
          '```html',
          '<peer-skill-map department="eng" category="Engineering"></peer-skill-map>',
          '```',
          '',
          '| Keys | Does |',
          '| --- | --- |',
          '| Arrows | Move between cells (mirrored right to left) |',
          '| Home / End, Ctrl+Home / Ctrl+End | First / last cell of the row, of the grid |',
          '| Page Up / Page Down | A screen up or down |',
          '| Enter | On a skill: sort by it and list experts; on a department: fold; on your own cell: rate yourself |',
          '| Escape | Closes the level picker without saving |',
        ].join('\n'),
      },
    },
  },
};
export default meta;

type Story = StoryObj<MapArgs>;

export const Default: Story = {};
export const WholeCompany: Story = { args: { department: undefined, category: undefined } };
export const Gaps: Story = { args: { view: 'gaps', category: undefined } };
export const MinimumLevel: Story = { args: { minLevel: 4, category: undefined } };
export const ExpertLinks: Story = { args: { expertHref: 'https://intranet.example/people/{id}' } };
/** A play function that clicks a cell of the grid as soon as it is there. */
const pressCell =
  (selector: string) =>
  async ({ canvasElement }: { canvasElement: HTMLElement }) => {
    const root = await waitFor(() => canvasElement.querySelector('peer-skill-map')?.shadowRoot);
    (await waitFor(() => root.querySelector<HTMLElement>(selector))).click();
  };
/** A skill's heading pressed: the grid sorts by it and lists the people to ask. */
export const ExpertsToAsk: Story = { play: pressCell('[data-pos="0:1"]') };
/** One of your own cells pressed: the level picker, with what each level means. */
export const SelfAssessment: Story = { play: pressCell('.row.own [data-pos$=":1"]') };
export const Loading: Story = { args: { backend: memory({ latency: Infinity }) } };
export const Offline: Story = { args: { backend: memory({ fail: new PeerError({ kind: 'offline' }) }) } };
export const Empty: Story = { args: { matrix: synthetic(0, 0) } };
/** A misspelt `department`: the error names it, where an empty map would hide it. */
export const UnknownDepartment: Story = { args: { department: 'desgin' } };
export const Error: Story = {
  args: { backend: memory({ fail: new PeerError({ kind: 'http', status: 503, problem: { title: 'Unavailable' } }) }) },
};
export const SinglePerson: Story = { args: { matrix: synthetic(1, 8) } };
/** 500 people × 80 skills: only the visible cells are in the DOM. */
export const FiveHundredByEighty: Story = { args: { matrix: synthetic(500, 80), width: '100%' } };
export const HostileNames: Story = {
  args: {
    matrix: synthetic(
      12,
      6,
      (i) =>
        ['<script>alert(1)</script>', '‮Reversed name', 'Ñoño Zalgo Z̤͔ͧ̑̓', '𝕿𝖍𝖆𝖓𝖐𝖘 🙏🏽', '"><img src=x>', 'A'.repeat(80)][
          i % 6
        ],
      (i) => ['<b>Bold</b>', 'javascript:alert(1)', 'Skill with a very long name indeed', '🚀', 'ٱلْعَرَبِيَّة', '${x}'][i],
    ),
  },
};
export const Narrow: Story = { args: { width: '320px' } };
/** Text at twice its size: rows, columns and headers grow with it, so nothing in the grid is cut off. */
export const LargeText: Story = {
  name: 'Large text (200 %)',
  render: (args, context) =>
    html`<div style="--peer-font-size: 1.875rem; --peer-font-size-small: 1.625rem; --peer-font-size-large: 2.25rem">
      ${render(args, context)}
    </div>`,
};
export const RightToLeft: Story = {
  render: (args, context) => html`<div lang="ar" dir="rtl">${render(args, context)}</div>`,
};
export const Dark: Story = { args: { theme: 'dark' } };

export const Wide: Story = { args: { width: '100%', category: undefined } };

export const HighContrast: Story = { args: { theme: 'contrast' } };

/** Brand colours, corners, spacing and type through the `--peer-*` properties: change them in Controls. */
export const ThemingPlayground: StoryObj<MapArgs & ThemingArgs> = {
  // The brand values are light colours: the playground shows them in the light theme.
  args: { ...themingDefaults, theme: 'light' },
  argTypes: themingArgTypes,
  render: (args, context) => themed(args, render(args as unknown as MapArgs, context)),
};
