import { html, nothing, type PropertyValues, type PropertyDeclarations } from 'lit';
import { styleProps } from '../../core/style-props.js';
import type { Me } from '../../contract/people.js';
import { SKILL_LEVELS, type SkillLevel } from '../../contract/rules.js';
import type { Expert, Rating, Skill, SkillMatrix } from '../../contract/skills.js';
import { BackendController } from '../../core/context.js';
import { emptyStyles, errorMessage, errorStyles, renderError } from '../../core/error-view.js';
import { filterErrorMessage } from '../../core/filter-error.js';
import type { PeerError } from '../../core/errors.js';
import { formStyles } from '../../core/form-styles.js';
import { LocalizeController } from '../../core/i18n/localize.js';
import { skillsMessages } from '../../core/i18n/en-skills.js';
import { PeerElement } from '../../core/peer-element.js';
import { ResourceController } from '../../core/resource-controller.js';
import { onPageEvents } from '../../core/page-events.js';
import { emitInAllTabs, onTabEvents } from '../../core/tabs.js';
import { tokens } from '../../core/tokens.js';
import { LazyPart } from '../../core/lazy-element.js';
import { type Cell, type Row, SkillModel } from './skill-model.js';
import { skillMapStyles } from './skill-map.styles.js';
import { headingAt } from '../../core/heading.js';

declare module '../../core/peer-element.js' {
  interface PeerEventDetails {
    'peer-skill-rated': { rating: Rating; skill: Skill };
    /** Cancelable: `preventDefault()` keeps the built-in mentor card closed. */
    'peer-expert-selected': { expert: Expert; skill: Skill };
  }
}

/** Sizes of the grid in px at the default text size, `TEXT` px: they grow with the text. */
const ROW = 40;
const COLUMN = 56;
const HEADER = 150;
/** The name column, and the least it narrows to in a small grid. */
const NAME = 224;
const NAME_MIN = 112;
const TEXT = 15;
const OVERSCAN = 4;

/** A position in the grid: row 0 is the column headers, row 1 the coverage, then the data rows. */
interface Position {
  r: number;
  c: number;
}

const key = (p: Position) => `${p.r}:${p.c}`;

/**
 * @customElement peer-skill-map
 * @summary Who knows what: people × skills with levels, gaps against targets, experts, self-assessment.
 *
 * A WAI-ARIA grid: arrow keys move between cells, Home/End to the ends of a row, Ctrl+Home/End
 * to the ends of the grid, Page Up/Down by a screen. Enter on a skill sorts by it and lists its
 * experts; Enter on a department folds it; Enter on one of your own cells opens the level picker.
 * Levels are shown as numbers and words, never by colour alone. Only the visible part of large
 * matrices is rendered. A level you save in another skill map on the page shows here too.
 *
 * @csspart base - The whole widget.
 * @csspart toolbar - The filters and the view switch.
 * @csspart viewport - The scrolling area around the grid.
 * @csspart grid - The element with `role="grid"`.
 * @csspart legend - What the marks of the gaps view mean (▼ below target, ✓ at it, ⚠ bus factor).
 * @csspart detail - The panel with the focused cell's details, the experts and the level picker.
 * @csspart experts - The list of experts.
 * @csspart editor - The level picker of your own cells.
 * @csspart empty - The empty state.
 * @csspart error - The error message.
 * @csspart retry-button - The button that loads again after an error.
 *
 * @cssproperty --peer-skill-map-max-height - Height of the scrolling area (default 34em: it grows with the text).
 *
 * @event peer-skill-rated - You saved a level for yourself; `detail.rating`, `detail.skill`.
 * @event peer-expert-selected - An expert was chosen; `detail.expert`, `detail.skill`. Cancelable.
 * @event peer-error - Loading failed; `detail.error` is the `PeerError`, `detail.retry()` tries again.
 */
export class PeerSkillMap extends PeerElement {
  static override defaultTag = 'peer-skill-map';
  static override styles = [tokens, errorStyles, emptyStyles, formStyles, skillMapStyles];
  static {
    // The grid renders what fits the area it measured after the update before:
    // a second update is the design, not a mistake to warn of.
    this.disableWarning?.('change-in-update');
  }

  static override properties: PropertyDeclarations = {
    department: { reflect: true },
    category: { reflect: true },
    skills: { reflect: true },
    minLevel: { type: Number, attribute: 'min-level', reflect: true },
    view: { reflect: true },
    expertHref: { attribute: 'expert-href' },
    matrix: { attribute: false },
    active: { state: true },
    collapsed: { state: true },
    sortSkill: { state: true },
    visible: { state: true },
    expertsFor: { state: true },
    editing: { state: true },
    message: { state: true },
    revision: { state: true },
    measured: { state: true },
  };

  /** Only people of this department (its id). */
  department?: string;
  /** Only skills of this category. */
  category?: string;
  /** Only these skills: ids separated by commas (spaces around them do not matter). */
  skills?: string;
  /** Only people with at least this level in one of the skills shown. */
  minLevel = 0;
  /** `levels` (default) or `gaps` against the department targets. */
  view: 'levels' | 'gaps' = 'levels';
  /** A link for each expert, `{id}` replaced by the person id (for example `/people/{id}`). */
  expertHref?: string;
  /** The matrix, when you already have it; nothing is loaded. */
  matrix?: SkillMatrix;

  private active: Position = { r: 2, c: 1 };
  private collapsed = new Set<string>();
  private sortSkill = -1;
  private visible = { top: 0, left: 0, height: 480, width: 800, text: TEXT };
  private expertsFor = -1;
  private editing?: { person: number; skill: number; choice: SkillLevel };
  private message?: { text: string; failed: boolean };
  private revision = 0;

  get #viewport() {
    return this.renderRoot.querySelector<HTMLElement>('.viewport');
  }

  readonly #localize = new LocalizeController(this, skillsMessages);
  /** The experts of a skill (`skill-experts.ts`): its code loads when a skill's header is first active. */
  readonly #experts = new LazyPart(this, () =>
    import('./skill-experts.js').then(
      (m) =>
        new m.ExpertsPanel(
          this,
          this.#backend,
          this.#localize,
          () => this.#model?.matrix.skills[this.expertsFor],
          () => this.expertHref,
        ),
    ),
  );
  readonly #backend = new BackendController(this);
  readonly #data = new ResourceController(this, this.#backend, {
    args: () => (this.matrix ? undefined : ([this.department, this.category, this.skills] as const)),
    load: (backend, [department, category, skills], signal) =>
      backend.getSkillMatrix(
        {
          department,
          category,
          skills: skills
            ?.split(',')
            .map((id) => id.trim())
            .filter(Boolean),
        },
        { signal },
      ),
  });
  readonly #allSkills = new ResourceController(this, this.#backend, {
    args: () => [] as const,
    load: (backend, _args, signal) => backend.getSkills({ signal }),
  });
  readonly #me = new ResourceController(this, this.#backend, {
    args: () => [] as const,
    load: (backend, _args, signal) => backend.getMe({ signal }),
  });
  #model?: SkillModel;
  #modelFor?: SkillMatrix;
  #departments = new Map<string, string>();
  #resizeObserver?: ResizeObserver;
  #observed?: HTMLElement;
  #frame = 0;
  private measured = false;

  constructor() {
    super();
    // You rated yourself in another skill map on the page, or in another tab: this one loads again, in the background.
    onPageEvents(this, ['peer-skill-rated'], (event) => event.composedPath().includes(this) || this.#data.refresh());
    onTabEvents(
      this,
      ['peer-skill-rated'],
      () => this.#backend.value,
      () => this.#data.refresh(),
    );
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.#resizeObserver?.disconnect();
    cancelAnimationFrame(this.#frame);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const matrix = this.matrix ?? this.#data.value;
    if (matrix && matrix !== this.#modelFor) {
      // The same people and skills with other levels (loaded again): the sort, the focused cell and
      // an open picker stay where the reader left them.
      const before = this.#modelFor;
      const same =
        before &&
        `${before.people.map((p) => p.id)}|${before.skills.map((k) => k.id)}` ===
          `${matrix.people.map((p) => p.id)}|${matrix.skills.map((k) => k.id)}`;
      this.#modelFor = matrix;
      this.#model = new SkillModel(matrix);
      for (const person of matrix.people) this.#departments.set(person.department.id, person.department.name);
      if (!same) {
        this.sortSkill = -1;
        this.expertsFor = -1;
        this.editing = undefined;
        this.active = { r: 2, c: 1 };
      }
    }
    if (changed.has('department') || changed.has('category') || changed.has('skills')) this.collapsed = new Set();
  }

  protected override updated() {
    // The scrolling area is made anew after an error or an empty state: observe the current one.
    if (this.#viewport && this.#viewport !== this.#observed) {
      this.#resizeObserver ??= new ResizeObserver(() => this.#measure());
      if (this.#observed) this.#resizeObserver.unobserve(this.#observed);
      this.#observed = this.#viewport;
      this.#resizeObserver.observe(this.#viewport);
      // Measure now rather than in the next frame, so that the first paint shows the whole visible part.
      this.#measure();
    }
  }

  #measure() {
    const viewport = this.#viewport;
    if (!viewport) return;
    // Until the scrolling area has a size, no cell is rendered: rendering a guess would be thrown away.
    this.measured = viewport.clientHeight > 0;
    this.visible = {
      top: viewport.scrollTop,
      left: Math.abs(viewport.scrollLeft),
      height: viewport.clientHeight || this.visible.height,
      width: viewport.clientWidth || this.visible.width,
      text: parseFloat(getComputedStyle(viewport).fontSize) || this.visible.text,
    };
  }

  /**
   * Rows, columns and the header in px, grown with the text (a reader's larger text size, or
   * `--peer-font-size`), and the name column: full width, or 40 % of a narrow grid so that skills
   * still show beside the names on a phone.
   */
  get #sizes() {
    const { width, text } = this.visible;
    const k = text / TEXT;
    return {
      row: Math.round(ROW * k),
      column: Math.round(COLUMN * k),
      header: Math.round(HEADER * k),
      name: Math.round(Math.min(NAME * k, Math.max(width * 0.4, Math.min(NAME_MIN * k, width / 2)))),
    };
  }

  #onScroll() {
    cancelAnimationFrame(this.#frame);
    this.#frame = requestAnimationFrame(() => this.#measure());
  }

  /** `min-level` as a level from 0 to 5 (a value that is not one counts as 0). */
  get #minLevel() {
    return Math.min(5, Math.max(0, Math.round(this.minLevel) || 0));
  }

  /* ---- layout of the grid ---- */

  #layout() {
    const model = this.#model!;
    const { rows, people } = model.rows({
      minLevel: this.#minLevel,
      sortSkill: this.sortSkill,
      collapsed: this.collapsed,
    });
    const skillCount = model.matrix.skills.length;
    const { top, left, height, width } = this.visible;
    const { row, column, name } = this.#sizes;
    const firstRow = Math.max(0, Math.floor(top / row) - OVERSCAN);
    const lastRow = this.measured ? Math.min(rows.length, Math.ceil((top + height) / row) + OVERSCAN) : firstRow;
    const firstColumn = Math.max(0, Math.floor(left / column) - OVERSCAN);
    const lastColumn = !this.measured
      ? firstColumn
      : Math.min(skillCount, Math.ceil((left + Math.max(0, width - name)) / column) + OVERSCAN);
    return { rows, people, firstRow, lastRow, firstColumn, lastColumn, skillCount };
  }

  /* ---- keyboard ---- */

  async #moveTo(target: Position, rows: Row[], skillCount: number) {
    const r = Math.max(0, Math.min(target.r, rows.length + 1));
    const row = r >= 2 ? rows[r - 2] : undefined;
    const c = row?.kind === 'group' ? 0 : Math.max(0, Math.min(target.c, skillCount));
    this.active = { r, c };
    this.#revealCell(r, c);
    await this.updateComplete;
    const cell = this.renderRoot.querySelector<HTMLElement>(`[data-pos="${key(this.active)}"]`);
    const viewport = this.#viewport;
    if (!cell || !viewport) return;
    cell.focus({ preventScroll: true });
    // The grid has placed the cell beside its sticky names and headings. Whatever scrolls around the
    // grid (the page) must still show it, without moving the grid: scroll the grid's own box into
    // view, with its scroll margins cut down to the cell.
    const at = cell.getBoundingClientRect();
    const box = viewport.getBoundingClientRect();
    viewport.style.scrollMargin = `${box.top - at.top}px ${at.right - box.right}px ${at.bottom - box.bottom}px ${box.left - at.left}px`;
    viewport.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }

  #revealCell(r: number, c: number) {
    const viewport = this.#viewport;
    if (!viewport) return;
    const { row, column, header, name } = this.#sizes;
    const visibleHeight = viewport.clientHeight - header - row;
    if (r >= 2) {
      const top = (r - 2) * row;
      if (top < viewport.scrollTop) viewport.scrollTop = top;
      else if (top + row > viewport.scrollTop + visibleHeight) viewport.scrollTop = top + row - visibleHeight;
    }
    if (c >= 1) {
      const left = (c - 1) * column;
      const visibleWidth = viewport.clientWidth - name;
      const current = Math.abs(viewport.scrollLeft);
      const sign = this.#localize.dir === 'rtl' ? -1 : 1;
      if (left < current) viewport.scrollLeft = sign * left;
      else if (left + column > current + visibleWidth) viewport.scrollLeft = sign * (left + column - visibleWidth);
    }
    this.#measure();
  }

  #onKeyDown(event: KeyboardEvent, rows: Row[], skillCount: number) {
    const { r, c } = this.active;
    const rtl = this.#localize.dir === 'rtl';
    const { row, header } = this.#sizes;
    const page = Math.max(1, Math.floor((this.visible.height - header - row) / row));
    const moves: Record<string, Position | undefined> = {
      ArrowDown: { r: r + 1, c },
      ArrowUp: { r: r - 1, c },
      ArrowRight: { r, c: c + (rtl ? -1 : 1) },
      ArrowLeft: { r, c: c + (rtl ? 1 : -1) },
      PageDown: { r: Math.min(rows.length + 1, r + page), c },
      PageUp: { r: Math.max(0, r - page), c },
      Home: event.ctrlKey ? { r: 0, c: 0 } : { r, c: 0 },
      End: event.ctrlKey ? { r: rows.length + 1, c: skillCount } : { r, c: skillCount },
    };
    const target = moves[event.key];
    if (target) {
      event.preventDefault();
      void this.#moveTo(target, rows, skillCount);
      return;
    }
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      this.#activate(rows);
    }
  }

  #onClick(event: MouseEvent, rows: Row[]) {
    const cell = (event.target as Element).closest<HTMLElement>('[data-pos]');
    if (!cell) return;
    const [r, c] = cell.dataset.pos!.split(':').map(Number);
    this.active = { r, c };
    this.#activate(rows);
  }

  #onFocusIn(event: FocusEvent) {
    const cell = (event.target as Element).closest?.<HTMLElement>('[data-pos]');
    if (!cell) return;
    const [r, c] = cell.dataset.pos!.split(':').map(Number);
    if (r !== this.active.r || c !== this.active.c) this.active = { r, c };
    // Enter on a skill lists its experts: their code loads now.
    if (r === 0) this.#experts.preload();
  }

  /** Enter or a click on the active cell. */
  #activate(rows: Row[]) {
    const { r, c } = this.active;
    const model = this.#model!;
    if (r === 0 && c >= 1) {
      this.sortSkill = this.sortSkill === c - 1 ? -1 : c - 1;
      this.expertsFor = c - 1;
      this.#experts.value?.reset();
      return;
    }
    const row = r >= 2 ? rows[r - 2] : undefined;
    if (row?.kind === 'group') {
      const next = new Set(this.collapsed);
      if (next.has(row.id)) next.delete(row.id);
      else next.add(row.id);
      this.collapsed = next;
      return;
    }
    if (
      row?.kind === 'person' &&
      c >= 1 &&
      model.matrix.people[row.index].id === (this.#me.value as Me | undefined)?.id
    ) {
      this.editing = { person: row.index, skill: c - 1, choice: model.cell(row.index, c - 1)?.level ?? 0 };
      this.message = undefined;
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>('[part~="editor"] input:checked')?.focus(),
      );
    }
  }

  #closeEditor() {
    this.editing = undefined;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-pos="${key(this.active)}"]`)?.focus(),
    );
  }

  async #save() {
    const editing = this.editing;
    const model = this.#model;
    if (!editing || !model) return;
    const skill = model.matrix.skills[editing.skill];
    const before = model.setCell(editing.person, editing.skill, {
      level: editing.choice,
      source: 'self',
      assessedAt: new Date().toISOString(),
    });
    this.revision++;
    this.#closeEditor();
    const label = this.#levelLabel(editing.choice);
    try {
      const rating = await this.#backend.value.rateMySkill(skill.id, editing.choice);
      model.setCell(editing.person, editing.skill, {
        level: rating.level as SkillLevel,
        source: rating.source,
        assessedAt: rating.assessedAt,
      });
      this.message = { text: this.#localize.term('skills.saved', skill.name, label), failed: false };
      emitInAllTabs(this, this.#backend.value.storageScope, 'peer-skill-rated', { rating, skill });
    } catch (error) {
      model.setCell(editing.person, editing.skill, before);
      const reason = errorMessage(this.#localize, error as PeerError);
      this.message = { text: `${this.#localize.term('skills.saveFailed')} ${reason}`, failed: true };
    }
    this.revision++;
  }

  /* ---- text ---- */

  #levelLabel(level: number) {
    return this.#localize.term(`skills.level.${level as SkillLevel}`);
  }

  /** The words of each level and of “not assessed”, looked up once per render rather than per cell. */
  #levelWords?: { lang: string; glyphs: string[]; spoken: string[]; none: string };

  #words() {
    const t = this.#localize;
    if (this.#levelWords?.lang !== t.lang) {
      this.#levelWords = {
        lang: t.lang,
        glyphs: SKILL_LEVELS.map((level) => t.number(level)),
        spoken: SKILL_LEVELS.map((level) => t.term('skills.levelName', t.number(level), this.#levelLabel(level))),
        none: t.term('skills.notAssessed'),
      };
    }
    return this.#levelWords;
  }

  #cellText(cell: Cell | undefined, target: SkillLevel | undefined) {
    const t = this.#localize;
    const words = this.#words();
    if (!cell) return { glyph: '–', spoken: words.none, below: false };
    const glyph = words.glyphs[cell.level];
    const spoken = words.spoken[cell.level];
    if (this.view !== 'gaps' || target === undefined) return { glyph, spoken, below: false };
    const below = cell.level < target;
    return {
      glyph: `${glyph}${below ? '▼' : '✓'}`,
      spoken: `${spoken}, ${below ? t.term('skills.belowTarget', t.number(target)) : t.term('skills.atTarget')}`,
      below,
    };
  }

  /* ---- rendering ---- */

  override render() {
    const t = this.#localize;
    const body = this.matrix
      ? this.#renderMap()
      : this.#data.render({
          pending: () => this.#renderSkeleton(),
          complete: () => this.#renderMap(),
          error: (error, retry) => renderError(t, t.term('skills.error'), error, retry, filterErrorMessage(t, error)),
        });
    return html`<section part="base" class="base" dir=${t.dir} aria-labelledby="title">
      <h2 id="title" class="title" aria-level=${headingAt(this)}>${t.term('skills.title')}</h2>
      ${this.#renderToolbar()} ${body}
    </section>`;
  }

  #renderSkeleton() {
    return html`<div class="skeleton" aria-busy="true">
      ${[0, 1, 2, 3].map(() => html`<span class="bone"></span>`)}
      <span class="visually-hidden" role="status">${this.#localize.term('skills.loading')}</span>
    </div>`;
  }

  #renderToolbar() {
    const t = this.#localize;
    const categories = [...new Set((this.#allSkills.value ?? []).map((s) => s.category))];
    const departments = [...this.#departments].sort((a, b) => a[1].localeCompare(b[1]));
    const select = (
      id: string,
      label: string,
      value: string,
      options: [string, string][],
      change: (v: string) => void,
    ) =>
      html`<div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} @change=${(e: Event) => change((e.target as HTMLSelectElement).value)}>
          ${options.map(([v, text]) => html`<option value=${v} ?selected=${v === value}>${text}</option>`)}
        </select>
      </div>`;
    return html`<div part="toolbar" class="toolbar">
      ${select(
        'department',
        t.term('skills.department'),
        this.department ?? '',
        [['', t.term('skills.allDepartments')], ...departments],
        (v) => (this.department = v || undefined),
      )}
      ${select(
        'category',
        t.term('skills.category'),
        this.category ?? '',
        [['', t.term('skills.allCategories')], ...categories.map((c): [string, string] => [c, c])],
        (v) => (this.category = v || undefined),
      )}
      ${select(
        'min-level',
        t.term('skills.minLevel'),
        String(this.#minLevel),
        [
          ['0', t.term('skills.anyLevel')],
          ...SKILL_LEVELS.slice(1).map((l): [string, string] => [String(l), `${t.number(l)} ${this.#levelLabel(l)}`]),
        ],
        (v) => (this.minLevel = Number(v)),
      )}
      <fieldset class="view">
        <legend>${t.term('skills.view')}</legend>
        ${(['levels', 'gaps'] as const).map(
          (view) =>
            html`<label
              ><input
                type="radio"
                name="view"
                .checked=${this.view === view}
                @change=${() => (this.view = view)}
              />${t.term(view === 'levels' ? 'skills.viewLevels' : 'skills.viewGaps')}</label
            >`,
        )}
      </fieldset>
    </div>`;
  }

  #renderMap() {
    const t = this.#localize;
    const model = this.#model;
    if (!model) return this.#renderSkeleton();
    const layout = this.#layout();
    const { rows, people, firstRow, lastRow, firstColumn, lastColumn, skillCount } = layout;
    if (people.length === 0 || skillCount === 0) {
      return html`<div part="empty" class="empty">
        <p class="empty-title">${t.term('skills.empty')}</p>
        <p>${t.term('skills.emptyHint')}</p>
      </div>`;
    }
    const columns: number[] = [];
    for (let s = firstColumn; s < lastColumn; s++) columns.push(s);
    // The active cell stays rendered, so that focus never falls out of the grid.
    const activeSkill = this.active.c - 1;
    if (activeSkill >= 0 && activeSkill < skillCount && !columns.includes(activeSkill)) columns.push(activeSkill);
    const rowIndexes: number[] = [];
    for (let r = firstRow; r < lastRow; r++) rowIndexes.push(r);
    const activeRow = this.active.r - 2;
    if (activeRow >= 0 && activeRow < rows.length && !rowIndexes.includes(activeRow)) rowIndexes.push(activeRow);
    const me = (this.#me.value as Me | undefined)?.id;
    const tab = (p: Position) => (p.r === this.active.r && p.c === this.active.c ? 0 : -1);
    // Through the CSSOM, not a style attribute: pages with a strict style-src allow only that.
    const { row, column, header, name } = this.#sizes;
    const gridStyle = styleProps({
      'grid-template-columns': `${name}px repeat(${skillCount}, ${column}px)`,
      'grid-template-rows': `${header}px ${row}px repeat(${rows.length}, ${row}px)`,
      '--_header': `${header}px`,
    });
    const skills = model.matrix.skills;
    return html`<div part="viewport" class="viewport" @scroll=${this.#onScroll}>
        <div
          part="grid"
          class="grid ${this.view}"
          role="grid"
          aria-labelledby="title"
          aria-rowcount=${rows.length + 2}
          aria-colcount=${skillCount + 1}
          style=${gridStyle}
          @keydown=${(e: KeyboardEvent) => this.#onKeyDown(e, rows, skillCount)}
          @click=${(e: MouseEvent) => this.#onClick(e, rows)}
          @focusin=${this.#onFocusIn}
        >
          <div role="row" aria-rowindex="1" class="row">
            <div
              role="columnheader"
              class="corner"
              aria-colindex="1"
              data-pos="0:0"
              tabindex=${tab({ r: 0, c: 0 })}
              style=${styleProps({ 'grid-area': `1 / 1` })}
            >
              ${t.term('skills.person')}
            </div>
            ${columns.map((s) => {
              const coverage = model.coverage(s, people);
              return html`<div
                role="columnheader"
                class="skill ${this.sortSkill === s ? 'sorted' : ''}"
                aria-colindex=${s + 2}
                aria-sort=${this.sortSkill === s ? 'descending' : 'none'}
                data-pos="0:${s + 1}"
                tabindex=${tab({ r: 0, c: s + 1 })}
                title=${t.term('skills.sortBy', skills[s].name)}
                style=${styleProps({ 'grid-area': `1 / ${s + 2}` })}
              >
                <span class="skill-name" dir="auto">${skills[s].name}</span>${
                  this.view === 'gaps' && coverage.busFactor
                    ? html`<span class="risk" aria-hidden="true">⚠</span>
                        <span class="visually-hidden">${t.term('skills.busFactor')}</span>`
                    : nothing
                }
              </div>`;
            })}
          </div>
          <div role="row" aria-rowindex="2" class="row">
            <div
              role="rowheader"
              class="corner coverage-head"
              aria-colindex="1"
              data-pos="1:0"
              tabindex=${tab({ r: 1, c: 0 })}
              style=${styleProps({ 'grid-area': `2 / 1` })}
            >
              ${t.term('skills.coverage')}
            </div>
            ${columns.map((s) => {
              const coverage = model.coverage(s, people);
              const text = coverage.withTarget
                ? t.term('skills.coverageValue', t.number(coverage.atTarget), t.number(coverage.withTarget))
                : t.term('skills.noTarget');
              return html`<div
                role="gridcell"
                class="coverage ${coverage.busFactor ? 'risky' : ''}"
                aria-colindex=${s + 2}
                data-pos="1:${s + 1}"
                tabindex=${tab({ r: 1, c: s + 1 })}
                style=${styleProps({ 'grid-area': `2 / ${s + 2}` })}
              >
                <span aria-hidden="true"
                  >${coverage.withTarget ? `${coverage.atTarget}/${coverage.withTarget}` : '·'}${
                    coverage.busFactor ? '⚠' : ''
                  }</span
                ><span class="visually-hidden"
                  >${text}${coverage.busFactor ? `. ${t.term('skills.busFactor')}` : ''}</span
                >
              </div>`;
            })}
          </div>
          ${rowIndexes.map((index) => this.#renderRow(rows[index], index, columns, me, tab))}
        </div>
      </div>
      ${
        this.view === 'gaps'
          ? // What the marks mean, for those who see them (each cell says it to screen readers).
            html`<p part="legend" class="legend" aria-hidden="true">${t.term('skills.gapsKey')}</p>`
          : nothing
      }
      ${this.#renderDetail(rows)}`;
  }

  #renderRow(row: Row, index: number, columns: number[], me: string | undefined, tab: (p: Position) => number) {
    const t = this.#localize;
    const model = this.#model!;
    const r = index + 2;
    const line = index + 3;
    if (row.kind === 'group') {
      const open = !this.collapsed.has(row.id);
      return html`<div role="row" aria-rowindex=${r + 1} class="row">
        <div
          role="rowheader"
          class="group"
          aria-colindex="1"
          aria-colspan=${model.matrix.skills.length + 1}
          aria-expanded=${open ? 'true' : 'false'}
          data-pos="${r}:0"
          tabindex=${tab({ r, c: 0 })}
          style=${styleProps({ 'grid-area': `${line} / 1 / ${line + 1} / -1` })}
        >
          <span class="toggle" aria-hidden="true">${open ? '▾' : '▸'}</span>
          <span class="group-name">${t.term('skills.group', row.name, t.number(row.count))}</span>
        </div>
      </div>`;
    }
    const person = model.matrix.people[row.index];
    const own = person.id === me;
    return html`<div role="row" aria-rowindex=${r + 1} class="row ${own ? 'own' : ''}">
      <div
        role="rowheader"
        class="name"
        aria-colindex="1"
        data-pos="${r}:0"
        tabindex=${tab({ r, c: 0 })}
        style=${styleProps({ 'grid-area': `${line} / 1` })}
      >
        <span class="person-name" dir="auto">${person.name}</span
        ><span class="person-title" dir="auto">${person.title}</span>
      </div>
      ${columns.map((s) => {
        const cell = model.cell(row.index, s);
        const text = this.#cellText(cell, this.view === 'gaps' ? model.target(person, s) : undefined);
        const classes = `cell l${cell?.level ?? 'none'}${text.below ? ' below' : ''}${own ? ' editable' : ''}`;
        const area = styleProps({ 'grid-area': `${line} / ${s + 2}` });
        // One line without whitespace between tags: a big matrix renders thousands of these cells. Your
        // own cells are described by the hint that you can assess yourself: a template of their own, so
        // that the thousands of others carry no binding for it.
        // prettier-ignore
        return own
          ? html`<div role="gridcell" class=${classes} aria-colindex=${s + 2} data-pos="${r}:${s + 1}" tabindex=${tab({ r, c: s + 1 })} aria-describedby="rate-hint" style=${area}><span aria-hidden="true">${text.glyph}</span><span class="visually-hidden">${text.spoken}</span></div>`
          : html`<div role="gridcell" class=${classes} aria-colindex=${s + 2} data-pos="${r}:${s + 1}" tabindex=${tab({ r, c: s + 1 })} style=${area}><span aria-hidden="true">${text.glyph}</span><span class="visually-hidden">${text.spoken}</span></div>`;
      })}
    </div>`;
  }

  #renderDetail(rows: Row[]) {
    const t = this.#localize;
    const model = this.#model!;
    const { r, c } = this.active;
    const row = r >= 2 ? rows[r - 2] : undefined;
    let summary: unknown = t.term('skills.detailsHint');
    /** On one of your own cells: say that you can assess yourself there (each of them is described by it). */
    let own = false;
    if (row?.kind === 'person' && c >= 1) {
      const person = model.matrix.people[row.index];
      const skill = model.matrix.skills[c - 1];
      const cell = model.cell(row.index, c - 1);
      const target = this.view === 'gaps' ? model.target(person, c - 1) : undefined;
      summary = html`<strong><bdi>${person.name}</bdi> · <bdi>${skill.name}</bdi></strong
        >${
          target === undefined
            ? nothing
            : html` (${
                (cell?.level ?? 0) < target ? t.term('skills.belowTarget', t.number(target)) : t.term('skills.atTarget')
              })`
        }:
        ${
          cell
            ? html`${t.term('skills.levelName', t.number(cell.level), this.#levelLabel(cell.level))} —
              ${t.term(`skills.descriptor.${cell.level}`)}
              (${t.term('skills.assessed', t.term(`skills.source.${cell.source}`), t.date(cell.assessedAt, { dateStyle: 'medium' }))})`
            : t.term('skills.notAssessed')
        }`;
      own = person.id === (this.#me.value as Me | undefined)?.id && !this.editing;
    }
    return html`<section part="detail" class="detail" aria-label=${t.term('skills.details')}>
      <p class="summary">${summary}</p>
      <p id="rate-hint" class="hint" ?hidden=${!own}>${t.term('skills.rateHint')}</p>
      ${
        this.message
          ? html`<p
              class="message ${this.message.failed ? 'failed' : ''}"
              role=${this.message.failed ? 'alert' : 'status'}
            >
              ${this.message.text}
            </p>`
          : nothing
      }
      ${this.editing ? this.#renderEditor() : nothing}
      ${
        this.expertsFor >= 0
          ? this.#experts.render(
              t,
              () => this.#experts.value!.render(),
              // Once it is there, the keyboard goes on from its heading (not a control, which the
              // error's own retry would look for).
              () =>
                void this.#experts.load().then(
                  () =>
                    this.updateComplete.then(() =>
                      this.renderRoot.querySelector<HTMLElement>('[part~="experts"] h3')?.focus(),
                    ),
                  () => {},
                ),
            )
          : nothing
      }
    </section>`;
  }

  #renderEditor() {
    const t = this.#localize;
    const editing = this.editing!;
    const skill = this.#model!.matrix.skills[editing.skill];
    return html`<form
      part="editor"
      class="editor"
      @submit=${(e: Event) => {
        e.preventDefault();
        void this.#save();
      }}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          this.#closeEditor();
        } else if (e.key === 'Enter' && (e.target as HTMLInputElement).type === 'radio') {
          // Enter on a level saves it, as in a list box.
          e.preventDefault();
          void this.#save();
        }
      }}
    >
      <fieldset>
        <legend>${t.term('skills.rateTitle', skill.name)}</legend>
        ${SKILL_LEVELS.map(
          (level) =>
            html`<label class="level-choice">
              <input
                type="radio"
                name="level"
                value=${level}
                .checked=${editing.choice === level}
                @change=${() => (this.editing = { ...editing, choice: level })}
              />
              <span class="level-label">${t.number(level)} ${this.#levelLabel(level)}</span>
              <span class="hint">${t.term(`skills.descriptor.${level}`)}</span>
            </label>`,
        )}
      </fieldset>
      <div class="actions">
        <button type="submit" class="primary">${t.term('skills.rate')}</button>
        <button type="button" @click=${() => this.#closeEditor()}>${t.term('skills.rateCancel')}</button>
      </div>
    </form>`;
  }
}
