// Potential-victim cases as an HTCDS (IOM Human Trafficking Case Data Standard) CSV, the case-data
// shape helplines and case systems exchange. Always pseudonymised, by the analysts' rules
// (analysis.ts): the stable pseudonym as the case id, the month of registration, an age band and
// never a name, date of birth, contact detail, address or account. National-centre analysts get
// every case; an organisation's victim-care staff get the cases their organisation recorded.
// An identified export is deliberately not offered: access grants are per record and per analyst,
// for reading one record, not for a bulk file. The export is audited with its row count only.
import type { Actor } from '../../access/actor.ts';
import { ForbiddenError } from '../../access/errors.ts';
import { canAnalyseVictimCare, canWorkOnVictimCare } from '../../access/policies/victimCare.ts';
import { exploitationTypeTerms } from '../../domain/vocabularies/exploitationTypes.ts';
import { methodOfControlTerms } from '../../domain/vocabularies/methodsOfControl.ts';
import type { PotentialVictimRow } from '../../store/schema.ts';
import { recordAudit } from '../auditTrail.ts';
import type { ServiceContext } from '../context.ts';
import { csvLine } from '../export/csvWriter.ts';
import { ageAt, ageBandOf, newPseudonym } from './analysis.ts';
import { jurisdictionOf } from './path.ts';
import { VictimRecords } from './records.ts';

type Cell = string | number | null;

/** HTCDS means-of-control value names, once each (threats to the person and to family are one value). */
const CONTROL_VALUES = [...new Set(methodOfControlTerms.map((t) => t.htcds))];
const CONTROL_BY_ID = new Map<string, string>(methodOfControlTerms.map((t) => [t.id, t.htcds]));
const EXPLOITATION_LABELS = new Map<string, string>(exploitationTypeTerms.map((t) => [t.id, t.label]));

// The HTCDS/CTDC boolean exploitation flags whose meaning matches one of our types exactly.
// The rest of our types go only into typeOfExploitConcatenated (see exploitationTypes.ts: the
// v2 value names for them are not mapped yet, rather than guessed).
const EXPLOITATION_FLAGS = [
  ['isForcedLabour', 'forced-labour'], ['isSexualExploit', 'sexual-exploitation'], ['isForcedMarriage', 'forced-marriage'], ['isOrganRemoval', 'organ-removal'],
] as const;

const GENDER: Record<string, string> = { female: 'Female', male: 'Male', unknown: 'Unknown' };
const MAJORITY: Record<string, string> = { adult: 'Adult', child: 'Minor', 'may-be-child': 'Unknown' };

export const HTCDS_COLUMNS: readonly string[] = [
  'caseId', 'Datasource', 'yearOfRegistration', 'monthOfRegistration', 'gender', 'ageBroad', 'majorityStatus', 'citizenship', 'jurisdiction',
  ...CONTROL_VALUES.map((v) => `meansOfControl${v}`), 'meansOfControlConcatenated',
  ...EXPLOITATION_FLAGS.map(([column]) => column), 'typeOfExploitConcatenated', 'identificationRoute', 'stage',
];

export interface HtcdsExport {
  fileName: string;
  csv: string;
  rows: number;
}

const list = (json: string): string[] => JSON.parse(json) as string[];

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
    let csv = csvLine(HTCDS_COLUMNS);
    for (const victim of victims) csv += csvLine(await this.row(victim));
    const now = this.records.now();
    await this.context.store.transaction((tx) => recordAudit(tx, actor, now, {
      action: 'potential-victim.export-htcds', subjectType: 'potential-victim', subjectId: null, subjectOrganisationId: actor.organisationId,
      details: { rows: victims.length, scope: analyst ? 'all' : 'organisation', pseudonymised: true },
    }));
    return { fileName: `lifeline-htcds-${now.slice(0, 10)}.csv`, csv, rows: victims.length };
  }

  private async row(victim: PotentialVictimRow): Promise<Cell[]> {
    const pseudonym = victim.pseudonym ?? (await this.context.store.repositories.victimCare.assignPseudonym(victim.id, newPseudonym()));
    const dateOfBirth = this.records.open(victim.date_of_birth_sealed);
    const age = dateOfBirth === null || dateOfBirth.length !== 10 ? null : ageAt(dateOfBirth, victim.identified_on);
    const controls = new Set(list(victim.methods_of_control).map((id) => CONTROL_BY_ID.get(id)).filter((v): v is string => v !== undefined));
    const types = list(victim.exploitation_types);
    return [
      pseudonym, 'Case Management', Number(victim.identified_on.slice(0, 4)), Number(victim.identified_on.slice(5, 7)), GENDER[victim.sex] ?? 'Unknown',
      age === null ? null : ageBandOf(age), MAJORITY[victim.child_status] ?? 'Unknown', victim.nationality, jurisdictionOf(victim),
      ...CONTROL_VALUES.map((v) => (controls.has(v) ? 1 : 0)), [...controls].join(';'),
      ...EXPLOITATION_FLAGS.map(([, id]) => (types.includes(id) ? 1 : 0)), types.map((id) => EXPLOITATION_LABELS.get(id) ?? id).join(';'),
      victim.identification_route, victim.stage,
    ];
  }
}
