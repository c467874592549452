import type { Existence, PlatformId, SpokeStatus } from '@deployforge/catalog';
import type { PublishResult } from '@deployforge/platforms';

/**
 * The result of one spoke, in the shape status.json keeps per platform (CONTRACT.md) plus the
 * evidence. The same object comes out of the publish actions, `deployforge publish` and the local
 * runner, so the summary never has to translate.
 */
export interface SpokeOutcome {
  key: string;
  platform: PlatformId;
  status: SpokeStatus;
  version: string;
  url?: string;
  detail: string;
  'duration-ms': number;
  existence?: Existence;
  /** Paths of the rendered files, for dry runs and debugging. */
  files?: string[];
  /** Image spokes, after a publish: the pushed digest and repositories (the docker action's outputs). */
  image?: PublishResult['image'];
}
