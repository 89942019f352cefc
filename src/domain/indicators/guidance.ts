// Guidance shown beside a screening, in plain words. It is advice for the person screening,
// held as data so that the national centre can word it; it never decides anything.
import type { IndicatorGroup } from './catalogue.ts';

export const generalGuidance: readonly string[] = [
  'Indicators are signs, not proof. Record what you saw and heard, in the person’s words where you can.',
  'No indicator on its own, and no number of them, decides whether someone is a victim; the absence of indicators does not mean they are not.',
  'Speak to the person alone, away from anyone who may control them, with an independent interpreter if needed — never one brought by a companion.',
];

export const escalationGuidance = {
  'possible-child': 'This may be a child. Escalate now: contact children’s services and the police. A child is referred without needing their consent, and a child cannot consent to their own exploitation.',
  'immediate-danger': 'Someone may be in immediate danger. Call 999 in the UK or 112 in Ireland now, then continue the screening.',
} as const;

export type EscalationReason = keyof typeof escalationGuidance;

export const groupGuidance: Readonly<Record<IndicatorGroup, string>> = {
  'ilo-forced-labour': 'Forced labour indicators: ask about pay, debts, hours and whether they could leave the job; note who employs them and where.',
  control: 'Signs of control: try to speak to the person without the person who controls them being present.',
  'fear-and-violence': 'Signs of fear or violence: make sure the person is safe now; record injuries as described, and offer medical help.',
  'documents-and-travel': 'Documents and travel: note who holds the documents and who paid for the journey; do not take the person’s documents yourself.',
  'place-and-language': 'Place and language: arrange an interpreter in their own language, and note the place where they were found.',
  work: 'Work: record the work, the hours, the pay and who receives it.',
  living: 'Living conditions: note where and with whom they live; consider urgent accommodation and medical care.',
  dependency: 'Dependency: ask about debts and what they were promised; explain that support does not depend on repaying anyone.',
  child: 'Child indicators: treat as a possible child until an age assessment says otherwise, and escalate.',
  'sexual-exploitation': 'Sexual exploitation: offer a screener and interpreter of the gender the person prefers; offer sexual-health care.',
  premises: 'Premises: do not go in or alert anyone there; pass what you saw to the local police force.',
};
