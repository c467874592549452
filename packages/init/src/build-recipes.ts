import type { DetectedProject, ProjectKind } from './detected-project.js';

export interface BuildRecipe {
  targets: string[];
  /** Targets the toolchain can also build, named in a comment so enabling one is an edit away. */
  moreTargets: string[];
  /**
   * Undefined when nothing tells us how the project builds: the file then asks for it in a comment
   * (generate and release name the missing key) instead of naming a script that does not exist.
   */
  command: string | undefined;
  /** Where the binary lands; a suggestion only when `command` is undefined. */
  path: string;
  /** Comment lines above `command`: what it assumes and what to change. */
  notes: string[];
  /** `build.cross: true`: the toolchain cross-compiles, so every target builds on one Linux runner. */
  cross?: boolean;
  /** What else the build leaves in the project folder, for .gitignore (the back-end's work folders). */
  ignore?: string[];
}

const DESKTOP = ['linux-x64', 'linux-arm64', 'macos-x64', 'macos-arm64', 'windows-x64'];

/**
 * The build step for each kind. Commands are POSIX shell (the build job runs them under bash on
 * every runner) and take the target only from the variables the build matrix exports, so one
 * command serves every target. `path` never carries `.exe`: the build step adds it on Windows.
 */
export function buildRecipe(d: DetectedProject): BuildRecipe {
  const recipes: Record<ProjectKind, () => BuildRecipe> = {
    rust: () => ({
      targets: DESKTOP,
      moreTargets: ['linux-x64-musl', 'linux-arm64-musl', 'windows-arm64'],
      command: `rustup target add "$DEPLOYFORGE_RUST_TARGET" && cargo build --release${d.lockfile ? ' --locked' : ''} --target "$DEPLOYFORGE_RUST_TARGET"`,
      path: `target/\${DEPLOYFORGE_RUST_TARGET}/release/${d.binary}`,
      notes: [
        'Each target builds on a runner of its own OS; `rustup target add` is a no-op when the',
        'triple is already installed.' + (d.lockfile ? ' --locked keeps the build on Cargo.lock.' : ''),
      ],
    }),
    go: () => ({
      targets: [...DESKTOP, 'windows-arm64'],
      // Static binaries make the musl targets identical to the plain Linux ones.
      moreTargets: [],
      command: `CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=$DEPLOYFORGE_VERSION" -o "dist/$DEPLOYFORGE_TARGET/" ${d.entry ?? '.'}`,
      path: `dist/\${DEPLOYFORGE_TARGET}/${d.binary}`,
      cross: true,
      notes: [
        'Go cross-compiles from GOOS/GOARCH; CGO_ENABLED=0 makes static binaries. The -X flag stamps',
        'the version into `var version string` in package main (harmless if there is none). An -o',
        'ending in "/" lets go name the file, adding .exe on Windows.',
      ],
    }),
    node: () => {
      const entry = d.entry ?? 'index.js';
      return {
        targets: DESKTOP,
        moreTargets: ['linux-x64-musl', 'linux-arm64-musl'],
        command: `npm ci && npx --yes bun build ${quoteIfNeeded(entry)} --compile --target "bun-\${DEPLOYFORGE_TARGET/macos/darwin}" --outfile "dist/$DEPLOYFORGE_TARGET/${d.binary}"`,
        path: `dist/\${DEPLOYFORGE_TARGET}/${d.binary}`,
        notes: [
          `Bundles ${entry} and a JavaScript runtime into one executable per target (Bun's targets are`,
          'named like ours, with darwin for macos). Swap in your own bundler (Node SEA, pkg…) if you prefer.',
        ],
      };
    },
    python: () => {
      const venv = PYTHON_BUILD_VENV;
      return {
        targets: DESKTOP,
        moreTargets: [],
        command: pythonBuildScript(d),
        path: `dist/\${DEPLOYFORGE_TARGET}/${d.binary}`,
        ignore: setuptoolsBackend(d) ? ['build/', '*.egg-info/'] : [],
        notes: [
          `PyInstaller freezes the interpreter and your package into one executable that runs ${d.entry ?? `\`python -m ${pythonModule(d)}\``}.`,
          'It cannot cross-compile: each target builds on a runner of its own OS and architecture.',
          `Nothing is installed into your Python: the build has its own venv, ${venv}`,
          '(kept between builds), which sees the packages your Python has. With the build back-end (the',
          'first pip line, from [build-system] requires), your dependencies and PyInstaller installed, no',
          'network is needed; pip fetches only what is missing, as it does in CI.',
        ],
      };
    },
    unknown: () => ({
      targets: DESKTOP,
      moreTargets: ['linux-x64-musl', 'linux-arm64-musl', 'windows-arm64'],
      command: undefined,
      path: `dist/\${DEPLOYFORGE_TARGET}/${d.binary}`,
      notes: [
        'FILL IN: no Cargo.toml, go.mod, package.json or pyproject.toml was found, so how this project',
        'builds is unknown. Uncomment `command` with the command that builds one target and `path` with',
        'where its binary lands; until then `generate` and `release` stop and ask for them.',
      ],
    }),
  };
  return recipes[d.kind]();
}

/** Under .deployforge/ (already ignored), so the build's environment never lands in a commit. */
const PYTHON_BUILD_VENV = '.deployforge/python-build';

/**
 * The Python build as a short script (a YAML block in deployforge.yml; bash runs it with -e, so
 * any failing line stops it). Its own venv keeps pip away from the user's interpreter, and
 * --system-site-packages lets it reuse what that interpreter already has: pip then fetches only
 * what is missing, so an offline machine with everything installed builds, and CI (which has
 * nothing installed) fetches it all, with the same commands. --without-pip: the base's pip
 * installs into the venv, and no bundled setuptools (Python 3.11 and older) hides the base's own.
 *
 * The venv's python is called by path (bin/ on Linux and macOS, Scripts/ on Windows) rather than
 * activated. Build isolation is off because it would download the back-end into a throwaway
 * environment even when it is installed; the back-end is installed into the venv instead.
 * PyInstaller is checked first so that, offline, a missing one gets one clear message instead of
 * pip's retries (its log is kept); its work files go into the venv, not the project.
 */
function pythonBuildScript(d: DetectedProject): string {
  const requires = d.buildSystem?.requires ?? ['setuptools>=40.8.0'];
  return [
    `venv=${PYTHON_BUILD_VENV}`,
    'python -m venv --without-pip --system-site-packages "$venv"',
    'py="$venv/bin/python"; [ -e "$py" ] || py="$venv/Scripts/python.exe"',
    ...(requires.length > 0 ? [`"$py" -m pip install ${requires.map(shellQuote).join(' ')}`] : []),
    'if ! "$py" -c \'import PyInstaller\' 2>/dev/null && ! "$py" -m pip install pyinstaller > "$venv/pip.log" 2>&1; then',
    '  tail -n 2 "$venv/pip.log" >&2',
    '  echo "PyInstaller is not installed, and pip could not install it (its log: $venv/pip.log)." >&2',
    '  echo "Offline, install it first into the Python that runs this build: python -m pip install pyinstaller" >&2',
    '  echo "(with network, the build installs it into $venv, where it stays)." >&2',
    '  exit 1',
    'fi',
    '"$py" -m pip install --no-build-isolation .',
    `echo ${quoteForEcho(pythonLauncher(d))} > "$venv/entry.py"`,
    `"$py" -m PyInstaller --onefile --name ${d.binary} --distpath "dist/$DEPLOYFORGE_TARGET" --workpath "$venv/work" --specpath "$venv" "$venv/entry.py"`,
    '',
  ].join('\n');
}

/** setuptools (also the back-end when pyproject.toml names none) writes build/ and *.egg-info/ into the project. */
function setuptoolsBackend(d: DetectedProject): boolean {
  const backend = d.buildSystem?.backend;
  return backend === undefined || backend.startsWith('setuptools.');
}

/** `pkg.cli:main` → a one-line script that runs it and exits with its return value. */
function pythonLauncher(d: DetectedProject): string {
  const match = d.entry ? /^([A-Za-z_][\w.]*):([A-Za-z_][\w.]*)$/.exec(d.entry) : null;
  if (match) return `import sys, ${match[1]} as m; sys.exit(m.${match[2]}())`;
  return `import runpy; runpy.run_module('${pythonModule(d)}', run_name='__main__')`;
}

function pythonModule(d: DetectedProject): string {
  return (d.packageName ?? d.name).toLowerCase().replace(/[-.]+/g, '_');
}

function quoteIfNeeded(arg: string): string {
  return /^[\w./@-]+$/.test(arg) ? arg : shellQuote(arg);
}

function shellQuote(arg: string): string {
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The launcher is made of identifiers, dots and punctuation only (no `$`, backslash or backtick),
 * so double quotes carry it through the shell unchanged, and leave the YAML free to single-quote
 * the whole command instead of escaping it.
 */
function quoteForEcho(text: string): string {
  return `"${text.replace(/["\\$`]/g, '\\$&')}"`;
}
