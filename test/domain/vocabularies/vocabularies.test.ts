import { describe, expect, it } from 'vitest';
import { consents, referralForm, type Consent } from '../../../src/domain/vocabularies/consent.ts';
import { courtOutcomes, isConviction, type CourtOutcome } from '../../../src/domain/vocabularies/courtOutcomes.ts';
import { exploitationTypes, type ExploitationType } from '../../../src/domain/vocabularies/exploitationTypes.ts';
import { methodsOfControl, type MethodOfControl } from '../../../src/domain/vocabularies/methodsOfControl.ts';
import { offenceCategories, offences } from '../../../src/domain/vocabularies/offences.ts';
import { premisesTypes, type PremisesType } from '../../../src/domain/vocabularies/premisesTypes.ts';
import { recruitmentTypes, type RecruitmentType } from '../../../src/domain/vocabularies/recruitmentTypes.ts';
import { seizedAssetTypes } from '../../../src/domain/vocabularies/seizedAssetTypes.ts';
import { decidingOrganisationTypes, victimStatuses, type VictimStatus } from '../../../src/domain/vocabularies/victimStatus.ts';
import { KEBAB_CASE, vocabulary, type Term, type Vocabulary } from '../../../src/domain/vocabularies/vocabulary.ts';

const kebabVocabularies: Record<string, Vocabulary<Term>> = {
  consents,
  courtOutcomes,
  exploitationTypes,
  methodsOfControl,
  offenceCategories,
  offences,
  premisesTypes,
  recruitmentTypes,
  seizedAssetTypes,
  victimStatuses,
  decidingOrganisationTypes,
};

describe('every vocabulary', () => {
  for (const [name, vocab] of Object.entries(kebabVocabularies)) {
    it(`${name}: unique kebab-case ids, labels, and lookups that agree with the data`, () => {
      expect(vocab.terms.length).toBeGreaterThan(0);
      expect(new Set(vocab.ids).size).toBe(vocab.ids.length);
      for (const term of vocab.terms) {
        expect(term.id).toMatch(KEBAB_CASE);
        expect(term.label.trim()).not.toBe('');
        expect(vocab.has(term.id)).toBe(true);
        expect(vocab.label(term.id)).toBe(term.label);
      }
      expect(vocab.has('not-a-term-anywhere')).toBe(false);
    });
  }

  it('refuses duplicate or badly formed ids when a vocabulary is built', () => {
    expect(() => vocabulary('test', [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }])).toThrow(/duplicate/);
    expect(() => vocabulary('test', [{ id: 'Not Kebab', label: 'A' }])).toThrow(/does not match/);
  });
});

// Each `Record<Type, true>` below must name every id of the type and nothing else, or tsc fails;
// the run-time comparison then proves the data holds exactly those ids. The lists are the ones
// in DOMAIN.md and the brief, written out independently of the data files.
describe('vocabularies hold exactly the documented terms', () => {
  it('exploitation types (HTCDS v2)', () => {
    const expected: Record<ExploitationType, true> = {
      'forced-labour': true,
      'sexual-exploitation': true,
      'child-labour': true,
      'forced-marriage': true,
      servitude: true,
      'forced-criminality': true,
      'organ-removal': true,
      'forced-adoption': true,
      surrogacy: true,
      'domestic-servitude': true,
    };
    expect([...exploitationTypes.ids].sort()).toEqual(Object.keys(expected).sort());
  });

  it('premises types', () => {
    const expected: Record<PremisesType, true> = {
      brothel: true,
      'massage-parlour': true,
      sauna: true,
      'private-flat': true,
      hotel: true,
      'nail-bar': true,
      'car-wash': true,
      'cannabis-farm': true,
      farm: true,
      factory: true,
      other: true,
    };
    expect([...premisesTypes.ids].sort()).toEqual(Object.keys(expected).sort());
  });

  it('recruitment types, victim statuses and consent', () => {
    const recruitment: Record<RecruitmentType, true> = {
      workplace: true,
      school: true,
      'online-social-network': true,
      'online-advert': true,
      'newspaper-advert': true,
      family: true,
      friends: true,
      other: true,
    };
    const status: Record<VictimStatus, true> = { 'possible-victim': true, 'actual-victim': true, 'not-a-victim': true };
    const consent: Record<Consent, true> = { given: true, refused: true, 'not-possible': true };
    expect([...recruitmentTypes.ids].sort()).toEqual(Object.keys(recruitment).sort());
    expect([...victimStatuses.ids].sort()).toEqual(Object.keys(status).sort());
    expect([...consents.ids].sort()).toEqual(Object.keys(consent).sort());
  });

  it('methods of control cover the fifteen in DOMAIN.md', () => {
    const documented: MethodOfControl[] = [
      'physical-threats', 'threats-of-law-enforcement', 'threats-to-family', 'debt-bondage', 'false-promises',
      'physical-abuse', 'sexual-abuse', 'takes-earnings', 'restricts-access-to-money', 'restricts-medical-care',
      'withholds-necessities', 'psychological-abuse', 'substances', 'excessive-hours', 'withholds-documents',
    ];
    for (const id of documented) expect(methodsOfControl.has(id)).toBe(true);
  });
});

describe('consent and referral', () => {
  it('records an adult without consent anonymously, and refers every child by name', () => {
    expect(referralForm('given', false)).toBe('named-referral');
    expect(referralForm('refused', false)).toBe('anonymous-duty-to-notify');
    expect(referralForm('not-possible', false)).toBe('anonymous-duty-to-notify');
    expect(referralForm('refused', true)).toBe('named-referral');
  });
});

describe('court outcomes', () => {
  it('counts only the three convicting outcomes as convictions', () => {
    const convictions = courtOutcomes.ids.filter((id: CourtOutcome) => isConviction(id));
    expect(convictions.sort()).toEqual(['convicted-after-trial', 'convicted-guilty-plea', 'convicted-of-other-offence']);
  });
});
