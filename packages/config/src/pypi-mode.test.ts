import { describe, expect, test } from 'vitest';
import { ConfigurationError } from '@deployforge/diagnostics';
import { parseConfig } from './parse-config.js';

const config = (pypi: string, extra = '') => `project: { name: shimmy }\n${extra}platforms:\n  npm: {}\n  pypi: ${pypi}\n`;

describe('platforms.pypi.mode', () => {
  test('absent or binary-wheels: PyPI is on', () => {
    expect(parseConfig(config('{}'), 'deployforge.yml').enabledPlatforms).toEqual(['npm', 'pypi']);
    expect(parseConfig(config('{ mode: binary-wheels }'), 'deployforge.yml').enabledPlatforms).toEqual(['npm', 'pypi']);
  });

  test('skip: the block stays, PyPI is off (no spoke, no job, no credential)', () => {
    const loaded = parseConfig(config('{ package: shimmy, mode: skip }'), 'deployforge.yml');
    expect(loaded.enabledPlatforms).toEqual(['npm']);
    expect(loaded.config.platforms?.pypi?.mode).toBe('skip');
  });

  test('skip cannot be required, and an unknown mode names what is expected (exit 2 errors)', () => {
    const required = () => parseConfig(config('{ mode: skip }', 'required: [pypi]\n'), 'deployforge.yml');
    expect(required).toThrow(ConfigurationError);
    expect(required).toThrow(/deployforge\.yml:2:\d+: required\[0\]: platform "pypi" is required but platforms\.pypi\.mode is skip/);
    expect(() => parseConfig(config('{ mode: wheels }'), 'deployforge.yml')).toThrow(/platforms\.pypi\.mode: unknown value "wheels"; expected one of: binary-wheels, skip/);
  });
});
