import { join } from 'node:path';
import { isConfigurationError } from '@deployforge/diagnostics';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleFixture } from '../git-remote/test-support.js';
import type { ReleaseFixture } from '../../../../test/helpers/release-fixture.js';
import { repoRoot } from '../../../../test/helpers/repo-root.js';
import { renderHuggingface } from './render.js';
import { describeTreeDiff, diffTree, gitBlobId } from './tree-diff.js';

describe('the rust-cli example Space', () => {
  let fx: ReleaseFixture;
  beforeAll(async () => {
    fx = await exampleFixture('rust-cli');
  });
  afterAll(async () => fx?.close());

  it('renders exactly the files of examples/rust-cli/space (golden: path, mode, git blob id)', async () => {
    const files = renderHuggingface(fx.context({ env: { DEPLOYFORGE_CONFIG_DIR: join(repoRoot, 'examples/rust-cli') } }));
    const listing = files.map((f) => `${(f.mode ?? 0o644).toString(8)} ${gitBlobId(f.contents)} ${f.path}`).join('\n');
    await expect(`${listing}\n`).toMatchFileSnapshot('__golden__/rust-cli.txt');
  });

  it('a missing folder is a configuration error naming the key', () => {
    let error: unknown;
    try {
      renderHuggingface(fx.context({ env: { DEPLOYFORGE_CONFIG_DIR: '/nonexistent-deployforge' } }));
    } catch (e) {
      error = e;
    }
    expect(isConfigurationError(error)).toBe(true);
    expect(String(error)).toContain('platforms.huggingface.path');
  });
});

describe('tree diff', () => {
  it('matches git hash-object', () => {
    expect(gitBlobId('')).toBe('e69de29bb2d1d6434b8b29ae775ad8c2e48c5391');
    expect(gitBlobId('hello\n')).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });
  it('reports added, changed (content or mode) and removed files', () => {
    const remote = new Map([
      ['same.txt', { blob: gitBlobId('x'), mode: '100644' }],
      ['mode.sh', { blob: gitBlobId('y'), mode: '100644' }],
      ['gone.txt', { blob: gitBlobId('z'), mode: '100644' }],
    ]);
    const diff = diffTree(remote, [
      { path: 'same.txt', contents: 'x' },
      { path: 'mode.sh', contents: 'y', mode: 0o755 },
      { path: 'new.txt', contents: 'n' },
    ]);
    expect(diff).toEqual({ added: ['new.txt'], changed: ['mode.sh'], removed: ['gone.txt'] });
    expect(describeTreeDiff(diff)).toBe('1 to add (new.txt), 1 to change (mode.sh), 1 to delete (gone.txt)');
  });
});
