// The rules behind the bank-holiday data files. Only the generator script and the tests use this
// module: at run time the platform reads the generated data, so that a holiday announced by
// proclamation can be added as data and reviewed in a diff, not hidden in a rule.
import type { BankHoliday } from './bankHoliday.ts';
import { easterSunday } from './easter.ts';
import { addDays, isoDate, isWeekend, weekday, type IsoDate } from './isoDate.ts';
import type { Jurisdiction } from './jurisdiction.ts';

export const FIRST_COVERED_YEAR = 2006;
export const LAST_COVERED_YEAR = 2030;

interface NominalHoliday {
  readonly date: IsoDate;
  readonly name: string;
  /** Fixed-date holidays move to the next free weekday when they fall on a weekend. */
  readonly substitutable: boolean;
  readonly special?: boolean;
}

function firstMonday(year: number, month: number): IsoDate {
  const first = isoDate(year, month, 1);
  return addDays(first, (8 - weekday(first)) % 7);
}

function lastMonday(year: number, month: number): IsoDate {
  const lastDay = addDays(month === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, month + 1, 1), -1);
  return addDays(lastDay, -((weekday(lastDay) + 6) % 7));
}

function fixed(year: number, month: number, day: number, name: string): NominalHoliday {
  return { date: isoDate(year, month, day), name, substitutable: true };
}

function monday(date: IsoDate, name: string): NominalHoliday {
  return { date, name, substitutable: false };
}

/**
 * Changes made by royal proclamation (UK) or by statute (Ireland). `moves` replaces a regular
 * holiday's date; `adds` are extra one-off days. Sources: GOV.UK bank holiday lists and
 * announcements; Ireland: Public Holidays (Amendment) Act 2022 (18 March 2022).
 */
interface OneOffChange {
  readonly jurisdictions: readonly Jurisdiction[];
  readonly moves?: readonly { readonly name: string; readonly from: IsoDate; readonly to: IsoDate }[];
  readonly adds?: readonly { readonly date: IsoDate; readonly name: string }[];
}

const UK: readonly Jurisdiction[] = ['england-and-wales', 'scotland', 'northern-ireland'];

export const oneOffChanges: readonly OneOffChange[] = [
  { jurisdictions: UK, adds: [{ date: '2011-04-29', name: 'Royal wedding' }] },
  {
    jurisdictions: UK,
    moves: [{ name: 'Spring bank holiday', from: '2012-05-28', to: '2012-06-04' }],
    adds: [{ date: '2012-06-05', name: 'Queen’s Diamond Jubilee' }],
  },
  {
    jurisdictions: UK,
    moves: [{ name: 'Early May bank holiday (VE day)', from: '2020-05-04', to: '2020-05-08' }],
  },
  {
    jurisdictions: UK,
    moves: [{ name: 'Spring bank holiday', from: '2022-05-30', to: '2022-06-02' }],
    adds: [
      { date: '2022-06-03', name: 'Platinum Jubilee bank holiday' },
      { date: '2022-09-19', name: 'Bank Holiday for the State Funeral of Queen Elizabeth II' },
    ],
  },
  { jurisdictions: UK, adds: [{ date: '2023-05-08', name: 'Bank holiday for the coronation of King Charles III' }] },
  { jurisdictions: ['ireland'], adds: [{ date: '2022-03-18', name: 'Day of remembrance and recognition' }] },
];

/** St Brigid's Day became a public holiday in Ireland in 2023. */
function stBrigidsDay(year: number): NominalHoliday | undefined {
  if (year < 2023) return undefined;
  const first = isoDate(year, 2, 1);
  // 1 February itself when it is a Friday, otherwise the first Monday in February.
  return weekday(first) === 5 ? { date: first, name: 'St Brigid’s Day', substitutable: false } : monday(firstMonday(year, 2), 'St Brigid’s Day');
}

function nominalHolidays(jurisdiction: Jurisdiction, year: number): NominalHoliday[] {
  const easter = easterSunday(year);
  const goodFriday = monday(addDays(easter, -2), 'Good Friday');
  const easterMonday = monday(addDays(easter, 1), 'Easter Monday');
  const christmas = fixed(year, 12, 25, 'Christmas Day');
  switch (jurisdiction) {
    case 'england-and-wales':
    case 'northern-ireland': {
      const days: NominalHoliday[] = [
        fixed(year, 1, 1, 'New Year’s Day'),
        goodFriday,
        easterMonday,
        monday(firstMonday(year, 5), 'Early May bank holiday'),
        monday(lastMonday(year, 5), 'Spring bank holiday'),
        monday(lastMonday(year, 8), 'Summer bank holiday'),
        christmas,
        fixed(year, 12, 26, 'Boxing Day'),
      ];
      if (jurisdiction === 'northern-ireland') {
        days.push(fixed(year, 3, 17, 'St Patrick’s Day'), fixed(year, 7, 12, 'Battle of the Boyne (Orangemen’s Day)'));
      }
      return days;
    }
    case 'scotland': {
      const days: NominalHoliday[] = [
        fixed(year, 1, 1, 'New Year’s Day'),
        fixed(year, 1, 2, '2nd January'),
        goodFriday,
        monday(firstMonday(year, 5), 'Early May bank holiday'),
        monday(lastMonday(year, 5), 'Spring bank holiday'),
        monday(firstMonday(year, 8), 'Summer bank holiday'),
        christmas,
        fixed(year, 12, 26, 'Boxing Day'),
      ];
      // St Andrew's Day Bank Holiday (Scotland) Act 2007: from 2007; the Monday after when it falls on a weekend.
      if (year >= 2007) days.push(fixed(year, 11, 30, 'St Andrew’s Day'));
      return days;
    }
    case 'ireland': {
      const days: NominalHoliday[] = [
        fixed(year, 1, 1, 'New Year’s Day'),
        fixed(year, 3, 17, 'St Patrick’s Day'),
        easterMonday,
        monday(firstMonday(year, 5), 'May bank holiday'),
        monday(firstMonday(year, 6), 'June bank holiday'),
        monday(firstMonday(year, 8), 'August bank holiday'),
        monday(lastMonday(year, 10), 'October bank holiday'),
        christmas,
        fixed(year, 12, 26, 'St Stephen’s Day'),
      ];
      const brigid = stBrigidsDay(year);
      if (brigid !== undefined) days.push(brigid);
      return days;
    }
  }
}

function applyOneOffs(jurisdiction: Jurisdiction, year: number, days: NominalHoliday[]): NominalHoliday[] {
  let result = days;
  for (const change of oneOffChanges) {
    if (!change.jurisdictions.includes(jurisdiction)) continue;
    for (const move of change.moves ?? []) {
      if (!move.from.startsWith(`${year}-`)) continue;
      const index = result.findIndex((d) => d.date === move.from);
      if (index < 0) throw new Error(`One-off move from ${move.from} finds no holiday in ${jurisdiction}`);
      result = result.map((d, i) => (i === index ? { date: move.to, name: move.name, substitutable: false, special: true } : d));
    }
    for (const add of change.adds ?? []) {
      if (!add.date.startsWith(`${year}-`)) continue;
      result = [...result, { date: add.date, name: add.name, substitutable: false, special: true }];
    }
  }
  return result;
}

/**
 * The days offices close in `jurisdiction` in `year`, in date order.
 *
 * A holiday on a Saturday or Sunday is replaced by the next weekday that is not already a
 * holiday. Weekday holidays are placed first, so when Christmas Day is a Sunday, Monday stays
 * Boxing Day and Tuesday is the substitute (GOV.UK's dates; its names differ in a few years).
 *
 * Ireland: the law (Organisation of Working Time Act 1997) names the day itself and gives no
 * substitute; in practice public offices and banks close on the next weekday, which is what a
 * working-day clock needs, so Ireland gets substitute days too (e.g. Monday 18 March 2024).
 */
export function computeBankHolidays(jurisdiction: Jurisdiction, year: number): BankHoliday[] {
  if (!Number.isInteger(year)) throw new RangeError(`Year must be an integer: ${year}`);
  const nominal = applyOneOffs(jurisdiction, year, nominalHolidays(jurisdiction, year)).sort((a, b) => a.date.localeCompare(b.date));
  const taken = new Set(nominal.filter((d) => !isWeekend(d.date)).map((d) => d.date));
  const result: BankHoliday[] = [];
  for (const day of nominal) {
    if (!isWeekend(day.date)) {
      result.push({ date: day.date, name: day.name, kind: day.special === true ? 'special' : 'regular' });
      continue;
    }
    if (!day.substitutable) throw new Error(`${day.name} on ${day.date} falls on a weekend and has no substitute rule`);
    let substitute = addDays(day.date, 1);
    while (isWeekend(substitute) || taken.has(substitute)) substitute = addDays(substitute, 1);
    taken.add(substitute);
    result.push({ date: substitute, name: `${day.name} (substitute day)`, kind: 'substitute' });
  }
  return result.sort((a, b) => a.date.localeCompare(b.date));
}
