import { describe, expect, it } from 'vitest';
import { amzDate, authorization, canonicalRequest, EMPTY_SHA256, parseAuthorization, sha256Hex, signature, stringToSign, uriEncode } from './sigv4.js';

// AWS's published vectors: the aws-sig-v4-test-suite (service "service") and the worked examples of
// "Authenticating Requests: Using the Authorization Header" in the S3 API reference.
const SUITE = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };
const SUITE_SCOPE = { region: 'us-east-1', service: 'service' };
const suiteRequest = (method: string, path: string, query = '', extra: Record<string, string> = {}, payloadHash = EMPTY_SHA256) => ({
  method,
  path,
  query,
  headers: { host: 'example.amazonaws.com', 'x-amz-date': '20150830T123600Z', ...extra },
  payloadHash,
});

const S3 = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const S3_SCOPE = { region: 'us-east-1', service: 's3' };
const s3Request = (method: string, path: string, query = '', extra: Record<string, string> = {}, payloadHash = EMPTY_SHA256) => ({
  method,
  path,
  query,
  headers: { host: 'examplebucket.s3.amazonaws.com', 'x-amz-content-sha256': payloadHash, 'x-amz-date': '20130524T000000Z', ...extra },
  payloadHash,
});

describe('SigV4 against the aws-sig-v4-test-suite', () => {
  it('get-vanilla: canonical request, string to sign and signature', () => {
    const request = suiteRequest('GET', '/');
    const canonical = canonicalRequest(request);
    expect(canonical).toBe(['GET', '/', '', 'host:example.amazonaws.com', 'x-amz-date:20150830T123600Z', '', 'host;x-amz-date', EMPTY_SHA256].join('\n'));
    expect(stringToSign('20150830T123600Z', { ...SUITE_SCOPE, date: '20150830' }, canonical)).toBe(
      [
        'AWS4-HMAC-SHA256',
        '20150830T123600Z',
        '20150830/us-east-1/service/aws4_request',
        'bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63',
      ].join('\n'),
    );
    expect(authorization(request, SUITE, SUITE_SCOPE)).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, ' +
        'Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31',
    );
  });

  it('sorts query parameters by name, then by value', () => {
    const byName = suiteRequest('GET', '/', 'Param2=value2&Param1=value1');
    expect(canonicalRequest(byName).split('\n')[2]).toBe('Param1=value1&Param2=value2');
    expect(sha256Hex(canonicalRequest(byName))).toBe('816cd5b414d056048ba4f7c5386d6e0533120fb1fcfa93762cf0fc39e2cf19e0');
    expect(signature(byName, SUITE.secretAccessKey, SUITE_SCOPE)).toBe('b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500');
    expect(signature(suiteRequest('GET', '/', 'Param1=value2&Param1=value1'), SUITE.secretAccessKey, SUITE_SCOPE)).toBe(
      '5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694',
    );
  });

  it('get-unreserved and post-x-www-form-urlencoded', () => {
    const unreserved = '/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
    expect(signature(suiteRequest('GET', unreserved), SUITE.secretAccessKey, SUITE_SCOPE)).toBe(
      '07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f',
    );
    const form = suiteRequest('POST', '/', '', { 'content-type': 'application/x-www-form-urlencoded' }, sha256Hex('Param1=value1'));
    expect(form.payloadHash).toBe('9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e');
    expect(authorization(form, SUITE, SUITE_SCOPE)).toMatch(
      /SignedHeaders=content-type;host;x-amz-date, Signature=ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a$/,
    );
  });
});

describe('SigV4 against the S3 documentation examples', () => {
  it('GET object with a Range header', () => {
    const request = s3Request('GET', '/test.txt', '', { range: 'bytes=0-9' });
    expect(canonicalRequest(request)).toBe(
      [
        'GET',
        '/test.txt',
        '',
        'host:examplebucket.s3.amazonaws.com',
        'range:bytes=0-9',
        `x-amz-content-sha256:${EMPTY_SHA256}`,
        'x-amz-date:20130524T000000Z',
        '',
        'host;range;x-amz-content-sha256;x-amz-date',
        EMPTY_SHA256,
      ].join('\n'),
    );
    expect(sha256Hex(canonicalRequest(request))).toBe('7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972');
    expect(authorization(request, S3, S3_SCOPE)).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, ' +
        'SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('PUT object with an encoded key, and the bucket lifecycle and listing queries', () => {
    const body = sha256Hex('Welcome to Amazon S3.');
    expect(body).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const put = s3Request(
      'PUT',
      `/${uriEncode('test$file.text')}`,
      '',
      { date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-storage-class': 'REDUCED_REDUNDANCY' },
      body,
    );
    expect(put.path).toBe('/test%24file.text');
    expect(signature(put, S3.secretAccessKey, S3_SCOPE)).toBe('98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd');
    expect(signature(s3Request('GET', '/', 'lifecycle'), S3.secretAccessKey, S3_SCOPE)).toBe(
      'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543',
    );
    expect(signature(s3Request('GET', '/', 'prefix=J&max-keys=2'), S3.secretAccessKey, S3_SCOPE)).toBe(
      '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7',
    );
  });
});

describe('SigV4 helpers', () => {
  it('formats the timestamp, encodes like RFC 3986, trims header values', () => {
    expect(amzDate(new Date('2015-08-30T12:36:00.123Z'))).toBe('20150830T123600Z');
    expect(uriEncode("a b+c/d!'()*~é")).toBe('a%20b%2Bc%2Fd%21%27%28%29%2A~%C3%A9');
    expect(
      canonicalRequest(suiteRequest('GET', '/', '', { 'my-header1': '  value1  ', 'my-header2': '"a   b   c"' }))
        .split('\n')
        .slice(4, 6),
    ).toEqual(['my-header1:value1', 'my-header2:"a b c"']);
  });

  it('parses an Authorization header back, and refuses malformed ones', () => {
    const header = authorization(s3Request('GET', '/test.txt'), S3, S3_SCOPE);
    expect(parseAuthorization(header)).toEqual({
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      scope: { date: '20130524', region: 'us-east-1', service: 's3' },
      signedHeaders: ['host', 'x-amz-content-sha256', 'x-amz-date'],
      signature: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(parseAuthorization('AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=')).toBeNull();
    expect(parseAuthorization(header.replace('/aws4_request', '/aws3_request'))).toBeNull();
    expect(parseAuthorization(header.replace(/Signature=\w+/, 'Signature=xyz'))).toBeNull();
  });
});
