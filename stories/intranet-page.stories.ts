import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import '../src/components/feedback-form/feedback-form.js';
import '../src/components/kudos-feed/kudos-feed.js';
import '../src/components/mentor-card/mentor-card.js';
import '../src/components/person/person.js';
import '../src/components/skill-map/skill-map.js';
import type { PeerTheme } from '../src/core/peer-element.js';
import { MemoryBackend } from '../src/testing/memory-backend.js';
import { withBackend } from './support.js';

/** All four widgets together, as an intranet author would place them on a page. */
const meta: Meta = {
  title: 'Pages/Intranet page',
  parameters: { layout: 'fullscreen' },
};
export default meta;

export const AllFourWidgets: StoryObj = {
  render: (_args, context) => {
    const theme = context.globals.theme as PeerTheme | undefined;
    return withBackend(
      new MemoryBackend({ meId: 'u0001', storageScope: 'page-story' }),
      html`<div
        style="font-family: system-ui, sans-serif; padding: 1rem; ${
          theme === 'dark' || theme === 'contrast' ? 'color: #fff' : 'color: #1b1b1b; background: #f4f5f7'
        }"
      >
        <header
          style="display: flex; align-items: center; gap: 1rem; padding: 0.75rem 1rem; background: #1d3557; color: #fff; border-radius: 0.5rem"
        >
          <strong>Northwind Intranet</strong>
          <span style="margin-inline-start: auto">Signed in as</span>
          <peer-person person-id="me" size="small" theme="dark"></peer-person>
        </header>
        <main
          style="display: grid; grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr)); gap: 1rem; margin-block-start: 1rem"
        >
          <section style="grid-column: 1 / -1">
            <h2>Who knows what in Engineering</h2>
            <peer-skill-map department="eng" category="Engineering" theme=${ifDefined(theme)}></peer-skill-map>
          </section>
          <section>
            <h2>Recognition</h2>
            <peer-kudos-feed
              page-size="5"
              theme=${ifDefined(theme)}
              style="--peer-kudos-feed-max-height: 28rem"
            ></peer-kudos-feed>
          </section>
          <section>
            <h2>Mentor of the month</h2>
            <peer-mentor-card mentor-id="u0002" theme=${ifDefined(theme)}></peer-mentor-card>
          </section>
          <section>
            <h2>Give feedback</h2>
            <peer-feedback-form template-id="quick-praise" theme=${ifDefined(theme)}></peer-feedback-form>
          </section>
        </main>
      </div>`,
    );
  },
};
