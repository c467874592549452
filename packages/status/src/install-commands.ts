import { safeHttpUrl } from './format-values.js';

/** A one-line install a release's installer offers: what a README would tell users to paste. */
export interface InstallCommand {
  shell: 'sh' | 'powershell';
  command: string;
}

/**
 * The install commands of a release's `install.sh` / `install.ps1` (release.installers), from their
 * download URLs in status.json. A URL that is not plain http(s), or holds a character a shell would
 * read (quotes, spaces, `;`, `$`, glob characters…), gives no command: status.json is input, and a command built from
 * it is meant to be pasted into a shell.
 */
export function installCommands(assets: readonly { name: string; url: string }[]): InstallCommand[] {
  const commands: InstallCommand[] = [];
  const urlOf = (name: string): string | undefined => {
    const url = safeHttpUrl(assets.find((a) => a.name === name)?.url);
    return url && /^[A-Za-z0-9:/@+,.=%~_-]+$/.test(url) ? url : undefined;
  };
  const sh = urlOf('install.sh');
  if (sh) commands.push({ shell: 'sh', command: `curl -fsSL ${sh} | sh` });
  const ps1 = urlOf('install.ps1');
  if (ps1) commands.push({ shell: 'powershell', command: `irm ${ps1} | iex` });
  return commands;
}
