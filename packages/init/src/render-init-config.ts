import { buildRecipe } from './build-recipes.js';
import type { DetectedProject } from './detected-project.js';
import { choosePlatforms } from './platform-suggestions.js';
import { SCHEMA_URL } from './schema-url.js';
import { blockYaml, inlineYaml } from './yaml-text.js';

const VERSION_SOURCE_NOTE: Record<DetectedProject['versionSource'], string> = {
  cargo: "Cargo.toml's version is released; the tag you push must be <tag-prefix><that version>.",
  'package-json': "package.json's version is released; the tag you push must be <tag-prefix><that version>.",
  pyproject: "pyproject.toml's [project] version is released (PEP 440, 1.0.0rc1 → 1.0.0-rc.1); the tag you push must be <tag-prefix><that version>.",
  tag: 'The pushed tag minus tag-prefix is the version (v1.2.3 → 1.2.3).',
};

/**
 * A first `deployforge.yml` for the detected project: valid as written, with a comment on every
 * section and every other platform listed commented out, so the file teaches the format and
 * enabling a platform means deleting a `# `.
 */
export function renderInitConfig(d: DetectedProject): string {
  const recipe = buildRecipe(d);
  const choice = choosePlatforms(d);
  const from = d.manifest ? ` from ${d.manifest}` : '';
  const out: string[] = [];
  const line = (text = '') => out.push(text);
  const field = (indent: number, key: string, value: unknown, comment?: string) =>
    line(`${' '.repeat(indent)}${key}: ${inlineYaml(value)}${comment ? `  # ${comment}` : ''}`);

  line(`# yaml-language-server: $schema=${SCHEMA_URL}`);
  line('#');
  line(`# DeployForge release config for ${d.name}, written by \`deployforge init\`${from}.`);
  line('#');
  line('#   deployforge validate               check this file');
  line('#   deployforge plan --version 1.2.3   see what a release would build and publish');
  line('#   deployforge generate               write .github/workflows/release.yml from it');
  line('#');
  line('# The schema above documents every key; YAML editors autocomplete them from it.');
  line();

  line("# What is being released: names and links copied into every package's metadata.");
  line('project:');
  field(2, 'name', d.name);
  if (d.description) field(2, 'description', d.description);
  else line('  # description: One line about what it does');
  if (d.homepage) field(2, 'homepage', d.homepage);
  else line('  # homepage: https://example.com');
  if (d.license) field(2, 'license', d.license, 'SPDX id');
  else line('  # license: MIT   # SPDX id; no license was found in the manifest or a LICENSE file');
  if (d.repository) field(2, 'repository', d.repository, 'where releases live; default: the repository the workflow runs in');
  else line('  # repository: owner/repo   # default: the repository the workflow runs in');
  line('  # maintainer: Your Name <you@example.com>   # used by AUR, Chocolatey, Winget, Snap and Linux packages');
  line();

  line('# Where the version comes from: tag | input (the dispatch input) | cargo | package-json | pyproject | file:<path>.');
  line('version:');
  line(`  # ${VERSION_SOURCE_NOTE[d.versionSource]}`);
  field(2, 'from', d.versionSource);
  field(2, 'tag-prefix', 'v');
  line();

  line('# How each target is built: `command` runs once per target with DEPLOYFORGE_TARGET,');
  line('# DEPLOYFORGE_RUST_TARGET, GOOS and GOARCH set; `path` is where the binary lands (.exe is');
  line('# added on Windows). Archives are named <name>-<version>-<target>.tar.gz (.zip on Windows).');
  line('build:');
  field(2, 'binary', d.binary);
  if (recipe.moreTargets.length > 0) line(`  # Also available: ${recipe.moreTargets.join(', ')}.`);
  field(2, 'targets', recipe.targets);
  if (recipe.cross) field(2, 'cross', true, 'every target on one Linux runner (GOOS/GOARCH, CGO_ENABLED=0)');
  for (const note of recipe.notes) line(`  # ${note}`);
  if (recipe.command?.includes('\n')) {
    // A script of several lines reads best as a literal block, each line as bash runs it.
    line('  command: |');
    for (const text of recipe.command.trimEnd().split('\n')) line(`    ${text}`);
    field(2, 'path', recipe.path);
  } else if (recipe.command !== undefined) {
    field(2, 'command', recipe.command);
    field(2, 'path', recipe.path);
  } else {
    line(`  # command: make TARGET="$DEPLOYFORGE_TARGET"`);
    line(`  # path: ${inlineYaml(recipe.path)}`);
  }
  if (d.extraFiles.length > 0) field(2, 'files', d.extraFiles, 'packed next to the binary in every archive');
  else line('  # files: [README.md, LICENSE]   # packed next to the binary in every archive');
  line();

  line('# The GitHub Release is the hub: every archive and SHA256SUMS are uploaded to a draft, verified,');
  line('# then published, and every platform below publishes from that release.');
  line('release:');
  field(2, 'draft-until-complete', true);
  field(2, 'checksums', true);
  field(2, 'notes', 'generate', 'generate | none | file:<path>');
  // Both are on by default: the comments show how to turn them off, not how to turn them on.
  line('  # attest: false  # provenance attestations for every archive are on by default (GitHub Actions only)');
  line('  # sbom: false    # an SBOM is attached to the release by default');
  // Off by default (a release carries only what was asked for), offered with the kinds the targets
  // can use: install.sh needs a Linux or macOS archive, install.ps1 a Windows one.
  const installers = [
    ...(recipe.targets.some((t) => !t.startsWith('windows-')) ? ['sh'] : []),
    ...(recipe.targets.some((t) => t.startsWith('windows-')) ? ['ps1'] : []),
  ];
  if (installers.length > 0) {
    line(`  # installers: [${installers.join(', ')}]   # install.sh / install.ps1 on the release: users run \`curl -fsSL <release>/install.sh | sh\``);
  }
  // Linux packages need a Linux archive, and the apt / yum platforms below publish them.
  if (recipe.targets.some((t) => t.startsWith('linux-'))) {
    line('  # linux-packages: [deb, rpm]   # .deb / .rpm on the release (needs project.maintainer); platforms apt / yum put them in repositories');
  }
  line();

  line('# The generated workflow. Publish jobs run in this GitHub environment, so their secrets can');
  line('# sit behind its protection rules.');
  line('# workflow:');
  line('#   environment: release');
  line('#   runs-on: ubuntu-latest');
  line('#   pull-requests: true    # check every pull request: validate, plan, generate --check and a');
  line('#                          # release --snapshot (no secrets, read-only token, nothing published)');
  line();

  // Off by default: Pages needs a repository setting first (source: GitHub Actions), and an issue
  // opened by a bot is something the maintainers should choose to get.
  line('# The release dashboard (who serves which version, who is behind), its history and a badge.');
  line('# Published to GitHub Pages (set Pages\' source to "GitHub Actions") or to a branch; the badge is');
  line('# then https://img.shields.io/endpoint?url=https://<owner>.github.io/<repo>/badge.json');
  line('# status:');
  line('#   pages: true            # or: branch: gh-pages');
  line('#   issues: true           # the monitor opens an issue when a platform falls behind');
  line();

  // A block written only to record a choice (pypi mode: skip) publishes nothing: never suggest requiring it.
  const ids = choice.enabled.filter((s) => s.settings.mode !== 'skip').map((s) => s.id);
  // Nothing is required at first: every platform needs an account, a secret or a repository
  // (a Homebrew tap…) that may not exist yet, and a required one would fail the first release.
  line('# Platforms whose failure fails the release; the others are reported but never block it.');
  line('# Add each one once its account, secret (and repository, for taps and buckets) are set up.');
  // With nothing enabled the example names a platform that is not on yet: say so, or uncommenting it
  // alone fails validate ("required but not enabled").
  line(ids.length > 0 ? `# required: ${inlineYaml(ids)}` : '# required: [npm]   # a platform enabled under platforms: below (npm is not yet)');
  line();

  line('# A platform is on when its block is present (an empty block means "on, with defaults").');
  line('# Secrets go in the repository or environment settings; `deployforge plan` names missing ones.');
  line('platforms:');
  for (const note of choice.why) line(`  # ${note}`);
  for (const s of choice.enabled) {
    line(`  # ${s.summary}`);
    line(blockYaml({ [s.id]: s.settings }, 2));
  }
  line();
  line('  # Uncomment to publish to more places:');
  for (const s of choice.available) {
    line(`  # ${s.summary}`);
    line(`  # ${s.id}: ${inlineYaml(s.settings)}`);
  }
  return `${out.join('\n')}\n`;
}
