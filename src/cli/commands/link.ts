import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Option, type Command } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { parse } from 'csv-parse/sync';
import type { CountryCode } from 'libphonenumber-js';
import { getCountries } from 'libphonenumber-js';
import { linkRecords, type LabelledPair, type LinkageProgress } from '../../analysis/linkage/linkage.ts';
import { probabilityFromWeight, type LinkageModel } from '../../analysis/linkage/model.ts';
import type { PersonRecord } from '../../analysis/linkage/record.ts';
import { explainPair, formatWaterfall } from '../../analysis/linkage/waterfall.ts';

/** Record fields a column can fill. */
type Role =
  | 'givenNames'
  | 'familyName'
  | 'fullName'
  | 'aliases'
  | 'dateOfBirth'
  | 'estimatedAge'
  | 'sex'
  | 'nationality'
  | 'phones'
  | 'postcode'
  | 'address'
  | 'documentNumbers'
  | 'emails';

/** Column names recognised without --field (compared lower-case, without punctuation). */
const ROLE_NAMES: Readonly<Record<Role, readonly string[]>> = {
  givenNames: ['givenname', 'givennames', 'firstname', 'forename', 'forenames', 'given'],
  familyName: ['surname', 'familyname', 'lastname', 'family'],
  fullName: ['fullname', 'name'],
  aliases: ['alias', 'aliases', 'aka'],
  dateOfBirth: ['dob', 'dateofbirth', 'birthdate'],
  estimatedAge: ['age', 'estimatedage'],
  sex: ['sex', 'gender'],
  nationality: ['nationality', 'citizenship'],
  phones: ['phone', 'phones', 'phonenumber', 'telephone', 'mobile'],
  postcode: ['postcode', 'postalcode', 'zip', 'zipcode'],
  address: ['address', 'address1', 'address2', 'streetnumber', 'street', 'suburb', 'town', 'city'],
  emails: ['email', 'emails', 'emailaddress'],
  documentNumbers: ['documentnumber', 'documentnumbers', 'document', 'passport', 'passportnumber', 'socsecid', 'ninumber', 'nationalinsurancenumber'],
};

const ROLES = Object.keys(ROLE_NAMES) as Role[];

/** Short role names accepted by --field besides the record field names. */
const ROLE_ALIASES: Readonly<Record<string, Role>> = {
  given: 'givenNames',
  given_name: 'givenNames',
  first_name: 'givenNames',
  family: 'familyName',
  surname: 'familyName',
  family_name: 'familyName',
  last_name: 'familyName',
  name: 'fullName',
  full_name: 'fullName',
  alias: 'aliases',
  dob: 'dateOfBirth',
  date_of_birth: 'dateOfBirth',
  age: 'estimatedAge',
  gender: 'sex',
  phone: 'phones',
  document: 'documentNumbers',
  document_number: 'documentNumbers',
  email: 'emails',
};


class InputError extends Error {}

const squash = (name: string): string => name.toLowerCase().replace(/[^a-z0-9]/g, '');

function roleOf(name: string): Role {
  const direct = ROLES.find((r) => r.toLowerCase() === name.toLowerCase());
  const role = direct ?? ROLE_ALIASES[name.toLowerCase()];
  if (role === undefined) throw new InputError(`unknown field role "${name}" (roles: ${ROLES.join(', ')})`);
  return role;
}

interface LinkCommandOptions {
  readonly id: string;
  readonly field: string[];
  readonly out: string;
  readonly threshold: string;
  readonly explain?: string;
  readonly model?: string;
  readonly previous?: string;
  readonly labels?: string;
  readonly duplicateFree: string[];
  readonly source?: string;
  readonly country: string;
  readonly threads?: string;
  readonly progress: boolean;
}

type Row = Record<string, string>;

function readCsv(file: string): { columns: string[]; rows: Row[] } {
  if (!existsSync(file)) throw new InputError(`file not found: ${file}`);
  let rows: Row[];
  try {
    rows = parse<Row>(readFileSync(file, 'utf8'), { columns: true, trim: true, skip_empty_lines: true, bom: true });
  } catch (error) {
    throw new InputError(`${file} is not valid CSV: ${error instanceof Error ? error.message : String(error)}`);
  }
  const first = rows[0];
  if (first === undefined) throw new InputError(`${file} has no rows`);
  return { columns: Object.keys(first), rows };
}

/** Columns per role: given with --field, else recognised from common names. */
function columnRoles(columns: readonly string[], idColumn: string, fields: readonly string[], file: string): Map<Role, string[]> {
  const roles = new Map<Role, string[]>();
  if (fields.length > 0) {
    for (const field of fields) {
      const eq = field.indexOf('=');
      if (eq <= 0) throw new InputError(`--field must be role=column, got "${field}"`);
      const role = roleOf(field.slice(0, eq));
      const column = field.slice(eq + 1);
      if (!columns.includes(column)) throw new InputError(`${file} has no column "${column}" (columns: ${columns.join(', ')})`);
      roles.set(role, [...(roles.get(role) ?? []), column]);
    }
    return roles;
  }
  for (const column of columns) {
    if (column === idColumn) continue;
    const role = ROLES.find((r) => ROLE_NAMES[r].includes(squash(column)));
    if (role !== undefined) roles.set(role, [...(roles.get(role) ?? []), column]);
  }
  return roles;
}

function toRecord(row: Row, sourceId: string, recordId: string, roles: ReadonlyMap<Role, string[]>): PersonRecord {
  const text = (role: Role): string | null => {
    const values = (roles.get(role) ?? []).map((c) => (row[c] ?? '').trim()).filter((v) => v !== '');
    return values.length === 0 ? null : values.join(' ');
  };
  const list = (role: Role): string[] =>
    (roles.get(role) ?? []).flatMap((c) => (row[c] ?? '').split(/[;|]/).map((v) => v.trim()).filter((v) => v !== ''));
  const age = text('estimatedAge');
  const ageYears = age === null ? Number.NaN : Number(age);
  return {
    recordId,
    sourceId,
    givenNames: text('givenNames'),
    familyName: text('familyName'),
    fullName: text('fullName'),
    aliases: list('aliases'),
    dateOfBirth: text('dateOfBirth'),
    estimatedAge: Number.isFinite(ageYears) ? { years: ageYears } : null,
    sex: text('sex'),
    nationality: text('nationality'),
    phones: list('phones'),
    postcode: text('postcode'),
    address: text('address'),
    documentNumbers: list('documentNumbers'),
    emails: list('emails'),
  };
}

const csvCell = (value: string | number): string => {
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

function progressReporter(enabled: boolean): { report: (p: LinkageProgress) => void; stop: () => void } {
  if (!enabled) return { report: () => undefined, stop: () => undefined };
  const bar = new SingleBar({ format: '{stage} [{bar}] {value}/{total} {detail}', stream: process.stderr, hideCursor: false }, Presets.shades_classic);
  let stage = '';
  return {
    report(p) {
      const label = p.detail !== undefined ? `${p.stage} (${p.detail})` : p.stage;
      if (label !== stage) {
        if (stage !== '') bar.stop();
        stage = label;
        bar.start(Math.max(p.total, 1), p.done, { stage: p.stage, detail: p.detail ?? '' });
      } else {
        bar.setTotal(Math.max(p.total, 1));
        bar.update(p.done);
      }
    },
    stop: () => {
      if (stage !== '') bar.stop();
    },
  };
}

async function runLink(files: string[], options: LinkCommandOptions): Promise<void> {
  const threshold = Number(options.threshold);
  if (!(threshold > 0 && threshold < 1)) throw new InputError(`--threshold must be a probability between 0 and 1, got "${options.threshold}"`);
  const country = options.country.toUpperCase();
  if (!(getCountries() as string[]).includes(country)) throw new InputError(`--country must be an ISO 3166 country code, got "${options.country}"`);
  const threads = options.threads === undefined ? undefined : Number(options.threads);
  if (threads !== undefined && !(Number.isInteger(threads) && threads >= 0)) throw new InputError(`--threads must be a whole number, got "${options.threads}"`);

  const inputs = files.map((file) => ({ file, ...readCsv(file) }));
  const sourceNames = inputs.map((i, n) => (inputs.length > 1 && basename(inputs[0]?.file ?? '') === basename(inputs[1]?.file ?? '') ? `input${n + 1}` : basename(i.file)));
  const allIds = new Set<string>();
  let collision = false;
  for (const input of inputs) {
    if (!input.columns.includes(options.id)) throw new InputError(`${input.file} has no id column "${options.id}" (columns: ${input.columns.join(', ')})`);
    const seen = new Set<string>();
    for (const row of input.rows) {
      const id = row[options.id] ?? '';
      if (id === '') throw new InputError(`${input.file} has a row without an id in column "${options.id}"`);
      if (seen.has(id)) throw new InputError(`${input.file} has the id "${id}" more than once`);
      seen.add(id);
      if (allIds.has(id)) collision = true;
    }
    for (const id of seen) allIds.add(id);
  }
  const records: PersonRecord[] = [];
  inputs.forEach((input, n) => {
    const roles = columnRoles(input.columns, options.id, options.field, input.file);
    if (![...roles.keys()].some((r) => r !== 'address' && r !== 'estimatedAge'))
      throw new InputError(`${input.file}: no columns to compare; name them with --field role=column (roles: ${ROLES.join(', ')})`);
    const fileSource = sourceNames[n] ?? `input${n + 1}`;
    if (options.source !== undefined && !input.columns.includes(options.source))
      throw new InputError(`${input.file} has no source column "${options.source}" (columns: ${input.columns.join(', ')})`);
    for (const row of input.rows) {
      const id = row[options.id] ?? '';
      // With --source, each row's force or agency is its source (for --duplicate-free).
      const source = options.source !== undefined ? (row[options.source] ?? '') || fileSource : fileSource;
      records.push(toRecord(row, source, collision ? `${fileSource}:${id}` : id, roles));
    }
  });

  let model: LinkageModel | undefined;
  if (options.model !== undefined) {
    if (!existsSync(options.model)) throw new InputError(`model file not found: ${options.model}`);
    const parsed = JSON.parse(readFileSync(options.model, 'utf8')) as Partial<LinkageModel>;
    if (parsed.format !== 'lifeline-linkage-model') throw new InputError(`${options.model} is not a linkage model written by lifeline link`);
    model = parsed as LinkageModel;
  }
  let previous: Map<string, string> | undefined;
  if (options.previous !== undefined) {
    const { rows } = readCsv(options.previous);
    previous = new Map(rows.map((r) => [r['record_id'] ?? '', r['cluster_id'] ?? '']));
  }
  let labels: LabelledPair[] | undefined;
  if (options.labels !== undefined) {
    const { rows, columns } = readCsv(options.labels);
    for (const c of ['id_l', 'id_r', 'is_match']) if (!columns.includes(c)) throw new InputError(`${options.labels} needs columns id_l, id_r, is_match`);
    labels = rows.map((r) => ({ recordIdLeft: r['id_l'] ?? '', recordIdRight: r['id_r'] ?? '', isMatch: ['1', 'true', 'yes', '1.0'].includes((r['is_match'] ?? '').toLowerCase()) }));
  }

  const progress = progressReporter(options.progress);
  let result;
  try {
    result = await linkRecords(records, {
      threshold,
      // One file is deduplicated whole, whatever its sources; two files are linked across only.
      linkType: files.length > 1 ? 'link' : 'dedupe',
      prepare: { defaultCountry: country as CountryCode },
      ...(model ? { model } : {}),
      ...(labels ? { labels } : {}),
      ...(previous ? { previousClusters: previous } : {}),
      ...(threads !== undefined ? { threads } : {}),
      ...(options.duplicateFree.length > 0 ? { duplicateFreeSources: options.duplicateFree } : {}),
      onComparisonCounts: (counts, replaced) => {
        const lines = [...replaced.map((r) => `  replaced (too many comparisons): ${r}`), ...counts.map((c) => `  ${c.rule}: ${c.comparisons} comparisons`)];
        process.stderr.write(`lifeline link: comparisons per blocking rule\n${lines.join('\n')}\n`);
      },
      onProgress: (p) => progress.report(p),
    });
  } finally {
    progress.stop();
  }

  mkdirSync(options.out, { recursive: true });
  const ids = result.prepared.recordIds;
  // The strict clustering is written only when some source is declared duplicate-free.
  const strict = options.duplicateFree.length > 0;
  const clusterLines = [
    strict ? 'record_id,cluster_id,strict_cluster_id' : 'record_id,cluster_id',
    ...ids.map((id, row) => `${csvCell(id)},${csvCell(result.clusters[row] ?? '')}${strict ? `,${csvCell(result.strictClusters[row] ?? '')}` : ''}`),
  ];
  writeFileSync(join(options.out, 'clusters.csv'), `${clusterLines.join('\n')}\n`);
  const order = Array.from({ length: result.pairs.left.length }, (_, p) => p).sort((a, b) => (result.pairs.weights[b] ?? 0) - (result.pairs.weights[a] ?? 0));
  const pairLines = ['id_l,id_r,match_weight,match_probability'];
  for (const p of order) {
    const weight = result.pairs.weights[p] ?? 0;
    pairLines.push(
      `${csvCell(ids[result.pairs.left[p] ?? 0] ?? '')},${csvCell(ids[result.pairs.right[p] ?? 0] ?? '')},${weight.toFixed(4)},${probabilityFromWeight(weight).toFixed(6)}`,
    );
  }
  writeFileSync(join(options.out, 'pairs.csv'), `${pairLines.join('\n')}\n`);
  writeFileSync(join(options.out, 'model.json'), `${JSON.stringify(result.model, null, 2)}\n`);
  const clusterCount = new Set(result.clusters).size;
  const scored = result.comparisonCounts.map((c) => `${c.rule} ${c.newComparisons ?? 0}`).join('; ');
  process.stderr.write(`lifeline link: pairs scored per rule (each pair once): ${scored}\n`);
  process.stderr.write(`lifeline link: ${records.length} records, ${result.pairs.left.length} pairs ≥ ${threshold}, ${clusterCount} clusters, written to ${options.out}\n`);

  if (options.explain !== undefined) {
    const [left, right] = options.explain.split(',').map((s) => s.trim());
    if (left === undefined || right === undefined || left === '' || right === '') throw new InputError(`--explain needs two record ids: id_l,id_r`);
    const resolve = (id: string): string => (collision && !ids.includes(id) ? (ids.find((x) => x.endsWith(`:${id}`)) ?? id) : id);
    try {
      process.stdout.write(`${formatWaterfall(explainPair(result.prepared, result.model, resolve(left), resolve(right)))}\n`);
    } catch (error) {
      throw new InputError(error instanceof Error ? error.message : String(error));
    }
  }
}

export function registerLinkCommand(program: Command): void {
  program
    .command('link')
    .description('Find records of the same person: deduplicate one CSV file or link two (Fellegi–Sunter, EM-trained)')
    .argument('<file.csv>', 'records to deduplicate (or the left side of a link)')
    .argument('[other.csv]', 'records to link the first file with')
    .requiredOption('--id <column>', 'column holding each record’s id')
    .option('--field <role=column>', `a column to compare, repeatable (roles: ${ROLES.join(', ')}); default: recognised column names`, (v: string, acc: string[]) => [...acc, v], [] as string[])
    .requiredOption('--out <dir>', 'folder for clusters.csv, pairs.csv and model.json')
    .option('--threshold <probability>', 'match probability for pairs and clusters', '0.9')
    .option('--explain <id_l,id_r>', 'print the waterfall of one pair')
    .option('--model <model.json>', 'score with a trained model instead of training')
    .option('--previous <clusters.csv>', 'an earlier clusters.csv, so cluster ids stay stable')
    .option('--labels <labels.csv>', 'reviewer-decided pairs (id_l, id_r, is_match) to train m from')
    .option('--source <column>', 'column naming each record’s source (force, agency); default: the file name')
    .option('--duplicate-free <source>', 'a source (file name, or value of --source) whose records are all different people (repeatable)', (v: string, acc: string[]) => [...acc, v], [] as string[])
    .option('--country <code>', 'country for phone numbers without a country code', 'GB')
    .addOption(new Option('--threads <n>', 'worker threads (0: none); default one per core for large inputs'))
    .option('--no-progress', 'no progress bars on stderr')
    .action(async (file: string, other: string | undefined, options: LinkCommandOptions) => {
      try {
        await runLink(other === undefined ? [file] : [file, other], options);
      } catch (error) {
        if (!(error instanceof InputError) && !(error instanceof Error && /duplicate record id|no record with id/.test(error.message))) throw error;
        process.stderr.write(`lifeline link: ${error.message}\n`);
        process.exitCode = 1;
      }
    });
}
