// The filters every enforcement list shares: whose records (decided by the access policy, passed
// in as organisation ids), which operation, which period, which page.
export interface EnforcementScope {
  /** Forces whose records may be read; undefined means every force. Never empty: callers refuse first. */
  organisationIds?: readonly string[];
  operationId?: string;
  /** Inclusive ISO timestamps or dates. */
  from?: string;
  to?: string;
}

export interface Page {
  limit: number;
  offset: number;
}

export interface Listing<T> {
  rows: T[];
  total: number;
}

export type SortDirection = 'asc' | 'desc';

/** The end of a period given as a date includes that whole day. */
export function endOfPeriod(to: string): string {
  return to.length === 10 ? `${to}T23:59:59.999Z` : to;
}
