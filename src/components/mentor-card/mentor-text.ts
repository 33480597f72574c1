import type { MatchReason } from '../../contract/mentors.js';
import type { LocalizeController } from '../../core/i18n/localize.js';
import type { MentorMessages } from '../../core/i18n/en-mentor.js';

/** "2 days", "5 hours": a duration in the reader's language. */
export function duration(localize: LocalizeController<MentorMessages>, hours: number): string {
  const [value, unit] = hours >= 48 ? [Math.round(hours / 24), 'day'] : [Math.max(1, Math.round(hours)), 'hour'];
  return new Intl.NumberFormat(localize.lang, { style: 'unit', unit, unitDisplay: 'long' }).format(value);
}

/** A match reason as a sentence a person would say. */
export function reasonText(localize: LocalizeController<MentorMessages>, reason: MatchReason): string {
  switch (reason.kind) {
    case 'shared-skills':
      return localize.term(
        'mentor.reasonSkills',
        new Intl.ListFormat(localize.lang, { type: 'conjunction' }).format(reason.skills.map((s) => s.name)),
      );
    case 'other-department':
      return localize.term('mentor.reasonDepartment', reason.department);
    case 'time-zone':
      return localize.term('mentor.reasonTimeZone', localize.number(reason.overlapHours));
    case 'capacity':
      return localize.term('mentor.reasonCapacity', localize.number(reason.placesFree));
    case 'response-time':
      return localize.term('mentor.reasonResponse', duration(localize, reason.hours));
  }
}

/** Problem types of the contract's 409 answers, mapped to the message keys that explain them. */
export const conflictMessages = {
  'urn:peerkit:problem:mentorship-self': 'mentor.conflict.self',
  'urn:peerkit:problem:mentor-not-accepting': 'mentor.conflict.notAccepting',
  'urn:peerkit:problem:mentorship-duplicate': 'mentor.conflict.duplicate',
  'urn:peerkit:problem:mentor-full': 'mentor.conflict.full',
} as const;
