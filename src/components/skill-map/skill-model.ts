import type { MatrixPerson, SkillMatrix } from '../../contract/skills.js';
import { BUS_FACTOR_MIN, type RatingSource, type SkillLevel } from '../../contract/rules.js';

/** One rating as the grid shows it. */
export interface Cell {
  level: SkillLevel;
  source: RatingSource;
  assessedAt: string;
}

/** A row of the grid: a department heading, or a person. */
export type Row = { kind: 'group'; id: string; name: string; count: number } | { kind: 'person'; index: number };

export interface Coverage {
  atTarget: number;
  withTarget: number;
  busFactor: boolean;
}

/**
 * The matrix answer turned into what the grid reads many times per frame: a flat array of
 * cells (person × skill), targets by department and skill, and coverage per skill.
 */
export class SkillModel {
  readonly cells: (Cell | undefined)[];
  readonly #targets = new Map<string, SkillLevel>();

  constructor(readonly matrix: SkillMatrix) {
    const width = matrix.skills.length;
    this.cells = new Array<Cell | undefined>(matrix.people.length * width);
    for (const [p, s, level, source, assessedAt] of matrix.cells) {
      this.cells[p * width + s] = { level: level as SkillLevel, source, assessedAt };
    }
    for (const t of matrix.targets) this.#targets.set(`${t.departmentId}|${t.skillId}`, t.level as SkillLevel);
  }

  cell(person: number, skill: number): Cell | undefined {
    return this.cells[person * this.matrix.skills.length + skill];
  }

  /** Replaces one cell (after a self-assessment); returns the one it replaced. */
  setCell(person: number, skill: number, cell: Cell | undefined): Cell | undefined {
    const index = person * this.matrix.skills.length + skill;
    const before = this.cells[index];
    this.cells[index] = cell;
    return before;
  }

  target(person: MatrixPerson, skill: number): SkillLevel | undefined {
    return this.#targets.get(`${person.department.id}|${this.matrix.skills[skill].id}`);
  }

  coverage(skill: number, people: readonly number[]): Coverage {
    let atTarget = 0;
    let withTarget = 0;
    for (const p of people) {
      const target = this.target(this.matrix.people[p], skill);
      if (target === undefined) continue;
      withTarget++;
      if ((this.cell(p, skill)?.level ?? -1) >= target) atTarget++;
    }
    return { atTarget, withTarget, busFactor: withTarget > 0 && atTarget < BUS_FACTOR_MIN };
  }

  /**
   * People grouped by department (in the answer's order), with those below `minLevel` in every
   * skill left out, sorted within a group by `sortSkill` (highest first, not assessed last).
   */
  rows(options: { minLevel: number; sortSkill: number; collapsed: ReadonlySet<string> }): {
    rows: Row[];
    people: number[];
  } {
    const { people, skills } = this.matrix;
    const kept: number[] = [];
    for (let p = 0; p < people.length; p++) {
      if (options.minLevel <= 0) kept.push(p);
      else {
        for (let s = 0; s < skills.length; s++) {
          if ((this.cell(p, s)?.level ?? -1) >= options.minLevel) {
            kept.push(p);
            break;
          }
        }
      }
    }
    const groups = new Map<string, number[]>();
    for (const p of kept) {
      const id = people[p].department.id;
      groups.set(id, [...(groups.get(id) ?? []), p]);
    }
    const rows: Row[] = [];
    for (const [id, members] of groups) {
      if (options.sortSkill >= 0) {
        const level = (p: number) => this.cell(p, options.sortSkill)?.level ?? -1;
        members.sort((a, b) => level(b) - level(a) || a - b);
      }
      rows.push({ kind: 'group', id, name: people[members[0]].department.name, count: members.length });
      if (!options.collapsed.has(id)) for (const index of members) rows.push({ kind: 'person', index });
    }
    return { rows, people: kept };
  }
}
