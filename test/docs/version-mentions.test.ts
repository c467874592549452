import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../helpers/repo-root.js';

// Every place that names an exact DeployForge release (install commands, `uses:` examples, the
// starter workflows) names this checkout's version, so a version bump that forgets one fails here
// instead of shipping docs that install or pin the previous release.

const version = (JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string }).version;
/** `deployforge@1.2.3`, `deployforge/deployforge@v1.2.3`, `deployforge/deployforge/actions/x@v1.2.3`. */
const MENTION = /\bdeployforge(?:\/deployforge(?:\/actions\/[a-z-]+)?)?@v?(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)/g;

function files(dir: string, ext: RegExp): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : files(path, ext);
    return ext.test(e.name) ? [path] : [];
  });
}

const checked = [
  join(repoRoot, 'README.md'),
  ...files(join(repoRoot, 'docs'), /\.md$/),
  ...files(join(repoRoot, 'actions'), /^README\.md$/),
  ...files(join(repoRoot, 'workflows-templates'), /\.yml$/),
];

describe(`exact DeployForge versions in docs and starters are ${version}`, () => {
  test('the scan finds the install commands and the uses: examples', () => {
    const all = checked.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(MENTION)]);
    expect(all.length).toBeGreaterThan(20);
  });

  test('and every one names this release', () => {
    const stale = checked.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(MENTION)]
      .filter((m) => m[1] !== version)
      .map((m) => `${relative(repoRoot, f)}: ${m[0]}`));
    expect(stale).toEqual([]);
  });

  test('a stale mention is caught', () => {
    const text = 'npx deployforge@0.0.9 init\nuses: deployforge/deployforge/actions/summarize@v0.0.9\n';
    expect([...text.matchAll(MENTION)].map((m) => m[1])).toEqual(['0.0.9', '0.0.9']);
  });
});
