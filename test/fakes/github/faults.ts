// Fault injection for the GitHub fake: the failures our release client must survive (DESIGN.md, Reliability),
// reproducible via a seeded PRNG so a flaky-looking test can be replayed exactly.

export interface StatusFault {
  kind: 'status';
  /** Any status: 5xx, 403, 429… */
  status: number;
  /** Adds `retry-after: <seconds>` (GitHub sends it with 429 and secondary-rate-limit 403s). */
  retryAfter?: number;
  /**
   * Shape of a 403/429 rate-limit answer. `secondary` (default for 403 and 429): GitHub's "secondary rate
   * limit" message (plus retry-after when given). `primary`: `x-ratelimit-remaining: 0` + `x-ratelimit-reset`.
   */
  rateLimit?: 'primary' | 'secondary';
  /** Overrides the GitHub-shaped JSON body. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Upload only: stores a `state: "starter"` asset under the requested name, then answers 502 (GitHub's failure mode). */
export interface Starter502Fault {
  kind: 'starter502';
}

/**
 * Upload only: the server stores other bytes than it received and answers 201 as if all went well
 * (a broken proxy or storage layer). `flip` (default) changes one byte in the middle, so the size
 * still matches; `truncate` keeps only the first half. The stored asset's digest is that of the
 * stored bytes, as GitHub would compute it.
 */
export interface CorruptFault {
  kind: 'corrupt';
  mode?: 'flip' | 'truncate';
}

export interface ResetFault {
  kind: 'reset';
  /** `request` (default): destroy the socket after reading `afterBytes` of the request body. `response`: let the
   * handler run (its state change stays, as when GitHub did the work but the answer got lost) and destroy the
   * socket after `afterBytes` bytes of the response body were written. */
  during?: 'request' | 'response';
  afterBytes?: number;
}

export interface LatencyFault {
  kind: 'latency';
  ms: number;
}

export type FaultAction = StatusFault | Starter502Fault | CorruptFault | ResetFault | LatencyFault;

export type FaultRule = FaultAction & {
  /** HTTP method (case-insensitive); any when omitted. */
  method?: string;
  /** Tested against the request's pathname (no query), uploads included (`/uploads/repos/…`). */
  path: RegExp | string;
  /** Fire on at most this many matching requests. */
  times?: number;
  /** Fire on each matching request with this probability (seeded PRNG). Combined with `times`: at most `times`. */
  probability?: number;
  /** Let this many matching requests through before the rule can fire ("fail the third upload"). */
  skip?: number;
  /** Shows in `requests[].fault`; defaults to the kind. */
  name?: string;
};

export interface ActiveFault {
  readonly rule: FaultRule;
  /** Requests that matched method + path. */
  matched: number;
  /** Requests it actually fired on. */
  fired: number;
}

export interface FaultDecision {
  latencyMs: number;
  /** The one non-latency fault to apply, if any fired. */
  fault?: ActiveFault;
  /** Names of every rule that fired (latency included), for the request log. */
  names: string[];
}

export interface FaultInjector {
  add(rule: FaultRule): ActiveFault;
  clear(): void;
  readonly rules: readonly ActiveFault[];
  /** Decides for one request; each call counts toward `times`/`skip`. */
  decide(method: string, pathname: string): FaultDecision;
}

/** Small seeded PRNG (mulberry32): reproducible, good enough for "fails ~30% of the time". */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function createFaultInjector(seed: number): FaultInjector {
  const random = seededRandom(seed);
  const rules: ActiveFault[] = [];

  return {
    get rules() {
      return rules;
    },
    add(rule) {
      if (rule.probability !== undefined && (rule.probability < 0 || rule.probability > 1)) {
        throw new Error(`fault probability must be in [0, 1], got ${rule.probability}`);
      }
      if (rule.kind === 'latency' && !(rule.ms >= 0)) throw new Error('latency fault needs ms >= 0');
      const active: ActiveFault = { rule, matched: 0, fired: 0 };
      rules.push(active);
      return active;
    },
    clear() {
      rules.length = 0;
    },
    decide(method, pathname) {
      const decision: FaultDecision = { latencyMs: 0, names: [] };
      for (const active of rules) {
        const { rule } = active;
        if (rule.method && rule.method.toUpperCase() !== method.toUpperCase()) continue;
        const re = typeof rule.path === 'string' ? new RegExp(rule.path) : rule.path;
        re.lastIndex = 0;
        if (!re.test(pathname)) continue;
        active.matched += 1;
        if (active.matched <= (rule.skip ?? 0)) continue;
        if (rule.times !== undefined && active.fired >= rule.times) continue;
        // Draw only for probabilistic rules so adding a deterministic rule does not shift the sequence.
        if (rule.probability !== undefined && !(random() < rule.probability)) continue;
        if (rule.kind !== 'latency' && decision.fault) continue; // one terminal fault per request
        active.fired += 1;
        decision.names.push(rule.name ?? rule.kind);
        if (rule.kind === 'latency') decision.latencyMs += rule.ms;
        else decision.fault = active;
      }
      return decision;
    },
  };
}

const SECONDARY_MESSAGE =
  'You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.';

const STATUS_MESSAGES: Record<number, string> = {
  500: 'Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  404: 'Not Found',
};

/** Headers and GitHub-shaped body for a `status` fault. */
export function statusFaultResponse(fault: StatusFault): { headers: Record<string, string>; body: unknown } {
  const headers: Record<string, string> = {};
  let body: Record<string, unknown>;
  const rateLimited = fault.status === 429 || fault.status === 403;
  if (rateLimited && fault.rateLimit === 'primary') {
    const reset = Math.floor(Date.now() / 1000) + (fault.retryAfter ?? 60);
    Object.assign(headers, {
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '0',
      'x-ratelimit-used': '5000',
      'x-ratelimit-reset': String(reset),
      'x-ratelimit-resource': 'core',
    });
    body = {
      message: 'API rate limit exceeded for user ID 1000.',
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit',
      status: String(fault.status),
    };
  } else if (rateLimited) {
    body = {
      message: SECONDARY_MESSAGE,
      documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits',
      status: String(fault.status),
    };
  } else {
    body = { message: STATUS_MESSAGES[fault.status] ?? `Injected ${fault.status}`, status: String(fault.status) };
  }
  if (fault.retryAfter !== undefined && fault.rateLimit !== 'primary') headers['retry-after'] = String(fault.retryAfter);
  Object.assign(headers, fault.headers);
  return { headers, body: fault.body ?? body };
}
