import type { RatingSource, SkillLevel } from '../contract/rules.js';
import { departmentCategories, departments, mentors, people, skills } from './organisation.js';
import { seededRandom } from './random.js';

/* Who knows what across the seeded organisation: self, manager and peer ratings that fit each
   person's department and seniority (mentors' expertise included), and target levels per
   department for the skills its work needs. */

export const levelSteps: readonly { level: SkillLevel; label: string; descriptor: string }[] = [
  { level: 0, label: 'Aware', descriptor: 'Knows what it is and when it matters.' },
  { level: 1, label: 'Basic', descriptor: 'Can follow along with guidance.' },
  { level: 2, label: 'Working', descriptor: 'Does routine work without help.' },
  { level: 3, label: 'Skilled', descriptor: 'Handles hard cases and helps others.' },
  { level: 4, label: 'Advanced', descriptor: 'Shapes how the team does it.' },
  { level: 5, label: 'Expert', descriptor: 'Known across the company for it; teaches it.' },
];

export interface SeedRating {
  personId: string;
  skillId: string;
  level: SkillLevel;
  source: RatingSource;
  assessedAt: string;
}

export interface SeedTarget {
  departmentId: string;
  skillId: string;
  level: SkillLevel;
}

const clamp = (n: number) => Math.max(0, Math.min(5, n)) as SkillLevel;

function build() {
  const random = seededRandom(5150);
  const anchor = Date.UTC(2026, 10, 1);
  const ratings: SeedRating[] = [];
  const expertise = new Map(mentors.map((m) => [m.personId, new Map(m.expertise.map((e) => [e.skillId, e.level]))]));
  for (const person of people) {
    const own = new Set(departmentCategories[person.departmentId]);
    const senior = /^(Head|Lead|Senior|Principal)/.test(person.title) ? 1 : 0;
    const rated = new Map<string, SkillLevel>(
      [...(expertise.get(person.id) ?? [])].map(([skillId, level]) => [skillId, clamp(level)]),
    );
    const ownSkills = skills.filter((s) => own.has(s.category));
    const otherSkills = skills.filter((s) => !own.has(s.category));
    const count = random.int(6, 12);
    while (rated.size < count) {
      const fromOwn = random.next() < 0.75;
      const skill = random.pick(fromOwn ? ownSkills : otherSkills);
      if (rated.has(skill.id)) continue;
      rated.set(skill.id, clamp(fromOwn ? random.int(1, 4) + senior : random.int(0, 2)));
    }
    for (const [skillId, level] of rated) {
      const roll = random.next();
      const source: RatingSource = roll < 0.6 ? 'self' : roll < 0.85 ? 'manager' : 'peer';
      const assessedAt = new Date(anchor - random.int(1, 400) * 86_400_000).toISOString();
      ratings.push({ personId: person.id, skillId, level, source, assessedAt });
    }
  }
  const targets: SeedTarget[] = [];
  for (const department of departments) {
    const own = skills.filter((s) => departmentCategories[department.id].includes(s.category));
    const chosen = new Set<string>();
    const count = Math.min(own.length, random.int(5, 8));
    while (chosen.size < count) chosen.add(random.pick(own).id);
    for (const skillId of chosen)
      targets.push({ departmentId: department.id, skillId, level: clamp(random.int(2, 4)) });
  }
  return { ratings, targets };
}

const seeded = build();
export const skillRatings: readonly SeedRating[] = seeded.ratings;
export const skillTargets: readonly SeedTarget[] = seeded.targets;
