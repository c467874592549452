import { findOnPath, runTool, type ToolEnv } from './verify-tool.js';
import type { ToolCheck } from './verify-sigstore.js';

/** A file that passed its checksum, and where it is on disk. */
export interface CheckedFile {
  name: string;
  ok: boolean;
  path?: string;
}

/**
 * `gh attestation verify` per checked archive, run when `gh` is on PATH. Provenance covers the
 * archives (the subjects the workflow attested), not the metadata files (SBOM, signatures).
 * `shownByPath`: the user gave the file (--asset), so the printed command names it; a downloaded
 * file lives in a temp dir that is gone afterwards, so its release name is shown instead.
 */
export async function checkAttestations(files: readonly CheckedFile[], options: { repository: string; shownByPath: boolean; env: ToolEnv }): Promise<ToolCheck[]> {
  const gh = await findOnPath('gh', options.env);
  const checks: ToolCheck[] = [];
  for (const file of files) {
    if (!file.ok || !file.path || /\.(sigstore\.json|cdx\.json|spdx\.json|asc|sig)$/.test(file.name)) continue;
    const command = ['gh', 'attestation', 'verify', options.shownByPath ? file.path : file.name, '--repo', options.repository];
    if (!gh) {
      checks.push({ command });
      continue;
    }
    const result = await runTool(gh, ['attestation', 'verify', file.path, '--repo', options.repository], options.env);
    checks.push({ command, exitCode: result.code, output: `${result.stdout}${result.stderr}`.trim() });
  }
  return checks;
}
