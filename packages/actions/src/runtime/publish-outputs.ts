import type { SpokeOutcome } from '@deployforge/publish';

/**
 * The outputs a publish action sets (CONTRACT.md `publish-<platform>`), from the spoke's outcome.
 * Image spokes add `digest` and `images` (one repository a line), which the generated workflow's
 * attestation and cosign steps read; the others never set them, so a step reading them gets ''.
 */
export function publishOutputs(outcome: SpokeOutcome): Record<string, string> {
  return {
    status: outcome.status,
    url: outcome.url ?? '',
    version: outcome.version,
    // Already redacted by publishSpoke: safe to hand to the summarize job.
    detail: outcome.detail,
    'duration-ms': String(outcome['duration-ms']),
    ...(outcome.image ? { digest: outcome.image.digest, images: outcome.image.repositories.join('\n') } : {}),
  };
}
