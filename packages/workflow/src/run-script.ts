/**
 * build.command as a step's `run:`, ending in exactly one newline: a command written as a YAML
 * block (`command: |`) already ends in one, and a second would make the workflow's block `|+`.
 */
export function runScript(command: string): string {
  return `${command.trimEnd()}\n`;
}
