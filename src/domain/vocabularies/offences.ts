// Offences an arrest or charge can be for, each with its Act, section and the jurisdictions
// where it applies. Several are historic (replaced in 2015 by the Modern Slavery Act and its
// Scottish and Northern Irish counterparts) but were the offences charged during the model
// operation of 2006–08, so they stay, marked with the year they were repealed for new offences.
// Section numbers are from legislation.gov.uk and irishstatutebook.ie; check there before adding.
import type { Jurisdiction } from '../calendar/jurisdiction.ts';
import { vocabulary } from './vocabulary.ts';

export const offenceCategoryTerms = [
  { id: 'human-trafficking', label: 'Human trafficking' },
  { id: 'slavery-and-forced-labour', label: 'Slavery, servitude and forced labour' },
  { id: 'sexual-exploitation', label: 'Sexual exploitation and prostitution' },
  { id: 'immigration', label: 'Immigration' },
  { id: 'labour', label: 'Labour' },
  { id: 'drugs', label: 'Drugs' },
  { id: 'money-laundering', label: 'Money laundering' },
] as const;

export type OffenceCategory = (typeof offenceCategoryTerms)[number]['id'];
export const offenceCategories = vocabulary('offence categories', offenceCategoryTerms);

interface OffenceTerm {
  readonly id: string;
  readonly label: string;
  readonly category: OffenceCategory;
  readonly act: string;
  readonly section: string;
  readonly jurisdictions: readonly Jurisdiction[];
  /** First year in which the offence could be committed, where that is after 2006. */
  readonly inForceFrom?: number;
  /**
   * Year from which new offences are charged under a replacement provision instead. Where the
   * replacement came in different years in different jurisdictions, the latest year is used so
   * that no jurisdiction loses an offence it could still charge.
   */
  readonly replacedFrom?: number;
}

const UK: readonly Jurisdiction[] = ['england-and-wales', 'scotland', 'northern-ireland'];

export const offenceTerms = [
  {
    id: 'msa-2015-s1-slavery-servitude-forced-labour',
    label: 'Holding a person in slavery or servitude, or requiring forced or compulsory labour',
    category: 'slavery-and-forced-labour',
    act: 'Modern Slavery Act 2015',
    section: 's.1',
    jurisdictions: ['england-and-wales'],
    inForceFrom: 2015,
  },
  {
    id: 'msa-2015-s2-human-trafficking',
    label: 'Human trafficking (arranging or facilitating travel with a view to exploitation)',
    category: 'human-trafficking',
    act: 'Modern Slavery Act 2015',
    section: 's.2',
    jurisdictions: ['england-and-wales'],
    inForceFrom: 2015,
  },
  {
    id: 'cja-2009-s71-slavery-servitude-forced-labour',
    label: 'Slavery, servitude and forced or compulsory labour',
    category: 'slavery-and-forced-labour',
    act: 'Coroners and Justice Act 2009',
    section: 's.71',
    jurisdictions: ['england-and-wales', 'northern-ireland'],
    replacedFrom: 2015,
    inForceFrom: 2010,
  },
  {
    id: 'soa-2003-s52-causing-inciting-prostitution-for-gain',
    label: 'Causing or inciting prostitution for gain',
    category: 'sexual-exploitation',
    act: 'Sexual Offences Act 2003',
    section: 's.52',
    jurisdictions: ['england-and-wales'],
  },
  {
    id: 'soa-2003-s53-controlling-prostitution-for-gain',
    label: 'Controlling prostitution for gain',
    category: 'sexual-exploitation',
    act: 'Sexual Offences Act 2003',
    section: 's.53',
    jurisdictions: ['england-and-wales'],
  },
  {
    id: 'soa-2003-s57-trafficking-into-uk-sexual-exploitation',
    label: 'Trafficking into the UK for sexual exploitation',
    category: 'human-trafficking',
    act: 'Sexual Offences Act 2003',
    section: 's.57',
    jurisdictions: ['england-and-wales', 'northern-ireland'],
    replacedFrom: 2013,
  },
  {
    id: 'soa-2003-s58-trafficking-within-uk-sexual-exploitation',
    label: 'Trafficking within the UK for sexual exploitation',
    category: 'human-trafficking',
    act: 'Sexual Offences Act 2003',
    section: 's.58',
    jurisdictions: ['england-and-wales', 'northern-ireland'],
    replacedFrom: 2013,
  },
  {
    id: 'soa-2003-s59-trafficking-out-of-uk-sexual-exploitation',
    label: 'Trafficking out of the UK for sexual exploitation',
    category: 'human-trafficking',
    act: 'Sexual Offences Act 2003',
    section: 's.59',
    jurisdictions: ['england-and-wales', 'northern-ireland'],
    replacedFrom: 2013,
  },
  {
    id: 'soa-2003-s59a-trafficking-sexual-exploitation',
    label: 'Trafficking people for sexual exploitation',
    category: 'human-trafficking',
    act: 'Sexual Offences Act 2003',
    section: 's.59A',
    jurisdictions: ['england-and-wales'],
    inForceFrom: 2013,
    replacedFrom: 2015,
  },
  {
    id: 'soa-1956-s33a-keeping-a-brothel',
    label: 'Keeping a brothel used for prostitution',
    category: 'sexual-exploitation',
    act: 'Sexual Offences Act 1956',
    section: 's.33A',
    jurisdictions: ['england-and-wales'],
  },
  {
    id: 'aitoc-2004-s4-trafficking-for-exploitation',
    label: 'Trafficking people for exploitation (including labour exploitation)',
    category: 'human-trafficking',
    act: 'Asylum and Immigration (Treatment of Claimants, etc.) Act 2004',
    section: 's.4',
    jurisdictions: UK,
    replacedFrom: 2016,
  },
  {
    id: 'ia-1971-s25-assisting-unlawful-immigration',
    label: 'Assisting unlawful immigration',
    category: 'immigration',
    act: 'Immigration Act 1971',
    section: 's.25',
    jurisdictions: UK,
  },
  {
    id: 'gla-2004-s12-unlicensed-gangmaster',
    label: 'Acting as a gangmaster without a licence',
    category: 'labour',
    act: 'Gangmasters (Licensing) Act 2004',
    section: 's.12',
    jurisdictions: UK,
  },
  {
    id: 'mda-1971-s4-production-supply-controlled-drugs',
    label: 'Production or supply of a controlled drug',
    category: 'drugs',
    act: 'Misuse of Drugs Act 1971',
    section: 's.4',
    jurisdictions: UK,
  },
  {
    id: 'mda-1971-s5-possession-controlled-drugs',
    label: 'Possession of a controlled drug (including with intent to supply)',
    category: 'drugs',
    act: 'Misuse of Drugs Act 1971',
    section: 's.5',
    jurisdictions: UK,
  },
  {
    id: 'mda-1971-s6-cultivation-of-cannabis',
    label: 'Cultivation of cannabis',
    category: 'drugs',
    act: 'Misuse of Drugs Act 1971',
    section: 's.6',
    jurisdictions: UK,
  },
  {
    id: 'poca-2002-s327-329-money-laundering',
    label: 'Money laundering (concealing, arranging, acquiring criminal property)',
    category: 'money-laundering',
    act: 'Proceeds of Crime Act 2002',
    section: 'ss.327–329',
    jurisdictions: UK,
  },
  {
    id: 'htes-2015-s1-human-trafficking',
    label: 'Human trafficking',
    category: 'human-trafficking',
    act: 'Human Trafficking and Exploitation (Scotland) Act 2015',
    section: 's.1',
    jurisdictions: ['scotland'],
    inForceFrom: 2016,
  },
  {
    id: 'htes-2015-s4-slavery-servitude-forced-labour',
    label: 'Slavery, servitude and forced or compulsory labour',
    category: 'slavery-and-forced-labour',
    act: 'Human Trafficking and Exploitation (Scotland) Act 2015',
    section: 's.4',
    jurisdictions: ['scotland'],
    inForceFrom: 2016,
  },
  {
    id: 'cjls-2010-s47-slavery-servitude-forced-labour',
    label: 'Slavery, servitude and forced or compulsory labour',
    category: 'slavery-and-forced-labour',
    act: 'Criminal Justice and Licensing (Scotland) Act 2010',
    section: 's.47',
    jurisdictions: ['scotland'],
    inForceFrom: 2010,
    replacedFrom: 2016,
  },
  {
    id: 'cjs-2003-s22-traffic-in-prostitution',
    label: 'Traffic in prostitution',
    category: 'human-trafficking',
    act: 'Criminal Justice (Scotland) Act 2003',
    section: 's.22',
    jurisdictions: ['scotland'],
    replacedFrom: 2016,
  },
  {
    id: 'hteni-2015-s1-slavery-servitude-forced-labour',
    label: 'Slavery, servitude and forced or compulsory labour',
    category: 'slavery-and-forced-labour',
    act: 'Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015',
    section: 's.1',
    jurisdictions: ['northern-ireland'],
    inForceFrom: 2015,
  },
  {
    id: 'hteni-2015-s2-human-trafficking',
    label: 'Human trafficking',
    category: 'human-trafficking',
    act: 'Human Trafficking and Exploitation (Criminal Justice and Support for Victims) Act (Northern Ireland) 2015',
    section: 's.2',
    jurisdictions: ['northern-ireland'],
    inForceFrom: 2015,
  },
  {
    id: 'soni-2008-art63-controlling-prostitution-for-gain',
    label: 'Controlling prostitution for gain',
    category: 'sexual-exploitation',
    act: 'Sexual Offences (Northern Ireland) Order 2008',
    section: 'art.63',
    jurisdictions: ['northern-ireland'],
    inForceFrom: 2009,
  },
  {
    id: 'clhta-2008-s2-trafficking-of-children',
    label: 'Trafficking of children (including for labour exploitation or removal of organs)',
    category: 'human-trafficking',
    act: 'Criminal Law (Human Trafficking) Act 2008',
    section: 's.2',
    jurisdictions: ['ireland'],
    inForceFrom: 2008,
  },
  {
    id: 'clhta-2008-s3-child-trafficking-sexual-exploitation',
    label: 'Trafficking of children for sexual exploitation (section 3 of the Child Trafficking and Pornography Act 1998 as substituted)',
    category: 'human-trafficking',
    act: 'Criminal Law (Human Trafficking) Act 2008',
    section: 's.3',
    jurisdictions: ['ireland'],
    inForceFrom: 2008,
  },
  {
    id: 'clhta-2008-s4-trafficking-of-adults',
    label: 'Trafficking of adults for sexual or labour exploitation or removal of organs',
    category: 'human-trafficking',
    act: 'Criminal Law (Human Trafficking) Act 2008',
    section: 's.4',
    jurisdictions: ['ireland'],
    inForceFrom: 2008,
  },
  {
    id: 'clsoa-1993-s9-organising-prostitution',
    label: 'Organising prostitution (controlling or directing it for gain)',
    category: 'sexual-exploitation',
    act: 'Criminal Law (Sexual Offences) Act 1993',
    section: 's.9',
    jurisdictions: ['ireland'],
  },
  {
    id: 'clsoa-1993-s11-brothel-keeping',
    label: 'Brothel keeping',
    category: 'sexual-exploitation',
    act: 'Criminal Law (Sexual Offences) Act 1993',
    section: 's.11',
    jurisdictions: ['ireland'],
  },
  {
    id: 'iita-2000-s2-trafficking-illegal-immigrants',
    label: 'Organising or facilitating the entry of an illegal immigrant into the State',
    category: 'immigration',
    act: 'Illegal Immigrants (Trafficking) Act 2000',
    section: 's.2',
    jurisdictions: ['ireland'],
  },
  {
    id: 'mda-1977-s15-possession-for-supply',
    label: 'Possession of a controlled drug for sale or supply',
    category: 'drugs',
    act: 'Misuse of Drugs Act 1977',
    section: 's.15',
    jurisdictions: ['ireland'],
  },
  {
    id: 'mda-1977-s17-cultivation-of-cannabis',
    label: 'Cultivation of cannabis',
    category: 'drugs',
    act: 'Misuse of Drugs Act 1977',
    section: 's.17',
    jurisdictions: ['ireland'],
  },
  {
    id: 'cjmltf-2010-s7-money-laundering',
    label: 'Money laundering',
    category: 'money-laundering',
    act: 'Criminal Justice (Money Laundering and Terrorist Financing) Act 2010',
    section: 's.7',
    jurisdictions: ['ireland'],
    inForceFrom: 2010,
  },
] as const satisfies readonly OffenceTerm[];

export type Offence = (typeof offenceTerms)[number]['id'];
export const offences = vocabulary('offences', offenceTerms);

/** The offences that can be charged in `jurisdiction`, optionally only those current in `year`. */
export function offencesIn(jurisdiction: Jurisdiction, year?: number): readonly OffenceTerm[] {
  return (offenceTerms as readonly OffenceTerm[]).filter(
    (o) =>
      o.jurisdictions.includes(jurisdiction) &&
      (year === undefined || ((o.inForceFrom === undefined || year >= o.inForceFrom) && (o.replacedFrom === undefined || year < o.replacedFrom))),
  );
}

export function citation(offence: Offence): string {
  const term: OffenceTerm = offences.get(offence);
  return `${term.act} ${term.section}`;
}
