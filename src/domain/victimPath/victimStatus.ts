// A person's status as a victim (possible, actual, not a victim) as their path through
// identification stands, and who decided it: the exported vic_TraffickingStatus of HTCDS.
// Until the competent authority decides, the identifying organisation's judgement is the status:
// recording someone as a potential victim is deciding they may be one. A positive
// reasonable-grounds decision is still "may be" (possible); only a conclusive-grounds decision
// says "is". A decision under reconsideration stands until it is replaced.
import type { VictimStatus } from '../vocabularies/victimStatus.ts';
import type { VictimPathStage } from './path.ts';

export interface StatusOnPath {
  readonly status: VictimStatus;
  readonly decidedBy: 'identifying-organisation' | 'competent-authority';
}

const BY_STAGE: Record<VictimPathStage, StatusOnPath> = {
  'awaiting-reasonable-grounds': { status: 'possible-victim', decidedBy: 'identifying-organisation' },
  'reasonable-grounds-negative': { status: 'not-a-victim', decidedBy: 'competent-authority' },
  'recovery-period': { status: 'possible-victim', decidedBy: 'competent-authority' },
  'conclusive-grounds-positive': { status: 'actual-victim', decidedBy: 'competent-authority' },
  'conclusive-grounds-negative': { status: 'not-a-victim', decidedBy: 'competent-authority' },
  reconsideration: { status: 'not-a-victim', decidedBy: 'competent-authority' },
};

/** The status at a stored stage (null: not referred yet); undefined for a stage this code does not know. */
export function victimStatusOnPath(stage: string | null): StatusOnPath | undefined {
  if (stage === null) return { status: 'possible-victim', decidedBy: 'identifying-organisation' };
  return Object.hasOwn(BY_STAGE, stage) ? BY_STAGE[stage as VictimPathStage] : undefined;
}
