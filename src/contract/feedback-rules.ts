/*
 * Feedback rules shared by the server, MemoryBackend and the form: the form checks answers with
 * the same function the server uses, so a message never appears only after sending. No zod here.
 */
import type { AnswerValue, Question } from './feedback.js';

export const FEEDBACK_KINDS = ['praise', 'constructive'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];
export const FEEDBACK_VISIBILITIES = ['recipient', 'recipient-and-manager'] as const;
export type FeedbackVisibility = (typeof FEEDBACK_VISIBILITIES)[number];

/** Feedback one person may send per day (UTC), named and anonymous together. */
export const FEEDBACK_PER_DAY = 20;

/** Why an answer is not acceptable; `limit` carries the bound that was crossed. */
export type AnswerProblemCode =
  | 'required'
  | 'tooShort'
  | 'tooLong'
  | 'notOnScale'
  | 'notAnOption'
  | 'tooManyChoices'
  | 'wrongType'
  | 'unknownQuestion';

export interface AnswerProblem {
  questionId: string;
  code: AnswerProblemCode;
  limit?: number;
}

/** The length a text answer is measured by: trimmed, in characters (not UTF-16 units). */
export function textLength(value: string): number {
  return Array.from(value.trim()).length;
}

function isEmpty(value: AnswerValue | undefined): boolean {
  return (
    value === undefined ||
    (typeof value === 'string' && value.trim() === '') ||
    (Array.isArray(value) && value.length === 0)
  );
}

function checkAnswer(question: Question, value: AnswerValue): AnswerProblem | undefined {
  const problem = (code: AnswerProblemCode, limit?: number): AnswerProblem => ({
    questionId: question.id,
    code,
    ...(limit === undefined ? {} : { limit }),
  });
  switch (question.kind) {
    case 'rating':
      if (typeof value !== 'number') return problem('wrongType');
      if (!Number.isInteger(value) || value < question.scale.min || value > question.scale.max) {
        return problem('notOnScale');
      }
      return undefined;
    case 'text': {
      if (typeof value !== 'string') return problem('wrongType');
      const length = textLength(value);
      if (length < question.minLength) return problem('tooShort', question.minLength);
      if (length > question.maxLength) return problem('tooLong', question.maxLength);
      return undefined;
    }
    case 'choice': {
      const chosen = question.multiple ? value : [value];
      if (!Array.isArray(chosen) || chosen.some((id) => typeof id !== 'string')) return problem('wrongType');
      const ids = new Set(question.options.map((option) => option.id));
      if ((chosen as string[]).some((id) => !ids.has(id))) return problem('notAnOption');
      const max = question.maxChoices ?? question.options.length;
      if (new Set(chosen).size > max) return problem('tooManyChoices', max);
      return undefined;
    }
  }
}

/** Every problem with a set of answers to the questions, in question order (unknown ids last). */
export function checkAnswers(questions: readonly Question[], answers: Record<string, AnswerValue>): AnswerProblem[] {
  const problems: AnswerProblem[] = [];
  for (const question of questions) {
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (isEmpty(value)) {
      if (question.required) problems.push({ questionId: question.id, code: 'required' });
      continue;
    }
    const problem = checkAnswer(question, value!);
    if (problem) problems.push(problem);
  }
  const known = new Set(questions.map((question) => question.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) problems.push({ questionId: id, code: 'unknownQuestion' });
  }
  return problems;
}

/** Only answered questions, with text trimmed and choices without repeats: what is stored. */
export function normaliseAnswers(
  questions: readonly Question[],
  answers: Record<string, AnswerValue>,
): Record<string, AnswerValue> {
  const result: Record<string, AnswerValue> = {};
  for (const question of questions) {
    const value = Object.hasOwn(answers, question.id) ? answers[question.id] : undefined;
    if (isEmpty(value)) continue;
    result[question.id] =
      typeof value === 'string' ? value.trim() : Array.isArray(value) ? [...new Set(value)] : value!;
  }
  return result;
}

/** The day (YYYY-MM-DD, UTC) a recipient is told: the day itself, or the Monday of its week when anonymous. */
export function receivedOn(date: Date, anonymous: boolean): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  if (anonymous) day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
}

/**
 * The first day (YYYY-MM-DD, UTC) the recipient can read feedback received on `received`: that day
 * for named feedback; for anonymous feedback, the Monday after its week, when the week's anonymous
 * feedback shows all at once. Were it shown as sent, a recipient who looked before and after a
 * meeting could tell who wrote what appeared in between.
 */
export function readableFrom(received: string, anonymous: boolean): string {
  const day = new Date(`${received}T00:00:00Z`);
  if (anonymous) day.setUTCDate(day.getUTCDate() + 7);
  return day.toISOString().slice(0, 10);
}

/**
 * Whether feedback received on `received` can be read on `now`. Anonymous feedback is stored with
 * its week's Monday, so its week is over when that Monday is before this week's.
 */
export function isReadable(received: string, anonymous: boolean, now: Date): boolean {
  return !anonymous || received < receivedOn(now, true);
}
