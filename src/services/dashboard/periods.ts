// Weeks and months of day counts. Weeks are ISO weeks (Monday to Sunday), named by their Monday,
// so a week that spans two months is one week; every week or month between the first and the last
// with a record is listed, including those with nothing, so a chart's gaps are real.

export type Interval = 'week' | 'month';

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the day's ISO week, or the month (YYYY-MM) it falls in. */
export function periodOf(day: string, interval: Interval): string {
  if (interval === 'month') return day.slice(0, 7);
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

function nextPeriod(period: string, interval: Interval): string {
  if (interval === 'week') return addDays(period, 7);
  const [year = 0, month = 0] = period.split('-').map(Number);
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

/** Every period from the first to the last given, in order. */
export function periodsBetween(first: string, last: string, interval: Interval): string[] {
  const periods: string[] = [];
  for (let p = first; p <= last && periods.length < 10_000; p = nextPeriod(p, interval)) periods.push(p);
  return periods;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function periodLabel(period: string, interval: Interval): string {
  if (interval === 'month') {
    const [year, month = 1] = period.split('-');
    return `${MONTHS[Number(month) - 1] ?? ''} ${year ?? ''}`;
  }
  return `Week of ${period}`;
}
