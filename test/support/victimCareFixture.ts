// Actors and inputs for victim-care tests: one of every organisation that deals with a person,
// and a clock the tests set to a named UK date.
import type { UserActor } from '../../src/access/actor.ts';
import type { PotentialVictimInput } from '../../src/services/victimCare/validation.ts';
import type { TestRuntime } from './databases.ts';
import { actorFor, demoAccount, organisationId } from './fixtures.ts';

export interface VictimCareActors {
  metOfficer: UserActor;
  wmOfficer: UserActor;
  metSupervisor: UserActor;
  socialWorker: UserActor;
  immigrationOfficer: UserActor;
  caseWorker: UserActor;
  decisionMaker: UserActor;
  analyst: UserActor;
  systemAdministrator: UserActor;
  organisationAdministrator: UserActor;
}

export interface VictimCareOrganisations {
  met: string;
  charity: string;
  otherCharity: string;
  competentAuthority: string;
  localAuthority: string;
}

export async function victimCareActors(runtime: TestRuntime): Promise<VictimCareActors> {
  return {
    metOfficer: await actorFor(runtime, demoAccount('officer', 'metropolitan')),
    wmOfficer: await actorFor(runtime, demoAccount('officer', 'west-midlands')),
    metSupervisor: await actorFor(runtime, demoAccount('supervisor', 'metropolitan')),
    socialWorker: await actorFor(runtime, demoAccount('first-responder', 'la-riverside')),
    immigrationOfficer: await actorFor(runtime, demoAccount('first-responder', 'immigration-heathrow')),
    caseWorker: await actorFor(runtime, demoAccount('charity-case-worker', 'charity-safe-harbour')),
    decisionMaker: await actorFor(runtime, demoAccount('decision-maker', 'competent-authority')),
    analyst: await actorFor(runtime, demoAccount('analyst', 'national-centre')),
    systemAdministrator: await actorFor(runtime, demoAccount('system-administrator', 'national-centre')),
    organisationAdministrator: await actorFor(runtime, demoAccount('organisation-administrator', 'metropolitan')),
  };
}

export async function victimCareOrganisations(runtime: TestRuntime): Promise<VictimCareOrganisations> {
  return {
    met: await organisationId(runtime, 'metropolitan'),
    charity: await organisationId(runtime, 'charity-safe-harbour'),
    otherCharity: await organisationId(runtime, 'charity-northern-light'),
    competentAuthority: await organisationId(runtime, 'competent-authority'),
    localAuthority: await organisationId(runtime, 'la-riverside'),
  };
}

/** Moves the test clock forward to 09:00 UTC on `date` (never backwards). */
export function setToday(runtime: TestRuntime, date: string): void {
  const target = Date.parse(`${date}T09:00:00.000Z`);
  const minutes = (target - runtime.testClock.clock().getTime()) / 60_000;
  if (minutes < 0) throw new Error(`The test clock is already past ${date}`);
  runtime.testClock.advanceMinutes(minutes);
}

export const NAMED_ADULT: PotentialVictimInput = {
  identificationRoute: 'found-on-visit', exploitationTypes: ['sexual-exploitation'], methodsOfControl: ['debt-bondage', 'withholds-documents'],
  childStatus: 'adult', consent: 'given', localAuthorityId: '', supportWanted: ['accommodation', 'medical'], interpreterLanguage: 'Romanian',
  dependants: '1', dependantsNote: 'A daughter, 4, living with her grandmother', fullName: 'Elena Vasilescu-Marin', dateOfBirth: { day: '3', month: '7', year: '1995' },
  sex: 'female', nationality: 'RO', ageBand: '', address: '14 Quayside Lane, Hull HU1 1XY', safeToWrite: 'no', phone: '07700 900456',
  email: 'elena.vm@example.org', account: 'Brought over on a promise of hotel work; her passport was kept by the man who drove her.', jurisdiction: '',
};
