import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigurationError } from '@deployforge/diagnostics';
import { describe, expect, test } from 'vitest';
import { renderPypi } from './render.js';
import { renderContext } from './test-context.js';

const file = (path: string) => readFileSync(fileURLToPath(new URL(`../../../../${path}`, import.meta.url)), 'utf8');
const asText = (files: ReturnType<typeof renderPypi>) => Object.fromEntries(files.map((f) => [f.path, String(f.contents)]));

describe('renderPypi', () => {
  test.each([
    'examples/rust-cli/deployforge.yml',
    'examples/go-cli/deployforge.yml',
    'test/fixtures/good-configs/contract-example.yml',
    'test/fixtures/good-configs/every-platform.yml',
    'test/fixtures/good-configs/empty-blocks.yml',
  ])('%s', (path) => {
    const yaml = file(path);
    expect(asText(renderPypi(renderContext(yaml)))).toMatchSnapshot();
  });

  test('one METADATA and one WHEEL per target, named with the PEP 625 escape of the package', () => {
    const files = renderPypi(renderContext('project: { name: demo }\nbuild: { targets: [linux-arm64-musl, windows-arm64] }\nplatforms: { pypi: { package: My.Tool_Bin } }\n'));
    expect(files.map((f) => f.path)).toEqual([
      'my_tool_bin-1.2.3-py3-none-musllinux_1_2_aarch64.whl/my_tool_bin-1.2.3.dist-info/METADATA',
      'my_tool_bin-1.2.3-py3-none-musllinux_1_2_aarch64.whl/my_tool_bin-1.2.3.dist-info/WHEEL',
      'my_tool_bin-1.2.3-py3-none-win_arm64.whl/my_tool_bin-1.2.3.dist-info/METADATA',
      'my_tool_bin-1.2.3-py3-none-win_arm64.whl/my_tool_bin-1.2.3.dist-info/WHEEL',
    ]);
    const metadata = String(files[0]!.contents);
    // The Name header keeps the spelling the user chose; only file names are normalized.
    expect(metadata).toMatch(/^Metadata-Version: 2\.1\nName: My\.Tool_Bin\nVersion: 1\.2\.3\nSummary: The demo command-line tool\n/);
    expect(String(files[1]!.contents)).toBe('Wheel-Version: 1.0\nGenerator: deployforge\nRoot-Is-Purelib: false\nTag: py3-none-musllinux_1_2_aarch64\n');
  });

  test('prereleases use the PEP 440 form', () => {
    const files = renderPypi(renderContext('project: { name: demo }\nbuild: { targets: [linux-x64] }\nplatforms: { pypi: {} }\n', '2.0.0-rc.1'));
    expect(files[0]!.path).toBe('demo-2.0.0rc1-py3-none-manylinux_2_17_x86_64.whl/demo-2.0.0rc1.dist-info/METADATA');
    expect(String(files[0]!.contents)).toContain('\nVersion: 2.0.0rc1\n');
  });

  test('a version without a PEP 440 form is a ConfigurationError that says what to do', () => {
    const ctx = renderContext('project: { name: demo }\nbuild: { targets: [linux-x64] }\nplatforms: { pypi: {} }\n', '1.0.0-foo.1');
    expect(() => renderPypi(ctx)).toThrow(ConfigurationError);
    expect(() => renderPypi(ctx)).toThrow(/1\.0\.0-foo\.1 has no PEP 440 form/);
  });

  test('a newline in the description cannot start a header of its own', () => {
    // The config schema already refuses multi-line descriptions; this guards callers that build configs in code.
    const ctx = renderContext('project: { name: demo }\nbuild: { targets: [linux-x64] }\nplatforms: { pypi: {} }\n');
    ctx.config.project.description = 'one\nLicense: evil';
    const files = renderPypi(ctx);
    expect(String(files[0]!.contents)).toContain('\nSummary: one License: evil\n');
    expect(String(files[0]!.contents)).not.toMatch(/^License: evil$/m);
  });
});
