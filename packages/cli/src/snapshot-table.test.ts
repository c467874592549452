import type { SnapshotEntry, SnapshotResult } from '@deployforge/runner';
import { describe, expect, test } from 'vitest';
import { renderSnapshotTable } from './snapshot-table.js';

const entry = (key: string, destination: string, needs: string[], extra: Partial<SnapshotEntry> = {}): SnapshotEntry => ({
  key, displayName: key, status: 'kept', files: [], dir: `/p/.deployforge/dist/1.2.3/${key}`, destination, needs, detail: 'kept', ...extra,
});

// What `release --snapshot` printed for a Go project with github-action, pypi and a homebrew cask:
// a 85-column table, a 98-column need and a 158-column note in an 80-column terminal.
const result = {
  version: { version: '1.2.3', tag: 'v1.2.3', prerelease: false, npmDistTag: 'latest' },
  dir: '/p/.deployforge/dist/1.2.3',
  targets: ['linux-x64'],
  release: entry('github', 'release v1.2.3 on acme/go', ['GITHUB_TOKEN with contents: write', 'the tag v1.2.3 (pushed, or a dispatch)']),
  entries: [
    entry('github-action', 'as configured under platforms.github-action', ['GITHUB_TOKEN in environment release']),
    entry('pypi', 'https://upload.pypi.org/legacy/', ['a trusted publisher must be registered on PyPI (a pending publisher works for a new project)']),
    entry('homebrew', 'tap acme/homebrew-tap', [], {
      status: 'not-built',
      detail: 'needs macos-x64, macos-arm64: add to --targets (platforms.homebrew: the release of 1.2.3 has no macOS archive; add such a target to build.targets)',
    }),
  ],
} as unknown as SnapshotResult;

describe('the release --snapshot summary', () => {
  test('fits 80 columns, every word kept', () => {
    const text = renderSnapshotTable(result, '/p', 80);
    for (const line of text.split('\n')) expect(line.length, line).toBeLessThanOrEqual(80);
    const words = (s: string) => s.split(/\s+/).filter((w) => w !== '' && !/^-+$/.test(w)).sort();
    // Wrapping moves words onto new lines and never drops one.
    expect(words(text)).toEqual(words(renderSnapshotTable(result, '/p', 1000)));
    expect(text).toContain('    - a trusted publisher must be registered on PyPI');
    expect(text).toContain('  homebrew: needs macos-x64, macos-arm64: add to --targets');
  });

  test('a wider terminal keeps each line whole', () => {
    const text = renderSnapshotTable(result, '/p', 200);
    expect(text).toContain('    - a trusted publisher must be registered on PyPI (a pending publisher works for a new project)');
    expect(text).toContain('github-action  kept       github-action/  as configured under platforms.github-action');
  });

  test('a tag that already marks another commit: the last line says to bump the version, not to tag it again', () => {
    const taken = renderSnapshotTable({ ...result, tagTaken: 'abc1234' }, '/p', 80);
    expect(taken.replace(/\s+/g, ' ')).toContain('then bump the version (v1.2.3 is already released, at abc1234) and tag it to release for real.');
    expect(taken).not.toContain('then tag v1.2.3');
    expect(renderSnapshotTable(result, '/p', 200)).toContain('then tag v1.2.3 to release for real.');
  });
});
