import { describe, expect, test } from 'vitest';
import { createRedactor } from './redact.js';

const b64 = (text: string): string => Buffer.from(text).toString('base64');
const TOKEN = 'ghp_R3dact1onCanary0123456789abcdefXYZ';

describe('createRedactor', () => {
  test('masks every occurrence, longest secret first', () => {
    const redact = createRedactor(['npm_abcdef123', 'npm_abcdef123456', undefined]);
    expect(redact('token npm_abcdef123456 and npm_abcdef123 again npm_abcdef123456')).toBe('token *** and *** again ***');
  });
  test('treats secrets as text, not patterns', () => {
    expect(createRedactor(['a.b*c+d$e'])('x a.b*c+d$e y aXbbbc+d$e')).toBe('x *** y aXbbbc+d$e');
  });
  test('ignores short values that cannot be secrets', () => {
    expect(createRedactor(['true', '1', ''])('true 1')).toBe('true 1');
  });
});

describe('createRedactor: the forms a known secret is echoed in', () => {
  const redact = createRedactor([TOKEN, 'p@ss w/rd:"q"&more']);

  test.each([
    ['URL-encoded', `?access_token=${encodeURIComponent('p@ss w/rd:"q"&more')}&x=1`],
    ['JSON-escaped', JSON.stringify({ message: 'p@ss w/rd:"q"&more' })],
    ['base64 of x-access-token:TOKEN', `extraheader = AUTHORIZATION: basic ${b64(`x-access-token:${TOKEN}`)}`],
    ['base64 of TOKEN:', `credentials ${b64(`${TOKEN}:`)} end`],
    ['base64 of :TOKEN', `credentials ${b64(`:${TOKEN}`)} end`],
    ['base64 of user:TOKEN, any user', `proxy said ${b64(`someone-else:${TOKEN}`)}.`],
    ['URL-safe base64', `jwt.${b64(`??>>${TOKEN}`).replace(/\+/g, '-').replace(/\//g, '_')}.sig`],
  ])('%s', (_form, text) => {
    const out = redact(text);
    expect(out).toContain('***');
    expect(out).not.toContain(TOKEN);
    for (const secret of [TOKEN, 'p@ss w/rd:"q"&more']) {
      for (const prefix of ['', ':', 'x-access-token:', 'someone-else:', '??>>']) {
        expect(out).not.toContain(b64(`${prefix}${secret}`).replace(/=+$/, ''));
      }
      expect(out).not.toContain(encodeURIComponent(secret));
      expect(out).not.toContain(JSON.stringify(secret).slice(1, -1));
    }
  });

  test('the text around a masked base64 run is kept', () => {
    expect(redact(`a ${b64(`x-access-token:${TOKEN}`)} b`)).toBe('a *** b');
  });

  test('a multi-line key is masked line by line too, so a re-wrapped or partial echo is caught', () => {
    const key = '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUA\nAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----\n';
    const out = createRedactor([key])('git: bad key line AAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW near b3BlbnNzaC1rZXktdjEAAAAABG5vbmUA');
    expect(out).toBe('git: bad key line *** near ***');
  });
});

describe('createRedactor: credentials recognised by where they sit, known or not', () => {
  const redact = createRedactor([]);

  test.each([
    ['authorization: token X', 'authorization: token ghp_unknown123456789', 'authorization: token ***'],
    ['Authorization: Bearer X', 'Authorization: Bearer eyJhbGciOi.JIUzI1NiJ9.sig', 'Authorization: Bearer ***'],
    ['Authorization: Basic base64', `Authorization: Basic ${b64('user:secret-password')}`, 'Authorization: Basic ***'],
    ['a bare value', 'authorization: ghp_bare_value_1234', 'authorization: ***'],
    ['proxy-authorization', 'Proxy-Authorization: Basic dXNlcjpwYXNz', 'Proxy-Authorization: Basic ***'],
    ['JSON', '{"authorization":"token ghp_json_1234567","accept":"*/*"}', '{"authorization":"token ***","accept":"*/*"}'],
    ['JSON inside a JSON string', '"detail":"{\\"authorization\\":\\"Bearer abc.def.ghi\\"}"', '"detail":"{\\"authorization\\":\\"Bearer ***\\"}"'],
    ['JSON, a list value', '{"authorization":["token ghp_list_12345"]}', '{"authorization":["token ***"]}'],
    ['an escaped newline ends the value', 'authorization: token ghp_abc123456\\naccept: */*', 'authorization: token ***\\naccept: */*'],
    ['an annotation (newlines escaped as %0A)', '::error::echo%0Aauthorization: token ghp_ann12345%0Aaccept: */*', '::error::echo%0Aauthorization: token ***%0Aaccept: */*'],
    ['a query parameter', 'GET /x?authorization=token%20ghp_q12345&page=2', 'GET /x?authorization=token%20***&page=2'],
    ['NuGet API key header', 'x-nuget-apikey: oy2abcdefghijklmnop', 'x-nuget-apikey: ***'],
    ['.npmrc auth token', '//registry.npmjs.org/:_authToken=npm_abcdef123456', '//registry.npmjs.org/:_authToken=***'],
    ['x-access-token in a URL', 'fatal: https://x-access-token:ghs_url123456@github.com/acme/tap.git/', 'fatal: https://x-access-token:***@github.com/acme/tap.git/'],
    ['any URL password', 'push to https://bot:hunter2-long@git.example.test/x.git failed', 'push to https://bot:***@git.example.test/x.git failed'],
  ])('%s', (_form, text, expected) => {
    expect(redact(text)).toBe(expected);
  });

  test('words that merely mention authorization are left alone', () => {
    expect(redact('authorization failed: check the token scopes')).toBe('authorization failed: check the token scopes');
    expect(redact('https://github.com/acme/x and ssh://aur@aur.archlinux.org/x.git')).toBe('https://github.com/acme/x and ssh://aur@aur.archlinux.org/x.git');
  });

  test('masking twice changes nothing more', () => {
    const once = createRedactor([TOKEN])(`authorization: token ${TOKEN} ${b64(`x:${TOKEN}`)}`);
    expect(createRedactor([TOKEN])(once)).toBe(once);
  });
});
