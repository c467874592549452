/** The canonical target ids (DESIGN.md "Targets"). Every ecosystem name is derived from these. */
export const TARGET_IDS = [
  'linux-x64',
  'linux-arm64',
  'linux-x64-musl',
  'linux-arm64-musl',
  'macos-x64',
  'macos-arm64',
  'windows-x64',
  'windows-arm64',
] as const;

export type TargetId = (typeof TARGET_IDS)[number];
