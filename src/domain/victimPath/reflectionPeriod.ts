// The recovery and reflection period: it begins with a positive reasonable-grounds decision,
// lasts at least the policy's minimum, and can be extended. Inside it the person is supported
// and must not be removed.
import { addDays, compareDates, type IsoDate } from '../calendar/isoDate.ts';
import { daysLeft, isWithin, periodOfDays, type Period } from './period.ts';
import type { VictimPathPolicy } from './policy.ts';

export interface ReflectionPeriodExtension {
  readonly days: number;
  readonly reason: string;
  readonly grantedOn: IsoDate;
}

export interface ReflectionPeriod extends Period {
  /** The minimum in force when the period began: a later policy change does not shorten it. */
  readonly minimumDays: number;
  readonly extensions: readonly ReflectionPeriodExtension[];
}

export class InvalidExtensionError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'InvalidExtensionError';
  }
}

export function startReflectionPeriod(positiveReasonableGroundsOn: IsoDate, policy: VictimPathPolicy): ReflectionPeriod {
  const { firstDay, lastDay } = periodOfDays(positiveReasonableGroundsOn, policy.reflectionPeriodMinimumDays);
  return { firstDay, lastDay, minimumDays: policy.reflectionPeriodMinimumDays, extensions: [] };
}

export function extensionProblems(period: ReflectionPeriod, extension: ReflectionPeriodExtension): string[] {
  const problems: string[] = [];
  if (!Number.isInteger(extension.days) || extension.days < 1) problems.push('an extension must add a whole number of days, at least 1');
  if (extension.reason.trim() === '') problems.push('an extension needs a reason');
  if (compareDates(extension.grantedOn, period.firstDay) < 0) problems.push('an extension cannot be granted before the period begins');
  // Reopening an ended period would rewrite when the person was protected; they stay protected
  // anyway until the conclusive-grounds decision (see `isProtectedFromRemoval`).
  if (compareDates(extension.grantedOn, period.lastDay) > 0) problems.push('an extension must be granted before the period ends');
  return problems;
}

/** The period with one more extension added to its end. */
export function extendReflectionPeriod(period: ReflectionPeriod, extension: ReflectionPeriodExtension): ReflectionPeriod {
  const problems = extensionProblems(period, extension);
  if (problems.length > 0) throw new InvalidExtensionError(problems.join('; '));
  return { ...period, lastDay: addDays(period.lastDay, extension.days), extensions: [...period.extensions, extension] };
}

/** Inside the period the person is protected from removal. */
export function isProtected(period: ReflectionPeriod, today: IsoDate): boolean {
  return isWithin(period, today);
}

/** The first day on which a conclusive-grounds decision may be made: the day after the period ends. */
export function conclusiveGroundsEarliestDate(period: ReflectionPeriod): IsoDate {
  return addDays(period.lastDay, 1);
}

export function isConclusiveGroundsDecisionAllowed(period: ReflectionPeriod, on: IsoDate): boolean {
  return compareDates(on, conclusiveGroundsEarliestDate(period)) >= 0;
}

export type ReflectionPeriodStatus =
  | { readonly kind: 'not-started'; readonly startsOn: IsoDate }
  | { readonly kind: 'running'; readonly daysLeft: number; readonly lastDay: IsoDate }
  | { readonly kind: 'ending-soon'; readonly daysLeft: number; readonly lastDay: IsoDate }
  | { readonly kind: 'ended'; readonly lastDay: IsoDate };

export function reflectionPeriodStatus(period: ReflectionPeriod, today: IsoDate, policy: VictimPathPolicy): ReflectionPeriodStatus {
  if (compareDates(today, period.firstDay) < 0) return { kind: 'not-started', startsOn: period.firstDay };
  const left = daysLeft(period, today);
  if (left === 0) return { kind: 'ended', lastDay: period.lastDay };
  if (left <= policy.endingSoonDays) return { kind: 'ending-soon', daysLeft: left, lastDay: period.lastDay };
  return { kind: 'running', daysLeft: left, lastDay: period.lastDay };
}

export { daysLeft };
