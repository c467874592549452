import { afterEach, describe, expect, test, vi } from 'vitest';
import { maskSecret } from './mask-secret.js';

/** What @actions/core wrote to stdout: the runner reads `::add-mask::` commands from there. */
function masksOf(run: () => void): string[] {
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    written.push(String(chunk));
    return true;
  });
  try {
    run();
  } finally {
    spy.mockRestore();
  }
  return written.join('').split('\n').filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice('::add-mask::'.length));
}

afterEach(() => vi.restoreAllMocks());

describe('maskSecret', () => {
  test('a one-line token is masked once, as it is', () => {
    expect(masksOf(() => maskSecret('ghs_0123456789abcdef'))).toEqual(['ghs_0123456789abcdef']);
  });

  test('a multi-line key is masked whole and line by line, armor and short lines aside', () => {
    const key = '-----BEGIN PGP PRIVATE KEY BLOCK-----\r\n\r\nlQdGBGV0c2VjcmV0a2V5bWF0ZXJpYWwx\r\n=abc\r\nc2Vjb25kbGluZW9ma2V5\r\n-----END PGP PRIVATE KEY BLOCK-----\r\n';
    const masks = masksOf(() => maskSecret(key));
    expect(masks).toContain('lQdGBGV0c2VjcmV0a2V5bWF0ZXJpYWwx');
    expect(masks).toContain('c2Vjb25kbGluZW9ma2V5');
    expect(masks).not.toContain('=abc');
    expect(masks).not.toContain('-----BEGIN PGP PRIVATE KEY BLOCK-----');
    // The whole value too (escaped by the command format), so the runner also knows it as one.
    expect(masks.length).toBe(3);
  });
});
