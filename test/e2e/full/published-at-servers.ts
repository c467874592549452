import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { run, runOk } from '../../helpers/services.js';
import { REPOSITORY, type LocalServers } from './local-servers.js';

/** The spokes whose arrival is checked at the server, each by asking that server itself. */
export type CheckedSpoke =
  | 'github' | 'npm' | 'pypi' | 'crates' | 'docker' | 'homebrew' | 'scoop' | 'chocolatey' | 'aur' | 'huggingface' | 'nix' | 'apt' | 'yum' | 'custom:mirror';

const OCI_ACCEPT = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');

async function getJson(url: string, headers: Record<string, string> = {}): Promise<any> {
  const response = await fetch(url, { headers: { accept: 'application/json', ...headers } });
  return response.ok ? response.json() : undefined;
}

/** A file on a branch of a bare repository, or undefined when the branch or file is not there. */
async function gitShow(gitDir: string, branch: string, path: string): Promise<string | undefined> {
  if (!existsSync(gitDir)) return undefined;
  const result = await run('git', ['-c', 'safe.directory=*', '--git-dir', gitDir, 'show', `${branch}:${path}`]);
  return result.code === 0 ? result.stdout : undefined;
}

/**
 * For each spoke, whether its server (not the spoke's own report) holds `version`: the npm
 * packument, an OCI manifest HEAD, the formula/manifest/package files on the git servers via
 * `git show`, the PyPI JSON API, the crates sparse index, the NuGet OData entry, the AUR repo's
 * .SRCINFO, the Space's files, the mirror folder, and a published (non-draft) GitHub release with
 * SHA256SUMS.
 */
export async function publishedAtServers(servers: LocalServers, project: string, version: string): Promise<Record<CheckedSpoke, boolean>> {
  const { services } = servers;
  const npmAuth = { authorization: `Bearer ${services.DEPLOYFORGE_TEST_NPM_TOKEN}` };
  const packument = await getJson(new URL(servers.npmPackage, services.DEPLOYFORGE_TEST_NPM_REGISTRY).href, npmAuth);
  const manifest = await fetch(`http://${services.DEPLOYFORGE_TEST_OCI_REGISTRY}/v2/${servers.imageRepo}/manifests/${version}`, { method: 'HEAD', headers: { accept: OCI_ACCEPT } });
  const pypi = await getJson(`${servers.pypi.indexUrl}pypi/hello-forge-bin/${version}/json`);
  const cratesIndex = await fetch(`${servers.crates.indexUrl}he/ll/hello-forge`).then(async (r) => (r.ok ? r.text() : ''));
  const nuget = await fetch(`${servers.nuget.url}api/v2/Packages(Id='hello-forge',Version='${version}')`);
  const release = servers.gh.state.repos.get(REPOSITORY)?.releases.find((r) => r.tagName === `v${version}`);
  const formula = await gitShow(servers.gitRepos.homebrew.dir, 'main', 'Formula/hello-forge.rb');
  const scoop = await gitShow(servers.gitRepos.scoop.dir, 'main', 'bucket/hello-forge.json');
  const nix = await gitShow(servers.gitRepos.nix.dir, 'main', 'pkgs/hello-forge/default.nix');
  const debIndex = await gitShow(servers.gitRepos.apt.dir, 'gh-pages', 'deb/dists/stable/main/binary-amd64/Packages');
  const rpmIndex = await gitShow(servers.gitRepos.yum.dir, 'gh-pages', 'rpm/repodata/primary.xml');
  const srcinfo = await gitShow(servers.aurRepoDir, 'master', '.SRCINFO');
  const spaceFiles = await Promise.all(['README.md', 'app.py'].map(async (f) =>
    (await gitShow(servers.gitRepos.huggingface.dir, 'main', f)) === readFileSync(join(project, 'space', f), 'utf8')));

  return {
    github: release !== undefined && !release.draft && release.assets.some((a) => a.name === 'SHA256SUMS' && a.state === 'uploaded'),
    npm: packument?.versions?.[version] !== undefined && packument?.['dist-tags']?.latest === version,
    pypi: Array.isArray(pypi?.urls) && pypi.urls.length > 0 && pypi.info?.version === version,
    crates: cratesIndex.split('\n').some((line) => line && (JSON.parse(line) as { vers: string }).vers === version),
    docker: manifest.status === 200,
    homebrew: formula?.includes(`/v${version}/`) ?? false,
    scoop: scoop !== undefined && (JSON.parse(scoop) as { version: string }).version === version,
    chocolatey: nuget.status === 200,
    aur: srcinfo !== undefined && new RegExp(`^\\tpkgver = ${version.replace(/\./g, '\\.')}$`, 'm').test(srcinfo),
    // The Space is the project's space/ folder as it is: no version in it to look for.
    huggingface: spaceFiles.every(Boolean),
    nix: nix?.includes(`"${version}"`) ?? false,
    // The apt and yum indexes list this version (older ones stay: it is a repository, not a pointer).
    apt: debIndex?.includes(`\nVersion: ${version}-1\n`) ?? false,
    yum: rpmIndex?.includes(`ver="${version}" rel="1"`) ?? false,
    'custom:mirror': existsSync(join(servers.mirrorDir, version, 'SHA256SUMS')),
  };
}

/** Every checked spoke set to `value`, with exceptions: `{ ...allChecked(true), docker: false }`. */
export function allChecked(value: boolean): Record<CheckedSpoke, boolean> {
  return { github: value, npm: value, pypi: value, crates: value, docker: value, homebrew: value, scoop: value, chocolatey: value, aur: value, huggingface: value, nix: value, apt: value, yum: value, 'custom:mirror': value };
}

/**
 * Installs nothing: fetches `<npm package>-<target>@<version>` from verdaccio, unpacks it, and runs the
 * binary it carries with `--version`, to prove the real build (not a stand-in) reached the registry.
 */
export async function npmBinaryVersion(servers: LocalServers, target: string, version: string, scratch: string): Promise<string> {
  const { services } = servers;
  const name = `${servers.npmPackage}-${target}`;
  const auth = { authorization: `Bearer ${services.DEPLOYFORGE_TEST_NPM_TOKEN}` };
  const packument = await getJson(new URL(name, services.DEPLOYFORGE_TEST_NPM_REGISTRY).href, auth);
  const tarball = packument?.versions?.[version]?.dist?.tarball as string | undefined;
  if (!tarball) throw new Error(`verdaccio has no ${name}@${version}`);
  // The packument's URLs name whichever door it was read through; fetch from verdaccio itself.
  const url = new URL(new URL(tarball).pathname, services.DEPLOYFORGE_TEST_NPM_REGISTRY);
  const response = await fetch(url, { headers: auth });
  if (!response.ok) throw new Error(`GET ${url.href}: ${response.status}`);
  const dir = mkdtempSync(join(scratch, 'npm-unpack-'));
  writeFileSync(join(dir, 'package.tgz'), Buffer.from(await response.arrayBuffer()));
  await runOk('tar', ['-xzf', 'package.tgz'], { cwd: dir });
  const pkg = JSON.parse(readFileSync(join(dir, 'package/package.json'), 'utf8')) as { bin?: Record<string, string> | string };
  const binaries = (readdirSync(join(dir, 'package'), { recursive: true }) as string[]).filter((f) => /(?:^|\/)hello-forge$/.test(f));
  if (binaries.length !== 1) throw new Error(`${name}@${version} holds ${binaries.length} hello-forge binaries (${JSON.stringify(pkg.bin)})`);
  return (await runOk(join(dir, 'package', binaries[0]!), ['--version'])).trim();
}
