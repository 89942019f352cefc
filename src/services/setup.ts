// Brings a database to a usable state: the roster always, demo partners and accounts on request.
import { systemActor } from '../access/actor.ts';
import { DEMO_ACCOUNTS, type DemoAccount } from '../demo/signInAccounts.ts';
import { CORE_ROSTER, DEMO_PARTNERS, type RosterEntry } from '../domain/roster.ts';
import { hashPassword } from '../security/passwords.ts';
import { newId } from '../store/ids.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';

export interface SetupReport {
  organisationsAdded: number;
  demoAccountsAdded: number;
}

const SEEDER = systemActor('setup');

/** Adds the roster entries that are missing, by code; never changes an entry an administrator has edited. */
export async function ensureRoster(context: ServiceContext, entries: readonly RosterEntry[] = CORE_ROSTER): Promise<number> {
  const now = isoNow(context.clock);
  return context.store.transaction(async (repositories) => {
    const existing = new Set((await repositories.organisations.list({ includeRetired: true })).map((o) => o.code));
    const missing = entries.filter((entry) => !existing.has(entry.code));
    for (const entry of missing) {
      const id = newId();
      await repositories.organisations.insert({
        id, code: entry.code, name: entry.name, kind: entry.kind, jurisdiction: entry.jurisdiction,
        created_at: now, updated_at: now, retired_at: entry.retiredOn === undefined ? null : `${entry.retiredOn}T00:00:00.000Z`,
      });
    }
    if (missing.length > 0) {
      await recordAudit(repositories, SEEDER, now, { action: 'organisation.seed-roster', subjectType: 'organisation', subjectId: null, subjectOrganisationId: null, details: { added: missing.map((e) => e.code) } });
    }
    return missing.length;
  });
}

// Demo passwords are published, so their hashes may be reused within a process: this spares
// seconds of argon2 work each time a fresh demo database is made (tests make many).
const demoHashes = new Map<string, Promise<string>>();
function demoPasswordHash(password: string): Promise<string> {
  let hash = demoHashes.get(password);
  if (hash === undefined) {
    hash = hashPassword(password);
    demoHashes.set(password, hash);
  }
  return hash;
}

/** Demo partners and one account per role. Skips any account whose email already exists. */
export async function ensureDemoAccounts(context: ServiceContext, accounts: readonly DemoAccount[] = DEMO_ACCOUNTS): Promise<number> {
  await ensureRoster(context, DEMO_PARTNERS);
  const hashes = await Promise.all(accounts.map((a) => demoPasswordHash(a.password)));
  const now = isoNow(context.clock);
  return context.store.transaction(async (repositories) => {
    let added = 0;
    for (const [index, demo] of accounts.entries()) {
      if ((await repositories.users.findByEmail(demo.email)) !== undefined) continue;
      const organisation = await repositories.organisations.findByCode(demo.organisationCode);
      if (organisation === undefined) throw new Error(`Demo account ${demo.email} names an unknown organisation ${demo.organisationCode}`);
      const id = newId();
      await repositories.users.insert({
        id, organisation_id: organisation.id, email: demo.email, display_name: demo.displayName, password_hash: hashes[index] ?? '',
        totp_secret: null, totp_enabled_at: null, totp_last_step: null, recovery_code_digests: null, locked_until: null,
        disabled_at: null, is_demo: 1, password_changed_at: now, created_at: now, updated_at: now,
      }, [demo.role]);
      await recordAudit(repositories, SEEDER, now, { action: 'user.create', subjectType: 'user', subjectId: id, subjectOrganisationId: organisation.id, details: { roles: [demo.role], demo: true } });
      added += 1;
    }
    return added;
  });
}

export async function isEmpty(context: ServiceContext): Promise<boolean> {
  return (await context.store.repositories.users.count()) === 0;
}
