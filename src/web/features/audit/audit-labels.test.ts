import { describe, expect, it } from 'vitest';
import { ACTION_LABELS } from '../../../domain/dossier/dossier.js';
import { auditPath, NO_FILTERS } from './api/audit-api.js';
import { actionLabel, actionOptions, describeTarget } from './audit-labels.js';

describe('the audit page speaks Vietnamese', () => {
  it('names every dossier step by the domain’s label, and the other audited actions', () => {
    for (const [type, label] of Object.entries(ACTION_LABELS)) expect(actionLabel(`dossier.${type}`)).toBe(label);
    expect(actionLabel('dossier.transfer')).toBe('Chuyển bước');
    expect(actionLabel('dossier.received_and_accepted')).toBe('Nhận và tiếp nhận hồ sơ tại Bộ phận Một cửa');
    expect(actionLabel('catalogue.decision_published')).toBe('Công bố quyết định');
    expect(actionLabel('office_hours.set')).toBe('Đặt giờ làm việc của đơn vị');
    expect(actionLabel('something.new')).toBeNull();
    const options = actionOptions();
    expect(options.map((o) => o.value)).toContain('dossier.accept');
    expect(options.every((o) => /^[a-z_]+\.[A-Za-z_]+$/.test(o.value))).toBe(true);
  });

  it('names a target by its kind and label; a unit by its name', () => {
    const nameOf = (code: string) => (code === '000.00.31.H37' ? 'Phường Tam Thanh' : null);
    expect(describeTarget('dossier', '000.00.31.H37-261123-0001', nameOf)).toEqual({ kind: 'Hồ sơ', label: '000.00.31.H37-261123-0001' });
    expect(describeTarget('unit', '000.00.31.H37', nameOf)).toEqual({ kind: 'Đơn vị', label: 'Phường Tam Thanh' });
    expect(describeTarget('publication_decision', null, nameOf)).toEqual({ kind: 'Quyết định công bố', label: null });
    expect(describeTarget(null, null, nameOf)).toBeNull();
  });

  it('asks the server for one page with the filters that are set', () => {
    expect(auditPath(NO_FILTERS, 50)).toBe('/api/v1/audit?limit=50');
    expect(auditPath({ unit: '000.00.31.H37', official: ' tam thanh ', action: 'dossier.accept', from: '2026-12-01', to: '' }, 50, 120)).toBe(
      '/api/v1/audit?limit=50&unit=000.00.31.H37&official=tam+thanh&action=dossier.accept&from=2026-12-01&beforeSeq=120',
    );
  });
});
