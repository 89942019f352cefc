// Labels for vocabulary ids, for templates: pages show words, the database keeps ids.
import { courtOutcomes } from '../../../domain/vocabularies/courtOutcomes.ts';
import { exploitationTypes } from '../../../domain/vocabularies/exploitationTypes.ts';
import { consents } from '../../../domain/vocabularies/consent.ts';
import { nationalities } from '../../../domain/vocabularies/nationalities.ts';
import { offenceTerms } from '../../../domain/vocabularies/offences.ts';
import { premisesTypes } from '../../../domain/vocabularies/premisesTypes.ts';
import { seizedAssetTypes } from '../../../domain/vocabularies/seizedAssetTypes.ts';
import { personRoles, sexes, visitOutcomes } from '../../../domain/vocabularies/enforcementRecording.ts';
import type { Term } from '../../../domain/vocabularies/vocabulary.ts';

function labelsOf(terms: readonly Term[]): Record<string, string> {
  return Object.fromEntries(terms.map((t) => [t.id, t.label]));
}

export const ENFORCEMENT_LABELS = {
  premisesTypes: labelsOf(premisesTypes.terms),
  visitOutcomes: labelsOf(visitOutcomes.terms),
  personRoles: labelsOf(personRoles.terms),
  sexes: labelsOf(sexes.terms),
  nationalities: labelsOf(nationalities.terms),
  exploitationTypes: labelsOf(exploitationTypes.terms),
  consents: labelsOf(consents.terms),
  courtOutcomes: labelsOf(courtOutcomes.terms),
  seizedAssetTypes: labelsOf(seizedAssetTypes.terms),
  offences: Object.fromEntries(offenceTerms.map((o) => [o.id, `${o.label} (${o.act} ${o.section})`])),
};

export function selectItems(labels: Record<string, string>, selected: string | undefined, anyText: string): Array<{ value: string; text: string; selected: boolean }> {
  return [{ value: '', text: anyText, selected: selected === undefined || selected === '' }, ...Object.entries(labels).map(([value, text]) => ({ value, text, selected: value === selected }))];
}

export function formatMoney(minor: number, currency: string): string {
  return new Intl.NumberFormat('en-GB', { style: 'currency', currency }).format(minor / 100);
}
