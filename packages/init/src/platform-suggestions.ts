import { PLATFORMS, SPOKE_IDS, type SpokeId } from '@deployforge/catalog';
import type { DetectedProject } from './detected-project.js';

/** One platform as `init` writes it: the block's settings and why it is (or could be) on. */
export interface PlatformSuggestion {
  id: SpokeId;
  settings: Record<string, unknown>;
  /** One line: what the platform publishes and which secret it needs. */
  summary: string;
}

export interface PlatformChoice {
  /** On in the written file (never `required` at first: see renderInitConfig). */
  enabled: PlatformSuggestion[];
  /** Comment lines explaining the choice of `enabled` (or why nothing is on). */
  why: string[];
  /** Every other platform, written commented out, ready to uncomment. */
  available: PlatformSuggestion[];
}

const CRATE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;

/**
 * The default is the registry the project's own community installs from, because that is the one
 * platform whose account the maintainer almost certainly already has: crates.io for Rust, npm for
 * Node, PyPI for Python. Go has no package registry to publish to (`go install` resolves the tag
 * by itself), so its default is a Homebrew tap, the usual second channel for Go CLIs, but only when
 * the owner is known; a guessed tap name would just fail the first release.
 */
export function choosePlatforms(d: DetectedProject): PlatformChoice {
  const owner = d.repository?.split('/')[0];
  const enabled: SpokeId[] = [];
  const why: string[] = [];
  switch (d.kind) {
    case 'rust':
      if (d.packageName && CRATE_NAME.test(d.packageName)) {
        enabled.push('crates');
        why.push('On by default: crates.io, so Rust users can `cargo install` it (published from source).');
      } else {
        why.push('No [package] in Cargo.toml (a workspace root?): set platforms.crates.path to the crate to publish it.');
      }
      break;
    case 'node':
      enabled.push('npm');
      why.push('On by default: npm, so `npx`/`npm i -g` get a prebuilt binary (a launcher + one package per', 'target, via optionalDependencies). If you publish this package\'s JavaScript yourself, rename one.');
      break;
    case 'python':
      // The block is written (the choice is on record) with mode: skip, so nothing is published.
      enabled.push('pypi');
      why.push(
        'PyPI is written with mode: skip: this project is a Python package already, and DeployForge\'s',
        'binary-only wheels would take its place on PyPI (same name, no source). Publish it with its own',
        'build (python -m build, then trusted publishing or twine). Set mode: binary-wheels to ship the',
        'frozen binary instead, under a name of its own such as <name>-bin.',
      );
      break;
    case 'go':
      if (owner) {
        enabled.push('homebrew');
        why.push(`On by default: Homebrew, so \`brew install ${owner}/tap/${d.binary}\` works (create the`, `${owner}/homebrew-tap repository first). Go needs no registry: \`go install\` works from the tag.`);
      } else {
        why.push('Go needs no registry of its own: `go install` already works from the tag. No GitHub', 'remote was found, so no Homebrew tap is assumed; enable one below when you have it.');
      }
      break;
    case 'unknown':
      if (!d.action) why.push('Nothing is on yet: the GitHub Release alone is published. Uncomment platforms below.');
      break;
  }
  if (d.action) {
    enabled.push('github-action');
    why.push('On because action.yml is at the root: github-action moves the v1 / v1.2 tags to each release,', 'so `uses: <owner>/<repo>@v1` gets it (the generated job gets contents: write for that).');
  }
  const all = SPOKE_IDS.map((id) => suggest(id, d, owner));
  return {
    enabled: all.filter((s) => enabled.includes(s.id)),
    why,
    available: all.filter((s) => !enabled.includes(s.id)),
  };
}

function suggest(id: SpokeId, d: DetectedProject, ownerOrUndefined: string | undefined): PlatformSuggestion {
  const owner = ownerOrUndefined ?? 'your-org';
  const ownerLower = owner.toLowerCase();
  const name = d.name;
  const Pascal = pascalCase(name);
  const settings: Record<SpokeId, Record<string, unknown>> = {
    npm: { package: d.kind === 'node' && d.packageName ? d.packageName : name },
    'github-packages': { scope: `@${ownerLower}` },
    'github-action': { tags: ['major', 'minor'] },
    pypi: d.kind === 'python' ? { package: d.packageName ?? name, mode: 'skip' } : { package: name },
    crates: { package: d.kind === 'rust' && d.packageName ? d.packageName : crateName(name), path: '.' },
    docker: { images: [`ghcr.io/${ownerLower}/${name}`] },
    homebrew: { tap: `${owner}/homebrew-tap` },
    scoop: { bucket: `${owner}/scoop-bucket` },
    chocolatey: { package: name },
    winget: { 'package-id': `${pascalCase(owner)}.${Pascal}` },
    aur: { package: `${name}-bin` },
    snap: { name: snapName(name), channel: 'stable' },
    // Reverse-DNS segments cannot start with a digit or hold '-', hence the underscores.
    flathub: { 'app-id': `io.github.${owner.replace(/-/g, '_').replace(/^(?=\d)/, '_')}.${Pascal}` },
    vscode: { path: 'editors/vscode' },
    huggingface: { space: `${owner}/${name}` },
    nix: { repository: `${owner}/nix-packages` },
    // Both publish the release's own packages: uncomment with release.linux-packages listing deb / rpm.
    apt: { repository: `${owner}/packages`, branch: 'gh-pages' },
    yum: { repository: `${owner}/packages`, branch: 'gh-pages' },
    custom: { 'deploy-docs': { run: './scripts/deploy-docs.sh "$DEPLOYFORGE_VERSION"' } },
  };
  return { id, settings: settings[id], summary: summarize(id) };
}

/**
 * `npm publishes … (trusted publishing, or secret NPM_TOKEN)`. Deliberately not `npm: …`, so the
 * line cannot be mistaken for (or uncommented into) a platform block.
 */
function summarize(id: SpokeId): string {
  const info = PLATFORMS[id];
  const secrets = info.credentials.map((c) => c.name);
  let needs =
    secrets.length === 0 ? 'no secret needed'
    : secrets.length === 1 ? `secret ${secrets[0]}`
    : `secrets ${secrets.join(info.allCredentialsRequired ? ' + ' : ' or ')}`;
  if (info.oidc) needs = `trusted publishing, or ${needs}`;
  return `${info.displayName} publishes ${info.publishes} (${needs})`;
}

function pascalCase(text: string): string {
  const pascal = text
    .split(/[^A-Za-z0-9]+/)
    .filter((w) => w !== '')
    .map((w) => w[0]!.toUpperCase() + w.slice(1))
    .join('');
  // Winget and Flathub id segments must not start with a digit.
  return /^[A-Za-z]/.test(pascal) ? pascal : `App${pascal}`;
}

/** Crate names start with a letter and hold no dots. */
function crateName(name: string): string {
  const crate = name.replace(/\./g, '-');
  return /^[A-Za-z]/.test(crate) ? crate : `x-${crate}`;
}

/** Snap names allow only lowercase letters, digits and single hyphens. */
function snapName(name: string): string {
  return name.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'app';
}
