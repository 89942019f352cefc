// The generator speaks of offences in plain categories; the platform records the statute and
// section. For each category, candidates in order of preference: the first one in force in the
// force's jurisdiction in the year of the arrest is recorded.
import type { Jurisdiction as CalendarJurisdiction } from '../domain/calendar/jurisdiction.ts';
import { offencesIn } from '../domain/vocabularies/offences.ts';
import type { Jurisdiction as OrganisationJurisdiction } from '../domain/organisationKinds.ts';
import type { Offence } from './vocabulary.ts';

const CANDIDATES: Record<Offence, readonly string[]> = {
  'trafficking-sexual-exploitation': [
    'soa-2003-s57-trafficking-into-uk-sexual-exploitation', 'soa-2003-s59a-trafficking-sexual-exploitation', 'msa-2015-s2-human-trafficking',
    'cjs-2003-s22-traffic-in-prostitution', 'htes-2015-s1-human-trafficking', 'hteni-2015-s2-human-trafficking', 'clhta-2008-s4-trafficking-of-adults',
  ],
  'controlling-prostitution-for-gain': ['soa-2003-s53-controlling-prostitution-for-gain', 'soni-2008-art63-controlling-prostitution-for-gain', 'clsoa-1993-s9-organising-prostitution'],
  'trafficking-labour-exploitation': [
    'aitoc-2004-s4-trafficking-for-exploitation', 'msa-2015-s2-human-trafficking', 'htes-2015-s1-human-trafficking', 'hteni-2015-s2-human-trafficking', 'clhta-2008-s4-trafficking-of-adults',
  ],
  'modern-slavery-offence': [
    'msa-2015-s1-slavery-servitude-forced-labour', 'cja-2009-s71-slavery-servitude-forced-labour', 'htes-2015-s4-slavery-servitude-forced-labour',
    'cjls-2010-s47-slavery-servitude-forced-labour', 'hteni-2015-s1-slavery-servitude-forced-labour', 'clhta-2008-s4-trafficking-of-adults',
  ],
  'immigration-facilitation': ['ia-1971-s25-assisting-unlawful-immigration', 'iita-2000-s2-trafficking-illegal-immigrants'],
  'brothel-keeping': ['soa-1956-s33a-keeping-a-brothel', 'clsoa-1993-s11-brothel-keeping', 'soa-2003-s53-controlling-prostitution-for-gain'],
  'drugs-production': ['mda-1971-s6-cultivation-of-cannabis', 'mda-1977-s17-cultivation-of-cannabis'],
  'drugs-supply': ['mda-1971-s4-production-supply-controlled-drugs', 'mda-1977-s15-possession-for-supply'],
  'money-laundering': ['poca-2002-s327-329-money-laundering'],
};

export function statuteOffence(offence: Offence, jurisdiction: OrganisationJurisdiction, year: number): string {
  const candidates = CANDIDATES[offence];
  // British Transport Police works across Great Britain: its records use England and Wales law here.
  const where: CalendarJurisdiction = jurisdiction === 'uk-wide' ? 'england-and-wales' : jurisdiction;
  const inForce = new Set(offencesIn(where, year).map((o) => o.id));
  return candidates.find((id) => inForce.has(id)) ?? candidates[0] ?? offence;
}
