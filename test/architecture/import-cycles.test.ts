import { describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/repo-root.js';
import { buildImportGraph, findCycles, packageOf } from './import-graph.js';

// Issue 20: cycles between packages made every entry point load everything (config -> platforms ->
// config pulled platform code into `validate`), and the CLI's program.ts <-> commands/* cycle kept
// commands from loading lazily. This keeps both gone.
const graph = buildImportGraph(repoRoot);

function packageEdges(): Map<string, string[]> {
  return new Map([...graph.packages].map(([from, to]) => [from, [...to.keys()]]));
}

describe('import graph', () => {
  it('finds a cycle when there is one (the detector itself can fail)', () => {
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']]);
    expect(findCycles(new Map([['a', ['a']]]))).toEqual([['a']]);
    expect(findCycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });

  it('reaches the shipped entry points (a broken walk would pass vacuously)', () => {
    expect(graph.files.has('packages/cli/src/main.ts')).toBe(true);
    expect(graph.files.has('packages/actions/src/create-release.ts')).toBe(true);
    expect(graph.files.has('packages/catalog/src/platform-catalog.ts')).toBe(true);
    expect(graph.files.size).toBeGreaterThan(200);
  });

  it('has no cycle between packages', () => {
    const cycles = findCycles(packageEdges()).map((members) =>
      members.map((from) => {
        const to = members.find((m) => graph.packages.get(from)?.has(m));
        return `${from} -> ${to} (${graph.packages.get(from)?.get(to!)})`;
      }).join('\n  '));
    expect(cycles, `package import cycles:\n  ${cycles.join('\n\n  ')}`).toEqual([]);
  });

  it('has no cycle between the CLI files', () => {
    const cli = new Map([...graph.files]
      .filter(([file]) => packageOf(file) === 'cli')
      .map(([file, imports]) => [file, [...imports].filter((t) => packageOf(t) === 'cli')]));
    expect(findCycles(cli)).toEqual([]);
  });

  it('keeps the catalog a leaf that config, plan and workflow read without any platform', () => {
    expect([...(graph.packages.get('catalog')?.keys() ?? [])]).toEqual([]);
    for (const pkg of ['config', 'plan', 'workflow', 'cli']) {
      expect(graph.packages.get(pkg)?.get('platforms'), `${pkg} imports @deployforge/platforms`).toBeUndefined();
    }
  });
});
