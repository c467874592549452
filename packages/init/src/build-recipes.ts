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
      const launcher = pythonLauncher(d);
      return {
        targets: DESKTOP,
        moreTargets: [],
        command: `python -m pip install . pyinstaller && echo ${quoteForEcho(launcher)} > deployforge_entry.py && pyinstaller --onefile --name ${d.binary} --distpath "dist/$DEPLOYFORGE_TARGET" deployforge_entry.py`,
        path: `dist/\${DEPLOYFORGE_TARGET}/${d.binary}`,
        notes: [
          `PyInstaller freezes the interpreter and your package into one executable that runs ${d.entry ?? `\`python -m ${pythonModule(d)}\``}.`,
          'It cannot cross-compile: each target builds on a runner of its own OS and architecture.',
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
  return /^[\w./@-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/**
 * The launcher is made of identifiers, dots and punctuation only (no `$`, backslash or backtick),
 * so double quotes carry it through the shell unchanged, and leave the YAML free to single-quote
 * the whole command instead of escaping it.
 */
function quoteForEcho(text: string): string {
  return `"${text.replace(/["\\$`]/g, '\\$&')}"`;
}
