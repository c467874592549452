import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { auditWorkflow } from '../audit/workflow-rules.js';
import { actionlint } from '../workflow/helpers/actionlint.js';
import type { CliRun } from './cli-process.js';
import { commitAll, copyBuiltCli, hashTree, runOffline } from './snapshot-project.js';

/**
 * A fresh pure-Python project (setuptools, [project.scripts], no dependencies) taken from `init`
 * to `release --snapshot` through the built CLI, every step inside `unshare -n` with no token.
 *
 * The user's Python here is Debian's /usr/bin/python3 (setuptools 66 and wheel installed; wheel is
 * part of the back-end for setuptools older than 70.1, and the pyenv Python lacks it). Nothing can
 * be installed on this machine (no PyPI), and pip's configuration files are ignored
 * (PIP_CONFIG_FILE=/dev/null) so that a local package index cannot stand in for PyPI either.
 *
 * PyInstaller itself cannot be had here, so the build finds a test-only stand-in `PyInstaller`
 * module on PYTHONPATH: like `pyinstaller --onefile` it writes one executable at
 * <distpath>/<name>, here a zip application of the entry script run by the build venv's
 * interpreter (so it only runs on this machine, and only if the project was installed into that
 * venv). Everything but PyInstaller's freezing is the real thing: init's build script, the venv,
 * pip, setuptools, the runner, the archive and the checksums.
 */

const USER_PYTHON = '/usr/bin/python3';

const STAND_IN_PYINSTALLER = `"""Test-only stand-in for PyInstaller (the real one cannot be installed on this machine)."""
import argparse, os, sys, zipfile

parser = argparse.ArgumentParser(prog='pyinstaller')
parser.add_argument('script')
parser.add_argument('--onefile', action='store_true')
parser.add_argument('--name', required=True)
parser.add_argument('--distpath', default='dist')
parser.add_argument('--workpath', default='build')
parser.add_argument('--specpath', default='.')
args = parser.parse_args()
if not args.onefile:
    sys.exit('stand-in PyInstaller: only --onefile is mimicked')
os.makedirs(args.distpath, exist_ok=True)
os.makedirs(args.workpath, exist_ok=True)
with open(args.script, 'rb') as f:
    main = f.read()
out = os.path.join(args.distpath, args.name)
with open(out, 'wb') as f:
    f.write(b'#!' + sys.executable.encode() + b'\\n')
    with zipfile.ZipFile(f, 'w') as z:
        z.writestr(zipfile.ZipInfo('__main__.py', (1980, 1, 1, 0, 0, 0)), main)
os.chmod(out, 0o755)
print('stand-in PyInstaller: wrote', out)
`;

const PYPROJECT = `[build-system]
requires = ["setuptools>=61"]
build-backend = "setuptools.build_meta"

[project]
name = "hello-py"
version = "0.1.0"
description = "Says hello"
license = { text = "MIT" }

[project.scripts]
hello-py = "hello_py.cli:main"
`;

/**
 * The packages an interpreter has, as `name==version` lines (what "nothing installed" compares).
 * Outside the namespace, so pip's check for a newer pip (a request to PyPI) is turned off.
 */
function installedPackages(python: string): string {
  const env = { PATH: process.env.PATH ?? '', PIP_CONFIG_FILE: devNull, PIP_DISABLE_PIP_VERSION_CHECK: '1', PIP_NO_INDEX: '1' };
  return execFileSync(python, ['-m', 'pip', 'list', '--format=freeze'], { env }).toString();
}

describe('a fresh Python project: init, validate, generate, release --snapshot (the built CLI, offline)', () => {
  let built: ReturnType<typeof copyBuiltCli>;
  let root: string;
  let userBin: string;
  let standIns: string;

  beforeAll(() => {
    for (const module of ['setuptools', 'wheel', 'pip']) {
      try {
        execFileSync(USER_PYTHON, ['-c', `import ${module}`], { stdio: 'ignore' });
      } catch {
        throw new Error(`${USER_PYTHON} lacks ${module}: bash scripts/test-services up installs Debian's python3-pip, python3-setuptools and python3-wheel`);
      }
    }
    built = copyBuiltCli();
    root = mkdtempSync(join(tmpdir(), 'df-python-snapshot-'));
    // `python` (what the build script calls) is the user's interpreter, as on a machine where it is on PATH.
    userBin = join(root, 'bin');
    mkdirSync(userBin);
    symlinkSync(USER_PYTHON, join(userBin, 'python'));
    standIns = join(root, 'stand-ins');
    mkdirSync(join(standIns, 'PyInstaller'), { recursive: true });
    writeFileSync(join(standIns, 'PyInstaller/__init__.py'), '');
    writeFileSync(join(standIns, 'PyInstaller/__main__.py'), STAND_IN_PYINSTALLER);
  });
  afterAll(() => {
    built?.dispose();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  /** The CLI inside `unshare -n` (no interface up, DNS included), without any token. */
  const offline = (args: string[], cwd: string, extraEnv: Record<string, string> = {}): Promise<CliRun> =>
    runOffline(built.cli, args, cwd, { PATH: `${userBin}:${process.env.PATH ?? ''}`, HOME: root, PIP_CONFIG_FILE: devNull, ...extraEnv });

  const freshProject = (name: string): string => {
    const dir = join(root, name);
    mkdirSync(join(dir, 'src/hello_py'), { recursive: true });
    writeFileSync(join(dir, 'pyproject.toml'), PYPROJECT);
    writeFileSync(join(dir, 'src/hello_py/__init__.py'), '');
    writeFileSync(join(dir, 'src/hello_py/cli.py'), 'def main():\n    print("hello from hello-py")\n    return 0\n');
    writeFileSync(join(dir, 'README.md'), '# hello-py\n');
    execFileSync('git', ['init', '-q', dir]);
    return dir;
  };

  test('init -> validate -> generate -> release --snapshot: the archive and SHA256SUMS kept, the user\'s Python untouched, a second snapshot byte-identical', async () => {
    const dir = freshProject('hello-py');
    const before = installedPackages(USER_PYTHON);

    const init = await offline(['init'], dir);
    expect(init.code, init.stderr).toBe(0);
    const config = readFileSync(join(dir, 'deployforge.yml'), 'utf8');
    // The build runs in its own venv, never `pip install` into the interpreter on PATH.
    expect(config).toContain('python -m venv --without-pip --system-site-packages "$venv"');
    expect(config).not.toMatch(/^\s*python -m pip install/m);
    expect(readFileSync(join(dir, '.gitignore'), 'utf8').split('\n')).toEqual(expect.arrayContaining(['.deployforge/', 'dist/', 'build/', '*.egg-info/']));

    const validate = await offline(['validate'], dir);
    expect(validate.code, validate.stderr).toBe(0);
    expect(validate.stdout).toContain('deployforge.yml is valid');
    expect(`${validate.stdout}${validate.stderr}`).not.toContain('warning');

    // Pinned to a commit: offline, the actions' tag cannot be resolved to one.
    const generate = await offline(['generate', '--actions-ref', 'a'.repeat(40)], dir);
    expect(generate.code, generate.stderr).toBe(0);
    const workflow = readFileSync(join(dir, '.github/workflows/release.yml'), 'utf8');
    // The build script passes the security audit and actionlint like every generated workflow.
    expect(auditWorkflow(workflow)).toEqual([]);
    expect(await actionlint(workflow)).toEqual([]);
    // setup-python still comes first, and the script arrives in the step as written (one trailing newline).
    expect(workflow).toMatch(/- name: Set up Python\n\s+uses: actions\/setup-python@[0-9a-f]{40} # v[\d.]+\n[\s\S]*?- name: Build\n[\s\S]*?run: \|\n\s+venv=\.deployforge\/python-build\n/);

    const sha = commitAll(dir);
    const version = `0.1.0-snapshot+${sha}`;
    const out = join(dir, '.deployforge/dist', version);
    const env = { PYTHONPATH: standIns };

    const first = await offline(['release', '--snapshot'], dir, env);
    expect(first.code, `${first.stdout}\n${first.stderr}`).toBe(0);
    expect(first.stdout).toContain(`Snapshot ${version} (built: linux-x64)`);
    expect(first.stdout).toContain('Nothing was sent anywhere');
    // The build's output, each line prefixed, the script's own lines included.
    expect(first.stderr).toContain('[build linux-x64] stand-in PyInstaller: wrote dist/linux-x64/hello-py');
    expect(first.stderr).toContain('[build linux-x64] "$py" -m pip install --no-build-isolation .');

    const hashes = hashTree(out);
    const archive = `github/hello-py-${version}-linux-x64.tar.gz`;
    expect(Object.keys(hashes).sort()).toEqual([archive, 'github/SHA256SUMS', `github/hello-py-${version}.cdx.json`].sort());
    expect(readFileSync(join(out, 'github/SHA256SUMS'), 'utf8')).toContain(`${hashes[archive]}  ${archive.slice('github/'.length)}`);
    // The archive's executable runs the project, imported from the build venv it was installed into.
    const unpacked = join(root, 'unpacked');
    mkdirSync(unpacked);
    execFileSync('tar', ['-xzf', join(out, archive), '-C', unpacked]);
    expect(execFileSync(join(unpacked, 'hello-py'), { env: { PATH: '/usr/bin:/bin' } }).toString()).toBe('hello from hello-py\n');

    // Nothing went into the user's interpreter: its packages are the same, and the project lives in the venv.
    expect(installedPackages(USER_PYTHON)).toBe(before);
    expect(() => execFileSync(USER_PYTHON, ['-c', 'import hello_py'], { stdio: 'ignore', cwd: root })).toThrow();
    expect(installedPackages(join(dir, '.deployforge/python-build/bin/python'))).toContain('hello-py==0.1.0');

    // A second snapshot of the same commit (venv kept from the first): the same bytes.
    const second = await offline(['release', '--snapshot', '--json'], dir, env);
    expect(second.code, second.stderr).toBe(0);
    const doc = JSON.parse(second.stdout) as { ok: boolean; snapshot: { release: { status: string }; entries: unknown[] } };
    expect(doc.ok).toBe(true);
    // init enables no platform for a pure-Python package (pypi: mode skip, it publishes itself).
    expect(doc.snapshot.release.status).toBe('kept');
    expect(doc.snapshot.entries).toEqual([]);
    expect(hashTree(out)).toEqual(hashes);
    // setuptools' build/ and *.egg-info/, the venv and the binary are all ignored: the work tree stays clean.
    expect(execFileSync('git', ['-C', dir, 'status', '--porcelain']).toString()).toBe('');
  }, 180_000);

  test('PyInstaller missing and no network: the build stops with what is missing and how to install it, not pip\'s retries', async () => {
    const dir = freshProject('no-pyinstaller');
    expect((await offline(['init'], dir)).code).toBe(0);
    commitAll(dir);

    const run = await offline(['release', '--snapshot'], dir);
    const output = `${run.stdout}\n${run.stderr}`;
    expect(run.code, output).toBe(1);
    expect(output).toContain('PyInstaller is not installed, and pip could not install it (its log: .deployforge/python-build/pip.log).');
    expect(output).toContain('Offline, install it first into the Python that runs this build: python -m pip install pyinstaller');
    expect(run.stderr).toContain('the build for linux-x64 failed: build.command exited with code 1');
    // pip's retries stay in its log; the user's mistake is not reported as a bug, with no stack.
    expect(output).not.toMatch(/Retrying|Traceback|bug/i);
    expect(readFileSync(join(dir, '.deployforge/python-build/pip.log'), 'utf8')).toMatch(/Retrying/);
    expect(Object.keys(hashTree(join(dir, '.deployforge/dist'))).filter((f) => !f.endsWith('.gitignore'))).toEqual([]);
  }, 120_000);
});
