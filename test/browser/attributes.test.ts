import { expect, fixture, html } from '@open-wc/testing';
import '../../src/components/kudos-feed/kudos-feed.js';
import '../../src/components/people-picker/people-picker.js';
import '../../src/components/skill-map/skill-map.js';
import type { PeerKudosFeed } from '../../src/components/kudos-feed/kudos-feed.component.js';
import type { PeerPeoplePicker } from '../../src/components/people-picker/people-picker.component.js';
import type { PeerSkillMap } from '../../src/components/skill-map/skill-map.component.js';
import { configure } from '../../src/core/config.js';
import { apiUrl, serverRequests, tokenOf, until } from './helpers.js';

/*
 * Numbers and lists that an intranet author types into attributes, out of range, not a number or
 * with spaces, work as the nearest value the widget can use: no error from the server, and no
 * widget that refuses everything.
 */
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);

describe('what authors type into attributes', () => {
  before(() => configure({ baseUrl: apiUrl, headers: { Authorization: `Bearer ${tokenOf('u0001')}` } }));
  after(() => configure({}));

  it('a kudos feed asks for at most 100 kudos a page, and 20 when page-size is not a number', async () => {
    for (const [pageSize, limit] of [
      ['500', '100'],
      ['lots', '20'],
      ['0', '20'],
    ]) {
      const el = await fixture<PeerKudosFeed>(
        html`<peer-kudos-feed page-size=${pageSize} live="off" person="u0002"></peer-kudos-feed>`,
      );
      await until(() => !!$(el, 'article, [part~="error"]'), `the feed with page-size ${pageSize}`);
      expect(!!$(el, '[part~="error"]'), `an error with page-size ${pageSize}`).to.equal(false);
      const asked = (await serverRequests('/api/kudos')).filter((r) => r.search.includes('person=u0002')).at(-1)!;
      expect(new URLSearchParams(asked.search).get('limit')).to.equal(limit);
      expect(asked.status).to.be.below(400);
      el.remove();
    }
  });

  it('a skill map reads min-level as a level from 0 to 5', async () => {
    for (const [minLevel, shown] of [
      ['9', '5'],
      ['high', '0'],
      ['-2', '0'],
    ]) {
      const el = await fixture<PeerSkillMap>(
        html`<peer-skill-map department="eng" category="Engineering" min-level=${minLevel}></peer-skill-map>`,
      );
      await until(() => !!$(el, '[role="grid"], [part~="empty"], [part~="error"]'), 'the skill map');
      expect($<HTMLSelectElement>(el, '#min-level')!.value).to.equal(shown);
      expect(!!$(el, '[part~="error"]'), 'no error').to.equal(false);
      el.remove();
    }
  });

  it('a skill map reads skill ids with spaces around the commas', async () => {
    const el = await fixture<PeerSkillMap>(html`<peer-skill-map skills="typescript, rust "></peer-skill-map>`);
    await until(() => !!$(el, '[role="grid"], [part~="empty"], [part~="error"]'), 'the skill map');
    expect([...el.shadowRoot!.querySelectorAll('.skill-name')].map((n) => n.textContent)).to.deep.equal([
      'Rust',
      'TypeScript',
    ]);
    const asked = (await serverRequests('/api/skill-matrix')).at(-1)!;
    expect(new URLSearchParams(asked.search).get('skills')).to.equal('typescript,rust');
    el.remove();
  });

  it('a people picker with max="0" still lets one choose', async () => {
    const el = await fixture<PeerPeoplePicker>(html`<peer-people-picker max="0"></peer-people-picker>`);
    expect($<HTMLInputElement>(el, 'input')!.readOnly).to.equal(false);
  });
});
