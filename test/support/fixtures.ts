import type { UserActor } from '../../src/access/actor.ts';
import { DEMO_ACCOUNTS, type DemoAccount } from '../../src/demo/signInAccounts.ts';
import { ensureDemoAccounts, ensureRoster } from '../../src/services/setup.ts';
import type { TestRuntime } from './databases.ts';

/** The roster and demo accounts: one or more users for every role. */
export async function seedDemo(runtime: TestRuntime): Promise<void> {
  await ensureRoster(runtime.services.context);
  await ensureDemoAccounts(runtime.services.context);
}

export function demoAccount(role: DemoAccount['role'], organisationCode?: string): DemoAccount {
  const account = DEMO_ACCOUNTS.find((a) => a.role === role && (organisationCode === undefined || a.organisationCode === organisationCode));
  if (account === undefined) throw new Error(`No demo account for ${role}`);
  return account;
}

export async function actorFor(runtime: TestRuntime, account: DemoAccount): Promise<UserActor> {
  const user = await runtime.store.repositories.users.findByEmail(account.email);
  if (user === undefined) throw new Error(`Demo user ${account.email} not seeded`);
  const actor = await runtime.services.authentication.loadActor(user.id, 'session', 'test-request');
  if (actor === null) throw new Error(`Demo user ${account.email} cannot act`);
  return actor;
}

export async function organisationId(runtime: TestRuntime, code: string): Promise<string> {
  const organisation = await runtime.store.repositories.organisations.findByCode(code);
  if (organisation === undefined) throw new Error(`No organisation ${code}`);
  return organisation.id;
}
