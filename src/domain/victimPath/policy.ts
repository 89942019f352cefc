// The numbers of the victim's path. They have changed over the years (the recovery and
// reflection period has been 30 and 45 days), so they are one value passed to every rule,
// never constants inside the rules.

export interface VictimPathPolicy {
  /** Target for the reasonable-grounds decision, in working days after the referral. */
  readonly reasonableGroundsTargetWorkingDays: number;
  /** Minimum recovery and reflection period, in calendar days (Council of Europe Art. 13: at least 30). */
  readonly reflectionPeriodMinimumDays: number;
  /** Minimum move-on support after a positive conclusive-grounds decision, in calendar days. */
  readonly moveOnSupportDays: number;
  /** A period with this many days left or fewer is shown as ending soon. */
  readonly endingSoonDays: number;
}

/** Today's UK numbers: 5 working days, 30 days, 45 days, a 7-day warning. */
export const defaultVictimPathPolicy: VictimPathPolicy = {
  reasonableGroundsTargetWorkingDays: 5,
  reflectionPeriodMinimumDays: 30,
  moveOnSupportDays: 45,
  endingSoonDays: 7,
};

export class InvalidPolicyError extends RangeError {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid victim path policy: ${problems.join('; ')}`);
    this.name = 'InvalidPolicyError';
  }
}

/** Problems with a policy, in plain words; empty when it is usable. */
export function policyProblems(policy: VictimPathPolicy): string[] {
  const problems: string[] = [];
  const wholeAtLeast = (value: number, minimum: number, what: string): void => {
    if (!Number.isInteger(value) || value < minimum) problems.push(`${what} must be a whole number of at least ${minimum} (got ${value})`);
  };
  wholeAtLeast(policy.reasonableGroundsTargetWorkingDays, 1, 'the reasonable-grounds target');
  // Article 13 of the Council of Europe Convention sets 30 days as the floor.
  wholeAtLeast(policy.reflectionPeriodMinimumDays, 30, 'the reflection period');
  wholeAtLeast(policy.moveOnSupportDays, 1, 'move-on support');
  wholeAtLeast(policy.endingSoonDays, 0, 'the ending-soon warning');
  return problems;
}

/** The default policy with some numbers changed; throws `InvalidPolicyError` if the result is unusable. */
export function victimPathPolicy(changes: Partial<VictimPathPolicy> = {}): VictimPathPolicy {
  const policy: VictimPathPolicy = { ...defaultVictimPathPolicy, ...changes };
  const problems = policyProblems(policy);
  if (problems.length > 0) throw new InvalidPolicyError(problems);
  return policy;
}
