import { networkFailureReason, UserFacingError } from '@deployforge/diagnostics';

/**
 * A release step failed: says which asset (if any), which step and which HTTP status, so a red job
 * tells the reader what was being done without a stack trace.
 */
export class ReleaseStepError extends Error {
  override readonly name = 'ReleaseStepError';
  constructor(
    readonly step: string,
    readonly detail: string,
    readonly asset?: string,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(
      `${asset ? `asset ${asset}: ` : ''}${step} failed${status !== undefined ? ` (HTTP ${status})` : ''}: ${detail}`,
      options,
    );
  }
}

/** Assets of the same name but different content are on the release and `force` is off: the user decides. */
export class AssetConflictError extends UserFacingError {
  override readonly name = 'AssetConflictError';
  constructor(readonly reasons: readonly string[]) {
    super(reasons.length === 1 ? reasons[0]! : `${reasons.length} assets differ from the release:\n  ${reasons.join('\n  ')}`);
  }
}

/**
 * Status and message of an Octokit RequestError (or anything shaped like one). No status when no
 * answer came back: @octokit/request reports a failed fetch (refused, DNS, timeout) as "500", and
 * "failed (HTTP 500)" sent readers looking for a server error that never happened.
 */
export function httpFailure(error: unknown): { status?: number; message: string } {
  if (typeof error === 'object' && error !== null) {
    const { status, message, response, request } = error as { status?: unknown; message?: unknown; response?: unknown; request?: unknown };
    const unanswered = request !== undefined && response === undefined && networkFailureReason(error) !== undefined;
    return {
      status: typeof status === 'number' && !unanswered ? status : undefined,
      message: typeof message === 'string' ? message : String(error),
    };
  }
  return { message: String(error) };
}
