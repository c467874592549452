import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError, type Logger } from '@deployforge/diagnostics';
import type { ResolvedVersion } from '@deployforge/version';
import { ensureAsset, replacementName, viewOf, type AssetMachineContext } from './asset-state-machine.js';
import type { ChecksumSigner } from './checksum-signer.js';
import { decideAsset, type AssetDecision } from './decide-asset.js';
import { selectReleaseForTag } from './find-release.js';
import {
  allHashed,
  describeLocalAssets,
  digestsOf,
  SHA256SUMS_NAME,
  statLocalAssets,
  withDigest,
  writeChecksumsAsset,
  type LocalAsset,
  type PendingAsset,
} from './local-assets.js';
import { mapWithConcurrency } from './map-with-concurrency.js';
import type { GitHubClient } from './octokit-factory.js';
import { planSignatures, type SignaturePlan } from './plan-signatures.js';
import { preflightAssets } from './preflight.js';
import { ReleaseApi } from './release-api.js';
import { RemoteDigests } from './remote-digests.js';
import { AssetConflictError, httpFailure, ReleaseStepError } from './release-errors.js';
import { sha256FromDigest, type RemoteAsset, type RemoteRelease } from './release-types.js';
import { renderSha256Sums } from './sha256sums.js';
import { isSignatureFile } from './signature-files.js';
import { sleep } from './sleep.js';

export type ReleaseNotesSource = { kind: 'generate' } | { kind: 'file'; path: string } | { kind: 'none' };

export interface PublishReleaseOptions {
  client: GitHubClient;
  owner: string;
  repo: string;
  tag: string;
  /** Release title; default: the tag. */
  name?: string;
  /** Decides `prerelease` and `make_latest`. */
  version: Pick<ResolvedVersion, 'version' | 'prerelease'>;
  /**
   * Archives, SBOMs…: uploaded under their base names. Signature files among them (`*.asc`,
   * `*.sigstore.json`…) are uploaded after the others and not listed in SHA256SUMS; a `SHA256SUMS`
   * among them (prepared, and signed, by the workflow's sign job) is checked against the other
   * files and uploaded as it is.
   */
  files: readonly string[];
  /** SHA-256 of `files` by path, when the caller has hashed them already (each file is read once). */
  digests?: ReadonlyMap<string, string>;
  /**
   * Files made from the SHA-256 of `files` (by path), such as the SBOM that names the archives by
   * their digests. Called once, when every file's digest is known: on a first release that is after
   * their uploads computed them, so no archive is read only to be hashed. What it returns is
   * uploaded after `files`, before SHA256SUMS, which lists it too.
   */
  derive?: (digests: ReadonlyMap<string, string>) => Promise<readonly string[]>;
  /** Also publish SHA256SUMS listing every file. */
  checksums: boolean;
  /** Signs SHA256SUMS when the release holds no valid signature yet (never on a dry run). */
  signer?: ChecksumSigner;
  /**
   * Create the release as a draft, upload, verify, then publish (default in the config: true).
   * False creates it published straight away, which immutable releases will then refuse to change.
   */
  draftUntilComplete: boolean;
  notes: ReleaseNotesSource;
  /** Replace assets of the same name whose content differs (never possible on immutable releases). */
  force: boolean;
  /** Read everything, write nothing, report what would be done. */
  dryRun: boolean;
  targetCommitish?: string;
  log: Logger;
  /**
   * Uploads in flight at once. Default 2: GitHub asks for serial *requests to the API*, and every
   * JSON write still is serial (throttling plugin) and every upload start is paced through the same
   * write limiter; a second upload in flight only overlaps the transfer of large files, where one
   * TCP stream rarely fills the runner's link. Use 1 for strictly serial uploads.
   */
  concurrency?: number;
  signal?: AbortSignal;
  /** Where SHA256SUMS is written; default: a fresh temp dir. */
  workDir?: string;
  /** See AssetMachineContext.staleStarterMs. Default 60 s. */
  staleStarterMs?: number;
  /** What one second of an upload's retry-after is worth in ms (tests shrink it). Default 1000. */
  rateLimitUnitMs?: number;
}

/** One published asset, in the shape spokes consume (`ReleaseAsset` minus the target). */
export interface PublishedAsset {
  name: string;
  size: number;
  sha256: string;
  /** browser_download_url; for a release still a draft (dry run), the draft's URL. */
  url: string;
}

export interface ReleaseResult {
  /** Undefined only in a dry run for a release that does not exist yet. */
  releaseId: number | undefined;
  url: string;
  tag: string;
  /** This run created the release. */
  created: boolean;
  /** The release is published (not a draft) when this returns. */
  published: boolean;
  assets: PublishedAsset[];
  /** Write requests made (creates, uploads, deletes, renames, publish). 0 for a finished release. */
  writes: number;
  dryRun: boolean;
  /** What was done (or, in a dry run, would be done), one line each. */
  actions: string[];
}

/**
 * The hub: find or create the release as a draft, upload every file (+ SHA256SUMS), verify, publish.
 * Converges on re-runs: a finished release costs list requests only and zero writes.
 */
export async function publishRelease(options: PublishReleaseOptions): Promise<ReleaseResult> {
  if (options.workDir || (!options.checksums && !options.signer)) return publishReleaseIn(options, options.workDir);
  // SHA256SUMS needs a file to stream from; a temp dir of our own, removed whatever happens.
  const dir = await mkdtemp(join(tmpdir(), 'deployforge-release-'));
  try {
    return await publishReleaseIn(options, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function publishReleaseIn(options: PublishReleaseOptions, workDir: string | undefined): Promise<ReleaseResult> {
  const { client, log, tag, signal } = options;
  const api = new ReleaseApi(client, options.owner, options.repo, signal);
  const actions: string[] = [];
  const note = (line: string): void => {
    actions.push(line);
    log.info(options.dryRun ? `[dry run] would ${line}` : line);
  };

  // ---- Everything that can fail without the network, before anything is written. The files are
  // only stat'ed here: their digests come from their uploads where nothing must be compared first.
  const described = await statLocalAssets(options.files, options.digests);
  preflightAssets(described);
  // Signatures and a prepared SHA256SUMS (small, made by the sign job) are hashed at once.
  const given = await Promise.all(described.filter((f) => isSignatureFile(f.name)).map((f) => withDigest(f, signal)));
  const preparedFile = described.find((f) => f.name === SHA256SUMS_NAME);
  const prepared = preparedFile ? await withDigest(preparedFile, signal) : undefined;
  const files: PendingAsset[] = described.filter((f) => f !== preparedFile && !isSignatureFile(f.name));
  // Signing signs SHA256SUMS: without one (release.checksums off) there is nothing to sign.
  const withSums = prepared !== undefined || options.checksums;
  const signer = withSums && !prepared ? options.signer : undefined;
  if (options.signer && !withSums) throw new ConfigurationError('release: signing signs SHA256SUMS, so release.checksums must stay on');
  await signer?.check();
  const notesFromFile = options.notes.kind === 'file' ? await readNotesFile(options.notes.path) : undefined;
  // The local size of every name this run manages (and of its replacement's scratch name): which
  // digestless assets on the release are worth downloading to compare (RemoteDigests).
  const sizes = new Map<string, number>();
  const setSize = (l: Pick<LocalAsset, 'name' | 'size'>): void => {
    sizes.set(l.name, l.size);
    sizes.set(replacementName(l.name), l.size);
  };
  for (const l of [...files, ...given, ...(prepared ? [prepared] : [])]) setSize(l);

  // What is made from the files' digests, once known: the derived files (SBOM), then SHA256SUMS.
  let derived: LocalAsset[] | undefined;
  let sums: LocalAsset | undefined;
  const makeDerived = async (hashed: readonly LocalAsset[]): Promise<LocalAsset[]> => {
    if (derived) return derived;
    const made = options.derive ? await describeLocalAssets(await options.derive(digestsOf(hashed)), signal) : [];
    preflightAssets([...hashed, ...made, ...given]);
    for (const m of made) setSize(m);
    return (derived = made);
  };
  const makeSums = async (listed: readonly LocalAsset[]): Promise<LocalAsset | undefined> => {
    sums ??= prepared ?? (options.checksums ? await writeChecksumsAsset(listed, workDir) : undefined);
    if (sums) setSize(sums);
    return sums;
  };
  const localsNow = (): PendingAsset[] => [...files, ...(derived ?? []), ...(sums ? [sums] : [])];
  // A SHA256SUMS handed in must list exactly these files (and what is derived from them) before
  // anything is written, so they are hashed first: the one case of a second read without an asset
  // on the release to compare with.
  if (prepared) {
    const hashed = await hashAll(files, signal);
    await checkPreparedSums(prepared, [...hashed, ...(await makeDerived(hashed))]);
  }

  // ---- Where are we?
  let release = selectReleaseForTag(await api.listReleases(), tag, (ids) =>
    log.warning(`ignoring draft release(s) ${ids.join(', ')} for ${tag}: a published release exists for that tag`),
  );
  let created = false;
  let snapshot = release ? await api.listAssets(release.id) : { assets: [] as RemoteAsset[], serverTime: Date.now() };
  // Where the server reports no digest, what it holds is hashed from a download before anything is
  // decided or published: a size match alone once let a corrupted upload be published.
  const digests = new RemoteDigests(client, options.owner, options.repo, log, signal);
  snapshot = { ...snapshot, assets: await digests.fill(snapshot.assets, sizes) };

  // Every digest up front where every decision must be made before the first write: a published
  // release refuses a conflict before touching anything, and a dry run reports each decision.
  // Otherwise (a new release, or our own unpublished draft, where a different asset is simply
  // replaced) each file is hashed by the upload that reads it, or first only when an asset of its
  // name is there to compare with (ensureAsset).
  const upFront = options.dryRun || (release !== undefined && !release.draft);
  if (upFront) {
    const hashed = await hashAll(files, signal);
    await makeSums([...hashed, ...(await makeDerived(hashed))]);
    // Their sizes are known only now: hash what the server holds under those names, too.
    snapshot = { ...snapshot, assets: await digests.fill(snapshot.assets, sizes) };
  }

  const signable = signer ? signer.names.filter((n) => !given.some((g) => g.name === n)) : [];
  const managedNames = new Set([...localsNow(), ...given].map((l) => l.name).concat(signable).flatMap((n) => [n, replacementName(n)]));
  preflightAssets(
    localsNow(),
    snapshot.assets.filter((a) => !managedNames.has(a.name)).map((a) => a.name),
  );

  // An unpublished draft (or one this run is about to create) is the hub's own work in progress:
  // a different asset on it is replaced without force. Only a published release needs force.
  const policy = { force: options.force, draft: !release || release.draft };
  // Decided here only up front (every local hashed); otherwise each upload decides for itself.
  const locals = upFront ? (localsNow() as LocalAsset[]) : [];
  const decisions = locals.map((local) => ({ local, decision: decideAsset(findAsset(snapshot.assets, local.name), local, policy) }));
  const conflicts = decisions.filter((d) => d.decision.action === 'conflict');
  // On an immutable release "re-run with force" would be bad advice: nothing can change it.
  if (conflicts.length > 0 && release && !release.draft && release.immutable) {
    throw new ReleaseStepError(
      'check release',
      `release ${tag} is published and immutable, but ${conflicts.map((c) => c.local.name).join(', ')} differ from the local files; not even force can change it: release a new version`,
    );
  }
  if (conflicts.length > 0) throw new AssetConflictError(conflicts.map((c) => c.decision.reason));
  const pending = decisions.filter((d) => d.decision.action !== 'skip');
  // Which signatures to keep, upload or make, once SHA256SUMS is known (its decision says whether
  // the release's copy, and so any signature of it, is still ours).
  const planFor = (remote: readonly RemoteAsset[]): SignaturePlan => {
    const sumsDecision = sums ? decideAsset(findAsset(remote, sums.name), sums, policy) : undefined;
    return planSignatures({ given, signable, remote, sumsUnchanged: sumsDecision === undefined || sumsDecision.action === 'skip' });
  };
  let signatures = planFor(snapshot.assets);
  const signatureNames = [...signatures.upload.map((s) => s.name), ...signatures.sign];
  const strayNames = () => [...localsNow(), ...given].map((l) => replacementName(l.name)).concat(signable.map(replacementName));
  const strayScratch = snapshot.assets.filter((a) => strayNames().includes(a.name));
  // What the release must hold once this run is over: the files, and the signatures kept or made.
  const expectedNow = (made: readonly LocalAsset[] = []): ExpectedAsset[] => [
    ...(localsNow() as LocalAsset[]),
    ...signatures.upload,
    ...made,
    ...signatures.keep.map(remoteFacts),
  ];

  if (upFront && release && !release.draft && pending.length === 0 && signatureNames.length === 0 && strayScratch.length === 0) {
    log.info(`release ${tag} complete, nothing to do`);
    for (const d of decisions) if (d.decision.action === 'skip' && !d.decision.digestVerified) log.warning(d.decision.reason);
    return result(release, snapshot.assets, expectedNow(), { tag, created, writes: api.writes, dryRun: options.dryRun, actions });
  }
  if (release && !release.draft && release.immutable && pending.length + signatureNames.length > 0) {
    throw new ReleaseStepError(
      'check release',
      `release ${tag} is published and immutable, but ${[...pending.map((p) => p.local.name), ...signatureNames].join(', ')} would have to change; release a new version`,
    );
  }

  if (options.dryRun) {
    if (!release) note(`create draft release ${tag}${options.notes.kind === 'generate' ? ' with generated notes' : ''}`);
    for (const { local, decision } of decisions) describeDecision(note, local, decision);
    describeSignatures(note, signatures);
    for (const a of strayScratch) note(`delete leftover replacement upload ${a.name}`);
    if (!release || release.draft) note(`publish ${tag}${options.version.prerelease ? ' as a prerelease' : ' as latest'}`);
    return result(release, snapshot.assets, expectedNow(), { tag, created, writes: 0, dryRun: true, actions });
  }

  // ---- Create (or adopt) the draft.
  if (!release) {
    ({ release, created } = await createOrAdoptRelease(api, options, releaseNotesBody(options, notesFromFile)));
    if (created) actions.push(`created ${release.draft ? 'draft ' : ''}release ${tag} (id ${release.id})`);
    // A release this run just created holds nothing yet: no need to list it. Another run racing
    // into it is met by the upload's 422 already_exists, which lists and decides again. An
    // adopted one (another run's) is listed.
    if (created) snapshot = { assets: [], serverTime: Date.now() };
    else {
      const listed = await api.listAssets(release.id);
      snapshot = { ...listed, assets: await digests.fill(listed.assets, sizes) };
    }
  } else if (release.draft) {
    log.info(`resuming draft release ${tag} (id ${release.id})`);
  } else {
    log.warning(`release ${tag} is already published; uploading the missing assets into it`);
  }

  // ---- Uploads.
  const ctx: AssetMachineContext = {
    api,
    release,
    force: options.force || release.draft,
    withDigests: (assets) => digests.fill(assets, sizes),
    log,
    signal,
    maxRetries: client.retries,
    backoffMs: (attempt) => attempt * attempt * client.retryBaseMs,
    rateLimitUnitMs: options.rateLimitUnitMs ?? 1000,
    staleStarterMs: options.staleStarterMs ?? 60_000,
  };
  let current = snapshot;
  const ensureLocal = async (local: PendingAsset): Promise<void> => {
    const existing = findAsset(current.assets, local.name);
    const scratch = findAsset(current.assets, replacementName(local.name));
    // A force run that died between "delete the old" and "rename the new" left the new content
    // under the scratch name: finish its job instead of uploading again.
    if (!existing && scratch && decideAsset(scratch, { ...(await withDigest(local, signal)), name: scratch.name }, false).action === 'skip') {
      await api.renameAsset(scratch.id, scratch.name, local.name);
      actions.push(`renamed ${scratch.name} to ${local.name}`);
      return;
    }
    // Not api.writes before and after: another upload in flight writes meanwhile. An asset other
    // than the one the release held under that name is one this call put there.
    const uploaded = await ensureAsset(ctx, local, viewOf(current.assets, local.name, current.serverTime));
    if (uploaded.id !== existing?.id) actions.push(`uploaded ${local.name}`);
  };
  // The files first, two at a time: each upload leaves its digest on the file (ensureAsset).
  await mapWithConcurrency(files, options.concurrency ?? 2, ensureLocal);
  if (!allHashed(files)) throw new Error('internal: a file was released without its sha256');
  // Then what is made from their digests (SBOM), then SHA256SUMS over all of them: made now, from
  // the digests the uploads computed, and uploaded last, so the release stays a draft until it and
  // every file it lists are there and verified.
  const made = await makeDerived(files);
  const listed = [...files, ...made];
  const sumsAsset = await makeSums(listed);
  // Their names were not known when the snapshot's digestless assets were hashed: look again
  // (assets already hashed are not downloaded twice; nothing to do for a release just created).
  current = { ...current, assets: await digests.fill(current.assets, sizes) };
  // Up front the plan was made with SHA256SUMS already known; it is the same release listing.
  if (!upFront) signatures = planFor(current.assets);
  for (const local of [...made, ...(sumsAsset ? [sumsAsset] : [])]) await ensureLocal(local);

  // ---- Signatures, after SHA256SUMS is complete on the release: one there always signs what is
  // there. Signed only now, when known to be needed. A stale one is replaced without `force`.
  const signed = signer && signatures.sign.length > 0 ? await describeLocalAssets(await signer.sign(sums!.path, signatures.sign, workDir!), signal) : [];
  for (const local of [...signatures.upload, ...signed]) {
    const before = api.writes;
    await ensureAsset({ ...ctx, force: true }, local, viewOf(current.assets, local.name, current.serverTime));
    if (api.writes > before) actions.push(`${signatures.stale.includes(local.name) ? 'replaced the stale' : 'uploaded'} ${local.name}`);
  }
  for (const kept of signatures.keep) log.info(`${kept.name}: already on the release and signs this SHA256SUMS; kept`);
  for (const m of signed) sizes.set(m.name, m.size);
  const expected = expectedNow(signed);

  // ---- Clean up, verify, publish.
  let { assets } = await api.listAssets(release.id);
  const stray = strayNames();
  for (const leftover of assets.filter((a) => stray.includes(a.name))) {
    await api.deleteAsset(leftover, 'leftover replacement upload');
    actions.push(`deleted ${leftover.name}`);
    assets = assets.filter((a) => a.id !== leftover.id);
  }
  // Every upload of this run is hashed back from the server when it reports no digest (assets
  // checked before the uploads keep their id, so they are not downloaded twice).
  verifyAssets(await digests.fill(assets, sizes, 'verify assets'), expected, release.draft);

  if (release.draft) {
    const publishedRelease = await api.updateRelease(release.id, {
      draft: false,
      prerelease: options.version.prerelease,
      make_latest: options.version.prerelease ? 'false' : 'true',
    });
    actions.push(`published ${tag}`);
    log.info(`published release ${tag}: ${publishedRelease.html_url}`);
    release = publishedRelease;
    // Download URLs change when a draft is published (untagged-… → the tag).
    assets = publishedRelease.assets && publishedRelease.assets.length >= expected.length ? publishedRelease.assets : (await api.listAssets(release.id)).assets;
  }
  return result(release, assets, expected, { tag, created, writes: api.writes, dryRun: false, actions });
}

/** The facts of an asset as the release holds it, for one this run keeps rather than uploads. */
function remoteFacts(remote: RemoteAsset): ExpectedAsset {
  return { name: remote.name, size: remote.size, sha256: sha256FromDigest(remote.digest) ?? '' };
}

/**
 * A SHA256SUMS handed in with the files (the sign job wrote and signed it) must list exactly the
 * other files, byte for byte as the hub would write it: otherwise its signature vouches for files
 * other than the ones being released, and publishing it would be a lie.
 */
async function checkPreparedSums(prepared: LocalAsset, files: readonly LocalAsset[]): Promise<LocalAsset> {
  const expected = renderSha256Sums(files.map(({ name, sha256 }) => ({ name, sha256 })));
  const actual = await readFile(prepared.path, 'utf8');
  if (actual !== expected) {
    const listed = new Set(actual.split('\n').filter(Boolean));
    const missing = expected.split('\n').filter((l) => l && !listed.has(l)).map((l) => l.slice(66));
    throw new ConfigurationError(
      `release assets: ${prepared.path} does not list the files being released` +
        (missing.length > 0 ? ` (not listed, or with another sha256: ${missing.join(', ')})` : ' (it lists files that are not here)') +
        '; it was made for other files. Remove it to have the hub write its own, or make it again from these files.',
    );
  }
  return prepared;
}

function describeSignatures(note: (line: string) => void, plan: SignaturePlan): void {
  for (const local of plan.upload) note(`${plan.stale.includes(local.name) ? 'replace the stale' : 'upload'} ${local.name}`);
  for (const name of plan.sign) note(`sign SHA256SUMS into ${name}${plan.stale.includes(name) ? ' (replacing a stale one)' : ''}`);
}

function findAsset(assets: readonly RemoteAsset[], name: string): RemoteAsset | undefined {
  return assets.find((a) => a.name === name);
}

function describeDecision(note: (line: string) => void, local: LocalAsset, decision: AssetDecision): void {
  switch (decision.action) {
    case 'skip':
      return;
    case 'upload':
      return note(`upload ${local.name} (${local.size} bytes)`);
    case 'delete-then-upload':
      return note(`delete the interrupted upload of ${local.name} and upload it again`);
    case 'replace':
      return note(`replace ${local.name}: ${decision.reason}`);
    case 'conflict':
      return note(`fail: ${decision.reason}`);
  }
}

async function readNotesFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigurationError(`release.notes: cannot read ${path}: ${(error as Error).message}`);
  }
}

/**
 * The release text: none, the notes file, or notes GitHub generates in the create request itself
 * (`generate_release_notes`), which costs no request of its own (issue 20: a first release of K
 * assets makes at most K + 5 requests).
 */
function releaseNotesBody(options: PublishReleaseOptions, fromFile: string | undefined): { body: string } | { generate_release_notes: true } {
  switch (options.notes.kind) {
    case 'none':
      return { body: '' };
    case 'file':
      return { body: fromFile ?? '' };
    case 'generate':
      return { generate_release_notes: true };
  }
}

/**
 * Create the release, or adopt the one that appeared meanwhile. Two concurrent runs can both create
 * a draft (drafts do not own their tag); both then list, and the lowest id (created first) wins: the
 * other run deletes its own, still empty, draft and adopts the winner. Ids only grow, so both runs
 * agree on the winner whatever the interleaving.
 */
async function createOrAdoptRelease(
  api: ReleaseApi,
  options: PublishReleaseOptions,
  notes: { body: string } | { generate_release_notes: true },
): Promise<{ release: RemoteRelease; created: boolean }> {
  const { client, log, tag } = options;
  const draft = options.draftUntilComplete;
  for (let attempt = 0; ; attempt++) {
    let ours: RemoteRelease;
    try {
      ours = await api.createRelease({
        tag_name: tag,
        name: options.name ?? tag,
        ...notes,
        draft,
        prerelease: options.version.prerelease,
        ...(options.targetCommitish ? { target_commitish: options.targetCommitish } : {}),
        ...(draft ? {} : { make_latest: options.version.prerelease ? 'false' : 'true' }),
      });
    } catch (error) {
      const { status } = httpFailure(error);
      const retryable = status === undefined || status === 422 || status >= 500;
      if (!retryable || attempt >= client.retries) throw error;
      // The create may have happened with its answer lost (5xx, reset), or another run won the race
      // (422 already_exists): look before trying again, never create blindly twice.
      log.warning(`creating release ${tag} failed (${httpFailure(error).message}); listing releases before retrying`);
      const found = selectReleaseForTag(await api.listReleases(), tag);
      if (found) return { release: found, created: false };
      if (status === 422 && !isAlreadyExists(error)) throw error;
      await sleep(status === 422 ? 0 : (attempt + 1) ** 2 * client.retryBaseMs, options.signal);
      continue;
    }
    const candidates = (await api.listReleases()).filter((r) => r.tag_name === tag);
    const winner = candidates.find((r) => !r.draft) ?? candidates.filter((r) => r.draft).sort((a, b) => a.id - b.id)[0] ?? ours;
    if (winner.id === ours.id) return { release: ours, created: true };
    log.warning(`another run created release ${winner.id} for ${tag} at the same time; deleting ours (${ours.id}) and adopting it`);
    await api.deleteRelease(ours.id);
    return { release: winner, created: false };
  }
}

function isAlreadyExists(error: unknown): boolean {
  const cause = (error as { cause?: { response?: { data?: { errors?: Array<{ code?: string }> } } } }).cause;
  return (cause?.response?.data?.errors ?? []).some((e) => e.code === 'already_exists');
}

type ExpectedAsset = Pick<LocalAsset, 'name' | 'size' | 'sha256'>;

/** Every file with its sha256, hashing (two at a time) those no upload has hashed yet. */
async function hashAll(files: readonly PendingAsset[], signal: AbortSignal | undefined): Promise<LocalAsset[]> {
  return mapWithConcurrency(files, 2, (f) => withDigest(f, signal));
}

/**
 * Every expected asset is there, complete, with the right size and sha256 (GitHub's digest, or the
 * hash of a download where the server reports none: RemoteDigests filled it in).
 */
function verifyAssets(assets: readonly RemoteAsset[], locals: readonly ExpectedAsset[], draft: boolean): void {
  const problems: string[] = [];
  for (const local of locals) {
    const remote = findAsset(assets, local.name);
    if (!remote) {
      problems.push(`${local.name} is missing`);
      continue;
    }
    if (remote.state !== 'uploaded') problems.push(`${local.name} is in state "${remote.state}"`);
    if (remote.size !== local.size) problems.push(`${local.name} is ${remote.size} bytes, expected ${local.size}`);
    const remoteSha = sha256FromDigest(remote.digest);
    if (local.sha256 === '') continue; // kept as the release holds it; nothing local to compare
    if (remoteSha === undefined) problems.push(`${local.name}: the server reports no digest and it could not be hashed`);
    else if (remoteSha !== local.sha256) problems.push(`${local.name} has sha256:${remoteSha}, expected sha256:${local.sha256}`);
  }
  if (problems.length > 0) {
    // On a draft nothing was published and a re-run replaces what differs (no force needed).
    const next = draft ? '; nothing was published: the release stays an unpublished draft; re-run to upload them again' : '';
    throw new ReleaseStepError('verify assets', `${problems.join('; ')}${next}`);
  }
}

function result(
  release: RemoteRelease | undefined,
  assets: readonly RemoteAsset[],
  locals: readonly ExpectedAsset[],
  extra: { tag: string; created: boolean; writes: number; dryRun: boolean; actions: string[] },
): ReleaseResult {
  return {
    releaseId: release?.id,
    url: release?.html_url ?? '',
    published: release ? !release.draft : false,
    assets: locals.map((l) => ({
      name: l.name,
      size: l.size,
      sha256: l.sha256,
      url: findAsset(assets, l.name)?.browser_download_url ?? '',
    })),
    ...extra,
  };
}
