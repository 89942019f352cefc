// Potential-victim cases as an HTCDS (IOM Human Trafficking Case Data Standard v2.0) CSV, the
// case-data shape helplines and case systems exchange: one row a case, the standard's field names
// (with their table prefixes) as headers, its picklist value names as values, multi-select values
// joined by ";" as its spreadsheet toolkit does. Which fields, from what: docs/htcds.md.
// Always pseudonymised, by the analysts' rules (analysis.ts): the stable pseudonym identifies the
// row, and no name, date of birth, contact detail, address or account is read. The standard has
// no case-identifier field; its spreadsheet template keeps the row identifier in a first column
// with no field name, and so does this file. National-centre analysts get every case; an
// organisation's victim-care staff get the cases their organisation recorded. An identified
// export is deliberately not offered: access grants are per record and per analyst, for reading
// one record, not for a bulk file. The export is audited with its row count only.
import type { Actor } from '../../access/actor.ts';
import { ForbiddenError } from '../../access/errors.ts';
import { canAnalyseVictimCare, canWorkOnVictimCare } from '../../access/policies/victimCare.ts';
import { HTCDS_METHODS_OF_CONTROL, HTCDS_MULTI_SELECT_DELIMITER, HTCDS_TYPES_OF_EXPLOITATION } from '../../domain/htcds.ts';
import { DECIDING_ORGANISATION_TYPE_OF_KIND, isOrganisationKind } from '../../domain/organisationKinds.ts';
import { victimStatusOnPath } from '../../domain/victimPath/victimStatus.ts';
import { sexes } from '../../domain/vocabularies/enforcementRecording.ts';
import { exploitationTypes } from '../../domain/vocabularies/exploitationTypes.ts';
import { methodsOfControl } from '../../domain/vocabularies/methodsOfControl.ts';
import { decidingOrganisationTypes, victimStatuses, type DecidingOrganisationType } from '../../domain/vocabularies/victimStatus.ts';
import type { PotentialVictimRow } from '../../store/schema.ts';
import { recordAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { csvLine } from '../export/csvWriter.ts';
import { newPseudonym } from './analysis.ts';
import { VictimRecords } from './records.ts';

type Cell = string | null;

/** The unnamed first column of the standard's spreadsheet template: here, the case's pseudonym. */
export const HTCDS_ROW_KEY_COLUMN = '';

/** HTCDS v2.0 field names ("Field Name including Prefix"), in the standard's section order. */
export const HTCDS_FIELDS = [
  'org_Type', 'prs_Gender', 'prs_Citizenship', 'vic_TraffickingStatus', 'vic_TraffickingStatusDecisionMakingOrg', 'vic_MethodsOfControl', 'vic_TypeOfExploitation',
  'cas_OutgoingReferralDate',
] as const;

export const HTCDS_COLUMNS: readonly string[] = [HTCDS_ROW_KEY_COLUMN, ...HTCDS_FIELDS];

export interface HtcdsExport {
  fileName: string;
  csv: string;
  rows: number;
}

const list = (json: string): string[] => JSON.parse(json) as string[];

/** A multi-select cell: each value once, in the standard's picklist order, so equal cases give equal cells. */
function multiSelect(values: readonly string[], picklist: readonly string[]): Cell {
  const chosen = new Set(values);
  const cell = picklist.filter((v) => chosen.has(v)).join(HTCDS_MULTI_SELECT_DELIMITER);
  return cell === '' ? null : cell;
}

export class HtcdsExportService {
  private readonly records: VictimRecords;

  constructor(private readonly context: ServiceContext) {
    this.records = new VictimRecords(context);
  }

  async exportCsv(actor: Actor): Promise<HtcdsExport> {
    if (actor.kind !== 'user') throw new ForbiddenError('Only a person exports victim-care cases');
    const repositories = this.context.store.repositories;
    const own = actor.organisationId;
    // A plain boolean, not the policy's type guard: the staff branch below still needs the user actor.
    const analyst: boolean = canAnalyseVictimCare(actor);
    if (!analyst && !canWorkOnVictimCare(actor)) throw new ForbiddenError('Only the national centre’s analysts and victim-care staff export victim-care cases');
    // Staff get what their organisation recorded: cases merely referred to it stay with their owner.
    const victims = analyst ? await repositories.victimCare.listVictims(undefined) : (await repositories.victimCare.listVictims(own)).filter((v) => v.organisation_id === own);
    const organisations = await repositories.organisations.list({ includeRetired: true });
    const decidingTypeOf = new Map<string, DecidingOrganisationType | null>(
      organisations.map((o) => [o.id, isOrganisationKind(o.kind) ? DECIDING_ORGANISATION_TYPE_OF_KIND[o.kind] : null]),
    );
    let csv = csvLine(HTCDS_COLUMNS);
    for (const victim of victims) csv += csvLine(await this.row(victim, decidingTypeOf.get(victim.organisation_id) ?? null));
    const now = this.records.now();
    await this.context.store.transaction((tx) => recordAudit(tx, actor, now, {
      action: 'potential-victim.export-htcds', subjectType: 'potential-victim', subjectId: null, subjectOrganisationId: actor.organisationId,
      details: { rows: victims.length, scope: analyst ? 'all' : 'organisation', pseudonymised: true },
    }));
    return { fileName: `lifeline-htcds-${now.slice(0, 10)}.csv`, csv, rows: victims.length };
  }

  /** `identifiedBy`: the kind of deciding organisation that recorded the case, when its kind says. */
  private async row(victim: PotentialVictimRow, identifiedBy: DecidingOrganisationType | null): Promise<Cell[]> {
    const pseudonym = victim.pseudonym ?? (await this.context.store.repositories.victimCare.assignPseudonym(victim.id, newPseudonym()));
    const identifier = identifiedBy === null ? null : decidingOrganisationTypes.get(identifiedBy);
    const onPath = victimStatusOnPath(victim.stage);
    const decider = onPath?.decidedBy === 'competent-authority' ? decidingOrganisationTypes.get('competent-authority') : identifier;
    const controls = list(victim.methods_of_control).filter((id) => methodsOfControl.has(id)).map((id) => methodsOfControl.get(id).htcds);
    const types = list(victim.exploitation_types).filter((id) => exploitationTypes.has(id)).map((id) => exploitationTypes.get(id).htcds);
    const cells: Record<(typeof HTCDS_FIELDS)[number], Cell> = {
      org_Type: identifier?.htcdsOrgType ?? null,
      prs_Gender: sexes.has(victim.sex) ? sexes.get(victim.sex).htcds : 'NonSpecifiedUnknown',
      prs_Citizenship: victim.nationality,
      vic_TraffickingStatus: onPath === undefined ? null : victimStatuses.get(onPath.status).htcds,
      vic_TraffickingStatusDecisionMakingOrg: onPath === undefined ? null : (decider?.htcdsDecisionMakingOrg ?? null),
      vic_MethodsOfControl: multiSelect(controls, HTCDS_METHODS_OF_CONTROL),
      vic_TypeOfExploitation: multiSelect(types, HTCDS_TYPES_OF_EXPLOITATION),
      cas_OutgoingReferralDate: victim.referred_on,
    };
    return [pseudonym, ...HTCDS_FIELDS.map((field) => cells[field])];
  }
}
