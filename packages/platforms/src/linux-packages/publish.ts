import { browseUrl, commitAndPush, releaseCommitMessage } from '../git-remote/index.js';
import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { apkPath } from './apk-layout.js';
import { aptFiles } from './apt-repository.js';
import { compareWithRepository } from './check.js';
import { repoPath } from './package-settings.js';
import { aptLayout, yumLayout } from './repository-state.js';
import { GPG_KEY, repositoryTarget } from './repository-target.js';
import { signingKey } from './signing-key.js';
import { yumFiles } from './yum-repository.js';

/**
 * Adds this release's packages to the repositories on the branch and pushes one commit. Only the
 * formats with a new package get fresh (re-signed) indexes; older versions stay listed; a re-run
 * after success finds every package listed with the same digest and writes nothing.
 */
export async function publishLinuxPackages(ctx: PlatformContext, _files: RenderedFile[]): Promise<PublishResult> {
  if (!signingKey(ctx)) return { status: 'failed', detail: `${GPG_KEY} is not set (nor the secret of release.gpg-key): the apt and yum indexes must be signed; store your armored private key (gpg --armor --export-secret-keys KEYID) as that secret` };
  const c = await compareWithRepository(ctx);
  const { settings, built, state } = c;
  const signer = c.signer!;
  const target = repositoryTarget(ctx);
  const where = `${state.snapshot.branch} of ${target.remote.spec}`;
  const url = browseUrl(target.remote, settings.root || '', state.snapshot.branch);

  const different = built.filter((_, i) => c.listed[i] === 'different').map((b) => b.pkg.fileName);
  if (different.length) {
    return { status: 'failed', url, detail: `${where} already lists ${different.join(', ')} with other sha256 digests; a published package is never replaced (users may have installed it): release a new version` };
  }
  const todo = built.filter((_, i) => c.listed[i] !== 'identical');
  if (todo.length === 0) return { status: 'skipped', url, detail: `${where} already lists all ${built.length} package(s) of ${ctx.version.version} with the same sha256; nothing pushed` };

  const now = new Date();
  const files: RenderedFile[] = [{ path: repoPath(settings, 'key.asc'), contents: signer.publicKey }];
  const debs = todo.filter((b) => b.job.format === 'deb').map((b) => ({ arch: b.job.arch, deb: b.pkg }));
  if (debs.length) files.push(...(await aptFiles({ layout: aptLayout(settings), state: state.apt, debs, signer, origin: settings.name, now })));
  const rpms = todo.filter((b) => b.job.format === 'rpm').map((b) => ({ pkg: b.pkg, facts: b.pkg.rpm! }));
  if (rpms.length) files.push(...(await yumFiles({ layout: yumLayout(settings), state: state.yum, rpms, signer, now })));
  for (const b of todo.filter((x) => x.job.format === 'apk')) files.push({ path: apkPath(settings, b), contents: b.pkg.data });

  const { subject, body } = releaseCommitMessage(ctx, settings.name, 'Linux packages');
  const result = await commitAndPush(target, { ...(settings.block.branch ? { branch: settings.block.branch } : {}), files, subject, body });
  if (!result.changed) return { status: 'skipped', url, detail: `${where} already has these files; nothing pushed` };
  ctx.log.info(`linux-packages: indexes signed by ${signer.fingerprint}`);
  return { status: 'published', url, detail: `added ${todo.map((b) => b.pkg.fileName).join(', ')} to ${where} (${result.commit.slice(0, 12)})` };
}
