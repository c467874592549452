import type { PlatformContext, RenderedFile } from '../platform.js';
import { customEntry } from './custom-entry.js';

/**
 * A custom spoke has no package: what it "renders" is the scripts it will run, exactly as written
 * in the config (values reach them through the environment, never through this text). A dry run
 * lists them so a reviewer sees what would execute.
 */
export function renderCustom(ctx: PlatformContext): RenderedFile[] {
  const { name, entry } = customEntry(ctx);
  const files: RenderedFile[] = [{ path: `custom/${name}/run.sh`, contents: `${entry.run}\n`, mode: 0o755 }];
  if (entry.check) files.push({ path: `custom/${name}/check.sh`, contents: `${entry.check}\n`, mode: 0o755 });
  return files;
}
