import { describe, expect, it } from 'vitest';
import type { Scorecard } from '../../../domain/scorecard/formula.js';
import type { RankingRow } from './api/scorecard-api.js';
import {
  canDrillDown,
  intervalText,
  isNotApplicable,
  monthLabel,
  onTimeShare,
  pointsText,
  rankText,
  settlementTimeText,
  trendSeries,
  trendSummary,
  unitTiles,
  worstIndicators,
} from './scorecard-view.js';

const indicator = (id: string, points: number, maxPoints: number, ratio: number | null) => ({
  id,
  name: `Chỉ số ${id}`,
  numerator: 0,
  denominator: 0,
  ratio,
  target: null,
  points,
  maxPoints,
});

const card: Scorecard = {
  formulaVersion: '766-2026.10',
  total: 30,
  groups: [
    {
      id: '1',
      name: 'Công khai, minh bạch',
      points: 8,
      maxPoints: 18,
      indicators: [indicator('1.1', 6, 6, 100), indicator('1.2', 0, 4, 0), indicator('1.4', 2, 8, 25)],
    },
    { id: '2', name: 'Tiến độ, kết quả giải quyết', points: 17.96, maxPoints: 20, indicators: [indicator('2.1', 17.96, 20, 89.8)] },
    { id: '5', name: 'Mức độ hài lòng', points: 0, maxPoints: 6, indicators: [indicator('5.2', 0, 6, null)] },
  ],
};

const row = (unitCode: string, total: number, sample: number, rank: number | null): RankingRow => ({
  unitCode,
  unitName: `Đơn vị ${unitCode}`,
  level: 'commune',
  total,
  sample,
  onTime: Math.round(sample * 0.9),
  rank,
  interval: sample > 0 ? { low: 85.06, high: 93.44 } : null,
  indistinctFromNext: false,
  groups: [],
});

describe('the dashboard view of a scorecard', () => {
  it('tells N/A apart and drills down only where points were lost', () => {
    expect(isNotApplicable(indicator('5.2', 0, 6, null))).toBe(true);
    expect(canDrillDown(indicator('5.2', 0, 6, null))).toBe(false);
    expect(canDrillDown(indicator('5.1a', 0, 0, 40))).toBe(true);
    expect(canDrillDown(indicator('5.1a', 0, 0, 0))).toBe(false);
    expect(canDrillDown(indicator('1.1', 6, 6, 100))).toBe(false);
    expect(canDrillDown(indicator('2.1', 17.96, 20, 89.8))).toBe(true);
    expect(pointsText(17.96, 20)).toBe('17,96/20');
  });

  it('lists the worst applicable indicators by share of their points, ties by points lost', () => {
    expect(worstIndicators(card).map((i) => i.id)).toEqual(['1.2', '1.4', '2.1']);
    expect(worstIndicators(card, 1)[0]).toMatchObject({ groupName: 'Công khai, minh bạch', share: 0, lost: 4 });
  });

  it('writes ranks, intervals and months the Vietnamese way', () => {
    expect(rankText({ rank: null }, 30)).toBe('Chưa đủ mẫu (n < 30)');
    expect(rankText({ rank: 2 }, 30)).toBe('2');
    expect(intervalText({ low: 85.06, high: 93.44 })).toBe('85,1%–93,4%');
    expect(intervalText(null)).toBe('—');
    expect(onTimeShare({ onTime: 317, sample: 353 })).toBe(89.8);
    expect(onTimeShare({ onTime: 0, sample: 0 })).toBeNull();
    expect(monthLabel('2026-03')).toBe('03/2026');
  });

  it('turns the trend into a series per group, with a sentence for screen readers', () => {
    const { months, total, groups } = trendSeries({
      unit: 'x',
      points: [
        { month: '2026-10', from: '2026-10-01', to: '2026-10-31', total: 33.63, groups: [{ id: '2', name: 'Tiến độ', points: 16.52, maxPoints: 20 }] },
        { month: '2026-11', from: '2026-11-01', to: '2026-11-30', total: 44.95, groups: [{ id: '2', name: 'Tiến độ', points: 18.95, maxPoints: 20 }] },
      ],
    });
    expect(months).toEqual(['2026-10', '2026-11']);
    expect(total.values).toEqual([33.63, 44.95]);
    expect(groups).toEqual([{ id: '2', name: 'Nhóm 2. Tiến độ', maxPoints: 20, values: [16.52, 18.95] }]);
    expect(trendSummary(groups[0]!, months)).toBe(
      'Nhóm 2. Tiến độ theo tháng, từ 10/2026 đến 11/2026: thấp nhất 16,52, cao nhất 18,95, tháng gần nhất 18,95 trên 20 điểm.',
    );
  });

  it('tiles the subunits with dossiers, coloured from the lowest to the highest total', () => {
    const { tiles, min, max, withoutDossiers } = unitTiles([row('a', 40, 33, 1), row('b', 20, 30, 2), row('c', 30, 0, null)]);
    expect([min, max, withoutDossiers]).toEqual([20, 40, 1]);
    expect(tiles.map((t) => [t.unitCode, t.value, t.fill])).toEqual([
      ['a', 33, '#2166ac'],
      ['b', 30, '#b2182b'],
    ]);
    expect(tiles.map((t) => t.labelColour)).toEqual(['#ffffff', '#ffffff']);
  });
});

describe('indicator 2.2 on the dashboard', () => {
  it('says the average in the procedure unit, with a Vietnamese decimal comma', () => {
    expect(settlementTimeText({ average: 3.25, timeUnit: 'working_days' })).toBe('3,25 ngày làm việc');
    expect(settlementTimeText({ average: 14, timeUnit: 'working_hours' })).toBe('14 giờ làm việc');
    expect(settlementTimeText({ average: 0.5, timeUnit: 'months' })).toBe('0,5 tháng');
  });
});
