import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { buildLayer } from './layer-tar.js';

describe('buildLayer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'df-layer-'));
  const bin = join(dir, 'tool');
  writeFileSync(bin, '#!/bin/sh\necho hi\n'.repeat(100), { mode: 0o700 });
  const files = [{ path: '/usr/local/bin/tool', source: bin, mode: 0o755 }];

  test('the same file gives the same bytes; diff_id is the digest of the uncompressed tar', async () => {
    const a = await buildLayer(files, dir);
    const b = await buildLayer(files, mkdtempSync(join(tmpdir(), 'df-layer-')));
    expect(b.digest).toBe(a.digest);
    const gz = readFileSync(a.path);
    expect(`sha256:${createHash('sha256').update(gz).digest('hex')}`).toBe(a.digest);
    expect(gz.length).toBe(a.size);
    expect(`sha256:${createHash('sha256').update(gunzipSync(gz)).digest('hex')}`).toBe(a.diffId);
  });

  test('GNU tar reads it: parent folders first, root-owned, epoch mtime, 0755', async () => {
    const layer = await buildLayer(files, dir);
    const listing = execFileSync('tar', ['-tvzf', layer.path, '--numeric-owner', '--full-time'], { encoding: 'utf8' }).trim().split('\n');
    expect(listing.map((l) => l.replace(/\s+/g, ' '))).toEqual([
      'drwxr-xr-x 0/0 0 1970-01-01 00:00:00 usr/',
      'drwxr-xr-x 0/0 0 1970-01-01 00:00:00 usr/local/',
      'drwxr-xr-x 0/0 0 1970-01-01 00:00:00 usr/local/bin/',
      '-rwxr-xr-x 0/0 1800 1970-01-01 00:00:00 usr/local/bin/tool',
    ]);
  });
});
