import { seededRandom } from './random.js';

/**
 * A deterministic, realistic organisation: the same people, departments and skills on
 * every run. The reference server seeds its database from it and `MemoryBackend` serves it,
 * so stories, demos and tests all meet the same colleagues.
 */

export interface SeedDepartment {
  id: string;
  name: string;
  titles: readonly string[];
}

export interface SeedPerson {
  id: string;
  name: string;
  email: string;
  title: string;
  departmentId: string;
  location: string;
  timeZone: string;
  hasPhoto: boolean;
  managerId: string | null;
  languages: string[];
}

export interface SeedSkill {
  id: string;
  name: string;
  category: string;
  synonyms: string[];
}

export const departments: readonly SeedDepartment[] = [
  {
    id: 'eng',
    name: 'Engineering',
    titles: ['Software Engineer', 'Site Reliability Engineer', 'QA Engineer', 'Security Engineer'],
  },
  { id: 'design', name: 'Design', titles: ['Product Designer', 'UX Researcher', 'Content Designer'] },
  { id: 'product', name: 'Product', titles: ['Product Manager', 'Product Analyst'] },
  { id: 'data', name: 'Data & Analytics', titles: ['Data Scientist', 'Data Engineer', 'Analytics Engineer'] },
  { id: 'marketing', name: 'Marketing', titles: ['Marketing Manager', 'Brand Strategist', 'Copywriter'] },
  { id: 'sales', name: 'Sales', titles: ['Account Executive', 'Sales Engineer', 'Sales Development Rep'] },
  { id: 'support', name: 'Customer Success', titles: ['Customer Success Manager', 'Support Specialist'] },
  { id: 'finance', name: 'Finance', titles: ['Financial Analyst', 'Accountant', 'Controller'] },
  { id: 'people', name: 'People & Culture', titles: ['People Partner', 'Recruiter', 'Learning Specialist'] },
  { id: 'legal', name: 'Legal', titles: ['Legal Counsel', 'Compliance Officer'] },
  { id: 'ops', name: 'Operations', titles: ['Operations Manager', 'Workplace Coordinator', 'IT Specialist'] },
];

const locations = [
  { location: 'Berlin', timeZone: 'Europe/Berlin', languages: ['de', 'en'] },
  { location: 'London', timeZone: 'Europe/London', languages: ['en'] },
  { location: 'Madrid', timeZone: 'Europe/Madrid', languages: ['es', 'en'] },
  { location: 'New York', timeZone: 'America/New_York', languages: ['en'] },
  { location: 'San Francisco', timeZone: 'America/Los_Angeles', languages: ['en'] },
  { location: 'Toronto', timeZone: 'America/Toronto', languages: ['en', 'fr'] },
  { location: 'São Paulo', timeZone: 'America/Sao_Paulo', languages: ['pt', 'en'] },
  { location: 'Cairo', timeZone: 'Africa/Cairo', languages: ['ar', 'en'] },
  { location: 'Nairobi', timeZone: 'Africa/Nairobi', languages: ['en', 'sw'] },
  { location: 'Bengaluru', timeZone: 'Asia/Kolkata', languages: ['en', 'hi'] },
  { location: 'Singapore', timeZone: 'Asia/Singapore', languages: ['en', 'zh'] },
  { location: 'Tokyo', timeZone: 'Asia/Tokyo', languages: ['ja', 'en'] },
  { location: 'Sydney', timeZone: 'Australia/Sydney', languages: ['en'] },
] as const;

const givenNames = [
  'Amara',
  'Lukas',
  'Sofia',
  'Kenji',
  'Priya',
  'Mateo',
  'Fatima',
  'Jonas',
  'Aisha',
  'Oliver',
  'Mei',
  'Diego',
  'Leila',
  'Noah',
  'Ingrid',
  'Kwame',
  'Yuki',
  'Elena',
  'Omar',
  'Hannah',
  'Arjun',
  'Chloé',
  'Tariq',
  'Freya',
  'Javier',
  'Zanele',
  'Mikael',
  'Nadia',
  'Hiroshi',
  'Isabela',
  'Samuel',
  'Ayodele',
  'Lena',
  'Ravi',
  'Camila',
  'Emil',
  'Yasmin',
  'Tomás',
  'Grace',
  'Dmitri',
  'Anjali',
  'Felix',
  'Wanjiru',
  'Luca',
  'Sana',
  'Björn',
  'Ximena',
  'Hamza',
  'Clara',
  'Jin',
];

const familyNames = [
  'Okafor',
  'Müller',
  'Rossi',
  'Tanaka',
  'Sharma',
  'García',
  'Haddad',
  'Schmidt',
  'Mensah',
  'Brown',
  'Chen',
  'Fernández',
  'Nasser',
  'Johansson',
  'Nguyen',
  'Kowalski',
  'Silva',
  'Yamamoto',
  'Patel',
  'Dubois',
  'Kariuki',
  'Lindqvist',
  'Hassan',
  "O'Brien",
  'Ivanova',
  'Costa',
  'Park',
  'Adeyemi',
  'Novak',
  'Reyes',
  'Fischer',
  'Abebe',
  'Morales',
  'Khan',
  'Larsen',
  'Wright',
  'Suzuki',
  'Mbeki',
  'Romero',
  'Becker',
];

export const skillCategories = [
  'Engineering',
  'Design',
  'Data',
  'Product',
  'Business',
  'Leadership',
  'Languages',
] as const;

export const skills: readonly SeedSkill[] = (
  [
    ['typescript', 'TypeScript', 'Engineering', ['TS', 'JavaScript']],
    ['rust', 'Rust', 'Engineering', []],
    ['go', 'Go', 'Engineering', ['Golang']],
    ['kubernetes', 'Kubernetes', 'Engineering', ['k8s']],
    ['distributed-systems', 'Distributed systems', 'Engineering', ['Microservices']],
    ['security', 'Application security', 'Engineering', ['AppSec', 'OWASP']],
    ['testing', 'Test automation', 'Engineering', ['QA automation']],
    ['accessibility', 'Accessibility', 'Engineering', ['a11y', 'WCAG']],
    ['web-components', 'Web components', 'Engineering', ['Custom elements', 'Lit']],
    ['cloud', 'Cloud architecture', 'Engineering', ['AWS', 'GCP', 'Azure']],
    ['ux-research', 'UX research', 'Design', ['User research', 'Usability testing']],
    ['interaction-design', 'Interaction design', 'Design', ['IxD']],
    ['visual-design', 'Visual design', 'Design', ['UI design']],
    ['design-systems', 'Design systems', 'Design', ['Component libraries']],
    ['prototyping', 'Prototyping', 'Design', ['Figma prototyping']],
    ['content-design', 'Content design', 'Design', ['UX writing']],
    ['sql', 'SQL', 'Data', ['Postgres', 'Queries']],
    ['statistics', 'Statistics', 'Data', ['Inference']],
    ['machine-learning', 'Machine learning', 'Data', ['ML']],
    ['data-visualisation', 'Data visualisation', 'Data', ['Dashboards', 'Charts']],
    ['experimentation', 'Experimentation', 'Data', ['A/B testing']],
    ['product-discovery', 'Product discovery', 'Product', ['Customer interviews']],
    ['roadmapping', 'Roadmapping', 'Product', ['Prioritisation']],
    ['product-analytics', 'Product analytics', 'Product', ['Funnels', 'Retention']],
    ['negotiation', 'Negotiation', 'Business', []],
    ['financial-modelling', 'Financial modelling', 'Business', ['Forecasting', 'FP&A']],
    ['contract-law', 'Contract law', 'Business', ['Contracts']],
    ['data-protection', 'Data protection', 'Business', ['GDPR', 'Privacy']],
    ['storytelling', 'Storytelling', 'Business', ['Narrative']],
    ['customer-empathy', 'Customer empathy', 'Business', ['Voice of the customer']],
    ['coaching', 'Coaching', 'Leadership', ['Mentoring']],
    ['public-speaking', 'Public speaking', 'Leadership', ['Presenting']],
    ['facilitation', 'Facilitation', 'Leadership', ['Workshops']],
    ['hiring', 'Hiring', 'Leadership', ['Interviewing', 'Recruiting']],
    ['conflict-resolution', 'Conflict resolution', 'Leadership', ['Mediation']],
    ['feedback', 'Giving feedback', 'Leadership', ['Feedback']],
    ['german', 'German', 'Languages', ['Deutsch']],
    ['spanish', 'Spanish', 'Languages', ['Español']],
    ['japanese', 'Japanese', 'Languages', ['日本語']],
    ['arabic', 'Arabic', 'Languages', ['العربية']],
  ] as const
).map(([id, name, category, synonyms]) => ({ id, name, category, synonyms: [...synonyms] }));

const PEOPLE_COUNT = 180;

function slug(text: string) {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');
}

function buildPeople(): SeedPerson[] {
  const random = seededRandom(20261128);
  const usedNames = new Set<string>();
  const people: SeedPerson[] = [];
  const heads = new Map<string, string>();
  const leads = new Map<string, string[]>();
  for (let index = 0; index < PEOPLE_COUNT; index++) {
    const id = `u${String(index + 1).padStart(4, '0')}`;
    let name: string;
    do {
      name = `${random.pick(givenNames)} ${random.pick(familyNames)}`;
    } while (usedNames.has(name));
    usedNames.add(name);
    // The first people fill each department's head, then its leads; the rest spread out.
    const department = departments[index % departments.length];
    const place = random.pick(locations);
    const role = random.pick(department.titles);
    let title: string;
    let managerId: string | null;
    if (!heads.has(department.id)) {
      title = `Head of ${department.name}`;
      managerId = null;
      heads.set(department.id, id);
    } else if ((leads.get(department.id)?.length ?? 0) < 2) {
      title = `Lead ${role}`;
      managerId = heads.get(department.id)!;
      leads.set(department.id, [...(leads.get(department.id) ?? []), id]);
    } else {
      const seniority = random.pick(['Junior ', '', '', 'Senior ', 'Senior ', 'Principal ']);
      title = `${seniority}${role}`;
      managerId = random.pick(leads.get(department.id)!);
    }
    const [given, family] = name.split(' ');
    people.push({
      id,
      name,
      email: `${slug(given)}.${slug(family)}@peerkit.example`,
      title,
      departmentId: department.id,
      location: place.location,
      timeZone: place.timeZone,
      hasPhoto: random.next() > 0.12,
      managerId,
      languages: [...place.languages],
    });
  }
  return people;
}

export const people: readonly SeedPerson[] = buildPeople();

/* ---- Mentoring: profiles, learning goals, circles and requests ---- */

export interface SeedMentor {
  personId: string;
  bio: string;
  expertise: { skillId: string; level: number }[];
  capacity: number;
  accepting: boolean;
  hidden: boolean;
  medianResponseHours: number | null;
}

export interface SeedCircle {
  id: string;
  topic: string;
  description: string;
  leadId: string;
  capacity: number;
  memberIds: string[];
}

export interface SeedRequest {
  id: string;
  menteeId: string;
  mentorId: string;
  goal: string;
  message: string;
  state: 'pending' | 'accepted' | 'declined';
  createdAt: string;
}

export const departmentCategories: Readonly<Record<string, readonly string[]>> = {
  eng: ['Engineering'],
  design: ['Design'],
  product: ['Product', 'Data'],
  data: ['Data', 'Engineering'],
  marketing: ['Business', 'Design'],
  sales: ['Business'],
  support: ['Business', 'Product'],
  finance: ['Business', 'Data'],
  people: ['Leadership'],
  legal: ['Business'],
  ops: ['Engineering', 'Business'],
};

const bioOpeners = [
  'I love helping people find their footing in a new field.',
  'Happy to share what I learned the hard way.',
  'I started in a different team and moved across, so I know how that feels.',
  'Ask me about the messy middle of projects.',
  'I believe the best mentoring goes both ways.',
  'Mentoring kept me learning for over a decade.',
];
const bioFocus = [
  'We can work through real problems from your week.',
  'I like to pair on concrete work rather than talk in the abstract.',
  'Expect honest feedback and a lot of questions.',
  'I can introduce you to people across the company.',
  'Let us set one goal and meet every two weeks.',
];
const goals = [
  'Get better at presenting to leadership',
  'Learn the basics of SQL for my reports',
  'Understand how our product teams prioritise',
  'Grow into a lead role',
  'Run better workshops',
  'Write clearer documentation',
];

function buildMentoring() {
  const random = seededRandom(424242);
  const byCategory = new Map<string, SeedSkill[]>();
  for (const skill of skills) byCategory.set(skill.category, [...(byCategory.get(skill.category) ?? []), skill]);
  const learningGoals = new Map<string, string[]>();
  for (const person of people) {
    const own = new Set(departmentCategories[person.departmentId]);
    const others = skills.filter((s) => !own.has(s.category));
    const count = random.int(2, 3);
    const chosen = new Set<string>();
    while (chosen.size < count) chosen.add(random.pick(random.next() < 0.75 ? others : skills).id);
    learningGoals.set(person.id, [...chosen]);
  }
  const mentors: SeedMentor[] = [];
  for (const person of people) {
    const senior = /^(Head|Lead|Senior|Principal)/.test(person.title);
    if (!senior || (!/^(Head|Lead)/.test(person.title) && random.next() < 0.4)) continue;
    const categories = departmentCategories[person.departmentId];
    const expertise = new Map<string, number>();
    const count = random.int(3, 4);
    while (expertise.size < count) {
      const pool = expertise.size < count - 1 ? byCategory.get(random.pick(categories))! : skills;
      const skill = random.pick(pool);
      if (!learningGoals.get(person.id)!.includes(skill.id)) expertise.set(skill.id, random.int(3, 5));
    }
    mentors.push({
      personId: person.id,
      bio: `${random.pick(bioOpeners)} ${random.pick(bioFocus)}`,
      expertise: [...expertise].map(([skillId, level]) => ({ skillId, level })),
      capacity: random.int(1, 4),
      accepting: random.next() > 0.12,
      hidden: random.next() < 0.05,
      medianResponseHours: random.next() < 0.1 ? null : random.int(2, 96),
    });
  }
  const circleTopics = [
    ['c-accessibility', 'Accessibility for everyone', 'Monthly show-and-tell of accessible work across teams.'],
    ['c-data-literacy', 'Data literacy', 'Reading numbers well, whatever your role.'],
    ['c-first-time-leads', 'First-time leads', 'A safe room for new leads to compare notes.'],
    ['c-writing', 'Writing that gets read', 'Clear docs, proposals and emails.'],
    ['c-customer-voice', 'The customer voice', 'Support, sales and product listen to customers together.'],
    ['c-public-speaking', 'Speaking up', 'Practise talks in front of a friendly crowd.'],
    ['c-ml-basics', 'Machine learning basics', 'What ML can and cannot do, without the maths overload.'],
    ['c-negotiation', 'Negotiation practice', 'Role-play real negotiations in pairs.'],
  ];
  const visible = mentors.filter((m) => !m.hidden);
  const circles: SeedCircle[] = circleTopics.map(([id, topic, description], index) => {
    const lead = visible[(index * 7) % visible.length].personId;
    const capacity = random.int(5, 10);
    // Two circles start full, so the "full" state is there to see.
    const size = index % 4 === 0 ? capacity : random.int(1, capacity - 2);
    const members = new Set<string>([lead]);
    while (members.size < size) members.add(random.pick(people).id);
    return { id, topic, description, leadId: lead, capacity, memberIds: [...members] };
  });
  const requests: SeedRequest[] = [];
  let requestNumber = 0;
  const day = 86_400_000;
  const start = Date.UTC(2026, 8, 1);
  for (const mentor of mentors) {
    // Some mentors are full: as many accepted requests as places.
    const active = random.next() < 0.25 ? mentor.capacity : random.int(0, Math.max(0, mentor.capacity - 1));
    const mentees = new Set<string>();
    while (mentees.size < active) {
      const mentee = random.pick(people).id;
      if (mentee !== mentor.personId) mentees.add(mentee);
    }
    for (const menteeId of mentees) {
      requests.push({
        id: `r${String(++requestNumber).padStart(4, '0')}`,
        menteeId,
        mentorId: mentor.personId,
        goal: random.pick(goals),
        message: '',
        state: 'accepted',
        createdAt: new Date(start + random.int(0, 60) * day).toISOString(),
      });
    }
  }
  // The first person mentors and has requests waiting, so "my own card" has something to show.
  const first = mentors.find((m) => m.personId === people[0].id);
  if (first) {
    first.accepting = true;
    first.hidden = false;
    first.capacity = requests.filter((r) => r.mentorId === first.personId).length + 2;
    for (const menteeId of [people[40].id, people[77].id]) {
      requests.push({
        id: `r${String(++requestNumber).padStart(4, '0')}`,
        menteeId,
        mentorId: first.personId,
        goal: random.pick(goals),
        message: 'I would love to learn from you. Could we meet every other week?',
        state: 'pending',
        createdAt: new Date(start + 70 * day).toISOString(),
      });
    }
  }
  return { learningGoals, mentors, circles, requests };
}

const mentoring = buildMentoring();
export const learningGoals: ReadonlyMap<string, readonly string[]> = mentoring.learningGoals;
export const mentors: readonly SeedMentor[] = mentoring.mentors;
export const circles: readonly SeedCircle[] = mentoring.circles;
export const mentorshipRequests: readonly SeedRequest[] = mentoring.requests;
