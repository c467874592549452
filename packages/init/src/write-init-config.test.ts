import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadConfig } from '@deployforge/config';
import { ConfigurationError } from '@deployforge/diagnostics';
import { afterEach, describe, expect, it } from 'vitest';
import { makeProject, removeProject } from './test-fixtures.js';
import { writeInitConfig } from './write-init-config.js';

const made: string[] = [];
afterEach(async () => {
  await Promise.all(made.splice(0).map(removeProject));
});

describe('writeInitConfig', () => {
  it('writes deployforge.yml for the detected project and returns its path', async () => {
    const dir = await makeProject({ 'Cargo.toml': '[package]\nname = "shimmy"\nversion = "0.3.0"\n' });
    made.push(dir);
    const path = await writeInitConfig(dir);
    expect(path).toBe(join(dir, 'deployforge.yml'));
    const { config, enabledPlatforms } = await loadConfig(path);
    expect(config.project.name).toBe('shimmy');
    expect(enabledPlatforms).toEqual(['crates']);
  });

  it('refuses to overwrite an existing file without force, and overwrites with it', async () => {
    const dir = await makeProject({ 'go.mod': 'module example.com/gizmo\n' });
    made.push(dir);
    const path = join(dir, 'deployforge.yml');
    await writeFile(path, 'project: { name: hand-tuned }\n');

    const error = await writeInitConfig(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as ConfigurationError).message).toContain('--force');
    expect((error as ConfigurationError).exitCode).toBe(2);
    expect(await readFile(path, 'utf8')).toBe('project: { name: hand-tuned }\n');

    await writeInitConfig(dir, { force: true });
    expect((await loadConfig(path)).config.project.name).toBe('gizmo');
  });
});
