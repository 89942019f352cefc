import type { IsoDate } from './isoDate.ts';

/**
 * One day on which offices are closed in a jurisdiction.
 * - `regular`: the holiday on its own date.
 * - `substitute`: the weekday that replaces a holiday falling on a weekend.
 * - `special`: a one-off day or a regular holiday moved by proclamation (e.g. a jubilee).
 */
export interface BankHoliday {
  readonly date: IsoDate;
  readonly name: string;
  readonly kind: 'regular' | 'substitute' | 'special';
}
