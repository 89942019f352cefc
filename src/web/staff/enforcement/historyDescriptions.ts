// A record's history in words: "Changed town: Town → Leeds", "Follow-up assigned to Priya Shah,
// due 9 Mar 2026". The audit trail keeps field names and codes; this turns them into labels. A
// field whose value is withheld from the trail (anything describing a person) is named only.
import { formatDateTime } from '../../views.ts';
import { ENFORCEMENT_LABELS } from './labels.ts';

const FIELD_LABELS: Record<string, string> = {
  premisesType: 'Type', name: 'Name', addressLines: 'Address', town: 'Town or city', postcode: 'Postcode',
  operationId: 'Operation', visitedAt: 'Date and time of the visit', warrant: 'Warrant', outcome: 'Outcome', notes: 'Notes',
  role: 'Recorded as', fullName: 'Name as written', givenNames: 'Given names', familyName: 'Family name', aliases: 'Other names', dateOfBirth: 'Date of birth',
  estimatedAge: 'Estimated age', sex: 'Sex', nationality: 'Nationality', languages: 'Languages', identityDocuments: 'Identity documents',
  phoneNumbers: 'Phone numbers', account: 'Account', exploitationType: 'Exploitation type', possibleChild: 'Possible child', consent: 'Consent to referral',
  interpreterLanguage: 'Interpreter language', offence: 'Offence', arrestedAt: 'Date and time of the arrest', place: 'Place',
  chargedOn: 'Date charged', courtOutcome: 'Court outcome', sentenceMonths: 'Sentence (months)', assetType: 'What was seized', amountMinor: 'Amount',
  currency: 'Currency', description: 'Description',
};

const VALUE_LABELS: Record<string, Record<string, string>> = {
  premisesType: ENFORCEMENT_LABELS.premisesTypes, outcome: ENFORCEMENT_LABELS.visitOutcomes, role: ENFORCEMENT_LABELS.personRoles, sex: ENFORCEMENT_LABELS.sexes,
  nationality: ENFORCEMENT_LABELS.nationalities, exploitationType: ENFORCEMENT_LABELS.exploitationTypes, consent: ENFORCEMENT_LABELS.consents,
  courtOutcome: ENFORCEMENT_LABELS.courtOutcomes, offence: ENFORCEMENT_LABELS.offences, assetType: ENFORCEMENT_LABELS.seizedAssetTypes,
};

const RECORD_NAMES: Record<string, string> = {
  premises: 'Premises', visit: 'Visit', 'person-found': 'Person', arrest: 'Arrest', charge: 'Charge', 'seized-asset': 'Seizure',
};

function valueText(field: string, raw: unknown): string {
  // The trail holds strings, numbers, booleans and nulls; anything else is not a value to show.
  const value = typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : null;
  if (value === null || value === '') return 'none';
  if (field === 'visitedAt' || field === 'arrestedAt') return formatDateTime(String(value));
  if (field === 'warrant' || field === 'possibleChild') return Number(value) === 1 ? 'yes' : 'no';
  if (field === 'addressLines' && typeof value === 'string') {
    const lines: unknown = JSON.parse(value);
    return Array.isArray(lines) ? lines.join(', ') : value;
  }
  if (field === 'amountMinor') return (Number(value) / 100).toFixed(2);
  return VALUE_LABELS[field]?.[String(value)] ?? String(value);
}

function changeText(change: unknown): string | undefined {
  if (typeof change !== 'object' || change === null || !('field' in change)) return undefined;
  const field = String(change.field);
  const label = FIELD_LABELS[field] ?? field;
  if ('withheld' in change) return `${label} changed`;
  const before = 'before' in change ? change.before : null;
  const after = 'after' in change ? change.after : null;
  return `${label}: ${valueText(field, before)} → ${valueText(field, after)}`;
}

export interface HistoryEntry { what: string; changes: string[] }

/** What one audit event did to a record, in words; `names` gives people's display names by user id. */
export function describeHistoryEvent(action: string, detailsJson: string, names: ReadonlyMap<string, string>): HistoryEntry {
  const details = JSON.parse(detailsJson) as Record<string, unknown>;
  const [recordType = '', verb = ''] = action.split(/\.(?=[^.]+$)/);
  const record = RECORD_NAMES[recordType] ?? recordType;
  switch (action) {
    case 'follow-up.assign': {
      const assignee = names.get(String(details['assigneeId'])) ?? 'an officer';
      return { what: `Follow-up assigned to ${assignee}, due ${String(details['dueOn'])}`, changes: [] };
    }
    case 'follow-up.complete':
      return { what: 'Follow-up marked done', changes: [] };
    case 'charge.court-outcome':
      return { what: 'Court outcome changed', changes: [`Court outcome: ${valueText('courtOutcome', details['before'])} → ${valueText('courtOutcome', details['after'])}`] };
    default:
      break;
  }
  if (verb === 'create') return { what: `${record} recorded`, changes: [] };
  if (verb === 'edit') {
    const changes = Array.isArray(details['changes']) ? details['changes'].map(changeText).filter((c): c is string => c !== undefined) : [];
    return { what: `${record} changed`, changes };
  }
  return { what: action, changes: [] };
}
