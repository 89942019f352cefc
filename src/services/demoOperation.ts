// Loads the generated demo operation into the store in batches, with progress. The ground truth
// (which records are one real person) goes to a separate NDJSON file for tests and benchmarks,
// never into the database.
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { systemActor } from '../access/actor.ts';
import { generateOperationBatchesAsync, type DemoBatch, type ForceInput } from '../demo/index.ts';
import { statuteOffence } from '../demo/statuteOffences.ts';
import { isJurisdiction, type Jurisdiction } from '../domain/organisationKinds.ts';
import { nameSearchText } from '../domain/nameSearch.ts';
import type { Repositories } from '../store/store.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';

export interface DemoOperationOptions {
  seed: number;
  scale: number;
  /** Where to write the ground truth; omitted, it is not written. */
  truthFile?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface DemoOperationReport {
  operations: number;
  premises: number;
  visits: number;
  peopleFound: number;
  arrests: number;
}

const INSERT_CHUNK = 400;

/** The generator's plain court outcomes, in the platform's vocabulary (src/domain/vocabularies/courtOutcomes.ts). */
const COURT_OUTCOME: Record<string, string> = {
  convicted: 'convicted-after-trial', acquitted: 'acquitted', discontinued: 'discontinued', pending: 'awaiting-trial',
};

async function inChunks<T>(rows: readonly T[], insert: (chunk: readonly T[]) => Promise<void>): Promise<void> {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) await insert(rows.slice(start, start + INSERT_CHUNK));
}

export async function loadDemoOperation(context: ServiceContext, options: DemoOperationOptions): Promise<DemoOperationReport> {
  const organisations = await context.store.repositories.organisations.list();
  const forces = organisations.filter((o) => o.kind === 'police-force' && isJurisdiction(o.jurisdiction));
  const forceIds = new Map(forces.map((o) => [o.code, { id: o.id, jurisdiction: o.jurisdiction as Jurisdiction }]));
  const roster: ForceInput[] = forces.map((o) => ({ code: o.code, name: o.name, jurisdiction: o.jurisdiction as Jurisdiction }));
  const now = isoNow(context.clock);
  const report: DemoOperationReport = { operations: 0, premises: 0, visits: 0, peopleFound: 0, arrests: 0 };
  if (options.truthFile !== undefined) await mkdir(path.dirname(options.truthFile), { recursive: true });
  const truth = options.truthFile === undefined ? null : createWriteStream(options.truthFile, { encoding: 'utf8' });
  const force = (code: string) => {
    const found = forceIds.get(code);
    if (found === undefined) throw new Error(`The demo generator named force ${code}, which is not in the roster`);
    return found;
  };
  try {
    for await (const batch of generateOperationBatchesAsync({ seed: options.seed, scale: options.scale, forces: roster })) {
      await context.store.transaction((repositories) => insertBatch(repositories, batch, force, now));
      report.operations += batch.records.operations.length;
      report.premises += batch.records.premises.length;
      report.visits += batch.records.visits.length;
      report.peopleFound += batch.records.peopleFound.length;
      report.arrests += batch.records.arrests.length;
      truth?.write(`${JSON.stringify(batch.truth)}\n`);
      options.onProgress?.(batch.progress.visitsDone, batch.progress.visitsTotal);
    }
  } finally {
    if (truth !== null) await new Promise<void>((resolve) => truth.end(resolve));
  }
  await context.store.refreshQueryStatistics();
  await context.store.transaction((repositories) => recordAudit(repositories, systemActor('demo'), now, {
    action: 'demo.load-operation', subjectType: 'operation', subjectId: null, subjectOrganisationId: null,
    details: { seed: options.seed, scale: options.scale, ...report },
  }));
  return report;
}

async function insertBatch(repositories: Repositories, batch: DemoBatch, force: (code: string) => { id: string; jurisdiction: Jurisdiction }, now: string): Promise<void> {
  const records = batch.records;
  for (const operation of records.operations) {
    const code = operation.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/(^-|-$)/g, '');
    const participants = [...new Set(records.visits.filter((v) => v.operationId === operation.id).map((v) => force(v.forceCode).id))];
    await repositories.operations.insert({ id: operation.id, code, name: operation.name, starts_on: operation.starts, ends_on: operation.ends, created_at: now, updated_at: now }, participants);
  }
  await inChunks(records.premises, (chunk) => repositories.premises.insertMany(chunk.map((p) => ({
    id: p.id, organisation_id: force(p.forceCode).id, premises_type: p.type, name: p.name, address_lines: JSON.stringify(p.addressLines),
    town: p.town, postcode: p.postcode, postcode_key: p.postcode.toUpperCase().replace(/\s+/g, ''), created_by: null, created_at: now, updated_at: now,
  }))));
  await inChunks(records.visits, (chunk) => repositories.visits.insertMany(chunk.map((v) => ({
    id: v.id, operation_id: v.operationId, premises_id: v.premisesId, organisation_id: force(v.forceCode).id, visited_at: v.visitedAt,
    warrant: v.warrant ? 1 : 0, outcome: v.outcome, notes: '', created_by: null, created_at: now, updated_at: now,
  }))));
  await inChunks(records.peopleFound, (chunk) => repositories.peopleFound.insertMany(chunk.map((p) => ({
    id: p.id, visit_id: p.visitId, organisation_id: force(p.forceCode).id, role: p.role, given_names: p.givenNames, family_name: p.familyName,
    full_name: p.fullNameAsWritten, aliases: JSON.stringify(p.aliases), name_search: nameSearchText([p.fullNameAsWritten, `${p.givenNames} ${p.familyName}`, ...p.aliases]),
    date_of_birth: p.dateOfBirth, estimated_age: p.estimatedAge, sex: p.sex, nationality: p.nationality, languages: JSON.stringify(p.languages),
    identity_documents: JSON.stringify(p.identityDocuments), phone_numbers: JSON.stringify(p.phoneNumbers), account: p.account,
    exploitation_type: p.potentialVictim?.exploitationType ?? null, possible_child: p.potentialVictim?.possibleChild === true ? 1 : 0,
    consent: p.potentialVictim?.consent ?? null, interpreter_language: p.potentialVictim?.interpreterLanguage ?? null,
    created_by: null, created_at: now, updated_at: now,
  }))));
  await inChunks(records.arrests, (chunk) => repositories.arrests.insertMany(chunk.map((a) => ({
    id: a.id, person_found_id: a.personFoundId, visit_id: a.visitId, organisation_id: force(a.forceCode).id,
    offence: statuteOffence(a.offence, force(a.forceCode).jurisdiction, Number(a.arrestedAt.slice(0, 4))), arrested_at: a.arrestedAt, place: '',
    created_by: null, created_at: now, updated_at: now,
  }))));
  const charges = records.arrests.flatMap((a) => a.charges.map((c, index) => ({
    id: `${a.id.slice(0, 24)}${String(index).padStart(12, '0')}`, arrest_id: a.id,
    offence: statuteOffence(c.offence, force(a.forceCode).jurisdiction, Number(c.chargedOn.slice(0, 4))), charged_on: c.chargedOn,
    court_outcome: COURT_OUTCOME[c.courtOutcome] ?? 'other', sentence_months: c.sentenceMonths, created_at: now, updated_at: now,
  })));
  await inChunks(charges, (chunk) => repositories.arrests.insertCharges(chunk));
  await inChunks(records.seizedAssets, (chunk) => repositories.visits.insertSeizedAssets(chunk.map((s) => ({
    id: s.id, visit_id: s.visitId, organisation_id: force(s.forceCode).id, asset_type: s.type, amount_minor: s.amountMinor,
    currency: s.currency, description: s.description, created_at: now, updated_at: now,
  }))));
}
