// Victim status (HTCDS v2): possible, actual or not a victim, always with the kind of
// organisation that decided it — a charity's view and a competent authority's decision differ.
import { vocabulary } from './vocabulary.ts';

export const victimStatusTerms = [
  { id: 'possible-victim', label: 'Possible victim' },
  { id: 'actual-victim', label: 'Actual victim' },
  { id: 'not-a-victim', label: 'Not a victim' },
] as const;

export type VictimStatus = (typeof victimStatusTerms)[number]['id'];
export const victimStatuses = vocabulary('victim statuses', victimStatusTerms);

/** Organisation types of HTCDS (`org_Type`), plus the competent authority that makes NRM decisions. */
export const decidingOrganisationTypeTerms = [
  { id: 'competent-authority', label: 'Competent authority', htcds: 'CentralGovernmentOrganisation' },
  { id: 'law-enforcement', label: 'Law enforcement', htcds: 'LawEnforcement' },
  { id: 'ngo', label: 'Non-governmental organisation', htcds: 'NGO' },
  { id: 'health-service', label: 'Health service', htcds: 'HealthServiceOrganisation' },
  { id: 'central-government', label: 'Central government', htcds: 'CentralGovernmentOrganisation' },
  { id: 'local-government', label: 'Local government', htcds: 'LocalGovernmentOrganisation' },
  { id: 'immigration-service', label: 'Immigration service', htcds: 'ImmigrationService' },
  { id: 'legal-service', label: 'Legal service', htcds: 'LegalService' },
  { id: 'corporate-business', label: 'Corporate business', htcds: 'CorporateBusiness' },
] as const;

export type DecidingOrganisationType = (typeof decidingOrganisationTypeTerms)[number]['id'];
export const decidingOrganisationTypes = vocabulary('deciding organisation types', decidingOrganisationTypeTerms);

export interface VictimStatusAssessment {
  readonly status: VictimStatus;
  readonly decidedBy: DecidingOrganisationType;
}
