export { TARGET_IDS, type TargetId } from './target-ids.js';
export type { ArchiveFormat, OciPlatform, TargetArch, TargetInfo, TargetLibc, TargetOs } from './target-info.js';
export { TARGETS } from './target-table.js';
export { allTargets, isTargetId, sortTargets, suggestTargetId, targetInfo, targetsFor } from './target-lookup.js';
export { aurTargets, ociTargets, pickLinuxPerArch, snapTargets } from './linux-pickers.js';
export { archiveName, binaryName } from './archive-name.js';
export { detectLinuxLibc, hostTarget, type HostFacts } from './host-target.js';
