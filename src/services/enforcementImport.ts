// Bulk import of a force's enforcement records from CSV (a force moving from spreadsheets). Every
// row is checked and every bad row reported with its line and a plain reason; the good rows load in
// chunks, each chunk in a transaction, or with allOrNothing nothing loads unless every row is good.
// One audit event records the import: kind, force and counts, never what the rows said.
import type { Actor } from '../access/actor.ts';
import { ForbiddenError, ValidationError } from '../access/errors.ts';
import { canRecordFor } from '../access/policies/enforcementRecords.ts';
import { isJurisdiction } from '../domain/calendar/jurisdiction.ts';
import { newId } from '../store/ids.ts';
import type { OrganisationRow } from '../store/schema.ts';
import type { Repositories } from '../store/store.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { csvRows, ImportFileError } from './import/csvRecords.ts';
import { arrestsLoader, peopleLoader, premisesLoader, visitsLoader, type Draft, type ImportKind, type KindLoader, type Links, type ReadSetting } from './import/kinds.ts';
import { RowReader } from './import/rowReader.ts';

export interface ImportOptions {
  /** The force the records belong to, by code. Required at the command line; a force's own people may leave it out. */
  forceCode?: string;
  allOrNothing?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export interface RejectedRow {
  line: number;
  reason: string;
}

export interface ImportReport {
  kind: ImportKind;
  forceCode: string;
  imported: number;
  rejected: RejectedRow[];
}

const INSERT_CHUNK = 400;

export async function importRecords(context: ServiceContext, actor: Actor, kind: ImportKind, source: string | NodeJS.ReadableStream, options: ImportOptions = {}): Promise<ImportReport> {
  const force = await forceFor(context, actor, options.forceCode);
  switch (kind) {
    case 'premises': return importWith(context, actor, kind, premisesLoader, force, source, options);
    case 'visits': return importWith(context, actor, kind, visitsLoader, force, source, options);
    case 'people': return importWith(context, actor, kind, peopleLoader, force, source, options);
    case 'arrests': return importWith(context, actor, kind, arrestsLoader, force, source, options);
  }
}

async function forceFor(context: ServiceContext, actor: Actor, forceCode: string | undefined): Promise<OrganisationRow> {
  const organisations = context.store.repositories.organisations;
  if (forceCode === undefined || forceCode === '') {
    if (actor.kind === 'system') throw new ValidationError([{ field: 'force', message: 'Name the force the records belong to (--force <code>)' }]);
    const own = await organisations.findById(actor.organisationId);
    if (own === undefined || !canRecordFor(actor, own.id)) throw new ForbiddenError('Only a force’s officers and supervisors import its records');
    return own;
  }
  const force = await organisations.findByCode(forceCode);
  if (force === undefined || force.kind !== 'police-force' || force.retired_at !== null) {
    if (actor.kind === 'user') throw new ForbiddenError('Only a force’s officers and supervisors import its records');
    throw new ValidationError([{ field: 'force', message: `There is no police force with the code "${forceCode}" (see lifeline org list)` }]);
  }
  if (!canRecordFor(actor, force.id)) throw new ForbiddenError('Only a force’s officers and supervisors import its records');
  return force;
}

interface ReadRow<R> { line: number; draft: Draft<R>; problems: readonly string[] }
interface Accepted<R> { draft: Draft<R>; links: Links }

async function importWith<R>(context: ServiceContext, actor: Actor, kind: ImportKind, loader: KindLoader<R>, force: OrganisationRow, source: string | NodeJS.ReadableStream, options: ImportOptions): Promise<ImportReport> {
  const now = isoNow(context.clock);
  const rejected: RejectedRow[] = [];
  const drafts: Array<ReadRow<R>> = [];
  const setting: ReadSetting = { today: now.slice(0, 10), now, jurisdiction: isJurisdiction(force.jurisdiction) ? force.jurisdiction : null };
  try {
    for await (const row of csvRows(source, loader.columns)) {
      const reader = new RowReader(row.fields);
      drafts.push({ line: row.line, draft: loader.read(reader, setting), problems: reader.problems });
    }
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    const report: ImportReport = { kind, forceCode: force.code, imported: 0, rejected: [{ line: error.line, reason: error.message }] };
    await context.store.transaction((tx) => audit(tx, actor, now, force, report, options, 'failure'));
    return report;
  }

  const accepted = await link(context, kind, loader, force, drafts, rejected, actor.kind === 'user' ? actor.userId : null, now);
  rejected.sort((a, b) => a.line - b.line);
  const report: ImportReport = { kind, forceCode: force.code, imported: 0, rejected };

  if (options.allOrNothing === true) {
    // One transaction for the whole file: a failure part-way leaves nothing behind either.
    await context.store.transaction(async (tx) => {
      if (rejected.length === 0) report.imported = await insertInChunks(tx, kind, loader, force, accepted, options.onProgress);
      await audit(tx, actor, now, force, report, options, rejected.length === 0 ? 'success' : 'failure');
    });
    return report;
  }
  try {
    for (let start = 0; start < accepted.length; start += INSERT_CHUNK) {
      const chunk = accepted.slice(start, start + INSERT_CHUNK);
      await context.store.transaction((tx) => insertChunk(tx, kind, loader, force, chunk));
      report.imported += chunk.length;
      options.onProgress?.(report.imported, accepted.length);
    }
  } finally {
    await context.store.transaction((tx) => audit(tx, actor, now, force, report, options, report.imported === accepted.length ? 'success' : 'failure'));
  }
  return report;
}

/** Resolves each row's own reference (new), its parent's (known) and its operation; rejects the rest with every reason. */
async function link<R>(context: ServiceContext, kind: ImportKind, loader: KindLoader<R>, force: OrganisationRow, drafts: Array<ReadRow<R>>, rejected: RejectedRow[], createdBy: string | null, now: string): Promise<Array<Accepted<R>>> {
  const repositories = context.store.repositories;
  const existing = await repositories.importReferences.recordIds(force.id, kind, drafts.map((d) => d.draft.reference));
  const parentReferences = drafts.flatMap((d) => (d.draft.parentReference === null ? [] : [d.draft.parentReference]));
  const parents = loader.parentKind === null ? new Map<string, { id: string; visitId: string }>()
    : loader.parentKind === 'people'
      ? new Map([...(await repositories.importReferences.people(force.id, parentReferences))].map(([reference, p]) => [reference, { id: p.personId, visitId: p.visitId }]))
      : new Map([...(await repositories.importReferences.recordIds(force.id, loader.parentKind, parentReferences))].map(([reference, id]) => [reference, { id, visitId: '' }]));
  const operations = new Map((await repositories.operations.list()).map((o) => [o.code, o.id]));
  const seen = new Map<string, number>();
  const accepted: Array<Accepted<R>> = [];
  for (const { line, draft, problems: fieldProblems } of drafts) {
    const problems = [...fieldProblems];
    const earlier = draft.reference === '' ? undefined : seen.get(draft.reference);
    if (earlier !== undefined) problems.push(`reference ${JSON.stringify(draft.reference)} is used on line ${earlier} already`);
    else if (existing.has(draft.reference)) problems.push(`reference ${JSON.stringify(draft.reference)} has been imported before`);
    if (draft.reference !== '') seen.set(draft.reference, earlier ?? line);
    const parent = draft.parentReference === null ? undefined : parents.get(draft.parentReference);
    if (draft.parentReference !== null && draft.parentReference !== '' && parent === undefined) {
      problems.push(`${loader.parentKind === 'people' ? 'person' : loader.parentKind === 'visits' ? 'visit' : 'premises'} reference ${JSON.stringify(draft.parentReference)} is not known for this force: import the ${loader.parentKind ?? ''} file first`);
    }
    const operationId = draft.operationCode === null ? '' : operations.get(draft.operationCode);
    if (operationId === undefined && draft.operationCode !== '') problems.push(`operation code ${JSON.stringify(draft.operationCode)} is not an operation`);
    if (problems.length > 0) {
      rejected.push({ line, reason: problems.join('; ') });
      continue;
    }
    accepted.push({ draft, links: { id: newId(), organisationId: force.id, parentId: parent?.id ?? '', parentVisitId: parent?.visitId ?? '', operationId: operationId ?? '', createdBy, now } });
  }
  return accepted;
}

async function insertChunk<R>(tx: Repositories, kind: ImportKind, loader: KindLoader<R>, force: OrganisationRow, chunk: ReadonlyArray<Accepted<R>>): Promise<void> {
  await loader.insert(tx, chunk.map((a) => a.draft.build(a.links)));
  await tx.importReferences.insertMany(chunk.map((a) => ({ organisation_id: force.id, kind, reference: a.draft.reference, record_id: a.links.id, created_at: a.links.now })));
}

async function insertInChunks<R>(tx: Repositories, kind: ImportKind, loader: KindLoader<R>, force: OrganisationRow, accepted: ReadonlyArray<Accepted<R>>, onProgress: ImportOptions['onProgress']): Promise<number> {
  for (let start = 0; start < accepted.length; start += INSERT_CHUNK) {
    await insertChunk(tx, kind, loader, force, accepted.slice(start, start + INSERT_CHUNK));
    onProgress?.(Math.min(start + INSERT_CHUNK, accepted.length), accepted.length);
  }
  return accepted.length;
}

function audit(tx: Repositories, actor: Actor, now: string, force: OrganisationRow, report: ImportReport, options: ImportOptions, outcome: 'success' | 'failure'): Promise<void> {
  return recordAudit(tx, actor, now, {
    action: 'enforcement.import', outcome, subjectType: 'import', subjectId: null, subjectOrganisationId: force.id,
    details: { kind: report.kind, force: force.code, imported: report.imported, rejected: report.rejected.length, allOrNothing: options.allOrNothing === true },
  });
}
