export { deadlineStatus, type DeadlineStatus } from './deadline.ts';
export * from './decisions.ts';
export { moveOnSupportPeriod } from './moveOnSupport.ts';
export * from './path.ts';
export { daysLeft, isWithin, periodLength, periodOfDays, type Period } from './period.ts';
export * from './policy.ts';
export { reasonableGroundsDueDate, reasonableGroundsStatus } from './reasonableGrounds.ts';
export {
  conclusiveGroundsEarliestDate,
  extendReflectionPeriod,
  extensionProblems,
  InvalidExtensionError,
  isConclusiveGroundsDecisionAllowed,
  isProtected,
  reflectionPeriodStatus,
  startReflectionPeriod,
  type ReflectionPeriod,
  type ReflectionPeriodExtension,
  type ReflectionPeriodStatus,
} from './reflectionPeriod.ts';
export { victimStatusOnPath, type StatusOnPath } from './victimStatus.ts';
