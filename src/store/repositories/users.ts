import type { Kysely } from 'kysely';
import type { DatabaseSchema, NewUserRow, UserRow, UserRowUpdate } from '../schema.ts';

export interface UserWithRoles extends UserRow {
  roles: string[];
}

export class UserRepository {
  constructor(private readonly db: Kysely<DatabaseSchema>) {}

  async findById(id: string): Promise<UserWithRoles | undefined> {
    const user = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return user === undefined ? undefined : this.withRoles(user);
  }

  async findByEmail(email: string): Promise<UserWithRoles | undefined> {
    const user = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return user === undefined ? undefined : this.withRoles(user);
  }

  async listByOrganisation(organisationId: string): Promise<UserWithRoles[]> {
    const users = await this.db.selectFrom('users').selectAll().where('organisation_id', '=', organisationId).orderBy('display_name').execute();
    return this.attachRoles(users);
  }

  async listAll(): Promise<UserWithRoles[]> {
    const users = await this.db.selectFrom('users').selectAll().orderBy('organisation_id').orderBy('display_name').execute();
    return this.attachRoles(users);
  }

  async insert(row: NewUserRow, roles: readonly string[]): Promise<void> {
    await this.db.insertInto('users').values(row).execute();
    await this.replaceRoles(row.id, roles);
  }

  async update(id: string, changes: UserRowUpdate): Promise<void> {
    await this.db.updateTable('users').set(changes).where('id', '=', id).execute();
  }

  async replaceRoles(userId: string, roles: readonly string[]): Promise<void> {
    await this.db.deleteFrom('user_roles').where('user_id', '=', userId).execute();
    if (roles.length > 0) {
      await this.db.insertInto('user_roles').values(roles.map((role) => ({ user_id: userId, role }))).execute();
    }
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  private async withRoles(user: UserRow): Promise<UserWithRoles> {
    const [withRoles] = await this.attachRoles([user]);
    return withRoles ?? { ...user, roles: [] };
  }

  private async attachRoles(users: UserRow[]): Promise<UserWithRoles[]> {
    if (users.length === 0) return [];
    const roleRows = await this.db.selectFrom('user_roles').selectAll().where('user_id', 'in', users.map((u) => u.id)).execute();
    const rolesByUser = new Map<string, string[]>();
    for (const { user_id, role } of roleRows) rolesByUser.set(user_id, [...(rolesByUser.get(user_id) ?? []), role]);
    return users.map((user) => ({
      ...user,
      failed_sign_ins: Number(user.failed_sign_ins),
      is_demo: Number(user.is_demo),
      totp_last_step: user.totp_last_step === null ? null : Number(user.totp_last_step),
      roles: (rolesByUser.get(user.id) ?? []).sort(),
    }));
  }
}
