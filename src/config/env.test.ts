import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from './env.js';

describe('loadConfig', () => {
  it('has development defaults: PGlite in ./data, port 3000, demo seed, built-in eID provider', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      DATA_DIR: './data',
      SEED: 'demo',
      devOidcProvider: true,
      publicUrl: 'http://localhost:3000',
      cookieSecure: false,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.oidc.issuerUrl).toBe('http://localhost:3000/oidc');
  });

  it('fails fast on bad values, naming each variable', () => {
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SEED: 'all' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toMatch(/^PORT:/m);
      expect(problems).toMatch(/^DATABASE_URL:/m);
      expect(problems).toMatch(/^SEED:/m);
    }
  });

  it('demands secrets and a real identity provider in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SESSION_SECRET[\s\S]*PERSONAL_DATA_KEY[\s\S]*OIDC_ISSUER_URL/);
    const config = loadConfig({
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      PERSONAL_DATA_KEY: 'k'.repeat(40),
      PUBLIC_URL: 'https://dichvucong.langson.gov.vn',
      OIDC_ISSUER_URL: 'https://sso.dichvucong.gov.vn',
      OIDC_CLIENT_ID: 'langson',
      OIDC_CLIENT_SECRET: 'secret',
      PAYMENT_ACCOUNTS: JSON.stringify({
        default: {
          vnpay: {
            tmnCode: 'LANGSON1',
            hashSecret: 'h'.repeat(32),
            payUrl: 'https://pay.vnpay.vn/vpcpay.html',
            apiUrl: 'https://merchant.vnpay.vn/merchant_webapi/api/transaction',
          },
        },
      }),
    });
    expect(config).toMatchObject({ devOidcProvider: false, cookieSecure: true });
    expect(config.payments.simulator).toBeNull();
    expect(config.payments.accounts.default.vnpay?.tmnCode).toBe('LANGSON1');
    expect(config.oidc).toEqual({ issuerUrl: 'https://sso.dichvucong.gov.vn', clientId: 'langson', clientSecret: 'secret', scopes: 'openid profile email' });
    expect(config.SEED).toBe('none');
    expect(config.warnings).toEqual([]);
    expect(config.personalData).toEqual({ key: 'k'.repeat(40), previousKeys: [] });
  });

  it('pays online through the merchant accounts given, the local gateway outside production, or not at all (with a warning)', () => {
    const production = { NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40), PERSONAL_DATA_KEY: 'k'.repeat(40), DEV_OIDC_PROVIDER: 'true' };
    expect(loadConfig(production).warnings.join('\n')).toMatch(/PAYMENT_ACCOUNTS is not set: fees cannot be paid online/);
    expect(loadConfig(production).payments).toEqual({ accounts: { default: {}, units: {} }, simulator: null });
    expect(() => loadConfig({ ...production, PAYMENT_ACCOUNTS: '{not json' })).toThrow(/PAYMENT_ACCOUNTS: không phải JSON hợp lệ/);
    expect(() => loadConfig({ ...production, PAYMENT_ACCOUNTS: '{"default":{"vnpay":{"tmnCode":"X"}}}' })).toThrow(
      /PAYMENT_ACCOUNTS: default\.vnpay\.hashSecret/,
    );
    const demo = loadConfig({ PORT: '3100', HOST: '0.0.0.0' });
    expect(demo.payments.simulator?.vnpay.ipnUrl).toBe('http://127.0.0.1:3100/api/v1/payments/vnpay/ipn');
    expect(demo.payments.accounts.default.vnpay?.payUrl).toBe('http://localhost:3100/demo/payment-gateway/paymentv2/vpcpay.html');
    expect(() => loadConfig({ PAYMENT_SIMULATOR: 'true', PAYMENT_ACCOUNTS: '{"default":{}}' })).toThrow(/PAYMENT_SIMULATOR: không dùng cùng PAYMENT_ACCOUNTS/);
  });

  it('takes earlier personal-data keys for reading after a rotation, each long enough', () => {
    expect(loadConfig({ PERSONAL_DATA_PREVIOUS_KEYS: ` ${'a'.repeat(32)}, ${'b'.repeat(33)} ` }).personalData.previousKeys).toEqual([
      'a'.repeat(32),
      'b'.repeat(33),
    ]);
    expect(() => loadConfig({ PERSONAL_DATA_PREVIOUS_KEYS: 'short' })).toThrow(/PERSONAL_DATA_PREVIOUS_KEYS/);
    expect(loadConfig({}).warnings.join('\n')).toMatch(/PERSONAL_DATA_KEY is not set/);
  });

  it('requires client credentials with an external issuer, and never mixes it with the development provider', () => {
    expect(() => loadConfig({ OIDC_ISSUER_URL: 'https://idp.example' })).toThrow(/OIDC_CLIENT_ID/);
    expect(() => loadConfig({ OIDC_ISSUER_URL: 'https://idp.example', OIDC_CLIENT_ID: 'a', OIDC_CLIENT_SECRET: 'b', DEV_OIDC_PROVIDER: 'true' })).toThrow(
      /DEV_OIDC_PROVIDER/,
    );
  });

  it('warns when development defaults are in use', () => {
    expect(loadConfig({}).warnings.join('\n')).toMatch(/SESSION_SECRET[\s\S]*\/oidc[\s\S]*SEED=demo/);
  });

  it('parses TRUST_PROXY as a flag, a hop count or a list of proxies', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.1,10.0.0.2' }).trustProxy).toEqual(['10.0.0.1', '10.0.0.2']);
    const hops = loadConfig({ TRUST_PROXY: '1' }).trustProxy as (a: string, i: number) => boolean;
    expect([hops('x', 0), hops('x', 1)]).toEqual([true, false]);
    expect(() => loadConfig({ TRUST_PROXY: 'yes please' })).toThrow(/TRUST_PROXY/);
  });

  it('keeps files on local disk by default; FILE_STORAGE=s3 demands the bucket and its keys, and never shows the secret', () => {
    expect(loadConfig({ DATA_DIR: '/srv/motcua/' }).files).toEqual({ kind: 'local', dir: '/srv/motcua/files' });
    expect(() => loadConfig({ FILE_STORAGE: 's3', S3_ENDPOINT: 'http://minio:9000' })).toThrow(
      /S3_BUCKET, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: bắt buộc khi FILE_STORAGE=s3/,
    );
    const s3 = {
      FILE_STORAGE: 's3',
      S3_ENDPOINT: 'http://minio:9000',
      S3_BUCKET: 'motcua',
      S3_ACCESS_KEY_ID: 'AKID',
      S3_SECRET_ACCESS_KEY: 'super-secret-value',
    };
    expect(loadConfig({ ...s3, S3_PREFIX: 'langson' }).files).toEqual({
      kind: 's3',
      endpoint: 'http://minio:9000',
      region: 'us-east-1',
      bucket: 'motcua',
      accessKeyId: 'AKID',
      secretAccessKey: 'super-secret-value',
      prefix: 'langson/',
      forcePathStyle: true,
    });
    expect(loadConfig({ ...s3, S3_FORCE_PATH_STYLE: 'false' }).files).toMatchObject({ prefix: '', forcePathStyle: false });
    try {
      loadConfig({ ...s3, S3_ENDPOINT: 'http://AKID:super-secret-value@minio:9000', S3_BUCKET: 'Bad_Bucket', S3_PREFIX: '/abs' });
      expect.unreachable();
    } catch (error) {
      const message = (error as ConfigError).message;
      expect(message).toMatch(/^\s*S3_ENDPOINT:[\s\S]*^\s*S3_BUCKET:[\s\S]*^\s*S3_PREFIX:/m);
      expect(message).not.toContain('super-secret-value');
    }
    expect(JSON.stringify(describeConfig())).not.toContain('super-secret-value');
    expect(loadConfig({ S3_BUCKET: 'motcua' }).warnings.join('\n')).toMatch(/FILE_STORAGE is local/);
  });

  it('describes every variable in one line', () => {
    const vars = describeConfig();
    expect(vars.map((v) => v.name)).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'DATA_DIR', 'SEED', 'OIDC_ISSUER_URL']));
    for (const v of vars) expect(v.describe).not.toMatch(/\n/);
  });
});
