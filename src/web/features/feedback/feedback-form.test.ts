import { describe, expect, it } from 'vitest';
import {
  contentCounter,
  EMPTY_ENTRY,
  EMPTY_FEEDBACK,
  entryBody,
  errorList,
  serverFieldErrors,
  submitBody,
  validateEntry,
  validateFeedback,
  type EntryValues,
  type FeedbackValues,
} from './feedback-form.js';

const FILLED: FeedbackValues = {
  ...EMPTY_FEEDBACK,
  title: 'Thời gian đăng ký khai sinh kéo dài',
  content: 'Tôi phải đi lại ba lần vì thiếu hướng dẫn về giấy tờ.',
  name: 'Hoàng Thị Mai',
  challenge: '12',
};

describe('the content counter', () => {
  it('counts live and says what is missing or too much', () => {
    expect(contentCounter('')).toEqual({ text: '0/10.000 ký tự (cần ít nhất 20 ký tự, còn thiếu 20)', ok: false });
    expect(contentCounter('x'.repeat(20))).toEqual({ text: '20/10.000 ký tự', ok: true });
    expect(contentCounter('x'.repeat(10_001))).toEqual({ text: '10.001/10.000 ký tự (vượt quá 1 ký tự)', ok: false });
  });
});

describe('the citizen form before sending', () => {
  it('takes a filled form', () => {
    expect(validateFeedback(FILLED, { challenge: true })).toEqual({});
  });

  it('asks for the texts within the limits, a name unless anonymous, a valid contact and the challenge', () => {
    const errors = validateFeedback({ ...EMPTY_FEEDBACK, title: 'abc', content: 'ngắn', email: 'không-phải-thư', phone: '12' }, { challenge: true });
    expect(Object.keys(errors).sort()).toEqual(['challenge', 'content', 'email', 'name', 'phone', 'title']);
    expect(errors.title).toBe('Tiêu đề cần ít nhất 5 ký tự.');
    expect(errors.content).toBe('Nội dung cần ít nhất 20 ký tự.');
    expect(validateFeedback({ ...FILLED, content: 'x'.repeat(10_001) }, { challenge: true }).content).toBe('Nội dung dài tối đa 10.000 ký tự.');
    expect(validateFeedback({ ...FILLED, challenge: 'mười hai' }, { challenge: true }).challenge).toBe('Trả lời câu hỏi kiểm tra bằng số, ví dụ 12.');
  });

  it('needs no name when anonymous, and no challenge with an account', () => {
    expect(validateFeedback({ ...FILLED, name: '', reporterMode: 'anonymous' }, { challenge: true })).toEqual({});
    expect(validateFeedback({ ...FILLED, name: '', reporterMode: 'account', challenge: '' }, { challenge: false })).toEqual({});
  });

  it('lists the problems in the order of the form, each with its field id', () => {
    expect(errorList({ challenge: 'c', title: 't', name: 'n' }).map((e) => e.id)).toEqual(['pakn-tieu-de', 'pakn-ho-ten', 'pakn-cau-hoi']);
  });
});

describe('the citizen request', () => {
  it('sends an anonymous item without contact or consent', () => {
    const body = submitBody({ ...FILLED, reporterMode: 'anonymous', showName: true, phone: '0912345678' }, [], 'token');
    expect(body).toMatchObject({ reporter: null, showName: false, challenge: { token: 'token', answer: '12' }, unitCode: null, procedureCode: null });
  });

  it('sends the contact typed, empty fields as null, and no challenge with an account', () => {
    const body = submitBody({ ...FILLED, email: ' ', phone: ' 0912 345 678 ', showName: true, procedureCode: ' 1.001193 ' }, [], null);
    expect(body).toMatchObject({
      reporter: { name: 'Hoàng Thị Mai', email: null, phone: '0912 345 678', address: null },
      showName: true,
      procedureCode: '1.001193',
      challenge: null,
    });
    expect(submitBody({ ...FILLED, reporterMode: 'account', showName: true }, [], null)).toMatchObject({ reporter: null, showName: true });
  });
});

describe("the official's entry", () => {
  const NOW = new Date('2026-03-10T03:00:00Z');
  const ENTRY: EntryValues = { ...EMPTY_ENTRY, ...FILLED, reporterMode: 'anonymous', channel: 'hotline', unitCode: '000.00.31.H37' };

  it('needs a channel and a unit; a forwarded item its agency and first reception time, not in the future', () => {
    expect(validateEntry(ENTRY, NOW)).toEqual({});
    expect(Object.keys(validateEntry({ ...ENTRY, channel: '', unitCode: null }, NOW)).sort()).toEqual(['channel', 'unitCode']);
    expect(Object.keys(validateEntry({ ...ENTRY, channel: 'forwarded' }, NOW)).sort()).toEqual(['forwardedFrom', 'receivedAt']);
    expect(validateEntry({ ...ENTRY, receivedAt: '2026-03-10T11:00' }, NOW).receivedAt).toBe('Thời điểm tiếp nhận không được ở tương lai.');
    expect(validateEntry({ ...ENTRY, receivedAt: '2026-02-30T09:00' }, NOW).receivedAt).toBe('Thời điểm tiếp nhận không hợp lệ.');
  });

  it('sends the first reception time in Vietnam time, and the agency only for a forwarded item', () => {
    const forwarded = entryBody({ ...ENTRY, channel: 'forwarded', forwardedFrom: 'Văn phòng Chính phủ', receivedAt: '2026-02-01T08:30' }, []);
    expect(forwarded).toMatchObject({ channel: 'forwarded', forwardedFrom: 'Văn phòng Chính phủ', receivedAt: '2026-02-01T08:30:00+07:00', reporter: null });
    expect(entryBody({ ...ENTRY, forwardedFrom: 'bỏ qua' }, [])).toMatchObject({ channel: 'hotline', forwardedFrom: null, receivedAt: null });
  });
});

describe("the server's problems", () => {
  it('go back to their fields; the others stay general', () => {
    const { fields, other } = serverFieldErrors([
      { path: 'body.reporter.phone', message: 'Số điện thoại không hợp lệ' },
      { path: 'body.attachments.1', message: 'Nội dung tệp không phải application/pdf' },
      { path: 'body.challenge.answer', message: 'sai' },
      { path: 'body.unitCode', message: 'Không có đơn vị 999' },
      { path: 'body.lạ', message: 'Trường lạ' },
      { path: '', message: 'Chung' },
    ]);
    expect(fields).toEqual({
      phone: 'Số điện thoại không hợp lệ',
      attachments: 'Nội dung tệp không phải application/pdf',
      challenge: 'sai',
      unitCode: 'Không có đơn vị 999',
    });
    expect(other).toEqual(['Trường lạ', 'Chung']);
  });
});
