import { html, type TemplateResult } from 'lit';
import '../src/components/provider/provider.js';
import type { PeerBackend } from '../src/core/backend.js';

/** A story's widgets on a backend of its own (a `MemoryBackend` in every story). */
export function withBackend(backend: PeerBackend, content: TemplateResult) {
  return html`<peer-provider .backend=${backend}>${content}</peer-provider>`;
}

/** Brand values a theming playground lets a designer try; each maps to one `--peer-*` property. */
export interface ThemingArgs {
  accent: string;
  surface: string;
  text: string;
  radius: string;
  space: string;
  font: string;
}

export const themingDefaults: ThemingArgs = {
  accent: '#c8102e',
  surface: '#fffdf8',
  text: '#1b1b1b',
  radius: '0.25rem',
  space: '0.6rem',
  font: 'Georgia, serif',
};

export const themingArgTypes = {
  accent: { control: 'color', description: '`--peer-color-accent`' },
  surface: { control: 'color', description: '`--peer-color-surface`' },
  text: { control: 'color', description: '`--peer-color-text`' },
  radius: { control: 'text', description: '`--peer-radius`' },
  space: { control: 'text', description: '`--peer-space`' },
  font: { control: 'text', description: '`--peer-font-family`' },
} as const;

/** Wraps a widget in the custom properties a page would set to brand it. */
export function themed(args: Partial<ThemingArgs>, content: TemplateResult) {
  const t = { ...themingDefaults, ...args };
  const style = [
    `--peer-color-accent: ${t.accent}`,
    `--peer-color-focus: ${t.accent}`,
    `--peer-color-surface: ${t.surface}`,
    `--peer-color-text: ${t.text}`,
    `--peer-radius: ${t.radius}`,
    `--peer-space: ${t.space}`,
    `--peer-font-family: ${t.font}`,
  ].join('; ');
  return html`<div style=${style}>${content}</div>`;
}

/** What `find` finds, once it does: for a story's play function, which runs before the widget has loaded. */
export async function waitFor<T>(find: () => T | null | undefined): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new globalThis.Error('not found');
}
