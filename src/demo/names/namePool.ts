// Name pools are written as compact text so that a pool reads like a frequency list:
//   "Nguyễn:38, Trần:11"            name with relative frequency (default 1)
//   "Kowalski|Kowalska:5"           masculine|feminine form of a family name
//   "Wang/王:7"                      Latin form / native-script form
//   "Xiao-ling/晓玲"                 hyphen marks a syllable break that records may write as a space
import { WeightedTable } from '../random.ts';
import type { Nationality } from '../vocabulary.ts';

export interface NameEntry {
  latin: string;
  feminine: string | null;
  script: string | null;
}

export function parseNamePool(text: string): WeightedTable<NameEntry> {
  const entries = text
    .split(',')
    .map((raw) => raw.trim())
    .filter((raw) => raw.length > 0)
    .map((raw) => {
      const [body = '', weightText] = raw.split(':');
      const [forms = '', script] = body.split('/');
      const [latin = '', feminine] = forms.split('|');
      const weight = weightText === undefined ? 1 : Number(weightText);
      if (latin === '' || !Number.isFinite(weight)) throw new Error(`bad name pool entry "${raw}"`);
      return { value: { latin, feminine: feminine ?? null, script: script ?? null }, weight };
    });
  return new WeightedTable(entries);
}

export interface NamingConvention {
  nationality: Nationality;
  givenMale: WeightedTable<NameEntry>;
  givenFemale: WeightedTable<NameEntry>;
  family: WeightedTable<NameEntry>;
  /** Vietnamese middle names (Văn, Thị) sit between family and given name. */
  middleMale?: WeightedTable<NameEntry>;
  middleFemale?: WeightedTable<NameEntry>;
  /** Chance of a second given name (Romanian "Ana-Maria", Brazilian "Maria Aparecida"). */
  secondGivenName: number;
  /** Family name written first at home (Vietnam, China, Hungary): a source of swapped fields. */
  familyFirst: boolean;
  /** Malay names carry the father's name after "bin"/"binti" instead of a family name. */
  patronymicParticle?: { male: string; female: string };
  /** Everyday names people give instead of their own (Thai nicknames, "Dave" for David). */
  nicknames: readonly string[];
  /** Script of NameEntry.script where present. */
  nativeScript: 'Hani' | 'Thai' | null;
}

export function convention(
  nationality: Nationality,
  parts: Omit<NamingConvention, 'nationality' | 'givenMale' | 'givenFemale' | 'family' | 'middleMale' | 'middleFemale'> & {
    givenMale: string;
    givenFemale: string;
    family: string;
    middleMale?: string;
    middleFemale?: string;
  },
): NamingConvention {
  const { givenMale, givenFemale, family, middleMale, middleFemale, ...rest } = parts;
  return {
    ...rest,
    nationality,
    givenMale: parseNamePool(givenMale),
    givenFemale: parseNamePool(givenFemale),
    family: parseNamePool(family),
    ...(middleMale === undefined ? {} : { middleMale: parseNamePool(middleMale) }),
    ...(middleFemale === undefined ? {} : { middleFemale: parseNamePool(middleFemale) }),
  };
}
