import type { AnswerValue, FeedbackTemplate } from '../contract/feedback.js';
import { receivedOn, type FeedbackKind, type FeedbackVisibility } from '../contract/feedback-rules.js';
import { people } from './organisation.js';
import { hashString, seededRandom } from './random.js';

/* Feedback templates an organisation might manage, and a deterministic history of feedback
   across departments, named and anonymous, so every story and the demo have something to show. */

const fivePoint = ['Needs work', 'Below expectations', 'Solid', 'Strong', 'Outstanding'];

export const feedbackTemplates: readonly FeedbackTemplate[] = [
  {
    id: 'quick-praise',
    name: 'Quick praise',
    description: 'Say what a colleague did well, while it is fresh.',
    kinds: ['praise'],
    questions: [
      {
        id: 'what',
        kind: 'text',
        prompt: 'What did they do that you appreciated?',
        help: 'Name the moment: what happened, and what they did.',
        required: true,
        minLength: 10,
        maxLength: 600,
      },
      {
        id: 'impact',
        kind: 'text',
        prompt: 'What difference did it make?',
        required: false,
        minLength: 0,
        maxLength: 400,
      },
      {
        id: 'strengths',
        kind: 'choice',
        prompt: 'Which strengths did it show?',
        help: 'Choose up to three.',
        required: false,
        multiple: true,
        maxChoices: 3,
        options: [
          { id: 'collaboration', label: 'Collaboration' },
          { id: 'communication', label: 'Communication' },
          { id: 'craft', label: 'Craft' },
          { id: 'initiative', label: 'Initiative' },
          { id: 'helping', label: 'Helping others' },
          { id: 'reliability', label: 'Reliability' },
        ],
      },
    ],
  },
  {
    id: 'sbi',
    name: 'Situation, behaviour, impact',
    description: 'Feedback that describes what happened rather than judging the person.',
    kinds: ['constructive', 'praise'],
    questions: [
      {
        id: 'situation',
        kind: 'text',
        prompt: 'Situation: when and where was it?',
        required: true,
        minLength: 10,
        maxLength: 500,
      },
      {
        id: 'behaviour',
        kind: 'text',
        prompt: 'Behaviour: what did they say or do?',
        help: 'Describe what you saw or heard, not what you think they meant.',
        required: true,
        minLength: 10,
        maxLength: 800,
      },
      {
        id: 'impact',
        kind: 'text',
        prompt: 'Impact: what did it lead to?',
        required: true,
        minLength: 10,
        maxLength: 800,
      },
      {
        id: 'suggestion',
        kind: 'text',
        prompt: 'What could help next time?',
        required: false,
        minLength: 0,
        maxLength: 800,
      },
    ],
  },
  {
    id: 'project',
    name: 'Project collaboration',
    description: 'How it was to work together on a shared project.',
    kinds: ['praise', 'constructive'],
    questions: [
      {
        id: 'communication',
        kind: 'rating',
        prompt: 'Communication',
        help: 'Kept others informed, listened, and was clear.',
        required: true,
        scale: { min: 1, max: 5, labels: fivePoint },
      },
      {
        id: 'reliability',
        kind: 'rating',
        prompt: 'Reliability',
        help: 'Did what they said they would, or said early when they could not.',
        required: true,
        scale: { min: 1, max: 5, labels: fivePoint },
      },
      {
        id: 'collaboration',
        kind: 'rating',
        prompt: 'Working across teams',
        required: false,
        scale: { min: 1, max: 5, labels: fivePoint },
      },
      {
        id: 'highlight',
        kind: 'text',
        prompt: 'What went especially well?',
        required: false,
        minLength: 0,
        maxLength: 800,
      },
      {
        id: 'improve',
        kind: 'text',
        prompt: 'What would you change?',
        required: false,
        minLength: 0,
        maxLength: 800,
      },
      {
        id: 'again',
        kind: 'choice',
        prompt: 'Would you like to work together again?',
        required: true,
        multiple: false,
        options: [
          { id: 'yes', label: 'Yes' },
          { id: 'maybe', label: 'Maybe' },
          { id: 'no-preference', label: 'No preference' },
        ],
      },
    ],
  },
  {
    id: 'talk',
    name: 'Talk or presentation',
    description: 'For someone who presented, demoed or ran a session.',
    kinds: ['praise', 'constructive'],
    questions: [
      {
        id: 'clarity',
        kind: 'rating',
        prompt: 'How clear was it?',
        required: true,
        scale: { min: 1, max: 4, labels: ['Hard to follow', 'Partly clear', 'Clear', 'Crystal clear'] },
      },
      {
        id: 'pace',
        kind: 'choice',
        prompt: 'The pace was…',
        required: false,
        multiple: false,
        options: [
          { id: 'slow', label: 'Too slow' },
          { id: 'right', label: 'About right' },
          { id: 'fast', label: 'Too fast' },
        ],
      },
      {
        id: 'takeaway',
        kind: 'text',
        prompt: 'What will you take away from it?',
        required: true,
        minLength: 5,
        maxLength: 600,
      },
    ],
  },
];

export interface SeedFeedback {
  id: string;
  templateId: string;
  recipientId: string;
  /** Null for anonymous feedback: who gave it is not part of the record. */
  giverId: string | null;
  kind: FeedbackKind;
  answers: Record<string, AnswerValue>;
  visibility: FeedbackVisibility;
  anonymous: boolean;
  receivedOn: string;
}

const praiseLines = [
  'You walked the new joiners through the release process and stayed until every question was answered.',
  'Your write-up of the outage made a stressful week easy to understand for everyone outside the team.',
  'You noticed the accessibility problem in the checkout before it shipped and paired with us to fix it.',
  'The workshop you ran on estimation changed how our team plans.',
];
const constructiveLines = [
  'In the planning meeting the decision was announced before the other teams had spoken.',
  'The handover notes for the migration left out the rollback steps, so the night shift had to guess.',
  'Review comments arrived a week after the pull request was opened, when the branch had moved on.',
  'The demo ran over time and the questions from support were cut short.',
];

/** A deterministic history of feedback; ids come from a hash, so they say nothing about order. */
export function seedFeedback(anchor: number, count = 160): SeedFeedback[] {
  const random = seededRandom(606);
  const result: SeedFeedback[] = [];
  for (let i = 0; i < count; i++) {
    const recipient = random.pick(people);
    let giver = random.pick(people);
    if (giver.id === recipient.id) giver = people[(people.indexOf(giver) + 1) % people.length];
    const template = random.pick(feedbackTemplates);
    const kind = random.pick(template.kinds);
    const anonymous = random.next() < 0.35;
    const lines = kind === 'praise' ? praiseLines : constructiveLines;
    const answers: Record<string, AnswerValue> = {};
    for (const question of template.questions) {
      if (!question.required && random.next() < 0.4) continue;
      if (question.kind === 'rating') answers[question.id] = random.int(question.scale.min, question.scale.max);
      else if (question.kind === 'choice') {
        const option = random.pick(question.options).id;
        answers[question.id] = question.multiple ? [option] : option;
      } else answers[question.id] = random.pick(lines).slice(0, question.maxLength);
    }
    const sent = new Date(anchor - random.int(0, 180) * 86_400_000);
    result.push({
      id: `fb-${hashString(`${i}:${recipient.id}`).toString(36)}${hashString(`${template.id}:${i}`).toString(36)}`,
      templateId: template.id,
      recipientId: recipient.id,
      giverId: anonymous ? null : giver.id,
      kind,
      answers,
      visibility: recipient.managerId && random.next() < 0.3 ? 'recipient-and-manager' : 'recipient',
      anonymous,
      receivedOn: receivedOn(sent, anonymous),
    });
  }
  return result;
}
