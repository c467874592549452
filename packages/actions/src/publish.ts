// The root action (`uses: deployforge/deployforge@v0` with `platform:`), for hand-written matrices.
import { runPublishAction } from './runtime/publish-action.js';

await runPublishAction(undefined);
