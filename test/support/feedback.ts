/** Citizen feedback in tests (issue 22): the public form's challenge answered as a person would, and an anonymous submission. */
import { expect } from 'vitest';
import type { Client } from './app.js';

const NUMBERS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];

/** Reads "bảy cộng năm bằng mấy?" and answers 12. */
export async function solvedChallenge(client: Client): Promise<{ token: string; answer: string }> {
  const res = await client.request('GET', '/api/v1/feedback/challenge');
  expect(res.statusCode).toBe(200);
  const { token, question } = res.json() as { token: string; question: string };
  const [a, b] = question.split(' cộng ');
  const sum = NUMBERS.indexOf(a!.trim()) + NUMBERS.indexOf(b!.split(' bằng')[0]!.trim());
  return { token, answer: String(sum) };
}

export const FEEDBACK_TEXT = {
  title: 'Thời gian đăng ký khai sinh kéo dài',
  content: 'Tôi nộp hồ sơ đăng ký khai sinh cho con tại phường nhưng phải đi lại ba lần vì thiếu hướng dẫn về giấy tờ.',
};

export async function submitAnonymously(client: Client, over: Record<string, unknown> = {}) {
  return client.request('POST', '/api/v1/feedback', {
    ...FEEDBACK_TEXT,
    unitCode: '000.00.31.H37',
    procedureCode: '1.001193',
    dossierCode: null,
    reporter: { name: 'Hoàng Thị Mai', email: 'mai@example.vn', phone: '0912345678', address: 'Thôn Nà Chuông' },
    showName: false,
    attachments: [],
    challenge: await solvedChallenge(client),
    ...over,
  });
}
