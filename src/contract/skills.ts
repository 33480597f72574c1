import { z } from 'zod';
import { Id } from './common.js';
import { Department } from './people.js';
import { RATING_SOURCES } from './rules.js';

export const Skill = z
  .object({
    id: Id,
    name: z.string(),
    category: z.string(),
    /** Other names people search for (“k8s” for Kubernetes). */
    synonyms: z.array(z.string()),
  })
  .meta({ id: 'Skill' });

export const Level = z.number().int().min(0).max(5);

/** One step of the level scale, in the server's words. */
export const LevelStep = z
  .object({ level: Level, label: z.string(), descriptor: z.string() })
  .meta({ id: 'LevelStep' });

export const RatingSource = z.enum(RATING_SOURCES);

/** Someone in a matrix: just what a grid row needs. */
export const MatrixPerson = z
  .object({
    id: Id,
    name: z.string(),
    title: z.string(),
    department: Department,
    photoUrl: z.string().nullable(),
  })
  .meta({ id: 'MatrixPerson' });

/**
 * `GET /skill-matrix`: people, skills and the cells between them in one answer, shaped for a
 * grid. A cell is `[personIndex, skillIndex, level, source, assessedAt]`; a pair without a
 * cell is “not assessed”, which is different from level 0.
 */
export const SkillMatrix = z
  .object({
    people: z.array(MatrixPerson),
    skills: z.array(Skill),
    cells: z.array(z.tuple([z.number().int(), z.number().int(), Level, RatingSource, z.string()])),
    /** Target levels of the departments in the matrix, by skill. */
    targets: z.array(z.object({ departmentId: Id, skillId: Id, level: Level })),
    levels: z.array(LevelStep),
  })
  .meta({ id: 'SkillMatrix' });

const idList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((id) => id.trim())
      .filter((id) => id.length > 0),
  )
  .pipe(z.array(Id).max(200));

export const SkillMatrixQuery = z.object({
  department: Id.optional(),
  category: z.string().trim().min(1).max(60).optional(),
  skills: idList.optional(),
});

export const Rating = z
  .object({ personId: Id, skillId: Id, level: Level, source: RatingSource, assessedAt: z.string() })
  .meta({ id: 'Rating' });

export const NewRating = z.object({ level: Level }).meta({ id: 'NewRating' });

export const Expert = z
  .object({
    person: MatrixPerson,
    level: Level,
    source: RatingSource,
    /** Whether the person mentors (and so has a mentor card). */
    mentor: z.boolean(),
  })
  .meta({ id: 'Expert' });

/** How a team stands against its target for one skill. */
export const SkillGap = z
  .object({
    skill: Skill,
    target: Level,
    /** People of the team rated at or above the target. */
    atTarget: z.number().int().min(0),
    /** People of the team rated below it, or not assessed. */
    below: z.number().int().min(0),
    /** Fewer than two people hold the skill at the target. */
    busFactor: z.boolean(),
  })
  .meta({ id: 'SkillGap' });

export type Skill = z.infer<typeof Skill>;
export type LevelStep = z.infer<typeof LevelStep>;
export type MatrixPerson = z.infer<typeof MatrixPerson>;
export type SkillMatrix = z.infer<typeof SkillMatrix>;
export type SkillMatrixQuery = z.input<typeof SkillMatrixQuery>;
export type Rating = z.infer<typeof Rating>;
export type Expert = z.infer<typeof Expert>;
export type SkillGap = z.infer<typeof SkillGap>;
