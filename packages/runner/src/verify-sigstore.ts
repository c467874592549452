import { SHA256SUMS_NAME, SHA256SUMS_SIGSTORE_NAME } from '@deployforge/github';
import { findOnPath, runTool, type ToolEnv } from './verify-tool.js';

/** The OIDC issuer of GitHub Actions' workflow identity tokens, which the keyless signature carries. */
export const ACTIONS_OIDC_ISSUER = 'https://token.actions.githubusercontent.com';

/** A verifying command shown to the user, and its verdict when it was run here. */
export interface ToolCheck {
  /** The command to run by hand, or as it was run here (with the release's file names). */
  command: string[];
  /** Exit code when the tool was on PATH and run; undefined when it was not run. */
  exitCode?: number;
  output?: string;
}

/**
 * The identity a keyless signature of this repository's SHA256SUMS must carry: the certificate's
 * SAN is the signing workflow's URL (`https://github.com/<owner>/<repo>/.github/workflows/<file>@<ref>`),
 * so any workflow of this repository, at any ref, and nothing from another repository.
 */
export function certificateIdentityRegexp(repository: string): string {
  return `^https://github\\.com/${repository.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`;
}

/** `cosign verify-blob` of SHA256SUMS with its Sigstore bundle, as documented for cosign 3 (the bundle format is its default). */
export function cosignVerifyArgs(repository: string, bundle: string, sums: string): string[] {
  return [
    'verify-blob',
    '--bundle', bundle,
    '--certificate-identity-regexp', certificateIdentityRegexp(repository),
    '--certificate-oidc-issuer', ACTIONS_OIDC_ISSUER,
    sums,
  ];
}

/**
 * Show the cosign command for the keyless signature, and run it when cosign is installed (as for
 * `gh attestation verify`): cosign checks the certificate chain, the transparency-log entry and the
 * identity, which is more than we should reimplement here.
 */
export async function verifySumsSigstore(options: { repository: string; bundle: string; sums: string; env: ToolEnv }): Promise<ToolCheck> {
  const command = ['cosign', ...cosignVerifyArgs(options.repository, SHA256SUMS_SIGSTORE_NAME, SHA256SUMS_NAME)];
  const cosign = await findOnPath('cosign', options.env);
  if (!cosign) return { command };
  const result = await runTool(cosign, cosignVerifyArgs(options.repository, options.bundle, options.sums), options.env);
  return { command, exitCode: result.code, output: `${result.stdout}${result.stderr}`.trim() };
}
