// The request pipeline: record → route (by GitHub's description, so an endpoint GitHub does not have is a
// violation) → auth → faults → validate request → resource handler → validate response.
// Handlers are looked up by operationId; adding refs/contents/pulls later means adding a handler file.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { PassThrough, Transform, pipeline as pipelineCb, type Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { drain } from './assets.js';
import type { FakeContext, Handler, RecordedRequest, RequestContext } from './context.js';
import { serveDownload } from './downloads.js';
import { statusFaultResponse, type FaultInjector, type ResetFault } from './faults.js';
import type { OpenApiValidator, Surface } from './validation.js';

const DOCS = 'https://docs.github.com/rest';
const MAX_JSON_BODY = 25 * 1024 * 1024;

export interface RouterDeps {
  fake: FakeContext;
  validator: OpenApiValidator;
  faults: FaultInjector;
  handlers: Record<string, Handler>;
  requests: RecordedRequest[];
  /** Token the API requires; undefined accepts any (or no) credentials. */
  token?: string;
  violation(record: RecordedRequest, message: string): void;
}

let requestCounter = 0;

function baseHeaders(): Record<string, string> {
  requestCounter += 1;
  return {
    'x-github-media-type': 'github.v3; format=json',
    'x-github-request-id': `FAKE:${process.pid}:${requestCounter}`,
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-used': '1',
    'x-ratelimit-resource': 'core',
  };
}

function writeJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  // The connection may already be gone (client abort, reset fault): nothing to write to.
  if (res.destroyed || res.socket?.destroyed) return;
  const all = { ...baseHeaders(), ...headers };
  if (body === undefined) {
    res.writeHead(status, all).end();
    return;
  }
  const text = JSON.stringify(body);
  res
    .writeHead(status, { ...all, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) })
    .end(text);
}

function errorBody(status: number, message: string, errors?: Record<string, unknown>[]): Record<string, unknown> {
  return { message, ...(errors ? { errors } : {}), documentation_url: DOCS, status: String(status) };
}

/** `Authorization: token X` or `Bearer X`. */
function presentedToken(req: IncomingMessage): string | undefined {
  const m = /^(?:token|bearer)\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return m?.[1];
}

/** Reads a request body up to a bound. JSON endpoints only: uploads stream, they never come here. */
async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > MAX_JSON_BODY) throw new Error(`JSON body over ${MAX_JSON_BODY} bytes`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Request-side reset: pass `afterBytes` of the body through, then kill the connection. */
function cutRequestAfter(req: IncomingMessage, afterBytes: number): Readable {
  let seen = 0;
  let cut = false;
  const counting = new Transform({
    transform(chunk: Buffer, _enc, callback) {
      if (cut) return callback();
      if (seen + chunk.length >= afterBytes) {
        cut = true;
        const part = chunk.subarray(0, afterBytes - seen);
        seen = afterBytes;
        callback(null, part);
        setImmediate(() => req.socket.destroy());
        return;
      }
      seen += chunk.length;
      callback(null, chunk);
    },
  });
  // pipeline (not pipe) so the socket's death reaches whoever reads `counting` as an error.
  return pipelineCb(req, counting, new PassThrough(), () => {});
}

/** Response-side reset: let `afterBytes` of the body out, then kill the connection. */
function cutResponseAfter(res: ServerResponse, afterBytes: number): void {
  let sent = 0;
  let cut = false;
  const write = res.write.bind(res) as (chunk: unknown, cb?: () => void) => boolean;
  const kill = (): void => {
    cut = true;
    res.socket?.destroy();
  };
  const take = (chunk: unknown): void => {
    if (cut || chunk === undefined || chunk === null || typeof chunk === 'function') return;
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
    if (sent + buf.length >= afterBytes) {
      const part = buf.subarray(0, afterBytes - sent);
      sent = afterBytes;
      if (!res.headersSent) res.flushHeaders();
      if (part.length > 0) write(part, kill);
      else setImmediate(kill);
      cut = true;
      return;
    }
    sent += buf.length;
    write(buf);
  };
  res.write = ((chunk: unknown) => {
    take(chunk);
    return !cut;
  }) as ServerResponse['write'];
  res.end = ((chunk?: unknown) => {
    take(chunk);
    if (!cut) kill(); // the body was shorter than afterBytes: still never let the response complete
    return res;
  }) as ServerResponse['end'];
}

export function createRouter(deps: RouterDeps): (req: IncomingMessage, res: ServerResponse) => void {
  const { fake, validator, faults, handlers, requests, violation } = deps;

  async function handle(req: IncomingMessage, res: ServerResponse, record: RecordedRequest): Promise<void> {
    const url = new URL(req.url ?? '/', fake.url);
    const method = (req.method ?? 'GET').toUpperCase();

    // Faults first, so tests can also slow down or break downloads.
    const decision = faults.decide(method, url.pathname);
    record.faults = decision.names;
    if (decision.latencyMs > 0) await sleep(decision.latencyMs);
    const fault = decision.fault;
    const reset = fault?.rule.kind === 'reset' ? (fault.rule as ResetFault) : undefined;
    if (reset?.during === 'response') cutResponseAfter(res, reset.afterBytes ?? 0);

    if (await serveDownload(fake, req, res, url)) return;

    let pathname = url.pathname;
    let surface: Surface = 'api';
    if (pathname.startsWith('/uploads/')) {
      surface = 'uploads';
      pathname = pathname.slice('/uploads'.length);
    }
    const { matched } = validator.match(method, pathname, surface);
    if (!matched) {
      violation(record, `no ${surface} operation in GitHub's description matches ${method} ${pathname}`);
      await drain(req);
      return writeJson(res, 404, errorBody(404, 'Not Found'));
    }
    const { op } = matched;
    record.operationId = op.operationId;
    record.isWrite = op.isWrite;

    if (deps.token !== undefined && presentedToken(req) !== deps.token) {
      await drain(req);
      return writeJson(res, 401, errorBody(401, 'Bad credentials'));
    }

    if (fault?.rule.kind === 'status') {
      await drain(req);
      const { headers, body } = statusFaultResponse(fault.rule);
      record.status = fault.rule.status;
      return writeJson(res, fault.rule.status, body, headers);
    }
    let bodyStream: Readable = req;
    if (reset && reset.during !== 'response') {
      if (!reset.afterBytes) {
        req.socket.destroy();
        return;
      }
      bodyStream = cutRequestAfter(req, reset.afterBytes);
    }

    const query: Record<string, unknown> = Object.fromEntries(url.searchParams);
    const params: Record<string, unknown> = { ...matched.params };
    const takesJson = JSON.stringify(op.definition.requestBody ?? '').includes('application/json');
    let body: unknown;
    let present = false;
    let malformedJson = false;
    if (takesJson) {
      let raw: Buffer;
      try {
        raw = await readAll(bodyStream);
      } catch {
        return; // connection gone (reset fault or client abort): nobody to answer
      }
      present = raw.length > 0;
      if (present) {
        try {
          body = JSON.parse(raw.toString('utf8'));
        } catch {
          malformedJson = true;
        }
      }
    }

    const errors = validator.validateRequest(op, params, query, {
      present,
      json: body,
      contentType: req.headers['content-type'],
    });
    for (const e of errors) violation(record, `request ${e}`);
    if (malformedJson) return writeJson(res, 400, errorBody(400, 'Problems parsing JSON'));
    if (errors.some((e) => e.startsWith('path'))) return writeJson(res, 404, errorBody(404, 'Not Found'));
    // GitHub ignores unknown query parameters (still a violation above: likely a client typo).
    const blocking = errors.filter((e) => !e.startsWith('query: unknown parameter'));
    if (blocking.length > 0) {
      return writeJson(res, 422, errorBody(422, `Invalid request.\n\n${blocking.join('\n')}`));
    }

    const handler = handlers[op.operationId];
    if (!handler) {
      violation(record, `the fake does not implement ${op.operationId} yet`);
      await drain(bodyStream);
      return writeJson(res, 501, errorBody(501, `Not implemented by the fake: ${op.operationId}`));
    }

    const ctx: RequestContext = {
      fake,
      req,
      res,
      op,
      params,
      query,
      body,
      bodyStream,
      record,
      ...(fault ? { fault } : {}),
      send(status, payload, headers) {
        for (const e of validator.validateResponse(op, status, payload as never)) violation(record, e);
        record.status = status;
        writeJson(res, status, payload, headers);
      },
      error(status, message, errs) {
        ctx.send(status, errorBody(status, message, errs));
      },
    };
    await handler(ctx);
    if (!res.headersSent && !res.destroyed && !req.socket.destroyed) {
      violation(record, `${op.operationId} handler sent no response`);
      writeJson(res, 500, errorBody(500, 'fake handler sent no response'));
    }
  }

  return (req, res) => {
    const record: RecordedRequest = {
      method: (req.method ?? 'GET').toUpperCase(),
      path: req.url ?? '/',
      status: 0,
      isWrite: false,
      validationErrors: [],
      faults: [],
    };
    requests.push(record);
    res.on('finish', () => {
      if (record.status === 0) record.status = res.statusCode;
    });
    handle(req, res, record).catch((err: unknown) => {
      violation(record, `fake crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      if (!res.headersSent && !res.destroyed) writeJson(res, 500, errorBody(500, 'fake crashed'));
      else res.destroy();
    });
  };
}
