// One network from plan to records: its visits, the real people found at them (controllers and
// helpers who turn up again and again, potential victims sometimes moved between premises, people
// who just happened to be there), arrests and seizures. Each network is self-contained, so the
// generator can emit it and forget it: that is what keeps memory flat at any scale.
import { otherPresentAccount, suspectAccount, victimAccount } from './recordedAccounts.ts';
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
import { PRODUCTIVE_CHANCE, type VisitSlot, scheduleVisits, visitOutcome } from './visits.ts';
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

interface Presence {
  member: CastMember;
  role: PersonRole;
  arrested: boolean;
  controller: boolean;
}

/** The state of one network while its visits are generated; dropped when the network is done. */
class NetworkRun {
  readonly records: NetworkRecords = { premises: [], visits: [], peopleFound: [], arrests: [], seizedAssets: [] };
  private readonly cast = new Map<string, CastMember>();
  private readonly controllers: (CastMember | null)[];
  private readonly helpers: CastMember[] = [];
  private readonly victims: CastMember[] = [];
  private readonly premisesByForce = new Map<string, PremisesRecord[]>();
  private readonly tables: ProfileTables;
  readonly sharedPhone: PhoneNumber | null;

  constructor(private readonly plan: NetworkPlan, private readonly context: GenerationContext) {
    const random = context.random;
    this.controllers = Array.from({ length: 1 + random.geometric(0.45, 3) }, () => null);
    this.tables = tablesOf(plan.profile);
    this.sharedPhone = random.chance(0.5) ? context.phones.allocate('GB', random) : null;
  }

  run(): { records: NetworkRecords; truth: GroundTruthBatch } {
    for (const slot of scheduleVisits(this.plan, this.context.operations, this.context.random)) this.visit(slot);
    const people = [...this.cast.values()].map((m) => truthOfPerson(m.person, m.links));
    return {
      records: this.records,
      truth: {
        people,
        networks: [{
          networkId: this.plan.id,
          profile: this.plan.profile.key,
          homeForceCode: this.plan.home.force.code,
          forceCodes: [...new Set(this.records.visits.map((v) => v.forceCode))],
          premisesIds: this.records.premises.map((p) => p.id),
          truePersonIds: people.map((p) => p.truePersonId),
          sharedPhone: this.sharedPhone === null ? null : this.sharedPhone.e164,
        }],
      },
    };
  }

  private newMember(part: TruePart, nationality: Nationality, sex: 'female' | 'male', age: number, on: string): CastMember {
    const { random, ids, phones } = this.context;
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
    // The work phone links victims to controllers: it is what they were given to take bookings.
    const shareChance = part === 'controller' ? 0.6 : part === 'potential-victim' ? 0.2 : part === 'associate' ? 0.3 : 0;
    const carriesSharedPhone = this.sharedPhone !== null && random.chance(shareChance);
    const person = createTruePerson({
      id: ids.uuid(),
      networkId: this.plan.id,
      part,
      sex,
      nationality,
      age,
      referenceDate: on.slice(0, 10),
      phoneCountries,
      sharedPhone: carriesSharedPhone ? this.sharedPhone : null,
      hasPassport: random.chance(part === 'potential-victim' ? 0.4 : part === 'other-present' ? 0.45 : 0.65),
    }, phones, random);
    const member = { person, links: [] };
    this.cast.set(person.id, member);
    return member;
  }

  private newController(on: string): CastMember {
    const random = this.context.random;
    const sex = random.chance(this.plan.profile.femaleControllerShare) ? 'female' : 'male';
    return this.newMember('controller', this.tables.controllerNationalities.draw(random), sex, clamp(random.normal(36, 8), 21, 65), on);
  }

  private premisesFor(slot: VisitSlot): PremisesRecord {
    const { random, ids } = this.context;
    const forceCode = slot.force.force.code;
    const known = this.premisesByForce.get(forceCode) ?? [];
    if (known.length > 0 && random.chance(0.2)) return random.choice(known);
    const premises = createPremises(ids.uuid(), forceCode, slot.force.area, this.tables.premisesTypes.draw(random), random);
    known.push(premises);
    this.premisesByForce.set(forceCode, known);
    this.records.premises.push(premises);
    return premises;
  }

  /** Who is at the premises when officers arrive: the cast of the network and passers-by. */
  private peoplePresent(slot: VisitSlot, premises: PremisesRecord, productive: boolean): Presence[] {
    const random = this.context.random;
    const profile = this.plan.profile;
    const present: Presence[] = [];
    const here = new Set<CastMember>();
    if (productive) {
      const victimCount = random.poisson(profile.victimsPerVisit * CALIBRATION.victimsPerProductiveVisit * (premises.type === 'brothel' ? 1.5 : 1));
      for (let i = 0; i < victimCount; i++) {
        // Being moved between premises is itself an indicator; it is also what links a victim's records.
        const movedOn = this.victims.filter((v) => !here.has(v));
        let member: CastMember;
        if (movedOn.length > 0 && random.chance(CALIBRATION.victimMovedOn)) member = random.choice(movedOn);
        else {
          const child = random.chance(profile.childShare * CALIBRATION.childShare);
          const age = child ? CHILD_AGES.draw(random) : clamp(random.normal(25, 6), 18, 55);
          const sex = random.chance(profile.femaleVictimShare) ? 'female' : 'male';
          member = this.newMember('potential-victim', this.tables.victimNationalities.draw(random), sex, age, slot.visitedAt);
          this.victims.push(member);
        }
        here.add(member);
        present.push({ member, role: 'potential-victim', arrested: false, controller: false });
      }
      this.controllers.forEach((existing, i) => {
        if (!random.chance(CALIBRATION.controllerPresence)) return;
        const member = existing ?? this.newController(slot.visitedAt);
        this.controllers[i] = member;
        here.add(member);
        present.push({ member, role: 'suspect', arrested: random.chance(CALIBRATION.arrestControllers), controller: true });
      });
      const helperCount = random.poisson(CALIBRATION.helpersPerProductiveVisit);
      for (let i = 0; i < helperCount; i++) {
        const returning = this.helpers.filter((h) => !here.has(h));
        const member = returning.length > 0 && random.chance(CALIBRATION.helperReturns)
          ? random.choice(returning)
          : this.newMember('associate', this.tables.controllerNationalities.draw(random), random.chance(0.35) ? 'female' : 'male', clamp(random.normal(31, 9), 18, 65), slot.visitedAt);
        if (!this.helpers.includes(member)) this.helpers.push(member);
        here.add(member);
        present.push({ member, role: 'suspect', arrested: random.chance(CALIBRATION.arrestHelpers), controller: false });
      }
    } else if (random.chance(0.15)) {
      // A quiet visit can still find a known face: intelligence, not an arrest.
      const index = random.integer(0, this.controllers.length - 1);
      const member = this.controllers[index] ?? this.newController(slot.visitedAt);
      this.controllers[index] = member;
      present.push({ member, role: 'suspect', arrested: false, controller: true });
    }
    const others = random.poisson(productive ? CALIBRATION.othersPerProductiveVisit : CALIBRATION.othersPerQuietVisit);
    for (let i = 0; i < others; i++) {
      const nationality = random.chance(0.7) ? 'GB' : this.tables.victimNationalities.draw(random);
      const member = this.newMember('other-present', nationality, random.chance(0.8) ? 'male' : 'female', clamp(random.normal(38, 12), 18, 80), slot.visitedAt);
      present.push({ member, role: 'other-present', arrested: false, controller: false });
    }
    return present;
  }

  private visit(slot: VisitSlot): void {
    const { random, ids } = this.context;
    const forceCode = slot.force.force.code;
    const operation = this.context.operations[slot.operationIndex];
    if (operation === undefined) throw new Error(`no operation ${slot.operationIndex}`);
    const premises = this.premisesFor(slot);
    const visitId = ids.uuid();
    const productive = random.chance(PRODUCTIVE_CHANCE[premises.type]);
    const present = this.peoplePresent(slot, premises, productive);
    const victimsHere = present.filter((p) => p.role === 'potential-victim').length;
    const arrestsHere = present.filter((p) => p.arrested).length;
    const recordedIn = recordingCountry(slot.force.force);
    this.records.visits.push({
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
        const consent = random.weightedChoice<Consent>([{ value: 'given', weight: 6 }, { value: 'refused', weight: 3 }, { value: 'not-possible', weight: 1 }]);
        const firstLanguage = person.languages[0] ?? null;
        const interpreterLanguage = firstLanguage !== null && firstLanguage !== 'en' && random.chance(0.85) ? firstLanguage : null;
        const exploitationType = this.plan.profile.exploitation(premises.type);
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
      this.records.peopleFound.push(record);
      if (entry.arrested) {
        this.records.arrests.push(makeArrest({
          id: ids.uuid(),
          personFoundId: record.id,
          visitId,
          forceCode,
          visitedAt: slot.visitedAt,
          controller: entry.controller,
          profile: this.plan.profile,
          asOf: this.context.asOf,
        }, random));
      }
    }
    for (const asset of seizeAssets({
      visitId,
      forceCode,
      visitedAt: slot.visitedAt,
      currency: recordedIn === 'IE' ? 'EUR' : 'GBP',
      arrests: arrestsHere,
      newId: () => ids.uuid(),
    }, random)) this.records.seizedAssets.push(asset);
  }
}

export function generateNetwork(plan: NetworkPlan, context: GenerationContext): { records: NetworkRecords; truth: GroundTruthBatch } {
  return new NetworkRun(plan, context).run();
}
