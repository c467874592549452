import type { PlatformContext, PublishResult, RenderedFile } from '../platform.js';
import { readExtensionManifest } from './extension-manifest.js';
import { publishToMarketplace } from './marketplace-client.js';
import { publishToOpenVsx } from './open-vsx-client.js';
import { packageVsix } from './package-vsix.js';
import { storePresence } from './store-presence.js';
import { vscodeSettings, type StoreSettings } from './vscode-settings.js';

type Answer = { store: StoreSettings; kind: 'published' | 'duplicate' | 'present' | 'unauthorized' | 'failed'; message?: string };

const CREDENTIAL_HELP: Record<StoreSettings['credential'], string> = {
  VSCE_PAT: 'an Azure DevOps PAT with the Marketplace (Manage) scope, for the extension\'s publisher',
  OVSX_PAT: 'an Open VSX access token of a member of the extension\'s namespace',
};

/**
 * Packages the .vsix once and sends it to each enabled store that lacks this version. A store
 * answering "already there" is a skip, so a re-run after one store failed only retries that one.
 */
export async function publishVscode(ctx: PlatformContext, _files: RenderedFile[]): Promise<PublishResult> {
  const settings = vscodeSettings(ctx);
  const missing = settings.stores.filter((s) => !ctx.env[s.credential]);
  if (missing.length > 0) {
    return { status: 'failed', detail: missing.map((s) => `${s.credential} is not set: ${s.displayName} needs ${CREDENTIAL_HELP[s.credential]}`).join('; ') };
  }
  const manifest = await readExtensionManifest(settings.folder);
  const presence = await Promise.all(settings.stores.map((s) => storePresence(ctx, s, manifest, settings.version)));
  const todo = presence.filter((p) => !p.has);
  const answers: Answer[] = presence.filter((p) => p.has).map((p) => ({ store: p.store, kind: 'present' }));
  if (todo.length > 0) {
    const vsix = await packageVsix({ folder: settings.folder, manifest, version: settings.version, workDir: ctx.workDir, log: ctx.log });
    ctx.log.info(`vscode: packaged ${manifest.id}@${settings.version}`);
    // Two stores, two independent uploads: at once.
    answers.push(...(await Promise.all(todo.map(async (p): Promise<Answer> => {
      const pat = ctx.env[p.store.credential]!;
      const answer = p.store.id === 'marketplace'
        ? await publishToMarketplace({ base: p.store.url, pat, vsix, manifest, exists: p.extensionExists ?? false, ...(ctx.signal ? { signal: ctx.signal } : {}) })
        : await publishToOpenVsx({ base: p.store.url, pat, vsix });
      return { store: p.store, kind: answer.kind, ...('message' in answer ? { message: answer.message } : {}) };
    }))));
  }
  return summarize(answers, manifest.id, settings.version, presence[0]!.url);
}

function summarize(answers: Answer[], id: string, version: string, url: string): PublishResult {
  const words = answers.map((a) => {
    switch (a.kind) {
      case 'published': return `${a.store.displayName}: published ${id}@${version}`;
      case 'present': return `${a.store.displayName}: already had ${version}`;
      case 'duplicate': return `${a.store.displayName}: already had ${version} (${a.message})`;
      case 'unauthorized': return `${a.store.displayName} refused ${a.store.credential} (expired, revoked or without publish rights for ${id.split('.')[0]}): ${a.message}; create ${CREDENTIAL_HELP[a.store.credential]}`;
      case 'failed': return `${a.store.displayName}: ${a.message}`;
    }
  });
  const detail = words.join('; ');
  if (answers.some((a) => a.kind === 'unauthorized' || a.kind === 'failed')) return { status: 'failed', detail };
  if (answers.every((a) => a.kind === 'present' || a.kind === 'duplicate')) return { status: 'skipped', detail, url };
  return { status: 'published', detail, url };
}
