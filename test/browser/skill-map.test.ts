import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/components/skill-map/skill-map.js';
import type { PeerSkillMap } from '../../src/components/skill-map/skill-map.component.js';
import type { Expert, SkillGap, SkillMatrix } from '../../src/contract/skills.js';
import {
  deepActive,
  getAs as api,
  injectFault,
  resetServer,
  serverRequests,
  shownText,
  signIn,
  until,
} from './helpers.js';

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(selector),
];
const pos = () => deepActive()?.dataset.pos;

async function ready(el: PeerSkillMap) {
  await until(() => !!$(el, '[role="grid"], [part~="empty"], [part~="error"]'), 'the skill map');
}

const cellAt = (el: PeerSkillMap, r: number, c: number) => $(el, `[data-pos="${r}:${c}"]`);

/** A synthetic matrix of `people` × `skills`, for sizes and strings the seed does not have. */
function synthetic(
  people: number,
  skills: number,
  name = (i: number) => `Person ${i}`,
  skill = (i: number) => `Skill ${i}`,
) {
  const matrix: SkillMatrix = {
    people: Array.from({ length: people }, (_, i) => ({
      id: `p${i}`,
      name: name(i),
      title: 'Engineer',
      department: { id: `d${i % 3}`, name: `Department ${i % 3}` },
      photoUrl: null,
    })),
    skills: Array.from({ length: skills }, (_, i) => ({ id: `s${i}`, name: skill(i), category: 'Test', synonyms: [] })),
    cells: [],
    targets: [],
    levels: [],
  };
  for (let p = 0; p < people; p++) {
    for (let s = 0; s < skills; s++)
      if ((p + s) % 3 !== 0) matrix.cells.push([p, s, (p + s) % 6, 'self', '2026-01-01T00:00:00.000Z']);
  }
  return matrix;
}

describe('<peer-skill-map>', () => {
  beforeEach(resetServer);

  it('renders a WAI-ARIA grid of the matrix from one request, levels as text', async () => {
    signIn('u0001');
    const el = await fixture<PeerSkillMap>(
      html`<peer-skill-map department="eng" category="Engineering"></peer-skill-map>`,
    );
    await ready(el);
    const requests = (await serverRequests()).filter((q) => q.path === '/api/skill-matrix');
    expect(requests.length).to.equal(1);
    const matrix = await api<SkillMatrix>('/skill-matrix?department=eng&category=Engineering');
    const grid = $(el, '[role="grid"]')!;
    // Rows: column headers, coverage, one department heading, the people.
    expect(grid.getAttribute('aria-rowcount')).to.equal(String(2 + 1 + matrix.people.length));
    expect(grid.getAttribute('aria-colcount')).to.equal(String(1 + matrix.skills.length));
    const [p, s, level] = matrix.cells[0];
    const rowOf = (person: number) =>
      $$(el, '[role="rowheader"].name').find((h) => h.textContent!.includes(matrix.people[person].name))!;
    const r = rowOf(p).dataset.pos!.split(':')[0];
    const cell = $(el, `[data-pos="${r}:${s + 1}"]`)!;
    const labels = ['Aware', 'Basic', 'Working', 'Skilled', 'Advanced', 'Expert'];
    expect(shownText(cell)).to.equal(`${level}${level} ${labels[level]}`);
    expect(cell.getAttribute('role')).to.equal('gridcell');
    const empty = $$(el, '.cell.lnone')[0];
    expect(empty.textContent).to.contain('Not assessed');
    await expect(el).to.be.accessible();
    el.theme = 'dark';
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('moves with arrows, Home/End, Ctrl+Home/End and Page Up/Down', async () => {
    signIn('u0001');
    const el = await fixture<PeerSkillMap>(html`<peer-skill-map></peer-skill-map>`);
    await ready(el);
    const skills = Number($(el, '[role="grid"]')!.getAttribute('aria-colcount')) - 1;
    const rows = Number($(el, '[role="grid"]')!.getAttribute('aria-rowcount'));
    expect($$(el, '[role="gridcell"]').length).to.be.lessThan((rows - 2) * skills, 'only what is visible');
    cellAt(el, 0, 0)!.focus();
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await until(() => pos() === '3:0', 'the first person');
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'ArrowRight' });
    await until(() => pos() === '3:2', 'two skills to the right');
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => pos() === '3:1');
    await sendKeys({ press: 'End' });
    await until(() => pos() === `3:${skills}`, 'the end of the row');
    expect(deepActive()!.getAttribute('aria-colindex')).to.equal(String(skills + 1));
    await sendKeys({ press: 'Home' });
    await until(() => pos() === '3:0', 'the start of the row');
    await sendKeys({ press: 'PageDown' });
    await until(() => Number(pos()!.split(':')[0]) > 5, 'a screen further down');
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'End' });
    await sendKeys({ up: 'Control' });
    await until(() => pos() === `${rows - 1}:${skills}`, 'the last cell');
    expect(deepActive()!.closest('[role="row"]')!.getAttribute('aria-rowindex')).to.equal(String(rows));
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'Home' });
    await sendKeys({ up: 'Control' });
    await until(() => pos() === '0:0', 'the first cell');
    // Exactly one cell is in the tab order.
    expect($$(el, '[tabindex="0"]').length).to.equal(1);
  });

  it('filters from attributes and from the toolbar, and sorts by a skill', async () => {
    signIn('u0001');
    const el = await fixture<PeerSkillMap>(html`<peer-skill-map department="design"></peer-skill-map>`);
    await ready(el);
    expect($$(el, '.group').map(shownText)).to.deep.equal([
      `▾ Design (${(await api<SkillMatrix>('/skill-matrix?department=design')).people.length})`,
    ]);
    el.category = 'Design';
    const designSkills = (await api<SkillMatrix>('/skill-matrix?department=design&category=Design')).skills;
    await until(() => $$(el, '.skill-name')[0]?.textContent === designSkills[0].name, 'the Design skills');
    expect($$(el, '.skill-name').map((n) => n.textContent)).to.deep.equal(
      designSkills.slice(0, $$(el, '.skill-name').length).map((k) => k.name),
    );
    const queries = (await serverRequests()).filter((q) => q.path === '/api/skill-matrix').map((q) => q.search);
    expect(queries.at(-1)).to.contain('category=Design');
    const matrix = await api<SkillMatrix>('/skill-matrix?department=design&category=Design');
    const strong = matrix.people.filter((_, p) => matrix.cells.some(([q, , level]) => q === p && level >= 5));
    const select = $(el, '#min-level') as HTMLSelectElement;
    select.value = '5';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.minLevel).to.equal(5);
    expect(
      $$(el, '.person-name')
        .map((n) => n.textContent)
        .sort(),
    ).to.deep.equal(strong.map((p) => p.name).sort());
    for (const row of $$(el, '.row:has(.name)')) {
      const levels = [...row.querySelectorAll('.cell [aria-hidden]')].map((c) => Number(c.textContent));
      expect(levels.filter((n) => !Number.isNaN(n)).length).to.be.greaterThan(0);
    }
    // Enter on a skill's header sorts by it, highest first.
    select.value = '0';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    cellAt(el, 0, 1)!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(cellAt(el, 0, 1)!.getAttribute('aria-sort')).to.equal('descending');
    const column = $$(el, '[data-pos$=":1"].cell').map(
      (c) => Number(c.querySelector('[aria-hidden]')!.textContent) || -1,
    );
    expect(column).to.deep.equal([...column].sort((a, b) => b - a));
  });

  it('folds and unfolds a department with Enter on its heading', async () => {
    signIn('u0001');
    const el = await fixture<PeerSkillMap>(html`<peer-skill-map category="Languages"></peer-skill-map>`);
    await ready(el);
    const first = $$(el, '.group')[0];
    const name = first.textContent!.replace(/\s+/g, ' ').trim();
    const rowsBefore = Number($(el, '[role="grid"]')!.getAttribute('aria-rowcount'));
    const members = Number(/\((\d+)\)/.exec(name)![1]);
    first.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($$(el, '.group')[0].getAttribute('aria-expanded')).to.equal('false');
    expect(Number($(el, '[role="grid"]')!.getAttribute('aria-rowcount'))).to.equal(rowsBefore - members);
    expect(pos()).to.equal(first.dataset.pos);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect($$(el, '.group')[0].getAttribute('aria-expanded')).to.equal('true');
    expect(Number($(el, '[role="grid"]')!.getAttribute('aria-rowcount'))).to.equal(rowsBefore);
  });

  it('shows cell details, and experts with a mentor card or a link', async () => {
    signIn('u0001');
    const el = await fixture<PeerSkillMap>(html`<peer-skill-map category="Engineering"></peer-skill-map>`);
    await ready(el);
    const rated = $$(el, '.cell:not(.lnone)')[0];
    rated.focus();
    await el.updateComplete;
    const summary = shownText($(el, '.summary'));
    expect(summary).to.match(/(Aware|Basic|Working|Skilled|Advanced|Expert) — /);
    expect(summary).to.match(/self-assessed|rated by their manager|rated by a peer/);
    const column = Number(rated.dataset.pos!.split(':')[1]);
    cellAt(el, 0, column)!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => $$(el, '[part~="experts"] li').length > 0, 'the experts');
    const matrix = await api<SkillMatrix>('/skill-matrix?category=Engineering');
    const skill = matrix.skills[column - 1];
    const experts = (await api<{ items: Expert[] }>(`/skills/${skill.id}/experts?limit=8`)).items;
    expect($$(el, '[part~="experts"] .expert-name').map((n) => n.textContent)).to.deep.equal(
      experts.map((e) => e.person.name),
    );
    // Each expert is named by what it shows (WCAG 2.5.3): their level and department are read out too.
    await expect(el).to.be.accessible();
    const selected: Expert[] = [];
    el.addEventListener('peer-expert-selected', (e) => selected.push(e.detail.expert));
    const mentorIndex = experts.findIndex((e) => e.mentor);
    if (mentorIndex >= 0) {
      $$(el, '[part~="experts"] button')[mentorIndex].click();
      await until(() => !!$(el, 'peer-mentor-card'), 'the mentor card');
      expect($(el, 'peer-mentor-card')!.getAttribute('mentor-id')).to.equal(experts[mentorIndex].person.id);
      expect(selected[0].person.id).to.equal(experts[mentorIndex].person.id);
    }
    el.expertHref = 'https://intranet.example/people/{id}';
    await el.updateComplete;
    expect($$(el, '[part~="experts"] a')[0].getAttribute('href')).to.equal(
      `https://intranet.example/people/${experts[0].person.id}`,
    );
    el.expertHref = 'javascript:alert(1)//{id}';
    await el.updateComplete;
    expect($$(el, '[part~="experts"] a').length).to.equal(0, 'unsafe links are not made');
  });

  it('lets the signed-in person assess themselves with the keyboard only', async () => {
    signIn('u0001');
    const ratings: string[] = [];
    const el = await fixture<PeerSkillMap>(html`<peer-skill-map department="eng" skills="rust,go"></peer-skill-map>`);
    el.addEventListener('peer-skill-rated', (e) => ratings.push(`${e.detail.skill.id}=${e.detail.rating.level}`));
    await ready(el);
    await until(() => !!$(el, '.row.own'), 'my row');
    const own = $(el, '.row.own .name')!;
    const r = Number(own.dataset.pos!.split(':')[0]);
    cellAt(el, 0, 0)!.focus();
    for (let i = 0; i < r; i++) await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowRight' });
    await until(() => pos() === `${r}:1`, 'my first cell');
    // What the reader can do here is said where they are, and only on their own row; a screen reader
    // hears it as the description of the cell.
    const hint = $(el, '#rate-hint')!;
    expect(shownText(hint)).to.equal('This is you: press Enter or click to assess your level.');
    expect(hint.hidden).to.equal(false);
    expect(cellAt(el, r, 1)!.getAttribute('aria-describedby')).to.equal('rate-hint');
    await sendKeys({ press: r > 2 ? 'ArrowUp' : 'ArrowDown' });
    expect(hint.hidden).to.equal(true);
    expect($$(el, '.row.own [role="gridcell"]').every((c) => c.getAttribute('aria-describedby') === 'rate-hint')).to.be
      .true;
    expect($$(el, '.row:not(.own) [aria-describedby]').length).to.equal(0);
    await sendKeys({ press: r > 2 ? 'ArrowDown' : 'ArrowUp' });
    const skillName = $(el, '[data-pos="0:1"] .skill-name')!.textContent!;
    await sendKeys({ press: 'Enter' });
    await until(() => (deepActive() as HTMLInputElement | null)?.type === 'radio', 'the level picker');
    const start = Number((deepActive() as HTMLInputElement).value);
    const goal = start === 5 ? 4 : start + 1;
    await sendKeys({ press: start === 5 ? 'ArrowUp' : 'ArrowDown' });
    expect((deepActive() as HTMLInputElement).value).to.equal(String(goal));
    await sendKeys({ press: 'Enter' });
    await until(() => pos() === `${r}:1`, 'focus back on the cell');
    expect(cellAt(el, r, 1)!.querySelector('[aria-hidden]')!.textContent).to.equal(String(goal));
    await until(() => ratings.length === 1, 'peer-skill-rated');
    expect(shownText($(el, '.message'))).to.contain(`in ${skillName}`);
    const matrix = await api<SkillMatrix>('/skill-matrix?department=eng&skills=rust,go');
    const me = matrix.people.findIndex((p) => p.id === 'u0001');
    const skill = matrix.skills.findIndex((s) => s.name === skillName);
    expect(matrix.cells.find(([p, s]) => p === me && s === skill)!.slice(2, 4)).to.deep.equal([goal, 'self']);
    expect(ratings[0]).to.equal(`${matrix.skills[skill].id}=${goal}`);
    await expect(el).to.be.accessible();
  });

  it('shows a rating made in another skill map on the page, keeping its own sort', async () => {
    signIn('u0001');
    // Tall enough that every row is drawn, wherever the sort puts mine.
    const page = await fixture<HTMLElement>(
      html`<div style="--peer-skill-map-max-height: 400em">
        <peer-skill-map department="eng" skills="kubernetes"></peer-skill-map>
        <peer-skill-map department="eng" skills="kubernetes,rust"></peer-skill-map>
      </div>`,
    );
    const [rater, other] = [...page.querySelectorAll<PeerSkillMap>('peer-skill-map')];
    await Promise.all([ready(rater), ready(other)]);
    const mine = (map: PeerSkillMap) => $(map, '.row.own .cell[data-pos$=":1"] [aria-hidden]')?.textContent;
    await until(() => !!mine(rater) && !!mine(other), 'my rows');
    cellAt(other, 0, 1)!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => cellAt(other, 0, 1)!.getAttribute('aria-sort') === 'descending', 'sorted');
    const before = mine(other);
    const choice = before === '5' ? '4' : '5';

    const r = Number($(rater, '.row.own .name')!.dataset.pos!.split(':')[0]);
    cellAt(rater, r, 1)!.click();
    await until(() => !!$(rater, '[part~="editor"]'), 'the level picker');
    $<HTMLInputElement>(rater, `[part~="editor"] input[value="${choice}"]`)!.click();
    await rater.updateComplete;
    $<HTMLButtonElement>(rater, '[part~="editor"] .primary')!.click();
    await until(() => mine(other) === choice, 'the rating in the other map');
    expect(cellAt(other, 0, 1)!.getAttribute('aria-sort'), 'still sorted').to.equal('descending');
    expect(mine(rater)).to.equal(choice);
  });

  it('rolls a self-assessment back with a message when the server refuses', async () => {
    signIn('u0001');
    const el = await fixture<PeerSkillMap>(
      html`<peer-skill-map department="eng" skills="kubernetes"></peer-skill-map>`,
    );
    await ready(el);
    await until(() => !!$(el, '.row.own'), 'my row');
    const r = Number($(el, '.row.own .name')!.dataset.pos!.split(':')[0]);
    const before = cellAt(el, r, 1)!.querySelector('[aria-hidden]')!.textContent;
    await injectFault({ method: 'PUT', path: '/api/me/skills/kubernetes', status: 500, times: 4, delayMs: 100 });
    cellAt(el, r, 1)!.click();
    await until(() => !!$(el, '[part~="editor"]'), 'the level picker');
    const choice = before === '5' ? '4' : '5';
    $<HTMLInputElement>(el, `[part~="editor"] input[value="${choice}"]`)!.click();
    await el.updateComplete;
    $<HTMLButtonElement>(el, '[part~="editor"] .primary')!.click();
    await el.updateComplete;
    expect(cellAt(el, r, 1)!.querySelector('[aria-hidden]')!.textContent).to.equal(choice, 'shown at once');
    await until(() => !!$(el, '.message.failed'), 'the rollback');
    expect(cellAt(el, r, 1)!.querySelector('[aria-hidden]')!.textContent).to.equal(before);
    expect($(el, '.message.failed')!.getAttribute('role')).to.equal('alert');
  });

  it('shows gaps against targets and marks bus-factor skills like the server', async () => {
    signIn('u0001');
    const el = await fixture<PeerSkillMap>(html`<peer-skill-map department="eng" view="gaps"></peer-skill-map>`);
    await ready(el);
    const gaps = (await api<{ items: SkillGap[] }>('/skill-gaps?department=eng')).items;
    const matrix = await api<SkillMatrix>('/skill-matrix?department=eng');
    for (const gap of gaps) {
      const column = matrix.skills.findIndex((s) => s.id === gap.skill.id) + 1;
      const el2 = $(el, `[role="grid"]`)!;
      const viewport = $(el, '.viewport')!;
      viewport.scrollLeft = Math.max(0, (column - 3) * 56);
      viewport.dispatchEvent(new Event('scroll'));
      await until(() => !!el2.querySelector(`[data-pos="1:${column}"]`), `coverage of ${gap.skill.id}`);
      const coverage = el2.querySelector(`[data-pos="1:${column}"]`)!;
      expect(coverage.textContent).to.contain(`${gap.atTarget} of ${gap.atTarget + gap.below}`);
      expect(coverage.textContent!.includes('Bus factor')).to.equal(gap.busFactor, gap.skill.id);
    }
    expect($$(el, '.cell.below').length).to.be.greaterThan(0);
    const below = $$(el, '.cell.below')[0];
    const spoken = below.querySelector('.visually-hidden')!.textContent!;
    expect(spoken).to.match(/below target \d$/);
    // Seen too, not only heard: the key of the marks, and the target in the details of a cell.
    expect($(el, '[part~="legend"]')!.textContent).to.equal(
      '▼ below the target of their department, ✓ at it or above; ⚠ fewer than two people at target; · no target.',
    );
    below.click();
    await until(
      () => $(el, '.summary')!.textContent!.includes(spoken.slice(spoken.indexOf('below target'))),
      'the target',
    );
    await expect(el).to.be.accessible();
    el.view = 'levels';
    await el.updateComplete;
    expect($(el, '[part~="legend"]')).to.equal(null);
    expect($(el, '.summary')!.textContent).to.not.contain('target');
  });

  it('renders only what is visible of 500 × 80, and reaches the far corner', async () => {
    signIn('u0001');
    const el = await fixture<PeerSkillMap>(html`<peer-skill-map></peer-skill-map>`);
    el.matrix = synthetic(500, 80);
    await ready(el);
    expect($$(el, '[role="gridcell"]').length).to.be.lessThan(1000);
    expect($(el, '[role="grid"]')!.getAttribute('aria-rowcount')).to.equal(String(2 + 3 + 500));
    cellAt(el, 0, 0)!.focus();
    await sendKeys({ down: 'Control' });
    await sendKeys({ press: 'End' });
    await sendKeys({ up: 'Control' });
    await until(() => pos() === `${2 + 3 + 500 - 1}:80`, 'the last cell');
    expect(deepActive()!.getAttribute('aria-colindex')).to.equal('81');
    expect($$(el, '[role="gridcell"]').length).to.be.lessThan(1000);
  });

  it('keeps hostile names as text, works with one person, right to left', async () => {
    signIn('u0001');
    const strings = (await (await fetch('/__shared/blns.json')).json()) as string[];
    const el = await fixture<PeerSkillMap>(html`<peer-skill-map></peer-skill-map>`);
    el.matrix = synthetic(
      40,
      12,
      (i) => strings[i * 7] || 'x',
      (i) => strings[i * 11 + 3] || 'y',
    );
    await ready(el);
    expect($$(el, 'script, img, iframe, svg, a').length).to.equal(0);
    const names = $$(el, '.person-name').map((n) => n.textContent);
    for (const name of names) expect(strings.concat('x')).to.include(name);

    const one = await fixture<PeerSkillMap>(html`<div dir="rtl" lang="ar"><peer-skill-map></peer-skill-map></div>`);
    const map = one.querySelector('peer-skill-map')!;
    map.matrix = synthetic(1, 3);
    await ready(map);
    expect($$(map, '.name').length).to.equal(1);
    expect($(map, '.title')!.textContent).to.equal('خريطة المهارات');
    cellAt(map, 3, 1)!.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await until(() => pos() === '3:2', 'ArrowLeft moves forward in RTL');
    await expect(map).to.be.accessible();
  });

  it('shows loading, empty, and error with retry, and names a department that does not exist', async () => {
    signIn('u0001');
    await injectFault({ path: '/api/skill-matrix', status: 500, times: 1, delayMs: 200 });
    const el = await fixture<PeerSkillMap>(html`<peer-skill-map department="eng"></peer-skill-map>`);
    expect($(el, '[aria-busy="true"]')).to.not.equal(null);
    await ready(el);
    expect($(el, '[part~="error"]')!.textContent).to.contain('Could not load the skill map');
    await expect(el).to.be.accessible();
    $(el, '[part~="retry-button"]')!.click();
    await until(() => !!$(el, '[role="grid"]'), 'the grid after retry');
    // A department that does not exist is named in the error, rather than shown as nobody.
    el.department = 'desgin';
    await until(() => !!$(el, '[part~="error"]'), 'the error');
    expect(shownText($(el, '[part~="error"]'))).to.contain('Nothing is called "desgin" (department).');
    expect(!!$(el, '[part~="empty"]'), 'no empty').to.equal(false);
    await expect(el).to.be.accessible();
    el.matrix = { people: [], skills: [], cells: [], targets: [], levels: [] };
    await until(() => !!$(el, '[part~="empty"]'), 'the empty state');
    expect($(el, '[part~="empty"]')!.textContent).to.contain('No one matches');
    await expect(el).to.be.accessible();

    // In the page's language, with the id the author most likely meant (a name instead of the id).
    const page = await fixture(
      html`<div lang="ar" dir="rtl"><peer-skill-map department="Engineering"></peer-skill-map></div>`,
    );
    const arabic = page.querySelector<PeerSkillMap>('peer-skill-map')!;
    await until(() => !!$(arabic, '[part~="error"]'), 'the Arabic error');
    expect(shownText($(arabic, '[part~="error"]'))).to.contain(
      'لا شيء باسم «Engineering» (department). هل تقصد «eng»؟',
    );
    await expect(arabic).to.be.accessible();
  });
});
