// Turns a list page's query string into filters: unknown keys are ignored, empty values mean
// "any", and a date that is not a date is reported rather than silently dropped.
import type { FieldError } from '../../../access/errors.ts';

export const PAGE_SIZE = 25;

export interface ListQuery {
  values: Record<string, string>;
  filters: Record<string, string | undefined>;
  page: number;
  errors: FieldError[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function parseListQuery(query: unknown, keys: readonly string[]): ListQuery {
  const raw = (typeof query === 'object' && query !== null ? query : {}) as Record<string, unknown>;
  const values: Record<string, string> = {};
  const filters: Record<string, string | undefined> = {};
  const errors: FieldError[] = [];
  for (const key of keys) {
    const value = typeof raw[key] === 'string' ? raw[key].trim().slice(0, 200) : '';
    values[key] = value;
    filters[key] = value === '' ? undefined : value;
  }
  for (const key of ['from', 'to'] as const) {
    const value = filters[key];
    if (value !== undefined && (!ISO_DATE.test(value) || Number.isNaN(Date.parse(value)))) {
      errors.push({ field: key, message: `Enter the ${key === 'from' ? 'start' : 'end'} date as year-month-day, like 2007-10-31` });
      filters[key] = undefined;
    }
  }
  const page = Number(raw['page']);
  return { values, filters, page: Number.isInteger(page) && page >= 1 ? page : 1, errors };
}

/** GOV.UK pagination items for a list of `total` rows, keeping the filters in each link. */
export function pagination(path: string, values: Record<string, string>, page: number, total: number): { previous?: { href: string }; next?: { href: string }; items: Array<{ number: number; href: string; current: boolean } | { ellipsis: true }> } | null {
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (pages === 1) return null;
  const href = (n: number) => {
    const params = new URLSearchParams(Object.entries(values).filter(([, v]) => v !== ''));
    params.set('page', String(n));
    return `${path}?${params.toString()}`;
  };
  const shown = [...new Set([1, page - 1, page, page + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items: Array<{ number: number; href: string; current: boolean } | { ellipsis: true }> = [];
  shown.forEach((n, index) => {
    const before = shown[index - 1];
    if (before !== undefined && n - before > 1) items.push({ ellipsis: true });
    items.push({ number: n, href: href(n), current: n === page });
  });
  return { ...(page > 1 ? { previous: { href: href(page - 1) } } : {}), ...(page < pages ? { next: { href: href(page + 1) } } : {}), items };
}
