import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { buildRecipe } from './build-recipes.js';
import type { DetectedProject } from './detected-project.js';
import { readPyproject } from './read-pyproject.js';

function python(overrides: Partial<DetectedProject>): DetectedProject {
  return {
    kind: 'python', manifest: 'pyproject.toml', name: 'shimmy', packageName: 'shimmy', description: undefined,
    license: undefined, homepage: undefined, repository: undefined, binary: 'shimmy', versionSource: 'pyproject',
    version: '0.1.0', entry: 'shimmy.cli:main', extraFiles: [], lockfile: false, action: false, ...overrides,
  };
}

describe('the Python build recipe', () => {
  const hatch = python({ buildSystem: { requires: ['hatchling>=1.20', "odd'name"], backend: 'hatchling.build' } });

  it('builds in its own venv under .deployforge/, reusing what the interpreter has, never pip-installing into it', () => {
    const lines = buildRecipe(hatch).command!.split('\n');
    expect(lines[0]).toBe('venv=.deployforge/python-build');
    expect(lines[1]).toBe('python -m venv --without-pip --system-site-packages "$venv"');
    // Every pip and PyInstaller call goes through the venv's interpreter, found on every OS.
    expect(lines[2]).toBe('py="$venv/bin/python"; [ -e "$py" ] || py="$venv/Scripts/python.exe"');
    const runs = lines.filter((l) => !l.trimStart().startsWith('echo')).join('\n').match(/\S+ -m (pip|PyInstaller)\b/g);
    expect(runs).toHaveLength(4);
    expect(runs!.every((r) => r.startsWith('"$py" '))).toBe(true);
    expect(lines).toContain('"$py" -m pip install --no-build-isolation .');
    // PyInstaller's work files and the launcher stay in the venv, not in the project.
    expect(lines.at(-2)).toBe('"$py" -m PyInstaller --onefile --name shimmy --distpath "dist/$DEPLOYFORGE_TARGET" --workpath "$venv/work" --specpath "$venv" "$venv/entry.py"');
    expect(lines).toContain('echo "import sys, shimmy.cli as m; sys.exit(m.main())" > "$venv/entry.py"');
  });

  it('installs [build-system] requires into the venv first, shell-quoted', () => {
    expect(buildRecipe(hatch).command).toContain(`\n"$py" -m pip install 'hatchling>=1.20' 'odd'\\''name'\n`);
    expect(buildRecipe(python({ buildSystem: { requires: [], backend: 'x' } })).command).not.toMatch(/pip install '/);
  });

  it('a missing PyInstaller that pip cannot fetch stops the build with a message instead of pip\'s retries', () => {
    const command = buildRecipe(hatch).command!;
    expect(command).toContain('if ! "$py" -c \'import PyInstaller\' 2>/dev/null && ! "$py" -m pip install pyinstaller > "$venv/pip.log" 2>&1; then');
    expect(command).toContain('python -m pip install pyinstaller" >&2\n');
    expect(command).toMatch(/ {2}exit 1\nfi\n/);
  });

  it('is valid bash, and one command for every target (no target-specific word)', () => {
    const command = buildRecipe(hatch).command!;
    execFileSync('bash', ['-n', '-c', command]);
    expect(command).not.toMatch(/linux|macos|windows-/);
  });

  it('ignores setuptools\' build/ and *.egg-info/ only when setuptools builds', () => {
    expect(buildRecipe(hatch).ignore).toEqual([]);
    expect(buildRecipe(python({ buildSystem: { requires: ['setuptools>=61'], backend: 'setuptools.build_meta' } })).ignore).toEqual(['build/', '*.egg-info/']);
    expect(buildRecipe(python({})).ignore).toEqual(['build/', '*.egg-info/']);
  });
});

describe('readPyproject build-system', () => {
  it('reads requires and build-backend', () => {
    const facts = readPyproject('[build-system]\nrequires = ["flit_core >=3.2,<4"]\nbuild-backend = "flit_core.buildapi"\n[project]\nname = "x"\n');
    expect(facts.buildSystem).toEqual({ requires: ['flit_core >=3.2,<4'], backend: 'flit_core.buildapi' });
  });

  it('without [build-system], pip\'s default: setuptools and its legacy back-end', () => {
    expect(readPyproject('[project]\nname = "x"\n').buildSystem).toEqual({ requires: ['setuptools>=40.8.0'], backend: undefined });
  });
});
