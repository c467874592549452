import { fileURLToPath } from 'node:url';
import { parseConfig } from '@deployforge/config';
import { ConfigurationError } from '@deployforge/diagnostics';
import { afterEach, describe, expect, it } from 'vitest';
import { detectProject } from './detect-project.js';
import type { DetectedProject } from './detected-project.js';
import { githubRepositoryFromUrl } from './git-remote.js';
import { renderInitConfig } from './render-init-config.js';
import { gitInitWithOrigin, makeProject, MIT_TEXT, removeProject } from './test-fixtures.js';

const made: string[] = [];
async function project(files: Record<string, string>, dirName?: string): Promise<string> {
  const dir = await makeProject(files, dirName);
  made.push(dir);
  return dir;
}
afterEach(async () => {
  await Promise.all(made.splice(0).map(removeProject));
});

const cases: Array<{ title: string; files: Record<string, string>; expected: Partial<DetectedProject> }> = [
  {
    title: 'Cargo.toml with [[bin]] and a lockfile',
    files: {
      'Cargo.toml': `[package]\nname = "shimmy"\nversion = "1.4.0"\ndescription = "The 5MB alternative to Ollama"\nlicense = "MIT OR Apache-2.0"\nrepository = "https://github.com/acme/shimmy"\n\n[[bin]]\nname = "shimmy-cli"\npath = "src/main.rs"\n`,
      'Cargo.lock': 'version = 4\n',
    },
    expected: {
      kind: 'rust', manifest: 'Cargo.toml', name: 'shimmy', packageName: 'shimmy', binary: 'shimmy-cli',
      description: 'The 5MB alternative to Ollama', license: 'MIT OR Apache-2.0', homepage: 'https://github.com/acme/shimmy',
      versionSource: 'cargo', version: '1.4.0', lockfile: true, repository: undefined,
    },
  },
  {
    title: 'Cargo.toml inheriting from [workspace.package]',
    files: {
      'Cargo.toml': `[workspace]\nmembers = ["."]\n[workspace.package]\nlicense = "Apache-2.0"\nversion = "2.0.0"\n\n[package]\nname = "forge_tool"\nversion.workspace = true\nlicense.workspace = true\n`,
    },
    expected: { kind: 'rust', name: 'forge_tool', binary: 'forge_tool', license: 'Apache-2.0', version: '2.0.0', lockfile: false },
  },
  {
    // A virtual workspace root: the binary is the one binary member's; no version at the root, so the tag.
    title: 'a virtual Cargo workspace with one binary member and a library',
    files: {
      'Cargo.toml': '[workspace]\nmembers = ["crates/cli", "crates/core"]\nresolver = "2"\n',
      'crates/cli/Cargo.toml': '[package]\nname = "forge-cli"\nversion = "0.3.0"\n\n[[bin]]\nname = "forge"\npath = "src/main.rs"\n',
      'crates/core/Cargo.toml': '[package]\nname = "forge-core"\nversion = "0.3.0"\n',
      'crates/core/src/lib.rs': '',
    },
    expected: { kind: 'rust', binary: 'forge', packageName: undefined, versionSource: 'tag', version: undefined },
  },
  {
    title: 'a virtual Cargo workspace with [workspace.package].version and a src/main.rs member',
    files: {
      'Cargo.toml': '[workspace]\nmembers = ["cli"]\n[workspace.package]\nversion = "1.1.0"\n',
      'cli/Cargo.toml': '[package]\nname = "cli"\nversion.workspace = true\n',
      'cli/src/main.rs': 'fn main() {}\n',
    },
    expected: { kind: 'rust', binary: 'cli', versionSource: 'cargo', version: '1.1.0' },
  },
  {
    title: 'go.mod with a major-version suffix and a LICENSE file',
    files: { 'go.mod': 'module github.com/acme/gizmo/v2\n\ngo 1.22\n', 'main.go': 'package main\n', LICENSE: MIT_TEXT },
    expected: {
      kind: 'go', manifest: 'go.mod', name: 'gizmo', binary: 'gizmo', license: 'MIT', versionSource: 'tag',
      entry: '.', homepage: 'https://github.com/acme/gizmo', extraFiles: ['LICENSE'],
    },
  },
  {
    title: 'go.mod whose main package is under cmd/',
    files: { 'go.mod': 'module example.com/tools\n\ngo 1.22\n', 'cmd/zap/main.go': 'package main\n', 'cmd/aardvark/main.go': 'package main\n' },
    expected: { kind: 'go', name: 'tools', binary: 'aardvark', entry: './cmd/aardvark' },
  },
  {
    title: 'package.json with a scoped name and a bin map',
    files: {
      'package.json': JSON.stringify({ name: '@acme/widget', version: '3.1.0', description: 'Widgets\nfor all', license: 'ISC', bin: { widget: './bin/widget.js' }, homepage: 'https://widget.acme.test' }),
      'README.md': '# widget\n',
    },
    expected: {
      kind: 'node', manifest: 'package.json', name: 'widget', packageName: '@acme/widget', binary: 'widget',
      entry: './bin/widget.js', description: 'Widgets for all', license: 'ISC', versionSource: 'package-json',
      version: '3.1.0', homepage: 'https://widget.acme.test', extraFiles: ['README.md'],
    },
  },
  {
    title: 'package.json with a string bin',
    files: { 'package.json': JSON.stringify({ name: '@acme/solo', bin: 'cli.mjs', license: { type: 'MIT' } }) },
    expected: { kind: 'node', name: 'solo', binary: 'solo', entry: 'cli.mjs', license: 'MIT' },
  },
  {
    title: 'pyproject.toml with [project.scripts] and a PEP 639 license',
    files: {
      'pyproject.toml': `[project]\nname = "Data_Pipe"\nversion = "0.9.1"\ndescription = "Pipes data"\nlicense = "BSD-3-Clause"\n\n[project.scripts]\ndpipe = "data_pipe.cli:main [extra]"\n\n[project.urls]\nHomepage = "https://pipe.acme.test"\n`,
    },
    expected: {
      kind: 'python', manifest: 'pyproject.toml', name: 'data_pipe', packageName: 'Data_Pipe', binary: 'dpipe',
      entry: 'data_pipe.cli:main', license: 'BSD-3-Clause', versionSource: 'pyproject', version: '0.9.1', homepage: 'https://pipe.acme.test',
    },
  },
  {
    title: 'pyproject.toml with a license table and a dynamic version: the tag is the version',
    files: { 'pyproject.toml': `[project]\nname = "tiny"\ndynamic = ["version"]\nlicense = { text = "MIT" }\n` },
    expected: { kind: 'python', name: 'tiny', binary: 'tiny', license: 'MIT', entry: undefined, versionSource: 'tag' },
  },
  {
    title: 'no manifest: named after the folder',
    files: { 'Makefile': 'all:\n', 'LICENSE-APACHE': 'Apache License, Version 2.0\n', 'LICENSE-MIT': MIT_TEXT },
    expected: { kind: 'unknown', manifest: undefined, name: 'my-tool', binary: 'my-tool', versionSource: 'tag', extraFiles: ['LICENSE-APACHE', 'LICENSE-MIT'] },
  },
  {
    title: 'Cargo.toml wins over package.json and pyproject.toml',
    files: {
      'Cargo.toml': '[package]\nname = "both"\nversion = "0.1.0"\n',
      'package.json': JSON.stringify({ name: 'both-npm' }),
      'pyproject.toml': '[project]\nname = "both-py"\n',
    },
    expected: { kind: 'rust', name: 'both' },
  },
];

describe('detectProject', () => {
  it.each(cases)('$title', async ({ files, expected }) => {
    const dir = await project(files, 'My Tool');
    const detected = await detectProject(dir);
    expect(detected).toMatchObject(expected);
    // What init would write for it is a valid config naming the same project.
    const { config } = parseConfig(renderInitConfig(detected), 'deployforge.yml');
    expect(config.project.name).toBe(detected.name);
    expect(config.build?.binary).toBe(detected.binary);
  });

  it('an action.yml (or action.yaml) at the root turns github-action on, with the reason in the file', async () => {
    const dir = await project({ 'package.json': '{"name":"setup-forge","version":"1.0.0"}', 'action.yaml': 'runs: { using: node24, main: dist/index.js }\n' });
    const detected = await detectProject(dir);
    expect(detected.action).toBe(true);
    const text = renderInitConfig(detected);
    expect(text).toContain('On because action.yml is at the root: github-action moves the v1 / v1.2 tags');
    expect(parseConfig(text, 'deployforge.yml').enabledPlatforms).toContain('github-action');
    // An action.yml elsewhere (a test fixture, an example) is not the repository's action.
    const plain = await project({ 'go.mod': 'module example.com/x\n', 'test/action.yml': 'runs: { using: node24, main: x.js }\n' });
    expect((await detectProject(plain)).action).toBe(false);
    expect(parseConfig(renderInitConfig(await detectProject(plain)), 'deployforge.yml').enabledPlatforms).not.toContain('github-action');
  });

  it('reads the repository from a github.com origin', async () => {
    const dir = await project({ 'go.mod': 'module example.com/x\n' });
    await gitInitWithOrigin(dir, 'git@github.com:Acme-Labs/x-tool.git');
    const detected = await detectProject(dir);
    expect(detected.repository).toBe('Acme-Labs/x-tool');
    expect(detected.homepage).toBe('https://github.com/Acme-Labs/x-tool');
  });

  it('leaves the repository undefined for a non-GitHub origin', async () => {
    const dir = await project({ 'go.mod': 'module example.com/x\n' });
    await gitInitWithOrigin(dir, 'https://gitlab.com/acme/x.git');
    expect((await detectProject(dir)).repository).toBeUndefined();
  });

  it('reports a manifest that does not parse as a ConfigurationError naming the file', async () => {
    const dir = await project({ 'Cargo.toml': '[package\nname = ' });
    const error = await detectProject(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toMatch(/Cargo\.toml: cannot read Cargo\.toml/);
  });

  it('detects the rust example right', async () => {
    const dir = fileURLToPath(new URL('../../../examples/rust-cli', import.meta.url));
    const detected = await detectProject(dir);
    expect(detected).toMatchObject({
      kind: 'rust', manifest: 'Cargo.toml', name: 'hello-forge', binary: 'hello-forge', license: 'MIT',
      versionSource: 'cargo', version: '0.1.0', lockfile: true, homepage: 'https://github.com/acme/hello-forge',
      extraFiles: ['README.md', 'LICENSE'],
    });
  });
});

describe('githubRepositoryFromUrl', () => {
  it.each([
    ['https://github.com/acme/shimmy.git', 'acme/shimmy'],
    ['https://github.com/acme/shimmy', 'acme/shimmy'],
    ['https://x-access-token:abc@github.com/acme/shimmy.git', 'acme/shimmy'],
    ['git@github.com:acme/shimmy.git', 'acme/shimmy'],
    ['ssh://git@github.com/acme/shimmy.js.git', 'acme/shimmy.js'],
    ['git://github.com/acme/shimmy\n', 'acme/shimmy'],
    ['https://gitlab.com/acme/shimmy.git', undefined],
    ['https://github.example.com/acme/shimmy.git', undefined],
    ['/srv/git/shimmy.git', undefined],
  ])('%s → %s', (url, expected) => {
    expect(githubRepositoryFromUrl(url)).toBe(expected);
  });
});
