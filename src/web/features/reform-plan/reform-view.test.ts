import { describe, expect, it } from 'vitest';
import { chartBars, checkEvidenceFile, checkPlanFile, completionSentence, formatRate, taskErrors, yearOf, EMPTY_TASK } from './reform-view.js';

describe('the reform plan’s pages', () => {
  it('write rates and completion the Vietnamese way', () => {
    expect(formatRate(50.34)).toBe('50,34%');
    expect(formatRate(null)).toBe('—');
    expect(completionSentence({ done: 662, total: 1315, rate: 50.34 })).toBe('662/1.315 nhiệm vụ hoàn thành (50,34%)');
    expect(completionSentence({ done: 0, total: 0, rate: null })).toBe('Chưa có nhiệm vụ');
  });

  it('show the year asked, or this year', () => {
    expect(yearOf('2027', '2026-12-07')).toBe(2027);
    expect(yearOf(null, '2026-12-07')).toBe(2026);
    expect(yearOf('năm nay', '2026-12-07')).toBe(2026);
  });

  it('chart the units that have tasks', () => {
    const unit = (unitName: string, rate: number | null) => ({ unitName, rate }) as Parameters<typeof chartBars>[0][number];
    expect(chartBars([unit('Sở Tư pháp', 75), unit('Xã Cao Lộc', null)])).toEqual([{ unitName: 'Sở Tư pháp', rate: 75 }]);
  });

  it('take evidence files by their kind and size, and plans as workbooks', () => {
    expect(checkEvidenceFile({ name: 'Bao cao.DOCX', size: 1000 })).toEqual({
      ok: true,
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    expect(checkEvidenceFile({ name: 'anh.jpg', size: 1000 })).toEqual({ ok: true, contentType: 'image/jpeg' });
    expect(checkEvidenceFile({ name: 'chay.exe', size: 1000 })).toMatchObject({ ok: false });
    expect(checkEvidenceFile({ name: 'lon.pdf', size: 11 * 1024 * 1024 })).toEqual({
      ok: false,
      message: 'Tệp "lon.pdf" có dung lượng 11 MB, vượt quá giới hạn 10 MB.',
    });
    expect(checkPlanFile({ name: 'ke-hoach.xlsx', size: 5000 })).toBeNull();
    expect(checkPlanFile({ name: 'ke-hoach.xls', size: 5000 })).toBe('Tệp "ke-hoach.xls" không phải tệp Excel (.xlsx).');
  });

  it('check the task form before it is sent', () => {
    expect(Object.keys(taskErrors(EMPTY_TASK))).toEqual(['content', 'unitCode', 'deadline', 'expectedOutput']);
    expect(taskErrors({ kind: 'task', content: 'Rà soát thủ tục', unitCode: '000.00.03.H37', deadline: '2027-03-31', expectedOutput: 'Báo cáo' })).toEqual({});
  });
});
