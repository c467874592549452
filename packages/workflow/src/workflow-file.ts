import { LineCounter, isMap, isPair, isScalar, isSeq, parseDocument, type Document, type Node, type Pair } from 'yaml';

/** A workflow file read for linting: its text, its YAML tree with positions, and a way to name places. */
export interface WorkflowFile {
  /** As shown to the user: `.github/workflows/release.yml`. */
  path: string;
  text: string;
  doc: Document.Parsed;
  /** 1-based line and column of a character offset. */
  position(offset: number): { line: number; column: number };
}

export function parseWorkflowFile(path: string, text: string): WorkflowFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, keepSourceTokens: false });
  return {
    path,
    text,
    doc,
    position(offset) {
      const p = lineCounter.linePos(offset);
      return { line: p.line, column: p.col };
    },
  };
}

/** The pair `key:` in a mapping node, if any. */
export function pairOf(node: unknown, key: string): Pair<Node, Node> | undefined {
  if (!isMap(node)) return undefined;
  return node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key) as Pair<Node, Node> | undefined;
}

export function valueOf(node: unknown, key: string): Node | undefined {
  return (pairOf(node, key)?.value as Node | null | undefined) ?? undefined;
}

/** Offset where a node starts, falling back to the start of the file. */
export function startOf(node: Node | null | undefined): number {
  return node?.range?.[0] ?? 0;
}

/** Every step of every job, with the job's id, plus each job that calls a reusable workflow. */
export function* jobsOf(file: WorkflowFile): Generator<{ id: string; job: Node }> {
  const jobs = valueOf(file.doc.contents, 'jobs');
  if (!isMap(jobs)) return;
  for (const pair of jobs.items) {
    if (isPair(pair) && isScalar(pair.key) && pair.value) yield { id: String(pair.key.value), job: pair.value as Node };
  }
}

export function* stepsOf(job: Node): Generator<Node> {
  const steps = valueOf(job, 'steps');
  if (!isSeq(steps)) return;
  for (const step of steps.items) if (step) yield step as Node;
}
