// What the network journey finds already recorded: one phone carried by three people found at two
// premises, in two forces (a Metropolitan suspect and a potential victim at a nail bar, a West
// Midlands suspect at a car wash), written three different ways as officers do. Recorded through
// the services, as the forces' officers would through the pages, once for each JavaScript mode so
// the two runs of the journey do not meet. Also an officer of a third force (Kent).
import { systemActor, type UserActor } from '../../src/access/actor.ts';
import { DEMO_ACCOUNTS } from '../../src/demo/signInAccounts.ts';
import type { Services } from '../../src/services/index.ts';
import type { PersonFoundInput } from '../../src/services/enforcementRecording.ts';

export interface NetworkCase {
  /** As the officer writes it in the report; the network keys it as `phone:${e164}`. */
  phone: string;
  e164: string;
  vehicle: string;
  /** Named only in a report kept within the Metropolitan Police (handling code 4). */
  restrictedVehicle: string;
  metSuspect: string;
  metVictim: string;
  wmSuspect: string;
  metPremises: string;
  wmPremises: string;
}

export const NETWORK_CASES: Record<'js' | 'nojs', NetworkCase> = {
  js: {
    phone: '07700 900461', e164: '+447700900461', vehicle: 'LB07 KXR', restrictedVehicle: 'MX07 ZZT',
    metSuspect: 'Viktor Marchetti', metVictim: 'Elena Dobre', wmSuspect: 'Dariusz Kowalczyk', metPremises: 'Polished Nails', wmPremises: 'Sparkle Hand Car Wash',
  },
  nojs: {
    phone: '07700 900462', e164: '+447700900462', vehicle: 'LC07 PWT', restrictedVehicle: 'MY07 QQB',
    metSuspect: 'Arben Kastrati', metVictim: 'Mirela Stan', wmSuspect: 'Tomasz Wierzba', metPremises: 'Glamour Nails', wmPremises: 'Shine Car Valeting',
  },
};

export const KENT_OFFICER = { email: 'officer.kent@journey.lifeline.example', password: 'kent-officer-journey-passphrase-2007', name: 'Kent officer (journey)' };

const OPERATION_ID = '01900000-0000-7000-8000-0000000e2e01';

async function demoActor(services: Services, role: string, organisationCode: string): Promise<UserActor> {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role && a.organisationCode === organisationCode);
  const user = account === undefined ? undefined : await services.context.store.repositories.users.findByEmail(account.email);
  const actor = user === undefined ? null : await services.authentication.loadActor(user.id, 'session', null);
  if (actor === null) throw new Error(`No demo ${role} at ${organisationCode}`);
  return actor;
}

function person(role: 'suspect' | 'potential-victim', fullName: string, phone: string): PersonFoundInput {
  return {
    role, fullName, givenNames: '', familyName: '', aliases: [], dateOfBirth: { day: '', month: '', year: '' }, estimatedAge: role === 'suspect' ? '41' : '23',
    sex: role === 'suspect' ? 'male' : 'female', nationality: 'RO', languages: [], identityDocuments: [], phoneNumbers: [phone],
    account: role === 'suspect' ? 'Held the keys and the takings.' : 'Said she owed money for her travel.', exploitationType: role === 'suspect' ? '' : 'sexual-exploitation',
    possibleChild: '', consent: role === 'suspect' ? '' : 'given', interpreterLanguage: '',
  };
}

export async function prepareNetworkRecords(services: Services): Promise<void> {
  const repositories = services.context.store.repositories;
  const met = await repositories.organisations.findByCode('metropolitan');
  const westMidlands = await repositories.organisations.findByCode('west-midlands');
  const kent = await repositories.organisations.findByCode('kent');
  if (met === undefined || westMidlands === undefined || kent === undefined) throw new Error('The roster lacks a force the journey needs');
  const system = systemActor('e2e');
  // The Metropolitan Police grade in 5x5x5, whose handling code 4 keeps a report inside the force.
  await services.intelligence.setGradingScheme(system, met.id, '5x5x5');
  const at = new Date().toISOString();
  await repositories.operations.insert({ id: OPERATION_ID, code: 'e2e-network', name: 'Operation Wayfarer', starts_on: '2007-01-01', ends_on: '2007-12-31', created_at: at, updated_at: at }, [met.id, westMidlands.id]);
  await services.users.add(system, { organisationId: kent.id, email: KENT_OFFICER.email, displayName: KENT_OFFICER.name, roles: ['officer'], password: KENT_OFFICER.password });

  const recording = services.enforcementRecording;
  const metOfficer = await demoActor(services, 'officer', 'metropolitan');
  const wmOfficer = await demoActor(services, 'officer', 'west-midlands');
  const visitOn = (day: string) => ({ operationId: OPERATION_ID, visitedOn: { day, month: '2', year: '2007' }, visitedTime: '21:00', warrant: 'yes', outcome: 'victims-found', notes: '' });
  for (const [index, c] of Object.values(NETWORK_CASES).entries()) {
    const nailBar = await recording.createPremises(metOfficer, { premisesType: 'nail-bar', name: c.metPremises, addressLines: [`${20 + index} Mare Street`], town: 'London', postcode: 'E8 1HY' });
    const metVisit = await recording.recordVisit(metOfficer, nailBar.id, visitOn('12'));
    await recording.addPersonFound(metOfficer, metVisit.id, person('suspect', c.metSuspect, c.phone));
    await recording.addPersonFound(metOfficer, metVisit.id, person('potential-victim', c.metVictim, c.phone.replace(/\s/g, '')));
    const carWash = await recording.createPremises(wmOfficer, { premisesType: 'car-wash', name: c.wmPremises, addressLines: [`${5 + index} Bristol Road`], town: 'Birmingham', postcode: 'B5 7XA' });
    const wmVisit = await recording.recordVisit(wmOfficer, carWash.id, visitOn('20'));
    await recording.addPersonFound(wmOfficer, wmVisit.id, person('suspect', c.wmSuspect, `+44 ${c.phone.slice(1)}`));
  }
}
