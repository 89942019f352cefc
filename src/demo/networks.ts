// One network from plan to records: its visits, the real people found at them (controllers and
// helpers who turn up again and again, potential victims sometimes moved between premises, people
// who just happened to be there), arrests and seizures. Each network is self-contained, so the
// generator can emit it and forget it: that is what keeps memory flat at any scale.
import { otherPresentAccount, suspectAccount, victimAccount } from './accounts.ts';
import { makeArrest, seizeAssets } from './arrests.ts';
import { ageOn } from './birthDates.ts';
import { recordingCountry } from './forceAreas.ts';
import type { GroundTruthBatch, TruthRecordLink } from './groundTruth.ts';
import { truthOfPerson } from './groundTruth.ts';
import type { NetworkPlan } from './operationPlan.ts';
import { recordSighting } from './peopleFound.ts';
import { type PhoneAllocator, type PhoneCountry, type PhoneNumber } from './phoneFormats.ts';
import { createPremises } from './premises.ts';
import { type Random, WeightedTable } from './random.ts';
import type { OperationRecord, OperationRecordBatch, PotentialVictimDetails, PremisesRecord } from './records.ts';
import { type TruePart, type TruePerson, createTruePerson, homePhoneCountry } from './truePeople.ts';
import { PRODUCTIVE_CHANCE, scheduleVisits, visitOutcome } from './visits.ts';
import type { Consent, Nationality, PersonRole, PremisesType } from './vocabulary.ts';
import type { NetworkProfile } from './networkProfiles.ts';

/**
 * The few numbers that set the volumes at scale 1 (~170 potential victims, ~500 arrests over
 * ~800 visits) and how often people recur. test/demo/volumes.test.ts holds them to the targets.
 */
export const CALIBRATION = {
  victimsPerProductiveVisit: 0.3,
  childShare: 0.8,
  controllerPresence: 0.6,
  helpersPerProductiveVisit: 0.55,
  helperReturns: 0.65,
  victimMovedOn: 0.3,
  othersPerProductiveVisit: 0.15,
  othersPerQuietVisit: 0.08,
  arrestControllers: 0.82,
  arrestHelpers: 0.65,
};

export interface GenerationContext {
  random: Random;
  ids: Random;
  phones: PhoneAllocator;
  operations: readonly OperationRecord[];
  /** When court outcomes are read (the end of the last operation plus time for trials). */
  asOf: string;
}

export type NetworkRecords = Omit<OperationRecordBatch, 'operations'>;

interface CastMember {
  person: TruePerson;
  links: TruthRecordLink[];
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, Math.round(value)));
}

interface ProfileTables {
  premisesTypes: WeightedTable<PremisesType>;
  controllerNationalities: WeightedTable<Nationality>;
  victimNationalities: WeightedTable<Nationality>;
}

const tablesByProfile = new Map<NetworkProfile, ProfileTables>();

function tablesOf(profile: NetworkProfile): ProfileTables {
  let tables = tablesByProfile.get(profile);
  if (tables === undefined) {
    tables = {
      premisesTypes: new WeightedTable(profile.premisesTypes),
      controllerNationalities: new WeightedTable(profile.controllerNationalities),
      victimNationalities: new WeightedTable(profile.victimNationalities),
    };
    tablesByProfile.set(profile, tables);
  }
  return tables;
}

const CHILD_AGES = new WeightedTable([{ value: 14, weight: 2 }, { value: 15, weight: 3 }, { value: 16, weight: 4 }, { value: 17, weight: 4 }]);

export function generateNetwork(plan: NetworkPlan, context: GenerationContext): { records: NetworkRecords; truth: GroundTruthBatch } {
  const { random, ids, phones } = context;
  const profile = plan.profile;
  const records: NetworkRecords = { premises: [], visits: [], peopleFound: [], arrests: [], seizedAssets: [] };
  const cast = new Map<string, CastMember>();
  const controllers: (CastMember | null)[] = Array.from({ length: 1 + random.geometric(0.45, 3) }, () => null);
  const helpers: CastMember[] = [];
  const victims: CastMember[] = [];
  const premisesByForce = new Map<string, PremisesRecord[]>();
  const { premisesTypes, controllerNationalities, victimNationalities } = tablesOf(profile);
  const sharedPhone: PhoneNumber | null = random.chance(0.5) ? phones.allocate('GB', random) : null;

  const newMember = (part: TruePart, nationality: Nationality, sex: 'female' | 'male', age: number, on: string): CastMember => {
    const phoneCountries: PhoneCountry[] = [];
    const home = homePhoneCountry(nationality);
    switch (part) {
      case 'controller':
        phoneCountries.push('GB');
        if (home !== 'GB' && random.chance(0.5)) phoneCountries.push(home);
        break;
      case 'associate':
        if (random.chance(0.7)) phoneCountries.push('GB');
        break;
      case 'potential-victim':
        if (random.chance(0.3)) phoneCountries.push(random.chance(0.5) ? 'GB' : home);
        break;
      case 'other-present':
        if (random.chance(0.8)) phoneCountries.push('GB');
        break;
    }
    const carriesSharedPhone = sharedPhone !== null && random.chance(part === 'controller' ? 0.6 : part === 'potential-victim' ? 0.2 : part === 'associate' ? 0.3 : 0);
    const person = createTruePerson({
      id: ids.uuid(),
      networkId: plan.id,
      part,
      sex,
      nationality,
      age,
      referenceDate: on.slice(0, 10),
      phoneCountries,
      sharedPhone: carriesSharedPhone ? sharedPhone : null,
      hasPassport: random.chance(part === 'potential-victim' ? 0.4 : part === 'other-present' ? 0.45 : 0.65),
    }, phones, random);
    const member = { person, links: [] };
    cast.set(person.id, member);
    return member;
  };

  const slots = scheduleVisits(plan, context.operations, random);
  for (const slot of slots) {
    const forceCode = slot.force.force.code;
    const operation = context.operations[slot.operationIndex];
    if (operation === undefined) throw new Error(`no operation ${slot.operationIndex}`);
    const known = premisesByForce.get(forceCode) ?? [];
    let premises: PremisesRecord;
    const revisit = known.length > 0 && random.chance(0.2);
    if (revisit) premises = random.choice(known);
    else {
      premises = createPremises(ids.uuid(), forceCode, slot.force.area, premisesTypes.draw(random), random);
      known.push(premises);
      premisesByForce.set(forceCode, known);
      records.premises.push(premises);
    }
    const visitId = ids.uuid();
    const productive = random.chance(PRODUCTIVE_CHANCE[premises.type]);
    const present: { member: CastMember; role: PersonRole; arrested: boolean; controller: boolean }[] = [];
    const here = new Set<CastMember>();

    if (productive) {
      const victimCount = random.poisson(profile.victimsPerVisit * CALIBRATION.victimsPerProductiveVisit * (premises.type === 'brothel' ? 1.5 : 1));
      for (let i = 0; i < victimCount; i++) {
        const movedOn = victims.filter((v) => !here.has(v));
        let member: CastMember;
        if (movedOn.length > 0 && random.chance(CALIBRATION.victimMovedOn)) member = random.choice(movedOn);
        else {
          const child = random.chance(profile.childShare * CALIBRATION.childShare);
          const age = child ? CHILD_AGES.draw(random) : clamp(random.normal(25, 6), 18, 55);
          const sex = random.chance(profile.femaleVictimShare) ? 'female' : 'male';
          member = newMember('potential-victim', victimNationalities.draw(random), sex, age, slot.visitedAt);
          victims.push(member);
        }
        here.add(member);
        present.push({ member, role: 'potential-victim', arrested: false, controller: false });
      }
      controllers.forEach((existing, i) => {
        if (!random.chance(CALIBRATION.controllerPresence)) return;
        const member = existing ?? newMember('controller', controllerNationalities.draw(random), random.chance(profile.femaleControllerShare) ? 'female' : 'male', clamp(random.normal(36, 8), 21, 65), slot.visitedAt);
        controllers[i] = member;
        here.add(member);
        present.push({ member, role: 'suspect', arrested: random.chance(CALIBRATION.arrestControllers), controller: true });
      });
      const helperCount = random.poisson(CALIBRATION.helpersPerProductiveVisit);
      for (let i = 0; i < helperCount; i++) {
        const returning = helpers.filter((h) => !here.has(h));
        const member = returning.length > 0 && random.chance(CALIBRATION.helperReturns)
          ? random.choice(returning)
          : newMember('associate', controllerNationalities.draw(random), random.chance(0.35) ? 'female' : 'male', clamp(random.normal(31, 9), 18, 65), slot.visitedAt);
        if (!helpers.includes(member)) helpers.push(member);
        here.add(member);
        present.push({ member, role: 'suspect', arrested: random.chance(CALIBRATION.arrestHelpers), controller: false });
      }
    } else if (random.chance(0.15)) {
      // A quiet visit can still find a known face: intelligence, not an arrest.
      const index = random.integer(0, controllers.length - 1);
      const member = controllers[index] ?? newMember('controller', controllerNationalities.draw(random), random.chance(profile.femaleControllerShare) ? 'female' : 'male', clamp(random.normal(36, 8), 21, 65), slot.visitedAt);
      controllers[index] = member;
      here.add(member);
      present.push({ member, role: 'suspect', arrested: false, controller: true });
    }
    const others = random.poisson(productive ? CALIBRATION.othersPerProductiveVisit : CALIBRATION.othersPerQuietVisit);
    for (let i = 0; i < others; i++) {
      const member = newMember('other-present', random.chance(0.7) ? 'GB' : victimNationalities.draw(random), random.chance(0.8) ? 'male' : 'female', clamp(random.normal(38, 12), 18, 80), slot.visitedAt);
      present.push({ member, role: 'other-present', arrested: false, controller: false });
    }

    const victimsHere = present.filter((p) => p.role === 'potential-victim').length;
    const arrestsHere = present.filter((p) => p.arrested).length;
    const recordedIn = recordingCountry(slot.force.force);
    records.visits.push({
      id: visitId,
      operationId: operation.id,
      premisesId: premises.id,
      forceCode,
      visitedAt: slot.visitedAt,
      warrant: slot.warrant,
      outcome: visitOutcome(victimsHere, arrestsHere, random),
    });

    for (const entry of present) {
      const person = entry.member.person;
      let potentialVictim: PotentialVictimDetails | null = null;
      let account: string;
      if (entry.role === 'potential-victim') {
        const possibleChild = ageOn(person.dateOfBirth, slot.visitedAt) < 18;
        const consent: Consent = random.weightedChoice<Consent>([{ value: 'given', weight: 6 }, { value: 'refused', weight: 3 }, { value: 'not-possible', weight: 1 }]);
        const firstLanguage = person.languages[0] ?? null;
        const interpreterLanguage = firstLanguage !== null && firstLanguage !== 'en' && random.chance(0.85) ? firstLanguage : null;
        const exploitationType = profile.exploitation(premises.type);
        potentialVictim = { exploitationType, possibleChild, consent, interpreterLanguage };
        account = victimAccount({ exploitation: exploitationType, premises: premises.type, possibleChild, consent, interpreterLanguage, othersFound: victimsHere - 1, sex: person.sex }, random);
      } else if (entry.role === 'suspect') {
        account = suspectAccount({ premises: premises.type, arrested: entry.arrested }, random);
      } else account = otherPresentAccount(random);
      const { record, link } = recordSighting(person, {
        id: ids.uuid(),
        visitId,
        forceCode,
        recordedIn,
        visitedAt: slot.visitedAt,
        role: entry.role,
        sightingNumber: entry.member.links.length,
        account,
        potentialVictim,
      }, random);
      entry.member.links.push(link);
      records.peopleFound.push(record);
      if (entry.arrested) {
        records.arrests.push(makeArrest({
          id: ids.uuid(),
          personFoundId: record.id,
          visitId,
          forceCode,
          visitedAt: slot.visitedAt,
          controller: entry.controller,
          profile,
          asOf: context.asOf,
        }, random));
      }
    }
    records.seizedAssets.push(...seizeAssets({
      visitId,
      forceCode,
      visitedAt: slot.visitedAt,
      currency: recordedIn === 'IE' ? 'EUR' : 'GBP',
      arrests: arrestsHere,
      newId: () => ids.uuid(),
    }, random));
  }

  const people = [...cast.values()].map((m) => truthOfPerson(m.person, m.links));
  const forceCodes = [...new Set(records.visits.map((v) => v.forceCode))];
  return {
    records,
    truth: {
      people,
      networks: [{
        networkId: plan.id,
        profile: profile.key,
        homeForceCode: plan.home.force.code,
        forceCodes,
        premisesIds: records.premises.map((p) => p.id),
        truePersonIds: people.map((p) => p.truePersonId),
        sharedPhone: sharedPhone === null ? null : sharedPhone.e164,
      }],
    },
  };
}
