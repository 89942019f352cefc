// CSV of the enforcement lists. Each export walks the same list method the page uses, page by page,
// so it holds exactly what the person may see with the filters they chose, nothing more; one audit
// event records who exported which list, with which filters, and how many rows.
import type { Actor } from '../access/actor.ts';
import { nationalities, offences, premisesTypes } from '../domain/vocabularies/index.ts';
import { personRoles, sexes, visitOutcomes } from '../domain/vocabularies/enforcementRecording.ts';
import type { Term, Vocabulary } from '../domain/vocabularies/vocabulary.ts';
import type { Listing } from '../store/repositories/enforcementScope.ts';
import { recordAudit } from './auditTrail.ts';
import { isoNow, type ServiceContext } from './context.ts';
import { EXPORT_PAGE_SIZE, type EnforcementRecordService, type ListPage } from './enforcementRecords.ts';
import { csvLine } from './export/csvWriter.ts';

export const EXPORT_KINDS = ['visits', 'people', 'arrests', 'premises'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** The list filters, as the list pages take them. Each list uses the ones that apply to it. */
export interface ExportFilter {
  operationId?: string;
  forceId?: string;
  from?: string;
  to?: string;
  role?: string;
  nationality?: string;
  name?: string;
  outcome?: string;
  premisesType?: string;
  offence?: string;
}

export interface CsvExport {
  fileName: string;
  csv: string;
  rows: number;
}

type Cell = string | number | null;

function labelOf<T extends Term>(vocabulary: Vocabulary<T>, id: string | null): string {
  if (id === null) return '';
  return vocabulary.has(id) ? vocabulary.label(id) : id;
}

const yesNo = (value: number): string => (value === 1 ? 'Yes' : 'No');

export class EnforcementExportService {
  constructor(private readonly context: ServiceContext, private readonly records: EnforcementRecordService) {}

  async exportCsv(actor: Actor, kind: ExportKind, filter: ExportFilter): Promise<CsvExport> {
    const names = await this.names();
    const force = (id: string) => names.forces.get(id) ?? id;
    const operation = (id: string) => names.operations.get(id) ?? id;
    let header: string[];
    let lines: AsyncGenerator<Cell[]>;
    switch (kind) {
      case 'visits':
        header = ['Visit id', 'Visited at', 'Force', 'Operation', 'Premises type', 'Town', 'Postcode', 'Warrant', 'Outcome'];
        lines = this.pages((page) => this.records.listVisits(actor, { operationId: filter.operationId, forceId: filter.forceId, from: filter.from, to: filter.to, outcome: filter.outcome, premisesType: filter.premisesType }, page),
          (v) => [v.id, v.visited_at, force(v.organisation_id), operation(v.operation_id), labelOf(premisesTypes, v.premises_type), v.town, v.postcode, yesNo(v.warrant), labelOf(visitOutcomes, v.outcome)]);
        break;
      case 'people':
        header = ['Person id', 'Name', 'Role', 'Sex', 'Date of birth', 'Estimated age', 'Nationality', 'Possible child', 'Visited at', 'Force', 'Operation'];
        lines = this.pages((page) => this.records.listPeople(actor, { operationId: filter.operationId, forceId: filter.forceId, from: filter.from, to: filter.to, role: filter.role, nationality: filter.nationality, name: filter.name, sort: 'name' }, page),
          (p) => [p.id, p.full_name, labelOf(personRoles, p.role), labelOf(sexes, p.sex), p.date_of_birth, p.estimated_age, labelOf(nationalities, p.nationality), yesNo(p.possible_child), p.visited_at, force(p.organisation_id), operation(p.operation_id)]);
        break;
      case 'arrests':
        header = ['Arrest id', 'Arrested at', 'Person arrested', 'Offence', 'Place', 'Force', 'Operation'];
        lines = this.pages((page) => this.records.listArrests(actor, { operationId: filter.operationId, forceId: filter.forceId, from: filter.from, to: filter.to, offence: filter.offence }, page),
          (a) => [a.id, a.arrested_at, a.full_name, labelOf(offences, a.offence), a.place, force(a.organisation_id), operation(a.operation_id)]);
        break;
      case 'premises':
        header = ['Premises id', 'Type', 'Name', 'Address', 'Town', 'Postcode', 'Force'];
        lines = this.pages((page) => this.records.listPremises(actor, { premisesType: filter.premisesType }, page),
          (p) => [p.id, labelOf(premisesTypes, p.premises_type), p.name, (JSON.parse(p.address_lines) as string[]).join(', '), p.town, p.postcode, force(p.organisation_id)]);
        break;
    }
    let csv = csvLine(header);
    let rows = 0;
    for await (const cells of lines) {
      csv += csvLine(cells);
      rows += 1;
    }
    const now = isoNow(this.context.clock);
    await this.context.store.transaction((tx) => recordAudit(tx, actor, now, {
      action: 'export.csv', subjectType: kind, subjectId: null, subjectOrganisationId: null,
      details: { kind, filter: auditedFilter(filter), rows },
    }));
    return { fileName: `lifeline-${kind}-${now.slice(0, 10)}.csv`, csv, rows };
  }

  private async *pages<T>(list: (page: ListPage) => Promise<Listing<T>>, cells: (row: T) => Cell[]): AsyncGenerator<Cell[]> {
    for (let offset = 0; ; offset += EXPORT_PAGE_SIZE) {
      const listing = await list({ limit: EXPORT_PAGE_SIZE, offset, forExport: true });
      for (const row of listing.rows) yield cells(row);
      if (listing.rows.length < EXPORT_PAGE_SIZE || offset + EXPORT_PAGE_SIZE >= listing.total) return;
    }
  }

  private async names(): Promise<{ forces: Map<string, string>; operations: Map<string, string> }> {
    const repositories = this.context.store.repositories;
    const forces = new Map((await repositories.organisations.list({ includeRetired: true })).map((o) => [o.id, o.name]));
    const operations = new Map((await repositories.operations.list()).map((o) => [o.id, o.name]));
    return { forces, operations };
  }
}

/** The filters used, for the audit trail; a name searched for is personal data, so only its use is kept. */
function auditedFilter(filter: ExportFilter): Record<string, string | boolean> {
  const kept: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (value === undefined || value === '') continue;
    kept[key] = key === 'name' ? true : String(value);
  }
  return kept;
}
