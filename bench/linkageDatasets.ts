/**
 * Loaders for the shared linkage benchmark data (../shared/data/linkage relative to the repo),
 * mapping each file onto PersonRecord and recording each record's true entity.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { PersonRecord } from '../src/analysis/linkage/record.ts';

export const LINKAGE_DATA = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared', 'data', 'linkage');

export interface LabelledRecords {
  readonly records: PersonRecord[];
  /** True entity of each record, in the same order. */
  readonly entity: string[];
}

function readRows(file: string): Record<string, string>[] {
  return parse<Record<string, string>>(readFileSync(join(LINKAGE_DATA, file), 'utf8'), {
    columns: true,
    trim: true,
    skip_empty_lines: true,
    relax_column_count: true,
  });
}

const blank = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v.trim());

function febrlRecord(row: Record<string, string>, sourceId: string, recordId: string): PersonRecord {
  const address = [row['street_number'], row['address_1'], row['address_2'], row['suburb'], row['state']].map(blank).filter((v) => v !== null).join(' ');
  const phone = blank(row['phone_number']);
  const document = blank(row['soc_sec_id']);
  return {
    recordId,
    sourceId,
    givenNames: blank(row['given_name']),
    familyName: blank(row['surname']),
    dateOfBirth: blank(row['date_of_birth']),
    postcode: blank(row['postcode']),
    address: address === '' ? null : address,
    phones: phone === null ? [] : [phone],
    documentNumbers: document === null ? [] : [document],
  };
}

/** FEBRL 1–4: rec-<N>-org / rec-<N>-dup-<k>, entity N. */
export function loadFebrl(file: string, sourceId = file): LabelledRecords {
  const records: PersonRecord[] = [];
  const entity: string[] = [];
  for (const row of readRows(join('febrl', file))) {
    const id = row['rec_id'] ?? '';
    records.push(febrlRecord(row, sourceId, `${sourceId}:${id}`));
    entity.push(/^rec-(\d+)-/.exec(id)?.[1] ?? id);
  }
  return { records, entity };
}

/** febrl-dsgen: numeric rec_id, entity floor(rec_id / 10). */
export function loadFebrlDsgen(file: string, sourceId = file): LabelledRecords {
  const records: PersonRecord[] = [];
  const entity: string[] = [];
  for (const row of readRows(join('febrl-dsgen', file))) {
    const id = row['rec_id'] ?? '';
    records.push(febrlRecord(row, sourceId, `${sourceId}:${id}`));
    entity.push(String(Math.floor(Number(id) / 10)));
  }
  return { records, entity };
}

/** Splink's fake_1000 / fake_20000: entity is the cluster column; the city stands in for an address. */
export function loadSplinkFake(file: string): LabelledRecords {
  const records: PersonRecord[] = [];
  const entity: string[] = [];
  for (const row of readRows(join('splink', file))) {
    records.push({
      recordId: row['unique_id'] ?? '',
      sourceId: 'fake',
      givenNames: blank(row['first_name']),
      familyName: blank(row['surname']),
      dateOfBirth: blank(row['dob']),
      address: blank(row['city']),
      emails: blank(row['email']) === null ? [] : [row['email'] ?? ''],
    });
    entity.push(row['cluster'] ?? '');
  }
  return { records, entity };
}

export function concat(...parts: LabelledRecords[]): LabelledRecords {
  return { records: parts.flatMap((p) => p.records), entity: parts.flatMap((p) => p.entity) };
}
