// Store rows to the API's JSON shapes (enforcementSchemas.ts): camelCase, JSON text fields parsed,
// the owning organisation named as the force.
import type { ArrestListRow } from '../../store/repositories/arrests.ts';
import type { PersonListRow } from '../../store/repositories/peopleFound.ts';
import type { VisitListRow } from '../../store/repositories/visits.ts';
import type { ArrestRow, ChargeRow, OperationRow, PersonFoundRow, PremisesRow, SeizedAssetRow, VisitRow } from '../../store/schema.ts';

const list = (json: string): string[] => JSON.parse(json) as string[];
/** The version an edit must carry back (see enforcementEditing.ts). */
const version = (row: { updated_at: string | null; created_at: string }) => row.updated_at ?? row.created_at;

export const operationView = (o: OperationRow) => ({ id: o.id, code: o.code, name: o.name, startsOn: o.starts_on, endsOn: o.ends_on });

export const premisesView = (p: PremisesRow) => ({
  id: p.id, forceId: p.organisation_id, premisesType: p.premises_type, name: p.name, addressLines: list(p.address_lines), town: p.town, postcode: p.postcode, version: version(p),
});

export const visitView = (v: VisitRow) => ({
  id: v.id, operationId: v.operation_id, premisesId: v.premises_id, forceId: v.organisation_id, visitedAt: v.visited_at, warrant: Number(v.warrant) === 1, outcome: v.outcome, notes: v.notes, version: version(v),
});

export const visitSummaryView = (v: VisitListRow) => {
  const { notes: _notes, ...visit } = visitView(v);
  return { ...visit, premisesType: v.premises_type, town: v.town, postcode: v.postcode };
};

/** Any person row with the summary's columns: the whole record, or the list's narrow copy. */
export const personSummaryView = (p: PersonListRow | PersonFoundRow) => ({
  id: p.id, visitId: p.visit_id, forceId: p.organisation_id, role: p.role, givenNames: p.given_names, familyName: p.family_name, fullName: p.full_name,
  aliases: list(p.aliases), dateOfBirth: p.date_of_birth, estimatedAge: p.estimated_age === null ? null : Number(p.estimated_age), sex: p.sex,
  nationality: p.nationality, possibleChild: Number(p.possible_child) === 1, version: version(p),
});

export const personListView = (p: PersonListRow) => ({ ...personSummaryView(p), visitedAt: p.visited_at, operationId: p.operation_id });

export const personView = (p: PersonFoundRow) => ({
  ...personSummaryView(p), languages: list(p.languages), phoneNumbers: list(p.phone_numbers), identityDocuments: JSON.parse(p.identity_documents) as unknown[],
  account: p.account, exploitationType: p.exploitation_type, consent: p.consent, interpreterLanguage: p.interpreter_language,
});

export const arrestView = (a: ArrestRow) => ({
  id: a.id, personFoundId: a.person_found_id, visitId: a.visit_id, forceId: a.organisation_id, offence: a.offence, arrestedAt: a.arrested_at, place: a.place, version: version(a),
});

export const arrestListView = (a: ArrestListRow) => ({ ...arrestView(a), fullName: a.full_name, operationId: a.operation_id });

export const chargeView = (c: ChargeRow) => ({ id: c.id, offence: c.offence, chargedOn: c.charged_on, courtOutcome: c.court_outcome, sentenceMonths: c.sentence_months === null ? null : Number(c.sentence_months), version: version(c) });

export const seizedAssetView = (s: SeizedAssetRow) => ({ id: s.id, assetType: s.asset_type, amountMinor: Number(s.amount_minor), currency: s.currency, description: s.description, version: version(s) });
