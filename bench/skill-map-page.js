// Runs inside headless Chromium (loaded by bench/skill-map.mjs): renders a matrix in
// <peer-skill-map> and in a plain-DOM baseline that builds the same grid with the same styles.
import { PeerSkillMap } from '/dist/peerkit.js';

const labels = ['Aware', 'Basic', 'Working', 'Skilled', 'Advanced', 'Expert'];

export function makeMatrix(people, skills) {
  const matrix = {
    people: Array.from({ length: people }, (_, i) => ({
      id: `p${i}`,
      name: `Colleague Number ${i}`,
      title: 'Specialist',
      department: { id: `d${i % 5}`, name: `Department ${i % 5}` },
      photoUrl: null,
    })),
    skills: Array.from({ length: skills }, (_, i) => ({
      id: `s${i}`,
      name: `Skill ${i}`,
      category: 'C',
      synonyms: [],
    })),
    cells: [],
    targets: [],
    levels: [],
  };
  for (let p = 0; p < people; p++) {
    for (let s = 0; s < skills; s++)
      if ((p * 7 + s * 3) % 4 !== 0) matrix.cells.push([p, s, (p * 3 + s) % 6, 'self', '2026-06-01T00:00:00.000Z']);
  }
  return matrix;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

const ROW = 40;
const COLUMN = 56;
const NAME = 224;
const HEADER = 150;
const stage = document.getElementById('stage');

/** The same grid as the widget renders when everything is visible, built with DOM calls. */
export function renderBaseline(matrix) {
  stage.replaceChildren();
  const host = document.createElement('div');
  host.style.setProperty('--peer-skill-map-max-height', 'none');
  stage.append(host);
  const start = performance.now();
  const root = host.attachShadow({ mode: 'open' });
  root.adoptedStyleSheets = PeerSkillMap.elementStyles.map((s) => s.styleSheet);
  const width = matrix.skills.length;
  const level = new Array(matrix.people.length * width);
  for (const [p, s, l] of matrix.cells) level[p * width + s] = l;
  // Group by department, as the widget does.
  const groups = new Map();
  matrix.people.forEach((person, p) =>
    groups.set(person.department.id, [...(groups.get(person.department.id) ?? []), p]),
  );
  const rowCount = groups.size + matrix.people.length;
  const grid = el('div', {
    part: 'grid',
    class: 'grid levels',
    role: 'grid',
    'aria-rowcount': String(rowCount + 2),
    'aria-colcount': String(width + 1),
    style: `grid-template-columns: ${NAME}px repeat(${width}, ${COLUMN}px); grid-template-rows: ${HEADER}px ${ROW}px repeat(${rowCount}, ${ROW}px)`,
  });
  const header = el('div', { role: 'row', 'aria-rowindex': '1', class: 'row' });
  header.append(
    el(
      'div',
      {
        role: 'columnheader',
        class: 'corner',
        'aria-colindex': '1',
        'data-pos': '0:0',
        tabindex: '-1',
        style: 'grid-area: 1 / 1',
      },
      'Person',
    ),
  );
  const coverage = el('div', { role: 'row', 'aria-rowindex': '2', class: 'row' });
  coverage.append(
    el(
      'div',
      {
        role: 'rowheader',
        class: 'corner coverage-head',
        'aria-colindex': '1',
        'data-pos': '1:0',
        tabindex: '-1',
        style: 'grid-area: 2 / 1',
      },
      'At target',
    ),
  );
  matrix.skills.forEach((skill, s) => {
    header.append(
      el(
        'div',
        {
          role: 'columnheader',
          class: 'skill ',
          'aria-colindex': String(s + 2),
          'aria-sort': 'none',
          'data-pos': `0:${s + 1}`,
          tabindex: '-1',
          title: `Sort by ${skill.name}`,
          style: `grid-area: 1 / ${s + 2}`,
        },
        el('span', { class: 'skill-name' }, skill.name),
      ),
    );
    coverage.append(
      el(
        'div',
        {
          role: 'gridcell',
          class: 'coverage ',
          'aria-colindex': String(s + 2),
          'data-pos': `1:${s + 1}`,
          tabindex: '-1',
          style: `grid-area: 2 / ${s + 2}`,
        },
        el('span', { 'aria-hidden': 'true' }, '·'),
        el('span', { class: 'visually-hidden' }, 'No target'),
      ),
    );
  });
  grid.append(header, coverage);
  let r = 2;
  for (const [, members] of groups) {
    const line = r + 1;
    const group = el('div', { role: 'row', 'aria-rowindex': String(r + 1), class: 'row' });
    group.append(
      el(
        'div',
        {
          role: 'rowheader',
          class: 'group',
          'aria-colindex': '1',
          'aria-colspan': String(width + 1),
          'aria-expanded': 'true',
          'data-pos': `${r}:0`,
          tabindex: '-1',
          style: `grid-area: ${line} / 1 / ${line + 1} / -1`,
        },
        el('span', { class: 'toggle', 'aria-hidden': 'true' }, '▾'),
        el('span', { class: 'group-name' }, `${matrix.people[members[0]].department.name} (${members.length})`),
      ),
    );
    grid.append(group);
    r++;
    for (const p of members) {
      const person = matrix.people[p];
      const row = el('div', { role: 'row', 'aria-rowindex': String(r + 1), class: 'row ' });
      row.append(
        el(
          'div',
          {
            role: 'rowheader',
            class: 'name',
            'aria-colindex': '1',
            'data-pos': `${r}:0`,
            tabindex: '-1',
            style: `grid-area: ${r + 1} / 1`,
          },
          el('span', { class: 'person-name' }, person.name),
          el('span', { class: 'person-title' }, person.title),
        ),
      );
      for (let s = 0; s < width; s++) {
        const l = level[p * width + s];
        row.append(
          el(
            'div',
            {
              role: 'gridcell',
              class: `cell l${l ?? 'none'}`,
              'aria-colindex': String(s + 2),
              'data-pos': `${r}:${s + 1}`,
              tabindex: r === 2 && s === 0 ? '0' : '-1',
              style: `grid-area: ${r + 1} / ${s + 2}`,
            },
            el('span', { 'aria-hidden': 'true' }, l === undefined ? '–' : String(l)),
            el('span', { class: 'visually-hidden' }, l === undefined ? 'Not assessed' : `${l} ${labels[l]}`),
          ),
        );
      }
      grid.append(row);
      r++;
    }
  }
  const viewport = el('div', { part: 'viewport', class: 'viewport' }, grid);
  root.append(el('section', { part: 'base', class: 'base' }, viewport));
  void grid.lastElementChild.lastElementChild.getBoundingClientRect().height;
  return performance.now() - start;
}

/** The widget, everything visible (`full`) or in its default scrolling area. */
export async function renderWidget(matrix, { full }) {
  stage.replaceChildren();
  const map = document.createElement('peer-skill-map');
  if (full) map.style.setProperty('--peer-skill-map-max-height', 'none');
  stage.append(map);
  await map.updateComplete;
  const expected = full ? matrix.people.length * matrix.skills.length : 1;
  const start = performance.now();
  map.matrix = matrix;
  await map.updateComplete;
  // The grid renders what its scrolling area shows (measured right after its first render);
  // with no height limit that is everything.
  for (let i = 0; i < 5 && map.shadowRoot.querySelectorAll('.cell').length < expected; i++) await map.updateComplete;
  if (map.shadowRoot.querySelectorAll('.cell').length < expected) throw new Error('the grid did not render everything');
  void map.shadowRoot.querySelector('[role="grid"]').lastElementChild.lastElementChild.getBoundingClientRect().height;
  return { elapsed: performance.now() - start, cells: map.shadowRoot.querySelectorAll('.cell').length };
}
