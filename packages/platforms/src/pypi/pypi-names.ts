/**
 * The three spellings of one PyPI project name. PyPI compares names after PEP 503 normalization
 * (`Hello_Forge.bin` and `hello-forge-bin` are the same project), so the URLs we look at use that
 * form; wheel file names and the `.dist-info`/`.data` folders use the PEP 427/625 escape of it
 * (`hello_forge_bin`), which is what pip and PyPI expect to find inside and in front of a wheel.
 */

/** PEP 503: lowercase, every run of `-`, `_` and `.` becomes one `-`. */
export function normalizeProjectName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/** PEP 427 as tightened by PEP 625: the normalized name with `-` turned into `_`. */
export function wheelDistributionName(name: string): string {
  return normalizeProjectName(name).replace(/-/g, '_');
}

/** `<dist>-<version>-py3-none-<platformTag>.whl`. `-` in a version would split the name wrongly. */
export function wheelFileName(name: string, version: string, platformTag: string): string {
  return `${wheelDistributionName(name)}-${version.replace(/-/g, '_')}-py3-none-${platformTag}.whl`;
}

/** The folders inside the wheel that carry its metadata and its console script. */
export function wheelFolders(name: string, version: string): { distInfo: string; scripts: string } {
  const stem = `${wheelDistributionName(name)}-${version.replace(/-/g, '_')}`;
  return { distInfo: `${stem}.dist-info`, scripts: `${stem}.data/scripts` };
}
