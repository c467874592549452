import type { PythonBuildSystem } from './manifest-facts.js';

/** Which build ecosystem a repository belongs to, decided by the manifest found at its root. */
export type ProjectKind = 'rust' | 'go' | 'node' | 'python' | 'unknown';

/** Mirrors the config's `version.from` values that `init` can pick without asking. */
export type VersionSource = 'cargo' | 'package-json' | 'pyproject' | 'tag';

/** What `init` learned about a repository, enough to write a first `deployforge.yml`. */
export interface DetectedProject {
  kind: ProjectKind;
  /** The manifest that decided `kind` (`Cargo.toml`, `go.mod`, …), or undefined for `unknown`. */
  manifest: string | undefined;
  /** Already normalized to the config's `[a-z0-9][a-z0-9._-]*`. */
  name: string;
  /** The name exactly as the manifest spells it (npm scope included), for the package registries. */
  packageName: string | undefined;
  description: string | undefined;
  /** An SPDX id when the manifest or the LICENSE file names one. */
  license: string | undefined;
  homepage: string | undefined;
  /** `owner/repo`, only when `git remote get-url origin` points at github.com. */
  repository: string | undefined;
  /** The executable's name inside each archive (without `.exe`). */
  binary: string;
  versionSource: VersionSource;
  /** The version the manifest declares, for messages only; the release resolves its own. */
  version: string | undefined;
  /**
   * Where the program starts. Node: the script `bin` points at. Python: the `[project.scripts]`
   * target (`pkg.cli:main`). Go: the main package (`.` or `./cmd/<name>`).
   */
  entry: string | undefined;
  /** README and LICENSE files found at the root, worth packing next to the binary. */
  extraFiles: string[];
  /** Python: pyproject.toml's `[build-system]`, installed into the build's environment first. */
  buildSystem?: PythonBuildSystem | undefined;
  /** Rust: whether Cargo.lock exists, so the build can use `--locked`. */
  lockfile: boolean;
  /** An action.yml (or action.yaml) at the root: the repository is a GitHub Action, whose v1/v1.2 tags move. */
  action: boolean;
}
