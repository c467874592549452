// What a resource handler (releases.ts, assets.ts, later refs.ts/contents.ts/pulls.ts…) gets for one request.

import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import type { ActiveFault } from './faults.js';
import type { FakeState } from './state.js';
import type { Operation } from './validation.js';

export interface RecordedRequest {
  method: string;
  /** Pathname plus query, as the client sent it (uploads keep their `/uploads` prefix). */
  path: string;
  /** operationId in GitHub's description; undefined for non-API routes (downloads) or unknown paths. */
  operationId?: string;
  /** Final status; 0 when the connection was reset before a response went out. */
  status: number;
  /** A state-changing method on an API operation (POST/PATCH/PUT/DELETE, generate-notes excluded). */
  isWrite: boolean;
  validationErrors: string[];
  /** Names of injected faults that fired on this request. */
  faults: string[];
}

/** Shared by all handlers of one fake instance. */
export interface FakeContext {
  state: FakeState;
  /** API base, e.g. http://127.0.0.1:PORT */
  url: string;
  /** Base of upload_url values. */
  uploadUrl: string;
  /** Where uploaded assets are stored. */
  dataDir: string;
  /** The user every write is attributed to (GitHub's simple-user shape). */
  user: Record<string, unknown>;
  isAuthenticated(req: IncomingMessage): boolean;
  /** Server behaviours a test may switch at any time (see GitHubFake.quirks). */
  quirks: FakeQuirks;
}

/** Ways real servers differ from github.com that the release client must cope with. */
export interface FakeQuirks {
  /**
   * Answer `digest: null` for every asset, as GitHub Enterprise Server versions before digests and
   * proxies that strip the field do. The fake still knows the real sha256 (tests read `state`).
   */
  stripDigests: boolean;
  /**
   * The repository's immutable-releases setting: a published release answers `immutable: true`
   * and refuses every change to its assets (upload, delete, rename) with 422, as GitHub does.
   */
  immutableReleases: boolean;
}

export interface RequestContext {
  fake: FakeContext;
  req: IncomingMessage;
  res: ServerResponse;
  op: Operation;
  /** Path params after validation (coerced: release_id is a number). */
  params: Record<string, unknown>;
  /** Query params after validation (coerced). */
  query: Record<string, unknown>;
  /** Parsed JSON body for operations that take JSON; undefined otherwise. */
  body: unknown;
  /** The request body as a stream (for uploads). Use this, not `req`: fault injection may interpose on it. */
  bodyStream: Readable;
  /** A terminal fault that the handler itself must act out (`starter502`). */
  fault?: ActiveFault;
  record: RecordedRequest;
  /** Sends JSON (validated against the operation's responses). `body` undefined sends no body. */
  send(status: number, body?: unknown, headers?: Record<string, string>): void;
  /** Sends a GitHub-shaped error: `{message, documentation_url, status, errors?}`. */
  error(status: number, message: string, errors?: Record<string, unknown>[]): void;
}

export type Handler = (ctx: RequestContext) => void | Promise<void>;
