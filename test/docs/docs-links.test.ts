import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { PLATFORMS, SPOKE_IDS } from '../../packages/platforms/src/catalog.js';
import { headingAnchors, isExternal, markdownLinks } from './markdown-links.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

function markdownFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return markdownFiles(path);
    return entry.name.endsWith('.md') ? [path] : [];
  });
}

const actionReadmes = readdirSync(join(root, 'actions'))
  .map((name) => join(root, 'actions', name, 'README.md'))
  .filter((path) => existsSync(path));
const files = [join(root, 'README.md'), ...markdownFiles(join(root, 'docs')), ...actionReadmes];

const anchorCache = new Map<string, Set<string>>();
function anchorsOf(file: string): Set<string> {
  let anchors = anchorCache.get(file);
  if (!anchors) {
    anchors = headingAnchors(readFileSync(file, 'utf8'));
    anchorCache.set(file, anchors);
  }
  return anchors;
}

/** Every problem with the relative links of one file, as `file:line: target: why`. */
function brokenLinks(file: string): string[] {
  const problems: string[] = [];
  for (const { line, target } of markdownLinks(readFileSync(file, 'utf8'))) {
    if (isExternal(target)) continue;
    const [pathPart, anchor] = target.split('#', 2) as [string, string | undefined];
    const resolved = pathPart === '' ? file : resolve(dirname(file), decodeURIComponent(pathPart));
    const where = `${relative(root, file)}:${line}: ${target}`;
    if (!existsSync(resolved)) {
      problems.push(`${where}: no such file`);
      continue;
    }
    if (anchor !== undefined && resolved.endsWith('.md') && statSync(resolved).isFile() && !anchorsOf(resolved).has(anchor)) {
      problems.push(`${where}: no heading with anchor #${anchor}`);
    }
  }
  return problems;
}

describe('documentation links', () => {
  test('the docs are there to check', () => {
    // A glob that silently matched nothing would make every other test here pass vacuously.
    expect(files.length).toBeGreaterThan(20);
    expect(files.map((f) => relative(root, f))).toEqual(expect.arrayContaining(['README.md', 'docs/usage.md', 'docs/troubleshooting.md', 'docs/cli.md']));
  });

  test.each(files.map((f) => [relative(root, f), f] as const))('%s: every relative link and anchor resolves', (_name, file) => {
    expect(brokenLinks(file)).toEqual([]);
  });

  test('a broken link and a broken anchor are caught', () => {
    const probe = join(root, 'docs', 'usage.md');
    const text = '[ok](cli.md#exit-codes) [gone](no-such-page.md) [bad anchor](cli.md#no-such-heading) [web](https://example.com/x.md)';
    const found = markdownLinks(text).filter((l) => !isExternal(l.target)).map((l) => {
      const [p, a] = l.target.split('#', 2) as [string, string | undefined];
      const r = resolve(dirname(probe), p);
      return !existsSync(r) ? 'missing' : a !== undefined && !anchorsOf(r).has(a) ? 'anchor' : 'ok';
    });
    expect(found).toEqual(['ok', 'missing', 'anchor']);
  });
});

describe('platform pages', () => {
  test.each(['github', ...SPOKE_IDS].map((id) => [id]))('docs/platforms/%s.md exists and names the platform', (id) => {
    const page = join(root, 'docs', 'platforms', `${id}.md`);
    expect(existsSync(page), `missing ${relative(root, page)}`).toBe(true);
    const text = readFileSync(page, 'utf8');
    expect(text.split('\n')[0]).toContain(PLATFORMS[id as keyof typeof PLATFORMS].displayName.split(' ')[0]!);
    // Each spoke page points at its configuration reference, and names every credential it needs.
    if (id !== 'github') expect(text).toContain(`configuration.md#platforms${id}`);
    for (const credential of PLATFORMS[id as keyof typeof PLATFORMS].credentials) expect(text, credential.name).toContain(credential.name);
  });

  test('every platform page belongs to a platform', () => {
    const ids = new Set<string>(['github', ...SPOKE_IDS]);
    const pages = readdirSync(join(root, 'docs', 'platforms')).map((f) => f.replace(/\.md$/, ''));
    expect(pages.filter((p) => !ids.has(p))).toEqual([]);
  });
});
