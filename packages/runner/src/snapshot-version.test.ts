import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { tagElsewhere } from './snapshot-version.js';

const dir = mkdtempSync(join(tmpdir(), 'df-tag-elsewhere-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: dir, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } }).toString().trim();

describe('tagElsewhere: is the tag a snapshot would name already a release of another commit?', () => {
  test('no git, no tag, the tag on HEAD: no; the tag on an older commit: its short sha', async () => {
    expect(await tagElsewhere(dir, 'v0.1.0')).toBeUndefined();
    git('init', '-q');
    writeFileSync(join(dir, 'Cargo.toml'), '[package]\nname = "a"\nversion = "0.1.0"\n');
    git('add', '-A');
    git('commit', '-qm', 'first');
    expect(await tagElsewhere(dir, 'v0.1.0')).toBeUndefined();
    // An annotated tag counts as its commit.
    git('tag', '-a', '-m', 'release', 'v0.1.0');
    const released = git('rev-parse', '--short=7', 'HEAD');
    expect(await tagElsewhere(dir, 'v0.1.0')).toBeUndefined();
    writeFileSync(join(dir, 'README.md'), 'more work, same Cargo.toml version\n');
    git('add', '-A');
    git('commit', '-qm', 'second');
    expect(await tagElsewhere(dir, 'v0.1.0')).toBe(released);
    expect(await tagElsewhere(dir, 'v0.1.1')).toBeUndefined();
  });
});
