import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundleApp } from '../../bench/widget-bundle.mjs';

/*
 * What an app gets when it imports one widget the way the README says (`import 'peerkit/person'`),
 * bundled with Vite from the built package: the modules that load before the element is defined,
 * listed, their size against the budget, and what loads later, when first needed.
 */

/** Budget of each widget's own entry, Lit included, min+gzip. */
const WIDGET_BUDGET = 20 * 1024;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const widgets = ['person', 'mentor-card', 'mentorships', 'kudos-feed', 'skill-map', 'feedback-form', 'feedback-inbox'];
const own = (modules: string[]) =>
  new Set(modules.filter((m) => m.startsWith('dist/components/')).map((m) => m.split('/')[2]));

/** Rendered from the start; everything else a widget shows loads when first needed. */
const rendered: Record<string, string[]> = {
  person: ['person'],
  'mentor-card': ['mentor-card', 'person'],
  mentorships: ['mentorships', 'person'],
  'feedback-inbox': ['feedback-inbox', 'person'],
  'kudos-feed': ['kudos-feed', 'person'], // person/initials.js only, not the person card
  'skill-map': ['skill-map'],
  'feedback-form': ['feedback-form'],
};
const later: Record<string, string[]> = {
  person: [],
  'mentor-card': [
    'dist/components/mentor-card/request-dialog.js',
    'dist/components/mentor-card/mentor-settings.component.js',
    'dist/components/mentor-card/incoming-requests.js',
  ],
  mentorships: [],
  'feedback-inbox': [],
  'kudos-feed': [
    'dist/components/kudos-feed/kudos-composer.component.js',
    'dist/components/kudos-feed/kudos-reader.js',
    // What a feed of hundreds of kudos draws: only those near the visible part.
    'dist/components/kudos-feed/kudos-window.js',
  ],
  // The experts panel, which loads the mentor card of an expert in turn.
  'skill-map': ['dist/components/skill-map/skill-experts.js'],
  'feedback-form': [
    'dist/components/people-picker/people-picker.component.js',
    'dist/components/person/person.component.js',
    'dist/components/feedback-form/feedback-delivery.js',
  ],
};

describe('one widget, bundled by an app', () => {
  for (const widget of widgets) {
    it(`peerkit/${widget} brings only what it renders, within ${kb(WIDGET_BUDGET)} before it is defined`, async () => {
      const { modules, gzip, lazy, chunks } = await bundleApp(`import 'peerkit/${widget}';`);
      console.log(
        `peerkit/${widget}: ${kb(gzip)} min+gzip before the element is defined, ${modules.length} modules:\n  ${modules.join('\n  ')}\n` +
          `  loaded when first needed: ${lazy.join(', ')}\n` +
          `  as Vite splits it: ${chunks.map((c) => kb(c.gzip)).join(' + ')}`,
      );
      assert.deepEqual([...own(modules)].sort(), rendered[widget].sort());
      assert.ok(!modules.some((m) => m.includes('/testing/')), 'no test helpers');
      assert.ok(!modules.some((m) => m.includes('zod')), 'no zod');
      if (widget === 'kudos-feed') assert.ok(!modules.includes('dist/components/person/person.component.js'));
      // The REST client comes with the first request, German and Arabic when a page speaks them.
      assert.ok(
        !modules.some((m) => m.startsWith('dist/core/rest/') && !/(lazy-rest|scope)\.js$/.test(m)),
        'REST client',
      );
      assert.ok(!modules.some((m) => /i18n\/(de|ar)\.js$/.test(m)), 'other languages');
      for (const module of ['dist/core/rest/rest-backend.js', 'dist/core/i18n/de.js', 'dist/core/i18n/ar.js']) {
        assert.ok(lazy.includes(module), `${module} loads when needed`);
      }
      for (const module of later[widget]) assert.ok(lazy.includes(module), `${module} loads when needed`);
      assert.ok(gzip <= WIDGET_BUDGET, `peerkit/${widget} is ${kb(gzip)}, over ${kb(WIDGET_BUDGET)}`);
    });
  }
});
