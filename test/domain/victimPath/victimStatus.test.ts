import { describe, expect, it } from 'vitest';
import { victimStatusOnPath } from '../../../src/domain/victimPath/victimStatus.ts';

describe('victim status along the path', () => {
  it('is the identifying organisation’s “possible” until the competent authority decides, then the authority’s', () => {
    const at = (stage: string | null) => victimStatusOnPath(stage);
    expect(at(null)).toEqual({ status: 'possible-victim', decidedBy: 'identifying-organisation' });
    expect(at('awaiting-reasonable-grounds')).toEqual({ status: 'possible-victim', decidedBy: 'identifying-organisation' });
    expect(at('recovery-period')).toEqual({ status: 'possible-victim', decidedBy: 'competent-authority' });
    expect(at('reasonable-grounds-negative')).toEqual({ status: 'not-a-victim', decidedBy: 'competent-authority' });
    expect(at('conclusive-grounds-positive')).toEqual({ status: 'actual-victim', decidedBy: 'competent-authority' });
    expect(at('conclusive-grounds-negative')).toEqual({ status: 'not-a-victim', decidedBy: 'competent-authority' });
    // A negative decision stands while it is reconsidered.
    expect(at('reconsideration')).toEqual({ status: 'not-a-victim', decidedBy: 'competent-authority' });
  });

  it('says nothing of a stage it does not know, rather than guessing', () => {
    expect(victimStatusOnPath('closed')).toBeUndefined();
    expect(victimStatusOnPath('toString')).toBeUndefined();
  });
});
