import { LineCounter, parseDocument, visit, isScalar, type Document, type YAMLError } from 'yaml';
import type { Diagnostic } from '@deployforge/diagnostics';
import { yamlStructureDiagnostics } from './yaml-structure-checks.js';

export interface ParsedYaml {
  doc: Document;
  lineCounter: LineCounter;
  /** Syntax errors, duplicate keys, alias cycles and alias bombs. When there are any, the tree is not trusted for validation. */
  diagnostics: Diagnostic[];
}

/**
 * Parse keeping every node's offsets, so that later errors can name a line and column.
 * Duplicate keys are found by yamlStructureDiagnostics, not by yaml's `uniqueKeys`: that option
 * compares every key with every earlier key of its mapping, quadratic in the mapping's size.
 */
export function parseYaml(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  const diagnostics = doc.errors.map((error) => yamlDiagnostic(error, doc, lineCounter, file));
  // After a syntax error the tree is a guess; its keys and aliases are not worth judging.
  if (diagnostics.length === 0) diagnostics.push(...yamlStructureDiagnostics(doc, lineCounter, file));
  return { doc, lineCounter, diagnostics };
}

function yamlDiagnostic(error: YAMLError, doc: Document, lineCounter: LineCounter, file: string): Diagnostic {
  let offset = error.pos[0];
  let message: string;
  switch (error.code) {
    case 'RESOURCE_EXHAUSTION':
      // yaml turns a stack overflow while parsing (thousands of nested `[`) into this error.
      message = 'the YAML is nested too deeply to read: a config needs a few levels, not thousands';
      break;
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
