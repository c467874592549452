import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  fulcioHandler,
  initializeCA,
  initializeCTLog,
  initializeTLog,
  initializeTSA,
  rekorHandler,
  tsaHandler,
  type HandlerFn,
} from '@sigstore/mock';
import { fakeActionsClaims, fakeIdentityToken, type FakeActionsClaims } from './fake-actions-oidc.js';
import { fakeTrustedRootJSON, type FakeTrustedRootJSON } from './fake-trusted-root.js';

/**
 * A local Sigstore on 127.0.0.1: Sigstore's own Fulcio, Rekor and TSA handlers (@sigstore/mock, the
 * ones sigstore-js tests itself against) behind a real HTTP server instead of nock, plus the GitHub
 * Actions OIDC token endpoint, so a signer runs its real HTTP clients end to end. Every start makes
 * new CA, CT log, transparency log and TSA keys; `trustedRoot` holds their public halves.
 */
export interface SigstoreFake {
  url: string;
  fulcioURL: string;
  rekorURL: string;
  tsaURL: string;
  /** Value for ACTIONS_ID_TOKEN_REQUEST_URL (already has a query string, as GitHub's does). */
  tokenRequestURL: string;
  /** Value for ACTIONS_ID_TOKEN_REQUEST_TOKEN; any other bearer gets 401. */
  tokenRequestToken: string;
  /** The env a job with `id-token: write` sees. */
  actionsEnv: Record<string, string>;
  /** The claims of the tokens handed out (the certificate's identity comes from these). */
  claims: FakeActionsClaims;
  /** The SAN the fake Fulcio puts into certificates: the job's workflow ref, like Fulcio for GitHub. */
  subjectAlternativeName: string;
  trustedRoot: FakeTrustedRootJSON;
  /** Every request, `METHOD path` (query included), in order. */
  requests: string[];
  /** The tokens the OIDC endpoint issued, so tests can look for them where they must not be. */
  issuedTokens: string[];
  close(): Promise<void>;
}

export async function startSigstoreFake(): Promise<SigstoreFake> {
  const requests: string[] = [];
  const issuedTokens: string[] = [];
  const tokenRequestToken = randomBytes(24).toString('hex');
  const claims = fakeActionsClaims('sigstore');
  const routes = new Map<string, HandlerFn>();

  const server = createServer((req, res) => {
    requests.push(`${req.method ?? '?'} ${req.url ?? ''}`);
    handle(req, res).catch((error: unknown) => {
      res.writeHead(500, { 'content-type': 'text/plain' }).end(String(error));
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (req.method === 'GET' && url.pathname === '/actions/id-token') {
      // The runner's contract: GET <ACTIONS_ID_TOKEN_REQUEST_URL>&audience=…, bearer request token.
      if (req.headers.authorization?.toLowerCase() !== `bearer ${tokenRequestToken}`) {
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"message":"Bad credentials"}');
        return;
      }
      const audience = url.searchParams.get('audience');
      if (audience === null) {
        res.writeHead(400, { 'content-type': 'application/json' }).end('{"message":"audience is required"}');
        return;
      }
      const token = fakeIdentityToken({ ...claims, aud: audience });
      issuedTokens.push(token);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ count: 1, value: token }));
      return;
    }
    const fn = req.method === 'POST' ? routes.get(url.pathname) : undefined;
    if (fn === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`no route for ${req.method ?? '?'} ${url.pathname}`);
      return;
    }
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const result = await fn(Buffer.concat(chunks).toString('utf8'));
    const body = typeof result.response === 'string' ? result.response : Buffer.from(result.response.buffer, result.response.byteOffset, result.response.byteLength);
    res.writeHead(result.statusCode, { 'content-type': result.contentType ?? 'text/plain' }).end(body);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const ec = () => generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const ctLog = await initializeCTLog(ec());
  const ca = await initializeCA(ec(), ctLog);
  const tlog = await initializeTLog(url, ec());
  const tsa = await initializeTSA(ec());
  // The mock stamps `new Date()` with its milliseconds, and the encoder drops trailing zeros of the
  // fraction (".12Z"), which @sigstore/core's GeneralizedTime parser refuses (it wants none or
  // three digits): about one timestamp in ten failed to verify. Whole seconds, as real TSAs with
  // one-second accuracy commonly stamp, are always parseable.
  (tsa as unknown as { getCurrentTime: () => Date }).getCurrentTime = () => new Date(Math.floor(Date.now() / 1000) * 1000);
  const fulcio = fulcioHandler(ca, { subjectClaim: 'job_workflow_ref' });
  const rekor = rekorHandler(tlog);
  const timestamps = tsaHandler(tsa);
  for (const handler of [fulcio, rekor, timestamps]) routes.set(handler.path, handler.fn);

  const tokenRequestURL = `${url}/actions/id-token?api-version=2.0`;
  return {
    url,
    fulcioURL: url,
    rekorURL: url,
    tsaURL: `${url}/api/v1/timestamp`,
    tokenRequestURL,
    tokenRequestToken,
    actionsEnv: {
      GITHUB_ACTIONS: 'true',
      ACTIONS_ID_TOKEN_REQUEST_URL: tokenRequestURL,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: tokenRequestToken,
    },
    claims,
    subjectAlternativeName: claims.job_workflow_ref,
    trustedRoot: fakeTrustedRootJSON({ url, ca, ctLog, tlog, tsa }),
    requests,
    issuedTokens,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
