import type { MatchReason, MentorProfile } from './mentors.js';

/*
 * How mentors are ranked for a person. Pure functions with no dependencies, shared by the
 * reference server and MemoryBackend so that both rank alike.
 */

export interface MatchSubject {
  departmentId: string;
  timeZone: string;
  /** Skills the person wants to learn. */
  wantsToLearn: string[];
}

export interface MatchCandidate {
  departmentId: string;
  departmentName: string;
  timeZone: string;
  expertise: { skillId: string; level: number }[];
  capacity: number;
  activeMentees: number;
  medianResponseHours: number | null;
}

export interface MatchScore {
  score: number;
  sharedSkills: string[];
  otherDepartment: boolean;
  overlapHours: number;
  placesFree: number;
}

/** The UTC offset of a time zone in hours at `at` (0 for an unknown zone). */
export function utcOffsetHours(timeZone: string, at = new Date()): number {
  try {
    const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'shortOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value;
    const match = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(part ?? '');
    if (!match) return 0;
    return (match[1] === '-' ? -1 : 1) * (Number(match[2]) + Number(match[3] ?? 0) / 60);
  } catch {
    return 0; // an unknown zone counts as UTC rather than failing the ranking
  }
}

/** Hours in which both people are in their 9:00–17:00 working day. */
export function workingHoursOverlap(a: string, b: string, at = new Date()): number {
  const offsetA = utcOffsetHours(a, at);
  const offsetB = utcOffsetHours(b, at);
  let best = 0;
  // Working days may meet across midnight UTC: compare with B shifted a day either way.
  for (const shift of [-24, 0, 24]) {
    const start = Math.max(9 - offsetA, 9 - offsetB + shift);
    const end = Math.min(17 - offsetA, 17 - offsetB + shift);
    best = Math.max(best, end - start);
  }
  return Math.round(best * 10) / 10;
}

/*
 * Weights. Another department is worth more than every secondary signal together
 * (time zone + capacity + response time = 15 < 35), so at equal skill fit a mentor from
 * another department always ranks first: breaking silos is the point.
 */
const SKILL = 50;
const OTHER_DEPARTMENT = 35;
const TIME_ZONE = 5;
const CAPACITY = 5;
const RESPONSE = 5;

export function scoreMatch(subject: MatchSubject, mentor: MatchCandidate, at = new Date()): MatchScore {
  const wanted = new Set(subject.wantsToLearn);
  const shared = mentor.expertise.filter((e) => wanted.has(e.skillId));
  const skillFit = wanted.size === 0 ? 0 : shared.reduce((sum, e) => sum + e.level / 5, 0) / wanted.size;
  const otherDepartment = mentor.departmentId !== subject.departmentId;
  const overlapHours = workingHoursOverlap(subject.timeZone, mentor.timeZone, at);
  const placesFree = Math.max(0, mentor.capacity - mentor.activeMentees);
  const response = mentor.medianResponseHours === null ? 0 : Math.max(0, 1 - mentor.medianResponseHours / 72);
  const score =
    SKILL * skillFit +
    (otherDepartment ? OTHER_DEPARTMENT : 0) +
    TIME_ZONE * Math.min(1, Math.max(0, overlapHours) / 8) +
    CAPACITY * Math.min(1, placesFree / 2) +
    RESPONSE * response;
  return {
    score: Math.round(score * 10) / 10,
    sharedSkills: shared.map((e) => e.skillId),
    otherDepartment,
    overlapHours: Math.max(0, overlapHours),
    placesFree,
  };
}

/** The reasons shown to the reader for a scored match, strongest first. */
export function matchReasons(mentor: MentorProfile, result: MatchScore): MatchReason[] {
  const reasons: MatchReason[] = [];
  const shared = mentor.expertise.filter((e) => result.sharedSkills.includes(e.skill.id)).map((e) => e.skill);
  if (shared.length) reasons.push({ kind: 'shared-skills', skills: shared });
  if (result.otherDepartment) reasons.push({ kind: 'other-department', department: mentor.person.department.name });
  if (result.overlapHours >= 2) reasons.push({ kind: 'time-zone', overlapHours: result.overlapHours });
  reasons.push({ kind: 'capacity', placesFree: result.placesFree });
  if (mentor.medianResponseHours !== null && mentor.medianResponseHours <= 48) {
    reasons.push({ kind: 'response-time', hours: mentor.medianResponseHours });
  }
  return reasons;
}
