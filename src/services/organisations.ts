import type { Actor } from '../access/actor.ts';
import { ForbiddenError, NotFoundError, ValidationError, type FieldError } from '../access/errors.ts';
import { canListOrganisations, canManageOrganisations } from '../access/policies/organisations.ts';
import { isJurisdiction, isOrganisationKind, type Jurisdiction, type OrganisationKind } from '../domain/organisationKinds.ts';
import { newId } from '../store/ids.ts';
import type { OrganisationRow } from '../store/schema.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';

export interface Organisation {
  id: string;
  code: string;
  name: string;
  kind: OrganisationKind;
  jurisdiction: Jurisdiction;
  retiredAt: string | null;
}

export interface OrganisationInput {
  code: string;
  name: string;
  kind: string;
  jurisdiction: string;
}

export function toOrganisation(row: OrganisationRow): Organisation {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    kind: isOrganisationKind(row.kind) ? row.kind : 'public-line',
    jurisdiction: isJurisdiction(row.jurisdiction) ? row.jurisdiction : 'uk-wide',
    retiredAt: row.retired_at,
  };
}

export class OrganisationService {
  constructor(private readonly context: ServiceContext) {}

  async list(actor: Actor, options: { includeRetired?: boolean } = {}): Promise<Organisation[]> {
    if (!canListOrganisations(actor)) throw new ForbiddenError();
    const rows = await this.context.store.repositories.organisations.list(options);
    return rows.map(toOrganisation);
  }

  async get(actor: Actor, id: string): Promise<Organisation> {
    if (!canListOrganisations(actor)) throw new NotFoundError('Organisation');
    const row = await this.context.store.repositories.organisations.findById(id);
    if (row === undefined) throw new NotFoundError('Organisation');
    return toOrganisation(row);
  }

  async findByCode(actor: Actor, code: string): Promise<Organisation> {
    if (!canListOrganisations(actor)) throw new NotFoundError('Organisation');
    const row = await this.context.store.repositories.organisations.findByCode(code);
    if (row === undefined) throw new NotFoundError('Organisation');
    return toOrganisation(row);
  }

  async add(actor: Actor, input: OrganisationInput): Promise<Organisation> {
    if (!canManageOrganisations(actor)) throw new ForbiddenError();
    const valid = validateOrganisation(input, true);
    const now = isoNow(this.context.clock);
    return this.context.store.transaction(async (repositories) => {
      if ((await repositories.organisations.findByCode(valid.code)) !== undefined) {
        throw new ValidationError([{ field: 'code', message: `An organisation with the code ${valid.code} already exists` }]);
      }
      const id = newId();
      await repositories.organisations.insert({ id, ...valid, created_at: now, updated_at: now, retired_at: null });
      await recordAudit(repositories, actor, now, { action: 'organisation.create', subjectType: 'organisation', subjectId: id, subjectOrganisationId: id, details: { code: valid.code, kind: valid.kind } });
      return { id, ...valid, retiredAt: null };
    });
  }

  async update(actor: Actor, id: string, input: Omit<OrganisationInput, 'code'> & { retired: boolean }): Promise<Organisation> {
    if (!canManageOrganisations(actor)) throw new ForbiddenError();
    const now = isoNow(this.context.clock);
    return this.context.store.transaction(async (repositories) => {
      const existing = await repositories.organisations.findById(id);
      if (existing === undefined) throw new NotFoundError('Organisation');
      const valid = validateOrganisation({ ...input, code: existing.code }, false);
      const retiredAt = input.retired ? (existing.retired_at ?? now) : null;
      await repositories.organisations.update(id, { name: valid.name, kind: valid.kind, jurisdiction: valid.jurisdiction, retired_at: retiredAt, updated_at: now });
      const changed: string[] = (['name', 'kind', 'jurisdiction'] as const).filter((field) => existing[field] !== valid[field]);
      if (existing.retired_at !== retiredAt) changed.push('retired_at');
      await recordAudit(repositories, actor, now, { action: 'organisation.update', subjectType: 'organisation', subjectId: id, subjectOrganisationId: id, details: { changed } });
      return { id, code: existing.code, name: valid.name, kind: valid.kind, jurisdiction: valid.jurisdiction, retiredAt };
    });
  }
}

function validateOrganisation(input: OrganisationInput, checkCode: boolean): { code: string; name: string; kind: OrganisationKind; jurisdiction: Jurisdiction } {
  const errors: FieldError[] = [];
  const code = input.code.trim();
  const name = input.name.trim();
  if (checkCode && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code)) errors.push({ field: 'code', message: 'Enter a code of lower-case letters, numbers and hyphens, like north-wales' });
  if (checkCode && code.length > 64) errors.push({ field: 'code', message: 'Code must be 64 characters or fewer' });
  if (name.length === 0) errors.push({ field: 'name', message: 'Enter the organisation’s name' });
  if (name.length > 200) errors.push({ field: 'name', message: 'Name must be 200 characters or fewer' });
  if (!isOrganisationKind(input.kind)) errors.push({ field: 'kind', message: 'Select the kind of organisation' });
  if (!isJurisdiction(input.jurisdiction)) errors.push({ field: 'jurisdiction', message: 'Select the jurisdiction' });
  if (errors.length > 0 || !isOrganisationKind(input.kind) || !isJurisdiction(input.jurisdiction)) throw new ValidationError(errors);
  return { code, name, kind: input.kind, jurisdiction: input.jurisdiction };
}

