import { LineCounter, parseDocument, visit, isScalar, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '@deployforge/diagnostics';

export interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
  /** Syntax errors and duplicate keys. When there are any, the tree is not trusted for validation. */
  diagnostics: Diagnostic[];
}

/**
 * Parse keeping every node's offsets, so that later errors can name a line and column.
 * `uniqueKeys` makes a duplicate key an error: YAML would otherwise silently keep the last one,
 * and a config that says two different things must not be guessed at.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const diagnostics = doc.errors.map((error) => yamlDiagnostic(error, doc, text, lineCounter, file));
  return { doc, lineCounter, diagnostics };
}

function yamlDiagnostic(error: YAMLError, doc: Document, text: string, lineCounter: LineCounter, file: string): Diagnostic {
  let offset = error.pos[0];
  let message: string;
  switch (error.code) {
    case 'DUPLICATE_KEY': {
      const key = keyTextAt(text, offset);
      message = key ? `duplicate key "${key}": each key may appear only once in a mapping` : 'duplicate key: each key may appear only once in a mapping';
      break;
    }
    case 'TAB_AS_INDENT':
      message = 'tab used for indentation: YAML indents with spaces only';
      break;
    case 'MISSING_CHAR':
      if (/quote/i.test(error.message)) {
        // yaml reports where the file ended; the opening quote is where the mistake is.
        offset = openingQuoteBefore(doc, offset) ?? offset;
        message = 'unclosed quote: this string has no closing quote';
      } else {
        message = `YAML syntax error: ${plainYamlMessage(error)}`;
      }
      break;
    default:
      message = `YAML syntax error: ${plainYamlMessage(error)}`;
  }
  const { line, col } = lineCounter.linePos(offset);
  return { file, line, column: col, path: '', message };
}

/** yaml's messages carry their own " at line L, column C:" and a code frame; we print positions ourselves. */
function plainYamlMessage(error: YAMLError): string {
  const first = error.message.split('\n')[0] ?? error.message;
  const withoutPosition = first.replace(/ at line \d+, column \d+:?$/, '');
  return withoutPosition.charAt(0).toLowerCase() + withoutPosition.slice(1);
}

function keyTextAt(text: string, offset: number): string | undefined {
  const match = /^(?:"([^"\n]*)"|'([^'\n]*)'|([^:\n,{}[\]]+?))\s*:/.exec(text.slice(offset));
  const key = match?.[1] ?? match?.[2] ?? match?.[3];
  return key?.trim();
}

function openingQuoteBefore(doc: Document, offset: number): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || (node.type !== 'QUOTE_DOUBLE' && node.type !== 'QUOTE_SINGLE')) return;
      const [start, end] = node.range ?? [0, 0];
      if (start <= offset && offset <= end + 1) found = start;
    },
  });
  return found;
}
