// The indicators a screener can record, as data. Sources: ILO, "ILO indicators of forced labour"
// (2012); Home Office, modern slavery statutory guidance and first responder material (general
// and child indicators); UNODC and regional anti-slavery network material (sexual exploitation
// and premises). Ids are stable: records keep them, so relabel freely but never reuse an id.

export const indicatorGroups = [
  { id: 'ilo-forced-labour', label: 'ILO indicators of forced labour', source: 'ILO' },
  { id: 'control', label: 'Control', source: 'Home Office' },
  { id: 'fear-and-violence', label: 'Fear and violence', source: 'Home Office' },
  { id: 'documents-and-travel', label: 'Documents and travel', source: 'Home Office' },
  { id: 'place-and-language', label: 'Place and language', source: 'Home Office' },
  { id: 'work', label: 'Work', source: 'Home Office' },
  { id: 'living', label: 'Living conditions', source: 'Home Office' },
  { id: 'dependency', label: 'Dependency', source: 'Home Office' },
  { id: 'child', label: 'Child-specific', source: 'Home Office' },
  { id: 'sexual-exploitation', label: 'Sexual exploitation', source: 'UNODC and regional anti-slavery networks' },
  { id: 'premises', label: 'Premises', source: 'UNODC and regional anti-slavery networks' },
] as const;

export type IndicatorGroup = (typeof indicatorGroups)[number]['id'];

export const indicators = [
  { id: 'ilo-abuse-of-vulnerability', group: 'ilo-forced-labour', label: 'Abuse of vulnerability' },
  { id: 'ilo-deception', group: 'ilo-forced-labour', label: 'Deception' },
  { id: 'ilo-restriction-of-movement', group: 'ilo-forced-labour', label: 'Restriction of movement' },
  { id: 'ilo-isolation', group: 'ilo-forced-labour', label: 'Isolation' },
  { id: 'ilo-physical-and-sexual-violence', group: 'ilo-forced-labour', label: 'Physical and sexual violence' },
  { id: 'ilo-intimidation-and-threats', group: 'ilo-forced-labour', label: 'Intimidation and threats' },
  { id: 'ilo-retention-of-identity-documents', group: 'ilo-forced-labour', label: 'Retention of identity documents' },
  { id: 'ilo-withholding-of-wages', group: 'ilo-forced-labour', label: 'Withholding of wages' },
  { id: 'ilo-debt-bondage', group: 'ilo-forced-labour', label: 'Debt bondage' },
  { id: 'ilo-abusive-working-and-living-conditions', group: 'ilo-forced-labour', label: 'Abusive working and living conditions' },
  { id: 'ilo-excessive-overtime', group: 'ilo-forced-labour', label: 'Excessive overtime' },

  { id: 'control-cannot-leave', group: 'control', label: 'Cannot leave where they live or work when they want to' },
  { id: 'control-movements-controlled', group: 'control', label: 'Their movements are controlled or watched' },
  { id: 'control-others-speak-for-them', group: 'control', label: 'Someone else speaks for them or answers for them' },
  { id: 'control-acts-as-if-instructed', group: 'control', label: 'Acts as if instructed by someone else, or gives a rehearsed story' },

  { id: 'fear-anxiety', group: 'fear-and-violence', label: 'Shows fear or anxiety' },
  { id: 'fear-violence-or-threats', group: 'fear-and-violence', label: 'Violence or threats against them or their family' },
  { id: 'fear-injuries', group: 'fear-and-violence', label: 'Has injuries, or injuries that look like the result of assault or controlling measures' },
  { id: 'fear-distrust-of-authorities', group: 'fear-and-violence', label: 'Distrusts the authorities' },
  { id: 'fear-threatened-with-authorities', group: 'fear-and-violence', label: 'Has been threatened with being handed over to the authorities' },
  { id: 'fear-afraid-to-reveal-immigration-status', group: 'fear-and-violence', label: 'Afraid to reveal their immigration status' },

  { id: 'documents-passport-held-by-other', group: 'documents-and-travel', label: 'Passport or identity documents held by someone else' },
  { id: 'documents-false-or-none', group: 'documents-and-travel', label: 'Has false documents or none' },
  { id: 'documents-travel-paid-by-facilitators', group: 'documents-and-travel', label: 'Travel was paid for by facilitators and must be repaid through work' },

  { id: 'place-found-where-exploitation-happens', group: 'place-and-language', label: 'Found in or linked to a place where exploitation is known to happen' },
  { id: 'place-no-local-language', group: 'place-and-language', label: 'Does not speak the local language' },
  { id: 'place-does-not-know-address', group: 'place-and-language', label: 'Does not know their home or work address' },

  { id: 'work-forced-or-deceived', group: 'work', label: 'Forced to work, or deceived about the work' },
  { id: 'work-punished', group: 'work', label: 'Punished at work' },
  { id: 'work-no-say-in-conditions', group: 'work', label: 'Has no say in their working conditions' },
  { id: 'work-little-or-no-pay', group: 'work', label: 'Receives little or no pay' },
  { id: 'work-no-access-to-earnings', group: 'work', label: 'Has no access to their earnings' },
  { id: 'work-excessive-hours', group: 'work', label: 'Works excessively long hours' },
  { id: 'work-no-days-off', group: 'work', label: 'Has no days off' },

  { id: 'living-poor-accommodation', group: 'living', label: 'Lives in poor or overcrowded accommodation' },
  { id: 'living-no-medical-care', group: 'living', label: 'Has no access to medical care' },
  { id: 'living-little-social-contact', group: 'living', label: 'Has little or no social contact' },

  { id: 'dependency-sees-self-in-debt', group: 'dependency', label: 'Sees themselves as in debt to someone' },
  { id: 'dependency-dependent', group: 'dependency', label: 'Is dependent on someone else for housing, work, food or papers' },
  { id: 'dependency-acted-on-false-promises', group: 'dependency', label: 'Came or acted on false promises' },

  { id: 'child-no-access-to-parents', group: 'child', label: 'No access to their parents or guardians' },
  { id: 'child-intimidated', group: 'child', label: 'Looks intimidated' },
  { id: 'child-behaviour-unusual-for-age', group: 'child', label: 'Behaves in a way unusual for their age' },
  { id: 'child-no-friends-own-age', group: 'child', label: 'Has no friends of their own age' },
  { id: 'child-no-education-or-play', group: 'child', label: 'Has no access to education or time to play' },
  { id: 'child-lives-apart-poor-accommodation', group: 'child', label: 'Lives apart from other children, in poor accommodation' },
  { id: 'child-eats-apart', group: 'child', label: 'Eats apart from the rest of the household' },
  { id: 'child-work-unsuited-to-children', group: 'child', label: 'Does work that is not suitable for children' },
  { id: 'child-travels-unaccompanied', group: 'child', label: 'Travels unaccompanied or with adults who are not relatives' },

  { id: 'sexual-moved-between-brothels', group: 'sexual-exploitation', label: 'Moved between brothels or places of work' },
  { id: 'sexual-escorted-to-and-from-work', group: 'sexual-exploitation', label: 'Escorted to and from work' },
  { id: 'sexual-ownership-tattoos', group: 'sexual-exploitation', label: 'Has tattoos or marks that suggest “ownership”' },
  { id: 'sexual-sleeps-where-works', group: 'sexual-exploitation', label: 'Sleeps where they work' },
  { id: 'sexual-lives-or-travels-in-group', group: 'sexual-exploitation', label: 'Lives or travels in a group, sometimes with others who do not speak the same language' },
  { id: 'sexual-few-clothes', group: 'sexual-exploitation', label: 'Has very few clothes, or mostly clothes for work' },
  { id: 'sexual-no-cash-or-id', group: 'sexual-exploitation', label: 'Has no cash of their own and no identity documents' },

  { id: 'premises-many-phones', group: 'premises', label: 'Many mobile phones at the premises' },
  { id: 'premises-cctv-at-door', group: 'premises', label: 'CCTV at the door' },
  { id: 'premises-little-furniture', group: 'premises', label: 'Little furniture' },
  { id: 'premises-sealed-letterbox', group: 'premises', label: 'Sealed or blocked letterbox' },
  { id: 'premises-locks-outside-doors', group: 'premises', label: 'Locks on the outside of doors' },
  { id: 'premises-several-women-one-address', group: 'premises', label: 'Several women living at one address' },
  { id: 'premises-short-visits-day-and-night', group: 'premises', label: 'Short visits by men, day and night' },
  { id: 'premises-adverts-naming-nationality', group: 'premises', label: 'Adverts for the premises naming a nationality' },
] as const satisfies readonly { readonly id: string; readonly group: IndicatorGroup; readonly label: string }[];

export type IndicatorId = (typeof indicators)[number]['id'];
export type Indicator = (typeof indicators)[number];

const byId: ReadonlyMap<string, Indicator> = new Map(indicators.map((i) => [i.id, i]));

export function isIndicatorId(value: string): value is IndicatorId {
  return byId.has(value);
}

export function indicatorById(id: string): Indicator | undefined {
  return byId.get(id);
}

export function indicatorsInGroup(group: IndicatorGroup): readonly Indicator[] {
  return indicators.filter((i) => i.group === group);
}
