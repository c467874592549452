// Third-party actions the generated workflow uses, played by small stand-ins: checkout as a fetch of
// the ref from the origin repository (shallow, as actions/checkout's), the artifact actions as a
// local store, and the rest (setup-node, provenance, cosign-installer) recorded so a test can see
// they were called and with what. An action not listed here fails the step loudly: the harness
// never pretends to run something it does not know.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { downloadArtifact, uploadArtifact, type ArtifactStore } from './artifact-store.js';

export interface StandInCall {
  job: string;
  action: string;
  with: Record<string, string>;
}

export interface StandInContext {
  job: string;
  workspace: string;
  temp: string;
  origin: string;
  /** owner/name of the workflow's repository (the origin's). */
  repository: string;
  /** Other repositories a checkout may fetch: owner/name -> a folder of its files at `ref`. */
  repositories: Record<string, { dir: string; ref: string }>;
  /** The ref checked out when checkout gets none (the event's). */
  defaultRef: string;
  attempt: number;
  artifacts: ArtifactStore;
  node24: string;
  /** The job's `permissions:` (its GITHUB_TOKEN's scopes). */
  permissions: Record<string, string>;
  calls: StandInCall[];
}

export interface StandInResult {
  log: string;
  outputs: Record<string, string>;
  path: string[];
}

function only(action: string, given: Record<string, string>, allowed: string[]): void {
  const extra = Object.keys(given).filter((k) => !allowed.includes(k));
  if (extra.length > 0) throw new Error(`harness: ${action} with: ${extra.join(', ')} is not implemented`);
}

/**
 * `repository:` another repository into `path:` (how a job fetches the DeployForge CLI): the
 * test's copy of it, which is of one commit; asking for another ref stops the test. Only what a
 * clone holds is copied: not a node_modules beside it.
 */
function checkoutOther(ctx: StandInContext, w: Record<string, string>): StandInResult {
  const repository = w.repository!;
  const copy = ctx.repositories[repository];
  if (!copy) throw new Error(`harness: checkout of ${repository}: this test has no copy of that repository`);
  if (w.ref !== copy.ref) throw new Error(`harness: checkout of ${repository} at ${w.ref || '(its default branch)'}: this test has it only at ${copy.ref}`);
  if (!w.path) throw new Error(`harness: checkout of ${repository} without path: would replace the workspace, which the harness does not implement`);
  const into = resolve(ctx.workspace, w.path);
  if (relative(ctx.workspace, into).startsWith('..')) throw new Error(`harness: checkout path ${w.path} is outside the workspace`);
  cpSync(copy.dir, into, { recursive: true, filter: (src) => !(dirname(src) === copy.dir && basename(src) === 'node_modules') });
  return { log: `checked out ${repository}@${copy.ref} into ${w.path}`, outputs: {}, path: [] };
}

/**
 * The refspecs actions/checkout fetches for `ref`: a branch into refs/remotes/origin/, a tag as
 * itself (so `git tag` in a tag's checkout lists that one tag), a pull request's merge ref into
 * refs/remotes/pull/, a commit by itself.
 */
function refspec(ref: string, sha: string): string {
  if (ref.startsWith('refs/heads/')) return `+${sha}:refs/remotes/origin/${ref.slice('refs/heads/'.length)}`;
  if (ref.startsWith('refs/tags/')) return `+${ref}:${ref}`;
  if (ref.startsWith('refs/pull/')) return `+${sha}:refs/remotes/pull/${ref.slice('refs/pull/'.length)}`;
  if (/^[0-9a-f]{40}$/.test(ref)) return sha;
  throw new Error(`harness: actions/checkout ref ${ref}: only full refs (refs/heads|tags|pull/…) and commit SHAs are implemented`);
}

/**
 * The workflow's own repository as actions/checkout fetches it: by default (`fetch-depth: 1`) the
 * one commit and no other tag or history, so a step that reads tags or history sees what it sees
 * on a runner; `fetch-depth: 0` every branch and tag with their history. Detached, like a runner's
 * checkout of a tag or a pull request.
 */
function checkout(ctx: StandInContext, w: Record<string, string>): StandInResult {
  only('actions/checkout', w, ['ref', 'persist-credentials', 'fetch-depth', 'repository', 'path']);
  if (w.repository && w.repository !== ctx.repository) return checkoutOther(ctx, w);
  if (w.path) throw new Error('harness: actions/checkout of the workflow\'s own repository into a path is not implemented');
  const ref = w.ref || ctx.defaultRef;
  const depth = w['fetch-depth'] ? Number(w['fetch-depth']) : 1;
  if (!Number.isInteger(depth) || depth < 0) throw new Error(`harness: actions/checkout fetch-depth ${w['fetch-depth']} is not a whole number`);
  const git = (args: string[], cwd = ctx.workspace) => execFileSync('git', ['-C', cwd, ...args], { encoding: 'utf8', stdio: 'pipe' }).trim();
  const sha = git(['rev-parse', `${ref}^{commit}`], ctx.origin);
  const origin = `file://${ctx.origin}`;
  git(['init', '--quiet']);
  if (depth === 0) git(['fetch', '--quiet', '--tags', origin, '+refs/heads/*:refs/remotes/origin/*', '+refs/tags/*:refs/tags/*', refspec(ref, sha)]);
  else git(['fetch', '--quiet', '--no-tags', `--depth=${depth}`, origin, refspec(ref, sha)]);
  git(['checkout', '--quiet', '--detach', '--force', sha]);
  return { log: `checked out ${ref}${depth === 0 ? ' (all history and tags)' : ''}`, outputs: {}, path: [] };
}

/** `<owner>/<repo>` of a `uses:` without its ref, for third-party actions. */
export function actionName(uses: string): string {
  return uses.replace(/@.*$/, '');
}

export function runStandIn(uses: string, w: Record<string, string>, ctx: StandInContext): StandInResult {
  const action = actionName(uses);
  ctx.calls.push({ job: ctx.job, action, with: w });
  switch (action) {
    case 'actions/checkout':
      return checkout(ctx, w);
    case 'actions/upload-artifact':
      return { log: uploadArtifact(ctx.artifacts, ctx.attempt, ctx.workspace, w), outputs: {}, path: [] };
    case 'actions/download-artifact':
      return { log: downloadArtifact(ctx.artifacts, ctx.workspace, w), outputs: {}, path: [] };
    case 'actions/setup-node':
      only(action, w, ['node-version', 'package-manager-cache', 'registry-url']);
      if (w['node-version'] !== '24') throw new Error(`harness: setup-node ${w['node-version']}: only Node 24 is installed here`);
      return { log: 'Node 24 on PATH', outputs: {}, path: [dirname(ctx.node24)] };
    case 'actions/setup-go': {
      only(action, w, ['go-version', 'go-version-file', 'cache']);
      // The runner's `go` (a stand-in here: no Go on our machines) stays on PATH; the version file
      // must be where the step says, as setup-go fails without it.
      if (w['go-version-file'] && !existsSync(join(ctx.workspace, w['go-version-file']))) throw new Error(`The specified go version file at: ${w['go-version-file']} does not exist`);
      return { log: `recorded: setup-go (${w['go-version-file'] ?? w['go-version']}); the machine's go is used`, outputs: {}, path: [] };
    }
    case 'sigstore/cosign-installer':
      return { log: 'recorded: cosign-installer (cosign is not installed here)', outputs: {}, path: [] };
    case 'actions/attest-build-provenance': {
      only(action, w, ['subject-checksums', 'subject-path', 'subject-name', 'subject-digest', 'push-to-registry']);
      // As on GitHub: without these the action cannot get its OIDC token or store the attestation.
      if (ctx.permissions['id-token'] !== 'write' || ctx.permissions.attestations !== 'write') {
        throw new Error(`attest-build-provenance needs permissions id-token: write and attestations: write; the job has ${JSON.stringify(ctx.permissions)}`);
      }
      // GitHub's attestation needs its OIDC issuer; the stand-in writes a bundle naming what was
      // attested. Like a real one (new certificate, new log entry), it differs on every signing.
      const bundle = join(ctx.temp, 'attestation.sigstore.json');
      writeFileSync(bundle, `${JSON.stringify({ standIn: 'actions/attest-build-provenance', with: w, signedAt: new Date().toISOString(), nonce: randomUUID() })}\n`);
      return { log: 'recorded: attest-build-provenance', outputs: { 'bundle-path': bundle }, path: [] };
    }
    case 'actions/upload-pages-artifact':
      // The site goes into the run's artifact store as `github-pages`, the name deploy-pages reads.
      only(action, w, ['path']);
      return { log: uploadArtifact(ctx.artifacts, ctx.attempt, ctx.workspace, { name: 'github-pages', path: w.path ?? '' }), outputs: { artifact_id: '1' }, path: [] };
    case 'actions/deploy-pages': {
      only(action, w, []);
      // As on GitHub: the deployment is requested with the job's OIDC token and a pages: write token.
      if (ctx.permissions['id-token'] !== 'write' || ctx.permissions.pages !== 'write') {
        throw new Error(`deploy-pages needs permissions pages: write and id-token: write; the job has ${JSON.stringify(ctx.permissions)}`);
      }
      return { log: 'recorded: deploy-pages (the github-pages artifact)', outputs: { page_url: 'https://pages.example.test/' }, path: [] };
    }
    default:
      throw new Error(`harness: no stand-in for ${uses}; add one in test/harness/stand-in-actions.ts`);
  }
}
