import { describe, expect, it } from 'vitest';
import { safeReturnTo } from './oidc-login.js';

describe('safeReturnTo', () => {
  it('keeps paths on this site', () => {
    expect(safeReturnTo('/tai-khoan')).toBe('/tai-khoan');
    expect(safeReturnTo('/thu-tuc?q=giay%20phep&linh-vuc=xay-dung')).toBe('/thu-tuc?q=giay%20phep&linh-vuc=xay-dung');
    expect(safeReturnTo('/ho-so/%C4%90%C3%A3')).toBe('/ho-so/%C4%90%C3%A3');
  });

  it('refuses anything a browser could turn into another site', () => {
    for (const evil of [
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      '/\tevil.example',
      '/\t/evil.example',
      '/%09/evil.example',
      '/%2F/evil.example',
      '/%5cevil.example',
      '/ok\r\nSet-Cookie: x=1',
      '/a//evil',
      'tai-khoan',
      '',
      undefined,
      '/' + 'a'.repeat(600),
    ]) {
      expect(safeReturnTo(evil), JSON.stringify(evil)).toBe('/tai-khoan');
    }
  });
});
