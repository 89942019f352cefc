// The value names of the IOM Human Trafficking Case Data Standard (HTCDS) v2.0 picklists that
// Lifeline maps its vocabularies to, copied from "HTCDS Field Standards 2.0.ods" (column "Value
// Names (if picklist)") in github.com/UNMigration/HTCDS at commit
// 3c2f6537cd76c3305975aa5eef7a1bf26fe20a30 (2023-01-24). Value names are the standard's system
// identifiers: spelling and case are the standard's, including its "Organization" and singular
// "PsychoactiveSubstance". Only the picklists Lifeline fills are listed; see docs/htcds.md.

/** prs_Gender. */
export const HTCDS_GENDERS = ['Feminine', 'Masculine', 'TransgenderFeminine', 'TransgenderMasculine', 'NonConforming', 'NonSpecifiedUnknown'] as const;
export type HtcdsGender = (typeof HTCDS_GENDERS)[number];

/** org_Type. */
export const HTCDS_ORG_TYPES = [
  'NGO', 'LawEnforcement', 'HealthServiceOrganisation', 'CentralGovernmentOrganisation', 'LocalGovernmentOrganisation', 'ImmigrationService', 'LegalService',
  'CorporateBusiness', 'SchoolOrCollege',
] as const;
export type HtcdsOrgType = (typeof HTCDS_ORG_TYPES)[number];

/** vic_TraffickingStatus. */
export const HTCDS_TRAFFICKING_STATUSES = ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'] as const;
export type HtcdsTraffickingStatus = (typeof HTCDS_TRAFFICKING_STATUSES)[number];

/** vic_TraffickingStatusDecisionMakingOrg. */
export const HTCDS_DECISION_MAKING_ORGS = ['Police', 'NGO', 'CourtOrProsecution', 'NonPoliceGovernmentalOrganization', 'Other'] as const;
export type HtcdsDecisionMakingOrg = (typeof HTCDS_DECISION_MAKING_ORGS)[number];

/** vic_MethodOfRecruitment (multi-select). */
export const HTCDS_METHODS_OF_RECRUITMENT = [
  'AtAPlaceOfBusiness', 'AtAnEducationalInstitution', 'AtWork', 'ThroughOnlineSocialNetworks', 'ThroughAnOnlineAdvertisement', 'ThroughATelevisionAdvert',
  'ThroughANewspaperAdvert', 'ThroughFamilyOrFamilyEvents', 'ThroughFriendsOrSocialEvents', 'Other',
] as const;
export type HtcdsMethodOfRecruitment = (typeof HTCDS_METHODS_OF_RECRUITMENT)[number];

/** vic_MethodsOfControl (multi-select). The standard has no value for restricted movement. */
export const HTCDS_METHODS_OF_CONTROL = [
  'PhysicalThreats', 'ThreatsLawEnforcement', 'ThreatensChildrenFamily', 'DebtBondage', 'FalsePromises', 'PhysicalAbuse', 'SexualAbuse', 'TakesEarnings',
  'RestrictsFinancialAccess', 'RestrictsMedicalCare', 'WithholdsNecessities', 'PsychologicalAbuse', 'PsychoactiveSubstance', 'ExcessiveWorkingHours',
  'WithholdsDocuments', 'Other',
] as const;
export type HtcdsMethodOfControl = (typeof HTCDS_METHODS_OF_CONTROL)[number];

/** vic_TypeOfExploitation (multi-select). */
export const HTCDS_TYPES_OF_EXPLOITATION = [
  'ForcedLabour', 'SexualExploitation', 'ChildLabour', 'ForcedMarriage', 'Servitude', 'ForcedMilitaryByNonStateActors', 'OrganRemoval', 'ForcedBegging',
  'ForcedAdoption', 'Surrogacy', 'Other',
] as const;
export type HtcdsTypeOfExploitation = (typeof HTCDS_TYPES_OF_EXPLOITATION)[number];

/** The standard's delimiter between the values of a multi-select field in one cell (Toolkit/Excel/README.md). */
export const HTCDS_MULTI_SELECT_DELIMITER = ';';
