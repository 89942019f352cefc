// How one real name becomes many written ones. Each distortion is one that happens in real
// records: an officer without the keyboard for "ț", a family name taken for a given name, a
// nickname given instead of a name, one of several transliterations of a Cyrillic or Arabic
// name, a slip of the finger. The variant kinds applied are reported so the ground truth can say
// why two records of one person differ.
import type { Random } from './random.ts';
import type { TrueName } from './truePeople.ts';
import type { Nationality } from './vocabulary.ts';

export type NameVariantKind =
  | 'dropped-diacritics' | 'swapped-given-family' | 'initials' | 'typo' | 'transliteration'
  | 'nickname' | 'native-script' | 'middle-name-dropped' | 'other-gender-form' | 'syllables-split';

export type FullNameStyle = 'natural' | 'given-first' | 'family-comma' | 'capitals';

export interface RecordedName {
  givenNames: string;
  familyName: string;
  fullNameAsWritten: string;
  variants: NameVariantKind[];
  style: FullNameStyle;
}

const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ø: 'o', Ø: 'O', ß: 'ss', ı: 'i',
};

export function withoutDiacritics(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[łŁđĐøØßı]/g, (c) => SPECIAL_LETTERS[c] ?? c)
    .normalize('NFC');
}

/** Names that are the same name in another transliteration or regional form. */
const EQUIVALENT_NAMES: readonly (readonly string[])[] = [
  // Chinese: pinyin against Wade–Giles and Cantonese spellings used on older documents.
  ['Zhang', 'Chang', 'Cheung'], ['Chen', 'Chan'], ['Wang', 'Wong'], ['Li', 'Lee'], ['Huang', 'Hwang', 'Wong'],
  ['Zhou', 'Chow', 'Chou'], ['Lin', 'Lam'], ['Wu', 'Ng', 'Woo'], ['Zheng', 'Cheng'], ['Xu', 'Hsu', 'Tsui'],
  ['Liu', 'Lau'], ['Yang', 'Yeung'], ['Zhao', 'Chao', 'Chiu'], ['Guo', 'Kwok', 'Kuo'], ['He', 'Ho'],
  ['Gao', 'Kao', 'Ko'], ['Zhu', 'Chu'], ['Sun', 'Suen'],
  // Vietnamese regional forms of one name.
  ['Hoàng', 'Huỳnh'], ['Vũ', 'Võ'],
  // Ukrainian against Russian-style transliterations.
  ['Oleksandr', 'Aleksandr', 'Alexander'], ['Andriy', 'Andrii', 'Andrey'], ['Serhiy', 'Serhii', 'Sergey'],
  ['Volodymyr', 'Vladimir'], ['Olena', 'Elena'], ['Nataliya', 'Natalia', 'Natalya'], ['Tetyana', 'Tatiana'],
  ['Yuliya', 'Yulia', 'Julia'], ['Kateryna', 'Ekaterina'], ['Dmytro', 'Dmitry'], ['Mykola', 'Nikolai'],
  ['Yuriy', 'Yuri'], ['Vasyl', 'Vasily'], ['Iryna', 'Irina'], ['Svitlana', 'Svetlana'],
  // Bulgarian transliterations.
  ['Hristo', 'Khristo', 'Christo'], ['Yordanka', 'Jordanka'], ['Tsvetelina', 'Cvetelina'], ['Dimitar', 'Dimiter'],
  ['Silviya', 'Silvia'], ['Nikolay', 'Nikolai'], ['Yordanov', 'Jordanov'], ['Yordanova', 'Jordanova'],
  // Arabic names (Sudan, Malaysia, British Muslim names).
  ['Mohamed', 'Mohammed', 'Muhammad', 'Mohammad'], ['Abdelrahman', 'Abdul Rahman', 'Abdalrahman'],
  ['Osman', 'Othman'], ['Yousif', 'Yousef', 'Yusuf'], ['Abdalla', 'Abdallah', 'Abdullah'],
  ['Elhassan', 'El Hassan', 'El-Hassan'], ['Aisha', 'Aysha', 'Ayesha'], ['Mariam', 'Maryam'],
  ['Fatima', 'Fatma'], ['Suleiman', 'Sulayman', 'Sulaiman'], ['Hussain', 'Hussein'], ['Yusof', 'Yusuf'],
  ['Muhammad Faizal', 'Mohd Faizal', 'Mohamad Faizal'], ['Aisyah', 'Aishah'], ['Nur Aisyah', 'Nur Aishah'],
  // Tigrinya.
  ['Ghebre', 'Gebre', 'Gebray'], ['Weldemichael', 'Woldemichael', 'Welde-Michael'], ['Tesfay', 'Tesfaye', 'Tesfai'],
  ['Yohannes', 'Yohanes', 'Johannes'], ['Senait', 'Senayt'], ['Gebremedhin', 'Ghebremedhin'], ['Haile', 'Hayle'],
  // Punjabi and Hindi.
  ['Gurpreet', 'Gurprit'], ['Harpreet', 'Harprit'], ['Sukhwinder', 'Sukhvinder'], ['Jaswinder', 'Jasvinder'],
  ['Lakshmi', 'Laxmi'], ['Pooja', 'Puja'],
  // Portuguese, English, Albanian, Romanian spellings people also use.
  ['Souza', 'Sousa'], ['Thiago', 'Tiago'], ['da Silva', 'Silva'], ['dos Santos', 'Santos'], ['Clarke', 'Clark'],
  ['Thompson', 'Thomson'], ['Steven', 'Stephen'], ['McDonald', 'MacDonald'], ['Davies', 'Davis'],
  ['Gjergj', 'George'], ['Xhoana', 'Joana'], ['Gheorghe', 'George'], ['Ionuț', 'Ionutz'],
  // Nigerian names as misheard and rewritten.
  ['Omoregie', 'Omorogie'], ['Osaghae', 'Osaghe'], ['Chinedu', 'Chinedum'], ['Igbinedion', 'Igbinidion'],
];

const EQUIVALENTS = new Map<string, readonly string[]>();
for (const group of EQUIVALENT_NAMES) {
  for (const name of group) EQUIVALENTS.set(name, group.filter((n) => n !== name));
}

/** Sub-word rewrites where a whole-name list would be endless (Thai romanisation above all). */
const REWRITES: Partial<Record<Nationality, readonly (readonly [RegExp, string])[]>> = {
  TH: [[/porn/, 'phon'], [/porn/, 'pon'], [/Ph/, 'P'], [/th/, 't'], [/chai/, 'chay'], [/ee/, 'i'], [/oo/, 'u'], [/^W/, 'V'], [/ng$/, 'nk']],
  PL: [[/sz/, 'sh'], [/cz/, 'ch'], [/ski$/, 'sky'], [/^W/, 'V']],
  LT: [[/č/, 'ch'], [/š/, 'sh'], [/ž/, 'zh'], [/ienė$/, 'iene']],
  LV: [[/š/, 'sh'], [/ņš$/, 'nsh']],
  HU: [[/cs/, 'ch'], [/sz/, 's'], [/th$/, 't']],
  SK: [[/áth$/, 'at'], [/š/, 'sh'], [/č/, 'ch']],
  CZ: [[/ř/, 'rz'], [/š/, 'sh'], [/č/, 'ch']],
  BG: [[/ov$/, 'off'], [/ova$/, 'owa'], [/^Ts/, 'C']],
  UA: [[/chenko$/, 'tchenko'], [/iy$/, 'ii'], [/kh/, 'h']],
  RO: [[/ș/, 'sh'], [/ț/, 'tz']],
  AL: [[/ç/, 'ch'], [/Ç/, 'Ch'], [/ë/, 'e'], [/^Xh/, 'J']],
  NG: [[/gh/, 'g'], [/ae$/, 'e']],
  ER: [[/^Gh/, 'G'], [/e$/, 'ay']],
  SD: [[/^El/, 'Al-']],
  VN: [[/^Ng/, 'Nh']],
};

const KEYBOARD_NEIGHBOURS: Readonly<Record<string, string>> = {
  a: 'sqz', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k',
  m: 'n', n: 'bm', o: 'ip', p: 'o', q: 'w', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', w: 'qe', x: 'zc',
  y: 'tu', z: 'x',
};

/** Below this, a slip turns a name into another name ("Li" into "L"), not into a misspelling. */
const TYPO_MIN_LENGTH = 4;

function typo(word: string, random: Random): string {
  const chars = Array.from(word);
  if (chars.length < TYPO_MIN_LENGTH) return word;
  // Slips rarely hit the first letter, which is also the letter most linkage blocking keys use.
  const at = random.integer(1, chars.length - 2);
  const c = chars[at] ?? '';
  switch (random.integer(0, 3)) {
    case 0: {
      const lower = c.toLowerCase();
      const near = KEYBOARD_NEIGHBOURS[lower];
      if (near === undefined) return chars.toSpliced(at, 1).join('');
      const replacement = near.charAt(random.integer(0, near.length - 1));
      return chars.toSpliced(at, 1, c === lower ? replacement : replacement.toUpperCase()).join('');
    }
    case 1:
      return chars.toSpliced(at, 1).join('');
    case 2:
      return chars.toSpliced(at, 0, c).join('');
    default: {
      const next = chars[at + 1] ?? '';
      if (next === c) return chars.toSpliced(at, 1).join('');
      return chars.toSpliced(at, 2, next, c).join('');
    }
  }
}

function transliterate(word: string, nationality: Nationality, random: Random): string {
  const same = EQUIVALENTS.get(word);
  if (same !== undefined) return random.choice(same);
  const rules = (REWRITES[nationality] ?? []).filter(([pattern]) => pattern.test(word));
  if (rules.length === 0) return word;
  const [pattern, replacement] = random.choice(rules);
  return word.replace(pattern, replacement);
}

/** Working state of one record's name while distortions are applied in turn. */
interface NameDraft {
  given: string[];
  middle: string | null;
  family: string;
  swapped: boolean;
  initials: boolean;
  nickname: string | null;
  script: string | null;
}

function applicable(kind: NameVariantKind, name: TrueName, nationality: Nationality, aliases: readonly string[]): boolean {
  switch (kind) {
    case 'native-script':
      return name.givenScript !== null && name.familyScript !== null;
    case 'other-gender-form':
      return name.familyOtherForm !== null;
    case 'middle-name-dropped':
      return name.middle !== null || name.given.length > 1;
    case 'nickname':
      return aliases.length > 0;
    case 'transliteration':
      return [...name.given, name.family].some((w) => EQUIVALENTS.has(w) || (REWRITES[nationality] ?? []).some(([p]) => p.test(w)));
    case 'dropped-diacritics':
      return hasDiacritics(name);
    case 'typo':
      return Array.from(name.family).length >= TYPO_MIN_LENGTH || Array.from(name.given[0] ?? '').length >= TYPO_MIN_LENGTH;
    case 'swapped-given-family':
    case 'initials':
      return true;
    case 'syllables-split':
      return false;
  }
}

const diacriticsByName = new WeakMap<TrueName, boolean>();

/** Asked for every record of a person, so the answer is kept with the name. */
function hasDiacritics(name: TrueName): boolean {
  let known = diacriticsByName.get(name);
  if (known === undefined) {
    const parts = [...name.given, name.middle ?? '', name.family].join(' ');
    known = withoutDiacritics(parts) !== parts;
    diacriticsByName.set(name, known);
  }
  return known;
}

const VARIANT_WEIGHTS: readonly { value: NameVariantKind; weight: number }[] = [
  { value: 'dropped-diacritics', weight: 10 },
  { value: 'swapped-given-family', weight: 4 },
  { value: 'initials', weight: 2 },
  { value: 'typo', weight: 4 },
  { value: 'transliteration', weight: 6 },
  { value: 'nickname', weight: 2 },
  { value: 'native-script', weight: 3 },
  { value: 'middle-name-dropped', weight: 3 },
  { value: 'other-gender-form', weight: 2 },
];

function chooseVariants(count: number, name: TrueName, nationality: Nationality, aliases: readonly string[], random: Random): Set<NameVariantKind> {
  const open = VARIANT_WEIGHTS.filter((v) => applicable(v.value, name, nationality, aliases));
  const chosen = new Set<NameVariantKind>();
  while (chosen.size < count && open.length > 0) {
    const kind = random.weightedChoice(open);
    chosen.add(kind);
    open.splice(open.findIndex((v) => v.value === kind), 1);
  }
  return chosen;
}

/**
 * Renders one record's name. `distortions` is how many variant kinds to apply (0 = the name as
 * the person would write it, in Latin letters, with every diacritic).
 */
export function recordName(
  name: TrueName,
  nationality: Nationality,
  aliases: readonly string[],
  distortions: number,
  random: Random,
): RecordedName {
  const variants = chooseVariants(distortions, name, nationality, aliases, random);
  // Pinyin given names are written as one word on documents but often split by whoever writes them.
  const split = name.givenSyllables !== null && random.chance(0.3);
  if (split) variants.add('syllables-split');
  const draft: NameDraft = {
    given: split && name.givenSyllables !== null
      ? [name.givenSyllables.map((s) => s.charAt(0).toUpperCase() + s.slice(1)).join(random.choice([' ', '-']))]
      : [...name.given],
    middle: name.middle,
    family: name.family,
    swapped: false,
    initials: false,
    nickname: null,
    script: null,
  };
  if (variants.has('other-gender-form') && name.familyOtherForm !== null) draft.family = name.familyOtherForm;
  if (variants.has('transliteration')) {
    const targets = ['family', 'given'] as const;
    const target = random.choice(targets);
    const before = `${draft.given.join(' ')}|${draft.family}`;
    if (target === 'family') draft.family = transliterate(draft.family, nationality, random);
    else draft.given = draft.given.map((g) => transliterate(g, nationality, random));
    if (`${draft.given.join(' ')}|${draft.family}` === before) {
      draft.family = transliterate(draft.family, nationality, random);
      draft.given = draft.given.map((g) => transliterate(g, nationality, random));
    }
  }
  if (variants.has('middle-name-dropped')) {
    if (draft.middle !== null) draft.middle = null;
    else draft.given = draft.given.slice(0, 1);
  }
  if (variants.has('dropped-diacritics')) {
    draft.given = draft.given.map(withoutDiacritics);
    draft.middle = draft.middle === null ? null : withoutDiacritics(draft.middle);
    draft.family = withoutDiacritics(draft.family);
  }
  if (variants.has('typo')) {
    const familyFirst = Array.from(draft.family).length >= TYPO_MIN_LENGTH && (random.chance(0.6) || Array.from(draft.given[0] ?? '').length < TYPO_MIN_LENGTH);
    if (familyFirst) draft.family = typo(draft.family, random);
    else draft.given = draft.given.map((g, i) => (i === 0 ? typo(g, random) : g));
  }
  if (variants.has('nickname')) draft.nickname = random.choice(aliases);
  if (variants.has('initials')) draft.initials = true;
  if (variants.has('swapped-given-family')) draft.swapped = true;
  if (variants.has('native-script') && name.givenScript !== null && name.familyScript !== null) {
    draft.script = name.familyFirst ? `${name.familyScript}${name.givenScript}` : `${name.givenScript} ${name.familyScript}`;
  }
  return writeDraft(draft, name, variants, random);
}

function writeDraft(draft: NameDraft, name: TrueName, variants: Set<NameVariantKind>, random: Random): RecordedName {
  const initial = (word: string) => `${Array.from(word)[0] ?? ''}.`;
  let givenPart: string[];
  if (draft.nickname !== null) givenPart = [draft.nickname];
  else if (draft.initials) {
    // "NGUYEN T. LAN": the middle name shrinks to an initial; without one, the given name does.
    givenPart = draft.middle !== null ? [initial(draft.middle), ...draft.given] : draft.given.map(initial);
  } else givenPart = draft.middle !== null ? [draft.middle, ...draft.given] : draft.given;
  let givenNames = givenPart.join(' ');
  let familyName = draft.nickname !== null && random.chance(0.5) ? '' : draft.family;
  if (name.particle !== null && familyName !== '' && draft.nickname === null) familyName = `${name.particle} ${familyName}`;
  if (draft.swapped) {
    if (name.familyFirst && givenPart.length > 1) {
      // Native order read as Western order: "Nguyễn Thị | Lan" — the last word taken as the family name.
      familyName = givenPart[givenPart.length - 1] ?? '';
      givenNames = [draft.family, ...givenPart.slice(0, -1)].join(' ');
    } else {
      [givenNames, familyName] = [familyName, givenNames];
    }
  }
  const style: FullNameStyle = draft.initials
    ? 'capitals'
    : random.weightedChoice([
        { value: 'natural' as const, weight: 5 },
        { value: 'given-first' as const, weight: 3 },
        { value: 'family-comma' as const, weight: 2 },
        { value: 'capitals' as const, weight: 1 },
      ]);
  let full: string;
  if (draft.script !== null) full = draft.script;
  else if (familyName === '') full = givenNames;
  else if (givenNames === '') full = familyName;
  else {
    switch (style) {
      case 'natural':
        full = name.familyFirst && !draft.swapped ? `${familyName} ${givenNames}` : `${givenNames} ${familyName}`;
        break;
      case 'given-first':
        full = `${givenNames} ${familyName}`;
        break;
      case 'family-comma':
        full = `${familyName.toUpperCase()}, ${givenNames}`;
        break;
      case 'capitals':
        full = draft.initials && draft.middle !== null && !draft.swapped
          ? `${familyName} ${givenNames}`.toUpperCase()
          : `${givenNames} ${familyName}`.toUpperCase();
        break;
    }
  }
  return { givenNames, familyName, fullNameAsWritten: full, variants: [...variants], style };
}
