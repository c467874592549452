import { ConfigurationError, describeValue, errorMessage } from '@deployforge/diagnostics';
import { parseStatusDocument } from './parse-status-document.js';
import type { StatusDocument } from './status-document.js';

/** How many status documents a published site keeps by default (the front page's columns). */
export const DEFAULT_HISTORY_KEEP = 20;

/**
 * `history.json` next to the published dashboard: the last N status documents, newest first. It is
 * what the next run reads back to add its own document, so a site needs no other storage.
 */
export interface StatusHistory {
  documents: StatusDocument[];
}

const identity = (d: StatusDocument) => `${d.project}\u0000${d.version}\u0000${d['generated-at']}`;

/**
 * The documents to keep: both lists together, each document once (a re-published site or a file
 * passed twice must not fill the history with copies), newest first, at most `keep`.
 */
export function mergeHistory(existing: readonly StatusDocument[], added: readonly StatusDocument[], keep = DEFAULT_HISTORY_KEEP): StatusDocument[] {
  const byId = new Map<string, StatusDocument>();
  // Added documents win over an older copy of the same one.
  for (const d of [...existing, ...added]) byId.set(identity(d), d);
  return [...byId.values()].sort((a, b) => b['generated-at'].localeCompare(a['generated-at'])).slice(0, Math.max(1, keep));
}

/** Reads a history.json; a bad one names the file and the document at fault (exit 2 from the CLI). */
export function parseStatusHistory(text: string, file: string): StatusDocument[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new ConfigurationError(`${file}: not a history.json: ${errorMessage(error)}`);
  }
  const documents = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as { documents?: unknown }).documents : undefined;
  if (!Array.isArray(documents)) throw new ConfigurationError(`${file}: not a history.json: expected {"documents": [status.json, …]}, got ${describeValue(data)}`);
  return documents.map((d, i) => parseStatusDocument(JSON.stringify(d), `${file}: documents[${i}]`));
}

export function serializeHistory(documents: readonly StatusDocument[]): string {
  return `${JSON.stringify({ documents: [...documents] } satisfies StatusHistory, null, 2)}\n`;
}
