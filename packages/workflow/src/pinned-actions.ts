/**
 * Third-party actions the generated workflows use, pinned to full commit SHAs (DESIGN.md,
 * Security): a tag can be moved to other code, a commit cannot. The comment written next to each
 * `uses:` names the release so Dependabot/Renovate and reviewers can tell what it is.
 *
 * Where each SHA comes from: the commit the release tag points at in the action's own repository
 * (`git rev-parse <tag>^{commit}` on a snapshot of github.com/actions/<name>, July 2026):
 * - actions/checkout          v7.0.1 (tag dated 2026-07-17)
 * - actions/upload-artifact   v7.0.0 (tag dated 2026-02-25)
 * - actions/download-artifact v8.0.1 (tag dated 2026-03-11; v8 fails on a digest mismatch by default)
 * - actions/setup-node        v7.0.0 (tag dated 2026-07-13)
 * - actions/attest-build-provenance v4.1.0 (commit a2bbfa2 dated 2026-02-26; a composite wrapper over
 *   actions/attest v4.1.0, itself pinned by SHA inside it; `subject-checksums` reads a sha256sum file)
 * - sigstore/cosign-installer v4.1.2 (lightweight tag on commit 6f9f177 dated 2026-05-06, the newest
 *   release in a snapshot of github.com/sigstore/cosign-installer; a composite action that installs
 *   cosign v3.0.6 and checks it against a SHA-256 kept in the action itself)
 * - actions/upload-pages-artifact v5.0.0 (commit fc324d3 dated 2026-04-08; a composite that tars the
 *   folder and uploads it with actions/upload-artifact v7.0.0, itself pinned by SHA inside it)
 * - actions/deploy-pages      v5.0.0 (commit cd2ce8f dated 2026-03-24; node24; deploys that artifact with
 *   the job's OIDC token, which is why the Pages job alone has id-token: write)
 * - actions/setup-go          v7.0.0 (commit b7ad1da dated 2026-07-15; node24; caches by default: we turn it off)
 * - actions/setup-python      v7.0.0 (commit 5fda3b9 dated 2026-07-19; node24; caches only when asked)
 * The first four run on node24. upload v7 and download v8 share the v4+ artifact backend.
 *
 * To bump one: resolve the new tag to its commit in the action's repository, change both fields
 * here, regenerate, and review the snapshot diff.
 */
export interface PinnedAction {
  /** `owner/repo` */
  repo: string;
  sha: string;
  /** The release the SHA is, written as the `# vX.Y.Z` comment. */
  version: string;
}

export const PINNED_ACTIONS = {
  checkout: { repo: 'actions/checkout', sha: '3d3c42e5aac5ba805825da76410c181273ba90b1', version: 'v7.0.1' },
  uploadArtifact: { repo: 'actions/upload-artifact', sha: 'bbbca2ddaa5d8feaa63e36b76fdaad77386f024f', version: 'v7.0.0' },
  downloadArtifact: { repo: 'actions/download-artifact', sha: '3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c', version: 'v8.0.1' },
  setupNode: { repo: 'actions/setup-node', sha: '820762786026740c76f36085b0efc47a31fe5020', version: 'v7.0.0' },
  attestBuildProvenance: { repo: 'actions/attest-build-provenance', sha: 'a2bbfa25375fe432b6a289bc6b6cd05ecd0c4c32', version: 'v4.1.0' },
  cosignInstaller: { repo: 'sigstore/cosign-installer', sha: '6f9f17788090df1f26f669e9d70d6ae9567deba6', version: 'v4.1.2' },
  uploadPagesArtifact: { repo: 'actions/upload-pages-artifact', sha: 'fc324d3547104276b827a68afc52ff2a11cc49c9', version: 'v5.0.0' },
  deployPages: { repo: 'actions/deploy-pages', sha: 'cd2ce8fcbc39b97be8ca5fce6e763baed58fa128', version: 'v5.0.0' },
  setupGo: { repo: 'actions/setup-go', sha: 'b7ad1dad31e06c5925ef5d2fc7ad053ef454303e', version: 'v7.0.0' },
  setupPython: { repo: 'actions/setup-python', sha: '5fda3b95a4ea91299a34e894583c3862153e4b97', version: 'v7.0.0' },
} as const satisfies Record<string, PinnedAction>;

/** `actions/checkout@<sha>`: the `uses:` value (the version comment is added at serialization). */
export function pinnedUses(action: PinnedAction): string {
  return `${action.repo}@${action.sha}`;
}

/** The `# vX.Y.Z` comment for a `uses:` value, when it is one of ours. */
export function pinnedVersionComment(uses: string): string | undefined {
  return Object.values(PINNED_ACTIONS).find((a) => uses === pinnedUses(a))?.version;
}

/** A full commit SHA, the only ref that cannot be moved after review. */
export const FULL_SHA = /^[0-9a-f]{40}$/;
