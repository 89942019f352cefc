// One definition per figure, shown beside it on every dashboard and carried into every CSV, so a
// figure quoted anywhere can be traced to what it counts (the model operation's arrests were 528
// in a press release and 406 in its final report: nobody had said which count was meant).
import { RESULT_DEFINITIONS } from '../operationResults.ts';

export const DASHBOARD_DEFINITIONS = {
  ...RESULT_DEFINITIONS,
  adults: 'Potential victims not recorded as possibly under 18.',
  rescues: 'Visits in the period at which at least one potential victim was found (each visit counted once, however many people were found).',
  convictions: 'Charges that followed arrests made in the period and ended in a conviction (guilty plea, after trial, or of a different or lesser offence).',
  assetsSeized: 'Assets other than cash (vehicles, property, goods) seized on visits in the period, with their recorded value.',
  intelligenceReports: 'Intelligence reports about the period (by the date the intelligence refers to), by the organisation that submitted them.',
  publicReports: 'Reports from the public received in the period, by the force whose queue they were routed to.',
  informationLineCalls: 'Calls to the national centre’s information line received in the period (an operation’s period when one is chosen), whatever their outcome. National only: a call belongs to no force.',
  decisionsDue: 'Potential victims waiting for a reasonable-grounds decision whose target date is today or later (counted today, whatever the period chosen).',
  decisionsOverdue: 'Potential victims waiting for a reasonable-grounds decision whose target date has passed.',
  periodsRunning: 'Recovery and reflection periods running today.',
  conclusiveAwaited: 'Recovery and reflection periods that have ended with the conclusive-grounds decision still to be made.',
  hiddenScale: 'The latest hidden-scale estimate saved by an analyst: the estimated number of potential victims, found and not found, with its interval.',
} as const;

export type FigureKey = keyof typeof DASHBOARD_DEFINITIONS;
