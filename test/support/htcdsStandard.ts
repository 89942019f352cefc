// The IOM Human Trafficking Case Data Standard v2.0 as published, written out independently of
// src/domain/htcds.ts so that a test can hold the export to the standard rather than to our copy.
// Source: "HTCDS Field Standards 2.0.ods" in github.com/UNMigration/HTCDS, commit
// 3c2f6537cd76c3305975aa5eef7a1bf26fe20a30 (2023-01-24): column "Field Name including Prefix" for
// the field names (every row of the sheet that has one, the per_Organisation row having none),
// column "Value Names (if picklist)" for the picklists, column "Status" for the deprecated fields.

export const HTCDS_STANDARD_FIELD_NAMES: readonly string[] = [
  'org_Name', 'org_ShippingCity', 'org_ShippingCountry', 'org_ShippingState', 'org_ShippingStreet', 'org_ShippingPostalCode', 'org_ShippingLongitude',
  'org_ShippingLatitude', 'org_Phone', 'org_Type',
  'prs_Salutation', 'prs_FirstName', 'prs_MiddleName', 'prs_SecondName', 'prs_Birthdate', 'prs_Gender', 'prs_Deceased', 'prs_MaritalStatus',
  'prs_NumberOfChildren', 'prs_PrimaryLanguage', 'prs_SecondaryLanguage', 'prs_HighestLevelOfEducation', 'prs_Citizenship', 'prs_IdentityNumber', 'prs_Title',
  'prs_Email', 'prs_HomePhone', 'prs_MobilePhone', 'prs_MailingCity', 'prs_MailingCountry', 'prs_MailingState', 'prs_MailingStreet', 'prs_MailingPostalCode',
  'prs_MailingLongitude', 'prs_MailingLatitude',
  'vic_AgreementToManagePersonalData', 'vic_TraffickingStatus', 'vic_TraffickingStatusDecisionMakingOrg', 'vic_RelationshipToTrafficker',
  'vic_AgeWhenTrafficked', 'vic_RecruitmentWebsitesAndApps', 'vic_MethodOfRecruitment', 'vic_LocationOfRecruitment', 'vic_MethodsOfControl',
  'vic_TypeOfExploitation', 'vic_ForcedLabourIndustry', 'vic_TypeOfSexExploitation', 'vic_LocationOfExploitation', 'vic_ExploitationWebsitesAndApps',
  'vic_Vulnerabilities', 'vic_DetailsOfVulnerabilities',
  'per_RoleInProcess', 'per_RoleDetails',
  'cas_Status', 'cas_ReasonForCaseClosure', 'cas_CaseOwner', 'cas_ReferringOrganisation', 'cas_IncomingReferralDate', 'cas_ReferringPrimaryCaseWorker',
  'cas_ReasonForIncomingReferral', 'cas_IncomingReferralDetails', 'cas_ReferredOrganisation', 'cas_ReferredPrimaryCaseWorker', 'cas_ReasonForOutgoingReferral',
  'cas_OutgoingReferralDate', 'cas_OutgoingReferralDetails',
  'cco_CaseComment',
  'hte_Longitude', 'hte_Latitude', 'hte_City', 'hte_Country', 'hte_State', 'hte_Street', 'hte_PostalCode', 'hte_Date', 'hte_Type', 'hte_Description',
  'spl_Objectives', 'spl_ActionPlan', 'spl_PlannedEndDate', 'spl_ActualEndDate', 'spl_Type',
  'con_Consent',
];

export const HTCDS_DEPRECATED_FIELDS: readonly string[] = ['vic_AgreementToManagePersonalData', 'vic_Vulnerabilities', 'vic_DetailsOfVulnerabilities'];

/** Fields that name, locate, contact or date a person's birth: never in a pseudonymised export. */
export const HTCDS_IDENTIFYING_FIELDS: readonly string[] = [
  'prs_Salutation', 'prs_FirstName', 'prs_MiddleName', 'prs_SecondName', 'prs_Birthdate', 'prs_IdentityNumber', 'prs_Email', 'prs_HomePhone', 'prs_MobilePhone',
  'prs_MailingCity', 'prs_MailingCountry', 'prs_MailingState', 'prs_MailingStreet', 'prs_MailingPostalCode', 'prs_MailingLongitude', 'prs_MailingLatitude',
];

/** Picklist value names, by field. */
export const HTCDS_PICKLISTS: Readonly<Record<string, readonly string[]>> = {
  org_Type: ['NGO', 'LawEnforcement', 'HealthServiceOrganisation', 'CentralGovernmentOrganisation', 'LocalGovernmentOrganisation', 'ImmigrationService', 'LegalService', 'CorporateBusiness', 'SchoolOrCollege'],
  prs_Gender: ['Feminine', 'Masculine', 'TransgenderFeminine', 'TransgenderMasculine', 'NonConforming', 'NonSpecifiedUnknown'],
  vic_TraffickingStatus: ['PossibleVictimOfTrafficking', 'ActualVictimOfTrafficking', 'NotAVictimOfTrafficking'],
  vic_TraffickingStatusDecisionMakingOrg: ['Police', 'NGO', 'CourtOrProsecution', 'NonPoliceGovernmentalOrganization', 'Other'],
  vic_MethodOfRecruitment: [
    'AtAPlaceOfBusiness', 'AtAnEducationalInstitution', 'AtWork', 'ThroughOnlineSocialNetworks', 'ThroughAnOnlineAdvertisement', 'ThroughATelevisionAdvert',
    'ThroughANewspaperAdvert', 'ThroughFamilyOrFamilyEvents', 'ThroughFriendsOrSocialEvents', 'Other',
  ],
  vic_MethodsOfControl: [
    'PhysicalThreats', 'ThreatsLawEnforcement', 'ThreatensChildrenFamily', 'DebtBondage', 'FalsePromises', 'PhysicalAbuse', 'SexualAbuse', 'TakesEarnings',
    'RestrictsFinancialAccess', 'RestrictsMedicalCare', 'WithholdsNecessities', 'PsychologicalAbuse', 'PsychoactiveSubstance', 'ExcessiveWorkingHours',
    'WithholdsDocuments', 'Other',
  ],
  vic_TypeOfExploitation: [
    'ForcedLabour', 'SexualExploitation', 'ChildLabour', 'ForcedMarriage', 'Servitude', 'ForcedMilitaryByNonStateActors', 'OrganRemoval', 'ForcedBegging',
    'ForcedAdoption', 'Surrogacy', 'Other',
  ],
};

/** Multi-select picklists: several values in one cell, joined by ";" (Toolkit/Excel/README.md). */
export const HTCDS_MULTI_SELECT_FIELDS: readonly string[] = ['prs_Citizenship', 'vic_MethodOfRecruitment', 'vic_MethodsOfControl', 'vic_TypeOfExploitation'];

/**
 * The problems with one cell of `field`, empty when it is valid: a picklist value (each of a
 * multi-select once), an ISO 3166 alpha-2 code for citizenship (the standard's "Use ISO 3166
 * country codes"; XK is in ISO 3166's user-assigned range), an ISO 8601 day for a Date field.
 */
export function htcdsCellProblems(field: string, cell: string): string[] {
  if (cell === '') return [];
  const values = HTCDS_MULTI_SELECT_FIELDS.includes(field) ? cell.split(';') : [cell];
  const problems = values.length === new Set(values).size ? [] : [`${field}: a value repeated in ${JSON.stringify(cell)}`];
  for (const value of values) {
    const picklist = HTCDS_PICKLISTS[field];
    const valid = picklist !== undefined ? picklist.includes(value)
      : field === 'prs_Citizenship' ? /^[A-Z]{2}$/.test(value)
        : field.endsWith('Date') ? /^\d{4}-\d{2}-\d{2}$/.test(value)
          : false;
    if (!valid) problems.push(`${field}: ${JSON.stringify(value)} is not a value the standard allows`);
  }
  return problems;
}
