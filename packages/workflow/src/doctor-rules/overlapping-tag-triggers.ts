import type { DoctorFinding } from '../doctor-finding.js';
import { probeTags } from '../tag-filter.js';
import type { WorkflowFile } from '../workflow-file.js';
import { releaseTriggers } from '../workflow-triggers.js';

/**
 * Several workflows on the same tag race each other: each publishes its own idea of the release,
 * and a re-run of one cannot fix the others (DESIGN.md, "The problem"). Every workflow that shares
 * a tag with another is reported once, naming the others and a tag that starts them all.
 */
export function overlappingTagTriggers(files: readonly WorkflowFile[]): DoctorFinding[] {
  const triggers = files.map((file) => ({ file, t: releaseTriggers(file) })).filter((x) => x.t.firesOnTag);
  const probes = probeTags(triggers.flatMap((x) => x.t.tagPatterns));
  const findings: DoctorFinding[] = [];
  for (const me of triggers) {
    const others: string[] = [];
    let example: string | undefined;
    for (const other of triggers) {
      if (other === me) continue;
      const tag = probes.find((p) => me.t.firesOnTag!(p) && other.t.firesOnTag!(p));
      if (tag === undefined) continue;
      others.push(other.file.path);
      example ??= tag;
    }
    if (others.length === 0) continue;
    findings.push({
      rule: 'overlapping-tag-triggers',
      file: me.file.path,
      ...me.file.position(me.t.tagOffset),
      message: `runs on the same tags as ${others.join(', ')} (a push of tag ${example} starts all of them); ` +
        'one tag should start one release workflow: move what the others do into deployforge.yml and delete them, or narrow their tag filters',
    });
  }
  return findings;
}
