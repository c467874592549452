import { dirname, posix } from 'node:path';
import { PINNED_ACTIONS, pinnedUses } from './pinned-actions.js';
import type { Step } from './workflow-types.js';

/**
 * The toolchain `build.command` uses, set up before it runs, read from the command itself: a
 * runner image's preinstalled Go or Python is whatever version that image shipped, so the release
 * would be built by a compiler nobody chose. Go takes its version from go.mod (next to the config);
 * Python gets the newest 3.x; Rust installs the stable toolchain unless rust-toolchain.toml (which
 * rustup reads at every cargo call) names another.
 *
 * No cache anywhere: these steps also run in jobs that hold secrets (the crates publish job), and a
 * release build should not start from state another run left behind (a pull request's run can
 * write caches too). setup-go caches by default, so it is turned off explicitly.
 */
export function toolchainSteps(command: string | undefined, configPath: string): Step[] {
  if (!command) return [];
  const steps: Step[] = [];
  if (/\bgo\s+(build|install|run)\b/.test(command)) {
    const dir = dirname(configPath);
    steps.push({
      name: 'Set up Go',
      uses: pinnedUses(PINNED_ACTIONS.setupGo),
      with: { 'go-version-file': dir === '.' ? 'go.mod' : posix.join(dir, 'go.mod'), cache: false },
    });
  }
  if (/\b(python3?|pip3?|pyinstaller|uv|pipx)\b/.test(command)) {
    steps.push({ name: 'Set up Python', uses: pinnedUses(PINNED_ACTIONS.setupPython), with: { 'python-version': '3.x' } });
  }
  if (/\b(cargo|rustup)\b/.test(command)) steps.push(rustToolchainStep());
  return steps;
}

/** rustup is on every hosted runner; this makes the toolchain a decision of the workflow, not of the image. */
export function rustToolchainStep(): Step {
  return { name: 'Set up the Rust toolchain', shell: 'bash', run: 'rustup toolchain install stable --profile minimal --no-self-update\n' };
}
