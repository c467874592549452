import type { DoctorFinding } from '../doctor-finding.js';
import type { WorkflowFile } from '../workflow-file.js';

const SECRET_REFERENCE = /\bsecrets\s*(?:\.\s*([A-Za-z_][A-Za-z0-9_]*)|\[\s*['"]([^'"]+)['"]\s*\])/g;

/**
 * A secret no enabled platform uses is either left over from a hand-written workflow (and still
 * handed to whatever that workflow runs) or a credential DeployForge will not pass on. Known names:
 * the credentials of the platforms enabled in deployforge.yml, plus GITHUB_TOKEN.
 */
export function unmappedSecrets(file: WorkflowFile, known: ReadonlySet<string>, configFile: string): DoctorFinding[] {
  const findings: DoctorFinding[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (const line of file.text.split('\n')) {
    if (!line.trimStart().startsWith('#')) {
      for (const m of line.matchAll(SECRET_REFERENCE)) {
        const name = m[1] ?? m[2]!;
        if (known.has(name) || seen.has(name)) continue;
        seen.add(name);
        findings.push({
          rule: 'unmapped-secret',
          file: file.path,
          ...file.position(offset + m.index),
          message: `secrets.${name} is not the credential of any platform enabled in ${configFile} (known: ${[...known].sort().join(', ')}); ` +
            'remove it, or enable the platform that needs it',
        });
      }
    }
    offset += line.length + 1;
  }
  return findings;
}
