import type { Command } from 'commander';
import { systemActor } from '../../access/actor.ts';
import { NotFoundError, ValidationError } from '../../access/errors.ts';
import type { Runtime } from '../../runtime.ts';
import type { UserAccount } from '../../services/users.ts';
import { normaliseEmail } from '../../services/users.ts';
import { CliError } from '../errors.ts';
import { withRuntime } from '../withRuntime.ts';

const OPERATOR = systemActor('cli');

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

async function findUser(runtime: Runtime, email: string): Promise<UserAccount> {
  const row = await runtime.store.repositories.users.findByEmail(normaliseEmail(email));
  if (row === undefined) throw new CliError(`No user has the email address ${email}`);
  return runtime.services.users.get(OPERATOR, row.id);
}

/** Turns the services' validation errors into one line per problem. */
export function explain(error: unknown): never {
  if (error instanceof ValidationError) throw new CliError(error.fieldErrors.map((e) => `${e.field}: ${e.message}`).join('\n'));
  if (error instanceof NotFoundError) throw new CliError(error.message);
  throw error;
}

export function registerUserCommand(program: Command): void {
  const user = program.command('user').description('manage user accounts');

  user
    .command('add')
    .description('add a user; prints a temporary password unless --password-stdin is given')
    .requiredOption('--email <email>', 'email address (the sign-in name)')
    .requiredOption('--name <name>', 'the person’s full name')
    .requiredOption('--organisation <code>', 'organisation code, e.g. national-centre (see: lifeline org list)')
    .requiredOption('--role <role...>', 'one or more roles, e.g. system-administrator')
    .option('--password-stdin', 'read the password from standard input instead of making a temporary one')
    .action(async (options: { email: string; name: string; organisation: string; role: string[]; passwordStdin?: boolean }) => {
      const password = options.passwordStdin === true ? await readStdin() : undefined;
      await withRuntime(async (runtime) => {
        const organisation = await runtime.store.repositories.organisations.findByCode(options.organisation);
        if (organisation === undefined) throw new CliError(`No organisation has the code "${options.organisation}" (see: lifeline org list)`);
        const result = await runtime.services.users.add(OPERATOR, { organisationId: organisation.id, email: options.email, displayName: options.name, roles: options.role, password }).catch(explain);
        process.stdout.write(`Added ${result.user.email} (${result.user.roles.join(', ')}) to ${organisation.name}.\n`);
        if (result.temporaryPassword !== null) process.stdout.write(`Temporary password (shown once): ${result.temporaryPassword}\n`);
      });
    });

  user
    .command('disable <email>')
    .description('disable an account and end its sessions')
    .action(async (email: string) => withRuntime(async (runtime) => {
      const account = await findUser(runtime, email);
      await runtime.services.users.disable(OPERATOR, account.id).catch(explain);
      process.stdout.write(`Disabled ${account.email}.\n`);
    }));

  user
    .command('reset-password <email>')
    .description('set a new temporary password and unlock the account')
    .action(async (email: string) => withRuntime(async (runtime) => {
      const account = await findUser(runtime, email);
      const { temporaryPassword } = await runtime.services.users.resetPassword(OPERATOR, account.id).catch(explain);
      process.stdout.write(`Temporary password for ${account.email} (shown once): ${temporaryPassword}\n`);
    }));

  user
    .command('reset-totp <email>')
    .description('remove the second factor so the person sets it up again at next sign-in')
    .action(async (email: string) => withRuntime(async (runtime) => {
      const account = await findUser(runtime, email);
      await runtime.services.users.resetSecondFactor(OPERATOR, account.id).catch(explain);
      process.stdout.write(`Second factor removed for ${account.email}.\n`);
    }));
}
