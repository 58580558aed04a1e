import { describe, expect, it } from 'vitest';
import type { ActionType } from '../../../domain/dossier/dossier.js';
import { emptyActionValues } from './action-forms.js';
import {
  BULK_MAX_ITEMS,
  buildBulkCommand,
  bulkBatches,
  bulkSummary,
  canSelect,
  commonBulkActions,
  defaultBulkReturnMethod,
  selectionState,
  toggleAll,
  toggleOne,
} from './bulk-actions.js';

const row = (id: string, ...availableActions: ActionType[]) => ({ id, seq: 2, availableActions });

describe('bulk actions in a work queue', () => {
  it('offers a row for selection only when some bulk action is open to it', () => {
    expect(canSelect(row('a', 'claim'))).toBe(true);
    expect(canSelect(row('b', 'transfer', 'requestSupplement'))).toBe(false);
  });

  it('offers only the actions that every selected dossier allows', () => {
    expect(commonBulkActions([row('a', 'claim'), row('b', 'claim', 'withdraw')])).toEqual(['claim']);
    expect(commonBulkActions([row('a', 'claim'), row('b', 'approve', 'reject')])).toEqual([]);
    expect(commonBulkActions([row('a', 'approve', 'reject', 'stop'), row('b', 'approve', 'reject')])).toEqual(['approve']);
    expect(commonBulkActions([])).toEqual([]);
  });

  it('selects all shown rows, or none when all are selected', () => {
    const ids = ['a', 'b', 'c'];
    expect(selectionState(new Set(), ids)).toBe('none');
    expect(selectionState(new Set(['a', 'gone']), ids)).toBe('some');
    expect([...toggleAll(new Set(['a']), ids)]).toEqual(ids);
    expect(selectionState(toggleAll(new Set(['a']), ids), ids)).toBe('all');
    expect([...toggleAll(new Set(ids), ids)]).toEqual([]);
    expect([...toggleOne(toggleOne(new Set(), 'a'), 'b')]).toEqual(['a', 'b']);
    expect([...toggleOne(new Set(['a', 'b']), 'a')]).toEqual(['b']);
  });

  it('sends the seq read in the queue, in requests the server accepts', () => {
    const rows = Array.from({ length: BULK_MAX_ITEMS + 5 }, (_, i) => ({ id: `d${i}`, seq: i }));
    const batches = bulkBatches(rows);
    expect(batches.map((b) => b.length)).toEqual([BULK_MAX_ITEMS, 5]);
    expect(batches[1]![0]).toEqual({ id: `d${BULK_MAX_ITEMS}`, expectedSeq: BULK_MAX_ITEMS });
  });

  it('sums up what happened, with the reasons of the dossiers not done', () => {
    const done = (id: string) => ({ id, ok: true as const, seq: 3, status: 'processing' as const });
    const failed = (id: string, code: string) => ({ id, ok: false as const, code, message: '' });
    expect(bulkSummary('claim', [done('a'), done('b'), done('c'), done('d'), done('e'), failed('f', 'DOSSIER_CHANGED')])).toBe(
      'Đã nhận xử lý 5/6 hồ sơ; 1 hồ sơ đã có người khác thay đổi',
    );
    expect(bulkSummary('approve', [done('a'), failed('b', 'ACTION_NOT_AVAILABLE'), failed('c', 'INTERNAL'), failed('d', 'ACTION_NOT_AVAILABLE')])).toBe(
      'Đã phê duyệt 1/4 hồ sơ; 2 hồ sơ không còn thực hiện được thao tác này; 1 hồ sơ không thực hiện được',
    );
    expect(bulkSummary('returnResult', [done('a')])).toBe('Đã trả kết quả 1/1 hồ sơ');
  });

  it('builds the one command for every dossier, checked like the dossier page', () => {
    expect(buildBulkCommand('claim', emptyActionValues())).toEqual({ ok: true, command: { type: 'claim' } });
    expect(buildBulkCommand('approve', emptyActionValues({ note: '  Đồng ý  ' }))).toEqual({ ok: true, command: { type: 'approve', note: 'Đồng ý' } });
    expect(buildBulkCommand('approve', emptyActionValues())).toEqual({ ok: true, command: { type: 'approve', note: null } });
    expect(buildBulkCommand('returnResult', emptyActionValues())).toEqual({ ok: false, errors: { method: 'Chọn hình thức trả kết quả.' } });
    expect(buildBulkCommand('returnResult', emptyActionValues({ method: 'postal' }))).toEqual({
      ok: true,
      command: { type: 'returnResult', method: 'postal' },
    });
  });

  it('proposes the return method the selected dossiers all came by', () => {
    expect(defaultBulkReturnMethod([{ channel: 'counter' }, { channel: 'counter' }])).toBe('counter');
    expect(defaultBulkReturnMethod([{ channel: 'counter' }, { channel: 'online' }])).toBe('');
  });
});
