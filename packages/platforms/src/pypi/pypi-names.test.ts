import { describe, expect, test } from 'vitest';
import { normalizeProjectName, wheelDistributionName, wheelFileName, wheelFolders } from './pypi-names.js';

describe('PyPI names', () => {
  test.each([
    ['hello-forge-bin', 'hello-forge-bin', 'hello_forge_bin'],
    ['Hello_Forge.bin', 'hello-forge-bin', 'hello_forge_bin'],
    ['A--B__C..D', 'a-b-c-d', 'a_b_c_d'],
    ['x', 'x', 'x'],
  ])('%s → %s / %s', (name, normalized, escaped) => {
    expect(normalizeProjectName(name)).toBe(normalized);
    expect(wheelDistributionName(name)).toBe(escaped);
  });

  test('wheel file name and folders', () => {
    expect(wheelFileName('Hello.Forge', '1.0.0rc1', 'win_amd64')).toBe('hello_forge-1.0.0rc1-py3-none-win_amd64.whl');
    expect(wheelFolders('Hello.Forge', '1.0.0')).toEqual({ distInfo: 'hello_forge-1.0.0.dist-info', scripts: 'hello_forge-1.0.0.data/scripts' });
  });
});
