import { REACTION_KEYS, type ReactionKey } from '../contract/rules.js';
import { people } from './organisation.js';
import { seededRandom } from './random.js';

/* A deterministic history of recognition across the seeded organisation: thousands of kudos
   over the last year, most of them across departments, with value tags and reactions. */

export interface SeedValue {
  id: string;
  name: string;
  description: string;
  emoji: string;
}

export const companyValues: readonly SeedValue[] = [
  { id: 'customers', name: 'Customers first', description: 'We start from what the customer needs.', emoji: '🤝' },
  { id: 'ownership', name: 'Own it', description: 'We finish what we start and say when we cannot.', emoji: '🎯' },
  {
    id: 'learning',
    name: 'Learn and share',
    description: 'We teach what we know and ask what we do not.',
    emoji: '📚',
  },
  { id: 'together', name: 'Better together', description: 'We cross team lines to get things done.', emoji: '🧩' },
  { id: 'courage', name: 'Be bold', description: 'We try new things and talk openly about results.', emoji: '🚀' },
  { id: 'simplicity', name: 'Keep it simple', description: 'We remove what is not needed.', emoji: '✨' },
];

export interface SeedKudos {
  id: string;
  giverId: string;
  recipientIds: string[];
  message: string;
  valueIds: string[];
  visibility: 'public' | 'private';
  createdAt: string;
  reactions: { personId: string; reaction: ReactionKey }[];
}

const openers = [
  'Huge thanks for',
  'Shout-out for',
  'Thank you so much for',
  'Really grateful for',
  'Big kudos for',
  'A round of applause for',
];

const deeds = [
  'stepping in during the release crunch and pairing with our team until it shipped',
  'the clearest onboarding session I have ever had',
  'answering my questions about the quarterly numbers with so much patience',
  'turning a messy workshop into a plan everyone could agree on',
  'reviewing our contract draft overnight so the customer could sign on time',
  'sharing your research notes with the whole floor',
  'fixing the flaky build that blocked three teams',
  'coaching me through my first customer presentation',
  'running the accessibility clinic and making it fun',
  'spotting the data issue before it reached the board report',
  'organising the cross-team hack day',
  'mentoring our new joiners with such care',
  'the thoughtful feedback on my design review',
  'keeping the office running through the move',
  'translating the launch material into three languages over a weekend',
];

const closers = [
  'You made a real difference.',
  'This is what working together looks like.',
  'We would not have made it without you.',
  'Everyone noticed.',
  '',
  'Thank you!',
];

/** Kudos seeded on every run, newest last, dated back from `anchor` (ms). */
export function seedKudos(anchor: number, count = 2400): SeedKudos[] {
  const random = seededRandom(2024);
  const list: SeedKudos[] = [];
  const span = 365 * 86_400_000;
  for (let index = 0; index < count; index++) {
    const giver = random.pick(people);
    const recipientCount = random.next() < 0.75 ? 1 : random.int(2, 3);
    const crossTeam = random.next() < 0.65;
    const recipients = new Set<string>();
    let guard = 0;
    while (recipients.size < recipientCount && guard++ < 50) {
      const candidate = random.pick(people);
      if (candidate.id === giver.id) continue;
      if (crossTeam !== (candidate.departmentId !== giver.departmentId) && guard < 40) continue;
      recipients.add(candidate.id);
    }
    const values = new Set<string>([random.pick(companyValues).id]);
    if (random.next() < 0.35) values.add(random.pick(companyValues).id);
    const mention = random.next() < 0.15 ? random.pick(people) : undefined;
    const message = [
      `${random.pick(openers)} ${random.pick(deeds)}.`,
      mention && mention.id !== giver.id ? `@{${mention.id}} saw it too.` : '',
      random.pick(closers),
    ]
      .filter(Boolean)
      .join(' ');
    // Spread evenly over the year with a little jitter; the order of ids is the order of time.
    const at = anchor - span + Math.floor(((index + random.next() * 0.5) / count) * span);
    const reactions: SeedKudos['reactions'] = [];
    const reactionCount = random.next() < 0.3 ? 0 : random.int(1, 8);
    for (let r = 0; r < reactionCount; r++) {
      const personId = random.pick(people).id;
      const reaction = random.pick(REACTION_KEYS);
      if (!reactions.some((x) => x.personId === personId && x.reaction === reaction)) {
        reactions.push({ personId, reaction });
      }
    }
    list.push({
      id: `k${String(index + 1).padStart(5, '0')}`,
      giverId: giver.id,
      recipientIds: [...recipients],
      message,
      valueIds: [...values],
      visibility: random.next() < 0.05 ? 'private' : 'public',
      createdAt: new Date(at).toISOString(),
      reactions,
    });
  }
  return list;
}
