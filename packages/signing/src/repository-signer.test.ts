import { generateKey } from 'openpgp';
import { describe, expect, test } from 'vitest';
import { repositorySigner } from './repository-signer.js';

describe('repositorySigner.detachBinary', () => {
  test('the same key, bytes and date give the same signature (a re-built .rpm keeps its digest)', async () => {
    const { privateKey } = await generateKey({ type: 'curve25519', userIDs: [{ name: 'Packages', email: 'packages@example.test' }], format: 'armored' });
    const signer = await repositorySigner(privateKey, undefined, { keySecret: 'LINUX_REPO_GPG_KEY' });
    const bytes = new TextEncoder().encode('an rpm header');
    const date = new Date('2030-01-01T00:00:00Z');
    const first = await signer.detachBinary(bytes, date);
    const second = await signer.detachBinary(bytes, date);
    expect(Buffer.from(second).toString('hex')).toBe(Buffer.from(first).toString('hex'));
    // Other bytes still get another signature.
    expect(Buffer.from(await signer.detachBinary(new TextEncoder().encode('another header'), date)).equals(Buffer.from(first))).toBe(false);
  });
});
