/**
 * What a platform already has for a version. More than yes/no, because a re-run must tell
 * "already there, skip" from "there with other content, refuse" from "cannot tell, say why".
 */
export const EXISTENCE_STATES = ['absent', 'identical', 'different', 'burned', 'pending', 'unknown'] as const;
export type ExistenceState = (typeof EXISTENCE_STATES)[number];

export interface Existence {
  state: ExistenceState;
  /** Evidence in words: the digest compared, the URL looked at, the error met. */
  detail?: string;
  /** Where a person can see it, when it exists. */
  url?: string;
}

/** The result of one spoke, as reported to summarize (CONTRACT.md `publish-<platform>` outputs). */
export const SPOKE_STATUSES = ['published', 'skipped', 'dry-run', 'failed', 'needs-human'] as const;
export type SpokeStatus = (typeof SPOKE_STATUSES)[number];
