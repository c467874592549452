import type { DoctorFinding } from '../doctor-finding.js';
import type { WorkflowFile } from '../workflow-file.js';
import { hasGeneratedHeader, optionsFromHeader, regenerateCommand } from '../workflow-header.js';
import { resolveRenderOptions, type RenderOptions } from '../render-options.js';

/**
 * A file with the generated header must be exactly what `generate` writes today: otherwise either
 * someone edited it by hand (the next `generate` silently drops that edit) or deployforge.yml
 * changed and the workflow no longer does what the config says.
 *
 * `render` gets the options read back from the header's `Regenerate with:` line, so the file is
 * compared with a render made the same way it was.
 */
export function staleGeneratedWorkflow(file: WorkflowFile, render: (options: RenderOptions) => string | undefined): DoctorFinding[] {
  if (!hasGeneratedHeader(file.text)) return [];
  const options = { ...optionsFromHeader(file.text), outputPath: file.path };
  const fresh = render(options);
  if (fresh === undefined || fresh === file.text) return [];
  const have = file.text.split('\n');
  const want = fresh.split('\n');
  let line = 0;
  while (line < have.length && line < want.length && have[line] === want[line]) line += 1;
  return [{
    rule: 'stale-generated-workflow',
    file: file.path,
    line: line + 1,
    column: 1,
    message: `generated workflow differs from what ${options.configPath ?? 'deployforge.yml'} generates from here on (hand-edited, or the config changed since); ` +
      `regenerate with: ${regenerateCommand(resolveRenderOptions(options))}`,
  }];
}
