// Public reports made through the service, as the public pages would make them.
import type { AnswerValue } from '../../src/public/report/validation.ts';
import type { TestRuntime } from './databases.ts';

export const COMPLETE_ANSWERS: Readonly<Record<string, AnswerValue>> = {
  danger: 'no', signs: ['many-people'], description: 'Eight men leave the house at 5am', address: '14 Harrow Road', town: 'London', postcode: 'W2 1AB',
  placeDescription: '', when: 'Every morning', people: '', vehicles: 'White van', howYouKnow: 'saw-myself', howYouKnowDetail: '', contactPreference: 'anonymous',
};

/** Sends a report with these answers over the complete set; returns its id, reference and secret. */
export async function fileReport(runtime: TestRuntime, answers: Readonly<Record<string, AnswerValue>> = {}): Promise<{ id: string; reference: string; secret: string }> {
  const reporting = runtime.services.publicReporting;
  const token = await reporting.saveAnswers(undefined, { ...COMPLETE_ANSWERS, ...answers }, 'en');
  const result = await reporting.submit(token, 'en', null);
  if (result.kind !== 'sent') throw new Error(`The report was not sent: ${result.kind}`);
  const confirmation = await reporting.takeConfirmation(token);
  const report = await runtime.store.repositories.publicReports.findByReference(result.reference);
  if (confirmation === null || report === undefined) throw new Error('No confirmation');
  return { id: report.id, reference: confirmation.reference, secret: confirmation.secret };
}
