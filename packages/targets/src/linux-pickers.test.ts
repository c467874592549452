import { describe, expect, test } from 'vitest';
import { aurTargets, ociTargets, pickLinuxPerArch, snapTargets } from './linux-pickers.js';
import type { TargetId } from './target-ids.js';

const ids = (rows: { id: TargetId }[]) => rows.map((t) => t.id);
const everything: TargetId[] = [
  'windows-x64', 'linux-arm64-musl', 'linux-x64', 'linux-arm64', 'linux-x64-musl', 'macos-arm64',
];

describe('one Linux binary per architecture', () => {
  test.each([
    ['both libcs built, prefer gnu', everything, 'gnu', ['linux-x64', 'linux-arm64']],
    ['both libcs built, prefer musl', everything, 'musl', ['linux-x64-musl', 'linux-arm64-musl']],
    ['only musl built, prefer gnu', ['linux-x64-musl', 'linux-arm64-musl'], 'gnu', ['linux-x64-musl', 'linux-arm64-musl']],
    ['mixed: gnu x64, musl arm64', ['linux-arm64-musl', 'linux-x64'], 'gnu', ['linux-x64', 'linux-arm64-musl']],
    ['no Linux at all', ['macos-x64', 'windows-arm64'], 'musl', []],
  ] as const)('%s', (_name, built, prefer, want) => {
    expect(ids(pickLinuxPerArch(built, prefer))).toEqual(want);
  });

  test('docker prefers static musl; AUR and snap prefer gnu', () => {
    expect(ids(ociTargets(everything))).toEqual(['linux-x64-musl', 'linux-arm64-musl']);
    expect(ids(aurTargets(everything))).toEqual(['linux-x64', 'linux-arm64']);
    expect(ids(snapTargets(everything))).toEqual(['linux-x64', 'linux-arm64']);
    expect(ids(ociTargets(['linux-x64']))).toEqual(['linux-x64']);
  });
});
