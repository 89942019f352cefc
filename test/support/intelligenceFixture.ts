// Actors and report inputs for intelligence and network tests: Metropolitan grades in 5x5x5,
// West Midlands in 3x5x2, and an officer of a third force (Kent) who was given nothing.
import type { UserActor } from '../../src/access/actor.ts';
import { systemActor } from '../../src/access/actor.ts';
import type { EntityMentionInput, LinkInput, ReportInput } from '../../src/services/intelligence.ts';
import type { TestRuntime } from './databases.ts';
import { actorFor, demoAccount, organisationId } from './fixtures.ts';

export interface IntelligenceActors {
  metOfficer: UserActor;
  metSupervisor: UserActor;
  wmOfficer: UserActor;
  kentOfficer: UserActor;
  analyst: UserActor;
  kent: string;
}

export async function intelligenceActors(runtime: TestRuntime): Promise<IntelligenceActors> {
  const system = systemActor('test');
  await runtime.services.intelligence.setGradingScheme(system, await organisationId(runtime, 'metropolitan'), '5x5x5');
  await runtime.services.intelligence.setGradingScheme(system, await organisationId(runtime, 'west-midlands'), '3x5x2');
  const kent = await organisationId(runtime, 'kent');
  const added = await runtime.services.users.add(system, { organisationId: kent, email: 'officer@kent.example', displayName: 'Kent officer', roles: ['officer'] });
  const kentOfficer = await runtime.services.authentication.loadActor(added.user.id, 'session', 'test-request');
  if (kentOfficer === null) throw new Error('Kent officer cannot act');
  return {
    metOfficer: await actorFor(runtime, demoAccount('officer', 'metropolitan')),
    metSupervisor: await actorFor(runtime, demoAccount('supervisor', 'metropolitan')),
    wmOfficer: await actorFor(runtime, demoAccount('officer', 'west-midlands')),
    analyst: await actorFor(runtime, demoAccount('analyst')),
    kentOfficer, kent,
  };
}

export function entity(type: string, value: string, detail = '', recordId = ''): EntityMentionInput {
  return { type, value, detail, recordId };
}

export function link(from: number, relationship: string, to: number): LinkInput {
  return { from: String(from), relationship, to: String(to) };
}

export function reportInput(grade: { source: string; intelligence: string; handling: string }, entities: EntityMentionInput[] = [], links: LinkInput[] = []): ReportInput {
  return {
    text: 'Source reports that the manager of the nail bar drives the women to work each morning.',
    ...grade, refersTo: { day: '3', month: '3', year: '2007' }, entities, links,
  };
}
