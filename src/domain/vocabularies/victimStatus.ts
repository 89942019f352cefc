// Victim status (HTCDS v2): possible, actual or not a victim, always with the kind of
// organisation that decided it — a charity's view and a competent authority's decision differ.
// `htcds` is the value name of vic_TraffickingStatus in the IOM Human Trafficking Case Data
// Standard v2.0 (src/domain/htcds.ts).
import type { HtcdsDecisionMakingOrg, HtcdsOrgType, HtcdsTraffickingStatus } from '../htcds.ts';
import { vocabulary } from './vocabulary.ts';

export const victimStatusTerms = [
  { id: 'possible-victim', label: 'Possible victim', htcds: 'PossibleVictimOfTrafficking' },
  { id: 'actual-victim', label: 'Actual victim', htcds: 'ActualVictimOfTrafficking' },
  { id: 'not-a-victim', label: 'Not a victim', htcds: 'NotAVictimOfTrafficking' },
] as const satisfies ReadonlyArray<{ id: string; label: string; htcds: HtcdsTraffickingStatus }>;

export type VictimStatus = (typeof victimStatusTerms)[number]['id'];
export const victimStatuses = vocabulary('victim statuses', victimStatusTerms);

/**
 * Kinds of deciding organisation. The standard has two picklists for them: `htcdsOrgType` is the
 * organisation's org_Type, `htcdsDecisionMakingOrg` its vic_TraffickingStatusDecisionMakingOrg,
 * a coarser list (the competent authority and other government bodies are all
 * NonPoliceGovernmentalOrganization; a lawyer or a business is Other, not CourtOrProsecution).
 */
export const decidingOrganisationTypeTerms = [
  { id: 'competent-authority', label: 'Competent authority', htcdsOrgType: 'CentralGovernmentOrganisation', htcdsDecisionMakingOrg: 'NonPoliceGovernmentalOrganization' },
  { id: 'law-enforcement', label: 'Law enforcement', htcdsOrgType: 'LawEnforcement', htcdsDecisionMakingOrg: 'Police' },
  { id: 'ngo', label: 'Non-governmental organisation', htcdsOrgType: 'NGO', htcdsDecisionMakingOrg: 'NGO' },
  { id: 'health-service', label: 'Health service', htcdsOrgType: 'HealthServiceOrganisation', htcdsDecisionMakingOrg: 'Other' },
  { id: 'central-government', label: 'Central government', htcdsOrgType: 'CentralGovernmentOrganisation', htcdsDecisionMakingOrg: 'NonPoliceGovernmentalOrganization' },
  { id: 'local-government', label: 'Local government', htcdsOrgType: 'LocalGovernmentOrganisation', htcdsDecisionMakingOrg: 'NonPoliceGovernmentalOrganization' },
  { id: 'immigration-service', label: 'Immigration service', htcdsOrgType: 'ImmigrationService', htcdsDecisionMakingOrg: 'NonPoliceGovernmentalOrganization' },
  { id: 'legal-service', label: 'Legal service', htcdsOrgType: 'LegalService', htcdsDecisionMakingOrg: 'Other' },
  { id: 'corporate-business', label: 'Corporate business', htcdsOrgType: 'CorporateBusiness', htcdsDecisionMakingOrg: 'Other' },
] as const satisfies ReadonlyArray<{ id: string; label: string; htcdsOrgType: HtcdsOrgType; htcdsDecisionMakingOrg: HtcdsDecisionMakingOrg }>;

export type DecidingOrganisationType = (typeof decidingOrganisationTypeTerms)[number]['id'];
export const decidingOrganisationTypes = vocabulary('deciding organisation types', decidingOrganisationTypeTerms);

export interface VictimStatusAssessment {
  readonly status: VictimStatus;
  readonly decidedBy: DecidingOrganisationType;
}
