import { describe, expect, it } from 'vitest';
import { applicantForms, openSupplementRequest, reuseText, SUPPLEMENT_SLOT_NAME, uploadSlots } from './applicant-files.js';

const components = [
  { code: '1.001193.TP1', name: 'Tờ khai đăng ký khai sinh' },
  { code: '1.001193.TP2', name: 'Giấy chứng sinh' },
  { code: '', name: 'Giấy tờ chưa có mã' },
];

describe('uploadSlots', () => {
  it('puts the papers asked for first, then the declared components the server accepts, in order', () => {
    expect(uploadSlots(components, ['1.001193.TP2', '1.001193.TP1', 'BO_SUNG'])).toEqual([
      { code: 'BO_SUNG', name: SUPPLEMENT_SLOT_NAME },
      { code: '1.001193.TP1', name: 'Tờ khai đăng ký khai sinh' },
      { code: '1.001193.TP2', name: 'Giấy chứng sinh' },
    ]);
  });
  it('offers nothing the server would refuse', () => {
    expect(uploadSlots(components, ['1.001193.TP1'])).toEqual([{ code: '1.001193.TP1', name: 'Tờ khai đăng ký khai sinh' }]);
    expect(uploadSlots(components, [])).toEqual([]);
  });
});

describe('openSupplementRequest', () => {
  const history = [
    { type: 'accept', note: null },
    { type: 'requestSupplement', note: 'Thiếu giấy tờ', items: ['Văn bản ủy quyền'] },
    { type: 'receiveSupplement', note: null },
    { type: 'requestSupplement', note: 'Tờ khai chưa ký', items: ['Tờ khai có chữ ký', 'Bản sao CCCD'] },
  ];
  it('is the latest request of the kind the dossier waits for', () => {
    expect(openSupplementRequest({ status: 'supplementRequested', history })).toEqual({
      reason: 'Tờ khai chưa ký',
      items: ['Tờ khai có chữ ký', 'Bản sao CCCD'],
    });
    expect(openSupplementRequest({ status: 'receptionSupplement', history: [{ type: 'requestSupplementAtReception', note: 'Thiếu', items: [] }] })).toEqual({
      reason: 'Thiếu',
      items: [],
    });
  });
  it('is none once the dossier no longer waits', () => {
    expect(openSupplementRequest({ status: 'processing', history })).toBeNull();
  });
});

describe('applicantForms', () => {
  it('lists the forms addressed to the applicant as they are issued, never the control slip', () => {
    expect(applicantForms({ acceptedAt: null, history: [] })).toEqual([]);
    expect(
      applicantForms({ acceptedAt: '2026-12-01T08:00:00+07:00', history: [{ type: 'accept' }, { type: 'requestSupplement' }, { type: 'apologize' }] }),
    ).toEqual(['01', '02', '04']);
    expect(applicantForms({ acceptedAt: null, history: [{ type: 'refuse' }] })).toEqual(['03']);
  });
});

describe('reuseText', () => {
  it('says a file came from the data vault, and from the national portal’s when it did', () => {
    expect(reuseText({ reused: true, fromNationalVault: true })).toBe('Lấy từ kho dữ liệu trên Cổng DVCQG');
    expect(reuseText({ reused: true, fromNationalVault: false })).toBe('Lấy từ kho dữ liệu');
    expect(reuseText({ reused: false, fromNationalVault: false })).toBeNull();
  });
});
