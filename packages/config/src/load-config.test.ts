import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigurationError } from '@deployforge/diagnostics';
import { loadConfig } from './load-config.js';

const dir = mkdtempSync(join(tmpdir(), 'deployforge-config-'));

describe('loadConfig', () => {
  test('reads and parses a file, naming it in the result', async () => {
    const file = join(dir, 'deployforge.yml');
    writeFileSync(file, 'project:\n  name: shimmy\nplatforms:\n  npm:\n');
    const loaded = await loadConfig(file);
    expect(loaded.file).toBe(file);
    expect(loaded.enabledPlatforms).toEqual(['npm']);
  });

  test('a missing file is a ConfigurationError that suggests deployforge init', async () => {
    const missing = join(dir, 'nope', 'deployforge.yml');
    const error = await loadConfig(missing).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigurationError);
    expect((error as Error).message).toContain(missing);
    expect((error as Error).message).toContain('deployforge init');
  });

  test('a directory is a ConfigurationError, not a crash', async () => {
    const folder = join(dir, 'a-folder.yml');
    mkdirSync(folder);
    await expect(loadConfig(folder)).rejects.toBeInstanceOf(ConfigurationError);
  });

  test('errors name the file as it was given', async () => {
    const file = join(dir, 'bad.yml');
    writeFileSync(file, 'project:\n  name: 42\n');
    await expect(loadConfig(file)).rejects.toThrow(`${file}:2:9: project.name: expected a string, got 42`);
  });
});
