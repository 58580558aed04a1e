import { describe, expect, it } from 'vitest';
import { BUILT_IN_FORMULA } from '../../../domain/scorecard/formula.js';
import { scoringRule, versionToShow } from './formula-view.js';

describe('the definitions page', () => {
  const later = { ...BUILT_IN_FORMULA, id: '766-2030.01', effectiveFrom: '2030-01-01' };

  it('shows the version in force today unless another is picked', () => {
    expect(versionToShow([BUILT_IN_FORMULA, later], '2026-11-20', null)?.id).toBe('766-2026.10');
    expect(versionToShow([BUILT_IN_FORMULA, later], '2030-02-01', null)?.id).toBe('766-2030.01');
    expect(versionToShow([BUILT_IN_FORMULA, later], '2026-11-20', '766-2030.01')?.id).toBe('766-2030.01');
    expect(versionToShow([], '2026-11-20', null)).toBeNull();
  });

  it('explains the scoring rule in Vietnamese', () => {
    expect(scoringRule({ maxPoints: 12, target: 50 })).toBe('Chỉ tiêu 50%: đạt chỉ tiêu được đủ 12 điểm, chưa đạt được điểm theo tỷ lệ so với chỉ tiêu.');
    expect(scoringRule({ maxPoints: 20, target: null })).toBe('Điểm tỷ lệ thuận với tỷ lệ đạt: 100% được 20 điểm.');
  });
});
