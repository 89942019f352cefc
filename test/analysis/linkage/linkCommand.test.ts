import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { registerLinkCommand } from '../../../src/cli/commands/link.ts';
import { LINKAGE_DATA } from '../../../bench/linkageDatasets.ts';

let dir: string;
let stdout: string;
let stderr: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'lifeline-link-'));
  stdout = '';
  stderr = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
  rmSync(dir, { recursive: true, force: true });
});

async function link(...args: string[]): Promise<void> {
  const program = new Command('lifeline');
  program.exitOverride();
  registerLinkCommand(program);
  await program.parseAsync(['node', 'lifeline', 'link', ...args, '--no-progress']);
}

const csvRows = (file: string): string[][] =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));

describe('lifeline link', () => {
  it('deduplicates one file with roles recognised from column names', async () => {
    // The first 300 rows of FEBRL1, written as a plain CSV without the leading spaces.
    const lines = readFileSync(join(LINKAGE_DATA, 'febrl', 'dataset1.csv'), 'utf8').split('\n').slice(0, 301).map((l) => l.replace(/, /g, ','));
    const input = join(dir, 'people.csv');
    writeFileSync(input, lines.join('\n'));
    await link(input, '--id', 'rec_id', '--out', join(dir, 'out'), '--country', 'AU');
    expect(process.exitCode).toBeUndefined();
    const clusters = csvRows(join(dir, 'out', 'clusters.csv'));
    expect(clusters[0]).toEqual(['record_id', 'cluster_id']);
    expect(clusters).toHaveLength(301);
    const pairs = csvRows(join(dir, 'out', 'pairs.csv'));
    expect(pairs[0]).toEqual(['id_l', 'id_r', 'match_weight', 'match_probability']);
    // Every pair written is at or above the default threshold and is a true duplicate in FEBRL.
    const body = pairs.slice(1);
    expect(body.length).toBeGreaterThan(20);
    for (const [l, r, , p] of body) {
      expect(Number(p)).toBeGreaterThanOrEqual(0.9);
      expect(/^rec-(\d+)-/.exec(l ?? '')?.[1]).toBe(/^rec-(\d+)-/.exec(r ?? '')?.[1]);
    }
    const model = JSON.parse(readFileSync(join(dir, 'out', 'model.json'), 'utf8')) as { format: string; comparisons: { kind: string }[] };
    expect(model.format).toBe('lifeline-linkage-model');
    expect(model.comparisons.map((c) => c.kind)).toEqual(['givenName', 'familyName', 'dateOfBirth', 'postcode', 'address', 'documentNumber']);
    expect(stderr).toContain('comparisons per blocking rule');
  });

  it('re-runs with a saved model and the previous clusters, keeping every cluster id', async () => {
    const lines = readFileSync(join(LINKAGE_DATA, 'febrl', 'dataset1.csv'), 'utf8').split('\n').slice(0, 201).map((l) => l.replace(/, /g, ','));
    const input = join(dir, 'people.csv');
    writeFileSync(input, lines.join('\n'));
    await link(input, '--id', 'rec_id', '--out', join(dir, 'first'), '--country', 'AU');
    // The second run adds records and scores with the first run's model: no retraining.
    const more = readFileSync(join(LINKAGE_DATA, 'febrl', 'dataset1.csv'), 'utf8').split('\n').slice(201, 301).map((l) => l.replace(/, /g, ','));
    writeFileSync(input, [...lines, ...more].join('\n'));
    await link(input, '--id', 'rec_id', '--out', join(dir, 'second'), '--country', 'AU', '--model', join(dir, 'first', 'model.json'), '--previous', join(dir, 'first', 'clusters.csv'));
    expect(process.exitCode).toBeUndefined();
    const before = new Map(csvRows(join(dir, 'first', 'clusters.csv')).slice(1).map(([id, c]) => [id, c]));
    const after = new Map(csvRows(join(dir, 'second', 'clusters.csv')).slice(1).map(([id, c]) => [id, c]));
    expect(after.size).toBe(300);
    for (const [id, cluster] of before) expect(after.get(id)).toBe(cluster);
    const firstModel = JSON.parse(readFileSync(join(dir, 'first', 'model.json'), 'utf8')) as { comparisons: unknown };
    const secondModel = JSON.parse(readFileSync(join(dir, 'second', 'model.json'), 'utf8')) as { comparisons: unknown };
    expect(secondModel.comparisons).toEqual(firstModel.comparisons);
  });

  it('links two files with different column names and explains a pair', async () => {
    const left = join(dir, 'force_a.csv');
    const right = join(dir, 'force_b.csv');
    const people = [
      ['Lan', 'Nguyen', '1990-04-12', '07700 900123'],
      ['Osaze', 'Edokpolo', '1985-01-30', '07700 900456'],
      ['Anna', 'Kowalska', '1979-11-02', '07700 900789'],
      ['Ion', 'Popescu', '1995-07-21', ''],
      ['Mehmet', 'Yilmaz', '1988-03-15', '07700 900321'],
    ];
    writeFileSync(left, ['ref,first_name,surname,dob,phone', ...people.map((p, i) => `A${i},${p.join(',')}`)].join('\n'));
    // The other force writes one name field (family name in capitals), day-first dates and +44 phones.
    const other = people.map((p, i) => {
      const [given = '', family = '', dob = '', phone = ''] = p;
      const [y, m, d] = dob.split('-');
      return `B${i},${family.toUpperCase()} ${given},${d}/${m}/${y},${phone === '' ? '' : `+44 ${phone.slice(1)}`}`;
    });
    writeFileSync(right, ['ref,name,date_of_birth,telephone', ...other].join('\n'));
    await link(left, right, '--id', 'ref', '--out', join(dir, 'out'), '--explain', 'A0,B0');
    expect(process.exitCode).toBeUndefined();
    const clusters = new Map(csvRows(join(dir, 'out', 'clusters.csv')).slice(1).map(([id, c]) => [id, c]));
    for (let i = 0; i < people.length; i++) expect(clusters.get(`A${i}`)).toBe(clusters.get(`B${i}`));
    expect(new Set(clusters.values()).size).toBe(people.length);
    expect(stdout).toContain('A0 ↔ B0');
    expect(stdout).toContain('"Nguyen" vs "(from full name) NGUYEN Lan"');
    expect(stdout).toMatch(/phone\s+E\.164 equal/);
    expect(stdout).toMatch(/match weight [\d.]+, probability/);
  });

  it('reports bad input on stderr with a non-zero exit code', async () => {
    await link(join(dir, 'missing.csv'), '--id', 'id', '--out', join(dir, 'out'));
    expect(stderr).toContain('lifeline link: file not found');
    expect(process.exitCode).toBe(1);

    process.exitCode = undefined;
    stderr = '';
    const input = join(dir, 'p.csv');
    writeFileSync(input, 'key,first_name,surname\n1,Lan,Nguyen\n2,Lan,Nguyen\n');
    await link(input, '--id', 'id', '--out', join(dir, 'out'));
    expect(stderr).toContain('lifeline link: ');
    expect(stderr).toContain('has no id column "id"');
    expect(process.exitCode).toBe(1);

    process.exitCode = undefined;
    stderr = '';
    await link(input, '--id', 'key', '--field', 'shoe_size=surname', '--out', join(dir, 'out'));
    expect(stderr).toContain('unknown field role "shoe_size"');
    expect(process.exitCode).toBe(1);

    process.exitCode = undefined;
    stderr = '';
    await link(input, '--id', 'key', '--out', join(dir, 'out'), '--threshold', '2');
    expect(stderr).toContain('--threshold must be a probability');
    expect(process.exitCode).toBe(1);
  });
});

describe('lifeline link --source and --duplicate-free', () => {
  it('writes a strict clustering that never joins two records of a duplicate-free source', async () => {
    const input = join(dir, 'custody.csv');
    // Two different custody records from force A (duplicate-free) both resemble one record from B.
    writeFileSync(
      input,
      [
        'ref,force,first_name,surname,dob',
        'a1,A,Lan,Nguyen,1990-04-12',
        'a2,A,Lan,Nguyen,1990-04-21',
        'b1,B,Lan,Nguyen,1990-04-12',
        ...Array.from({ length: 60 }, (_, i) => `x${i},C,Person${String.fromCharCode(97 + (i % 26))},Other${i},19${50 + (i % 40)}-01-0${1 + (i % 9)}`),
      ].join('\n'),
    );
    await link(input, '--id', 'ref', '--source', 'force', '--duplicate-free', 'A', '--out', join(dir, 'out'), '--threshold', '0.5');
    expect(process.exitCode).toBeUndefined();
    const rows = csvRows(join(dir, 'out', 'clusters.csv'));
    expect(rows[0]).toEqual(['record_id', 'cluster_id', 'strict_cluster_id']);
    const loose = new Map(rows.slice(1).map(([id, c]) => [id, c]));
    const strict = new Map(rows.slice(1).map(([id, , s]) => [id, s]));
    // Connected components chain all three through b1; the strict clustering refuses.
    expect(loose.get('a1')).toBe(loose.get('a2'));
    expect(strict.get('a1')).not.toBe(strict.get('a2'));
    expect(strict.get('b1')).toBe(strict.get('a1'));
  });
});
