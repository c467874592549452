// install.ps1 as far as this machine allows: no PowerShell runs here (none in Debian bookworm), so
// its structure is checked instead of its behaviour: brackets balance, every variable it reads is
// a parameter, an assignment or an automatic variable, it calls only built-in cmdlets, it never
// `exit`s (that would close the console of `irm | iex`), and it checks the sha256 before unpacking.
import { describe, expect, it } from 'vitest';
import { parseConfig } from '@deployforge/config';
import { installerFacts, renderInstallPs1 } from '@deployforge/hub';
import { parseVersionInput } from '@deployforge/version';
import { powerShellStructure } from './powershell-structure.js';

function render(yaml: string, version = '1.0.0', prefix = 'v'): string {
  const loaded = parseConfig(yaml, 'deployforge.yml');
  const resolved = parseVersionInput(version, { tagPrefix: prefix, origin: 'test' });
  return renderInstallPs1(installerFacts(loaded.config, resolved, { serverUrl: 'https://github.com', owner: 'acme', repo: 'hello-forge' }));
}

const CONFIG = `
project: { name: hello-forge, repository: acme/hello-forge }
build: { binary: hello-forge, targets: [linux-x64, windows-x64, windows-arm64] }
release: { installers: [sh, ps1] }
platforms: {}
`;

/** Variables PowerShell defines itself that the script reads. */
const AUTOMATIC = new Set(['home', 'matches', '_', 'null', 'true', 'false', 'erroractionpreference', 'progresspreference']);
/** Cmdlets of Windows PowerShell 5.1 and PowerShell 7 (Management, Utility, Archive, Core). */
const BUILT_IN = new Set([
  'Join-Path', 'New-Item', 'Out-Null', 'Invoke-WebRequest', 'Get-Content', 'Get-FileHash', 'Expand-Archive', 'Test-Path',
  'Copy-Item', 'Move-Item', 'Write-Host', 'Where-Object', 'Select-Object', 'Remove-Item',
]);

describe('install.ps1 (structure only: no PowerShell on this machine)', () => {
  const text = render(CONFIG);
  const s = powerShellStructure(text);

  it('balances its brackets', () => {
    expect(s.unbalanced).toBeUndefined();
    // The checker itself can fail: one bracket less is caught.
    expect(powerShellStructure(text.replace('finally {', 'finally ')).unbalanced).toBeDefined();
  });

  it('reads only parameters, assigned variables and automatic ones', () => {
    const undefinedVars = [...s.variables].filter((v) => !s.assigned.has(v) && !AUTOMATIC.has(v));
    expect(undefinedVars).toEqual([]);
    expect(powerShellStructure(text.replace('$actual -ne $expected', '$actual -ne $expectd')).variables.has('expectd')).toBe(true);
  });

  it('calls only built-in cmdlets, and its own function', () => {
    expect([...s.commands].filter((c) => !BUILT_IN.has(c) && c !== 'Install-Release')).toEqual([]);
  });

  it('starts with comment-based help and a param block of Version, To, Target and BaseUrl', () => {
    expect(text.startsWith('<#\n.SYNOPSIS\n')).toBe(true);
    expect(text).toMatch(/#>\nparam\(\n {4}\[string\]\$Version = '',\n {4}\[string\]\$To = '',\n {4}\[string\]\$Target = '',\n {4}\[string\]\$BaseUrl = ''\n\)\n/);
    expect(s.code.trimEnd().split('\n').pop()).toBe('Install-Release -Version $Version -To $To -Target $Target -BaseUrl $BaseUrl');
  });

  it('states the release: version, tag prefix, download folder, mirror variable, Windows targets only', () => {
    expect(text).toContain("$AppVersion = '1.0.0'");
    expect(text).toContain("$TagPrefix = 'v'");
    expect(text).toContain("$DefaultBaseUrl = 'https://github.com/acme/hello-forge/releases/download'");
    expect(text).toContain("$BaseUrlVariable = 'HELLO_FORGE_INSTALL_BASE_URL'");
    expect(text).toContain("$Targets = @('windows-x64', 'windows-arm64')");
    expect(text).not.toContain('linux-x64');
  });

  it('verifies the sha256 against SHA256SUMS, and throws on a mismatch, before unpacking; never exits', () => {
    const at = (needle: string) => s.code.indexOf(needle);
    expect(at('Get-FileHash')).toBeGreaterThan(at("-OutFile $zip"));
    expect(at('if ($actual -ne $expected) { throw')).toBeGreaterThan(at('Get-FileHash'));
    expect(at('Expand-Archive')).toBeGreaterThan(at('if ($actual -ne $expected) { throw'));
    expect(at('if (-not $expected) { throw')).toBeGreaterThan(0);
    expect(s.code).not.toMatch(/\bexit\b/i);
    expect(s.code).not.toMatch(/Invoke-Expression|\biex\b/i);
  });

  it('keeps a quote in a value inside its string', () => {
    const odd = render(CONFIG.replace('repository: acme/hello-forge', "repository: acme/hello-forge, description: it's"));
    expect(powerShellStructure(odd).unbalanced).toBeUndefined();
    expect(render(CONFIG, '2.0.0-rc.1', '')).toContain("$TagPrefix = ''");
  });
});
