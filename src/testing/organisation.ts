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
