import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/repo-root.js';

// dist/'s config validator checks the schema's `uri` format with scripts/config-uri-format.cjs: a
// small regex for plain http(s) URLs before ajv-formats' full RFC 3986 check (issue 20, start-up).
// It must accept exactly what the full check accepts, which tests and tsx use.
const require = createRequire(import.meta.url);
const fast = require(join(repoRoot, 'scripts/config-uri-format.cjs')) as { uri(s: string): boolean; PLAIN_HTTP_URL: RegExp };
const full = (require('ajv-formats/dist/formats') as { fullFormats: { uri(s: string): boolean } }).fullFormats.uri;

/** A deterministic pseudo-random generator, so a failure names a reproducible string. */
function* strings(count: number, alphabet: string, maxLength: number): Generator<string> {
  let seed = 20;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < count; i++) {
    const length = Math.floor(next() * maxLength);
    let s = '';
    for (let j = 0; j < length; j++) s += alphabet[Math.floor(next() * alphabet.length)];
    yield s;
  }
}

describe('the uri format of the precompiled config validator', () => {
  const examples = [
    'https://github.com/acme/hello-forge', 'https://registry.npmjs.org/', 'http://127.0.0.1:4873', 'https://npm.pkg.github.com/',
    'https://example.com/a/b?c=d#e', 'HTTPS://Example.COM/Path', 'https://[::1]:8080/x', 'ftp://example.com/file', 'mailto:me@example.com',
    'sparse+https://index.crates.io/', 'ssh://aur@aur.archlinux.org/hello-forge-bin.git', 'git+ssh://git@github.com:22/acme/tap.git',
    'ssh://@host/x', 'ssh://a@b@host/x', '1ssh://host/x', 'sparse+://host/', 'https://u%41@host/',
    'https://exa mple.com', 'https://example.com/%zz', 'https://', 'https:', 'github.com/acme', '', 'https://example.com:port/', 'https://ex\u00e4mple.com/',
  ];

  it('gives the same answer as ajv-formats for typical and odd URLs', () => {
    for (const s of examples) expect([s, fast.uri(s)]).toEqual([s, full(s)]);
  });

  it('accepts through the fast path only what the full check accepts (random strings)', () => {
    // Strings that start like a URL of a few schemes and continue with URL characters and a few that are not.
    const tails = strings(20_000, "abcdXYZ0129-._~!$&'()*+,;=:@////?#%[] \u00e4", 30);
    let fastHits = 0;
    for (const tail of tails) {
      for (const s of [`https://${tail}`, `http://${tail}`, `sparse+https://${tail}`, `ssh://aur@${tail}`, `git+ssh://${tail}`, `a.b-c://u:p@${tail}`]) {
        if (!fast.PLAIN_HTTP_URL.test(s)) continue;
        fastHits++;
        if (!full(s)) expect.fail(`the fast path accepts ${JSON.stringify(s)}, which ajv-formats' uri refuses`);
      }
    }
    // Enough strings went through the fast path for the check to mean something.
    expect(fastHits).toBeGreaterThan(1000);
    for (const s of strings(5_000, "htps:/abc.%[]@", 20)) expect([s, fast.uri(s)]).toEqual([s, full(s)]);
  });
});
