/** One problem doctor found in a workflow file, with where to look. */
export interface DoctorFinding {
  rule: DoctorRule;
  /** Path as shown to the user (relative to the repository root). */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  message: string;
}

export type DoctorRule =
  | 'invalid-yaml'
  | 'overlapping-tag-triggers'
  | 'stale-generated-workflow'
  | 'unmapped-secret'
  | 'unpinned-action'
  | 'expression-in-run';

/** `.github/workflows/release.yml:12:7: [unpinned-action] …` */
export function formatFinding(f: DoctorFinding): string {
  return `${f.file}:${f.line}:${f.column}: [${f.rule}] ${f.message}`;
}
