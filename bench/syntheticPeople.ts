/**
 * Deterministic synthetic person records for the speed benchmark, with ground truth. Values are
 * drawn (with their real frequencies) from the original, error-free records of the FEBRL data
 * sets; duplicates get the kinds of error police records show: typos, swapped names, day and
 * month swapped, missing values, initials, differently written phone numbers.
 */
import type { PersonRecord } from '../src/analysis/linkage/record.ts';
import { seededRandom } from '../src/domain/seededRandom.ts';
import { loadFebrl, loadFebrlDsgen } from './linkageDatasets.ts';

interface Pools {
  readonly given: string[];
  readonly family: string[];
  readonly postcode: string[];
  readonly street: string[];
  readonly suburb: string[];
}

function pools(): Pools {
  const originals = [
    ...['dataset1.csv', 'dataset2.csv', 'dataset3.csv', 'dataset4a.csv'].flatMap((f) => loadFebrl(f).records.filter((r) => r.recordId.endsWith('-org'))),
    ...['dataset_A_10000.csv', 'dataset_C_10000.csv', 'dataset_F_org_10000.csv'].flatMap((f) =>
      loadFebrlDsgen(f).records.filter((r) => r.recordId.endsWith('0')),
    ),
  ];
  const collect = (f: (r: PersonRecord) => string | null | undefined): string[] =>
    originals.map(f).filter((v): v is string => v != null && v !== '' && /^[a-z ]+$|^\d+$/.test(v));
  return {
    given: collect((r) => r.givenNames),
    family: collect((r) => r.familyName),
    postcode: collect((r) => r.postcode),
    street: collect((r) => r.address?.split(' ').slice(1, 3).join(' ')),
    suburb: collect((r) => r.address?.split(' ').slice(-2, -1)[0]),
  };
}

export interface SyntheticPeople {
  readonly records: PersonRecord[];
  readonly entity: string[];
}

const NATIONALITIES = ['GB', 'VN', 'AL', 'RO', 'NG', 'PL', 'CN', 'ER', 'SD', 'IN'];
const SOURCES = ['met', 'gmp', 'wmp', 'kent', 'psni'];
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

export function syntheticPeople(size: number, seed = 1): SyntheticPeople {
  const random = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const p = pools();
  const typo = (s: string): string => {
    if (s.length < 2) return s;
    const i = Math.floor(random() * s.length);
    const kind = random();
    if (kind < 0.3) return s.slice(0, i) + pick([...LETTERS]) + s.slice(i + 1);
    if (kind < 0.55) return s.slice(0, i) + s.slice(i + 1);
    if (kind < 0.8) return s.slice(0, i) + pick([...LETTERS]) + s.slice(i);
    const j = Math.min(i + 1, s.length - 1);
    return s.slice(0, i) + (s[j] ?? '') + (s[i] ?? '') + s.slice(j + 1);
  };
  const records: PersonRecord[] = [];
  const entity: string[] = [];
  let person = 0;
  while (records.length < size) {
    person++;
    const year = 1935 + Math.floor(random() * 75);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const pad = (n: number): string => String(n).padStart(2, '0');
    const phoneDigits = `7${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
    const original: PersonRecord = {
      recordId: `p${person}-0`,
      sourceId: pick(SOURCES),
      givenNames: pick(p.given),
      familyName: pick(p.family),
      dateOfBirth: `${year}-${pad(month)}-${pad(day)}`,
      sex: random() < 0.5 ? 'F' : 'M',
      nationality: random() < 0.8 ? pick(NATIONALITIES) : null,
      phones: random() < 0.6 ? [`0${phoneDigits}`] : [],
      postcode: pick(p.postcode),
      address: `${1 + Math.floor(random() * 200)} ${pick(p.street)} ${pick(p.suburb)}`,
      documentNumbers: random() < 0.4 ? [`${pick([...LETTERS])}${pick([...LETTERS])}${String(Math.floor(random() * 1e7)).padStart(7, '0')}`] : [],
    };
    records.push(original);
    entity.push(String(person));
    // About 40 % of records are duplicates: 0–4 per person, most people have none.
    const r = random();
    const duplicates = r < 0.62 ? 0 : r < 0.85 ? 1 : r < 0.94 ? 2 : r < 0.98 ? 3 : 4;
    for (let d = 1; d <= duplicates && records.length < size; d++) {
      let dup: PersonRecord = { ...original, recordId: `p${person}-${d}`, sourceId: pick(SOURCES) };
      const changes = 1 + Math.floor(random() * 3);
      for (let c = 0; c < changes; c++) {
        const what = Math.floor(random() * 11);
        switch (what) {
          case 0:
            dup = { ...dup, givenNames: typo(dup.givenNames ?? '') };
            break;
          case 1:
            dup = { ...dup, familyName: typo(dup.familyName ?? '') };
            break;
          case 2:
            dup = { ...dup, givenNames: dup.familyName ?? null, familyName: dup.givenNames ?? null };
            break;
          case 3:
            dup = { ...dup, dateOfBirth: day <= 12 ? `${year}-${pad(day)}-${pad(month)}` : `${year + 1}-${pad(month)}-${pad(day)}` };
            break;
          case 4:
            dup = { ...dup, dateOfBirth: random() < 0.5 ? null : String(year) };
            break;
          case 5:
            dup = { ...dup, phones: dup.phones?.map((ph) => `+44 ${ph.slice(1, 5)} ${ph.slice(5)}`) ?? [] };
            break;
          case 6:
            dup = { ...dup, postcode: random() < 0.5 ? null : pick(p.postcode) };
            break;
          case 7:
            dup = { ...dup, givenNames: (dup.givenNames ?? '').slice(0, 1) };
            break;
          case 8:
            dup = { ...dup, address: random() < 0.5 ? null : `${dup.address ?? ''}`.split(' ').slice(0, -1).join(' ') };
            break;
          case 9:
            dup = { ...dup, documentNumbers: [], nationality: null };
            break;
          default:
            dup = { ...dup, fullName: `${(dup.familyName ?? '').toUpperCase()} ${dup.givenNames ?? ''}`, givenNames: null, familyName: null };
        }
      }
      records.push(dup);
      entity.push(String(person));
    }
  }
  return { records, entity };
}
