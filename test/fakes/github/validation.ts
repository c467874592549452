// Validates every request and response of the fake against GitHub's own REST description (the cut fixture
// written by scripts/cut-openapi.mjs). The point: a fake that drifts from GitHub, or a client that sends
// what GitHub would reject, shows up as a violation instead of a green test.

import { readFileSync } from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

// ajv-formats is CommonJS; under ESM its default export arrives wrapped one level deep in some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as (
  ajv: Ajv,
) => Ajv;

const FIXTURE_URL = new URL('../../fixtures/github-openapi/api.github.com.json', import.meta.url);
// $id under which the whole description is registered, so `$ref`s inside inline schemas resolve.
const DOC_ID = 'https://deployforge.invalid/github-openapi/api.github.com.json';

/**
 * Places where the published description disagrees with what GitHub actually answers. Each is applied to the
 * loaded description (the committed fixture stays byte-for-byte upstream) and each needs a reason.
 */
const KNOWN_DESCRIPTION_GAPS: { pointer: string[]; apply: (schema: Record<string, unknown>) => void; why: string }[] = [
  {
    pointer: ['components', 'schemas', 'release-asset', 'properties', 'state'],
    apply: (s) => {
      s.enum = [...(s.enum as string[]), 'starter'];
    },
    why: 'the upload operation itself says a failed upload may leave an asset "with a state of `starter`", but the enum lists only uploaded/open',
  },
];

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Schema = Record<string, unknown>;

export type Surface = 'api' | 'uploads';

interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header' | 'cookie';
  required?: boolean;
  schema?: Schema;
  'x-multi-segment'?: boolean;
}

export interface Operation {
  method: string;
  template: string;
  operationId: string;
  surface: Surface;
  /** POST/PATCH/PUT/DELETE that change state (generate-notes is a POST that does not). */
  isWrite: boolean;
  literalSegments: number;
  regex: RegExp;
  pathParamNames: string[];
  definition: Schema;
}

export interface MatchedOperation {
  op: Operation;
  params: Record<string, string>;
}

// OpenAPI 3.0 schemas are not JSON Schema: `nullable` is an extension. Rewrite it into JSON Schema and point
// component refs at the registered document.
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    if (key === '$ref' && typeof value === 'string' && value.startsWith('#/')) out[key] = `${DOC_ID}${value}`;
    else if (key === 'enum' || key === 'default' || key === 'required') out[key] = value;
    else out[key] = toJsonSchema(value);
  }
  if (out.nullable === true) {
    delete out.nullable;
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      if (Array.isArray(out.enum)) out.enum = [...out.enum, null];
    } else {
      return { anyOf: [out, { type: 'null' }] };
    }
  }
  return out;
}

function pointerGet(doc: unknown, pointer: string[]): unknown {
  let node = doc;
  for (const part of pointer) node = (node as Record<string, unknown> | undefined)?.[part];
  return node;
}

function resolveRef<T>(doc: Schema, node: unknown): T {
  let current = node as Schema;
  while (current && typeof current.$ref === 'string') {
    const ref = current.$ref.startsWith(DOC_ID) ? current.$ref.slice(DOC_ID.length) : current.$ref;
    current = pointerGet(doc, ref.slice(2).split('/').map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))) as Schema;
  }
  return current as T;
}

function formatErrors(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((e) => {
    const extra = e.keyword === 'additionalProperties' ? ` (${String(e.params.additionalProperty)})` : '';
    return `${where}${e.instancePath || ''} ${e.message ?? e.keyword}${extra}`;
  });
}

const GENERIC_ERROR_STATUSES = new Set([400, 401, 403, 404, 409, 410, 422, 429]);

export class OpenApiValidator {
  readonly openapiVersion: string;
  readonly sourceVersion: string;
  readonly operations: Operation[] = [];
  private readonly doc: Schema;
  private readonly ajv: Ajv;
  private readonly coercing: Ajv;
  private readonly compiled = new WeakMap<object, ValidateFunction>();
  private readonly paramValidators = new Map<string, ValidateFunction>();

  constructor(raw: Schema) {
    const doc = toJsonSchema(raw) as Schema;
    for (const gap of KNOWN_DESCRIPTION_GAPS) {
      const target = pointerGet(doc, gap.pointer) as Schema | undefined;
      if (!target) throw new Error(`known description gap no longer applies (${gap.pointer.join('/')}): ${gap.why}`);
      gap.apply(target);
    }
    doc.$id = DOC_ID;
    this.doc = doc;
    const info = raw.info as { version?: string; 'x-deployforge-source'?: { version?: string } };
    this.openapiVersion = String(raw.openapi);
    this.sourceVersion = String(info['x-deployforge-source']?.version ?? info.version);

    const makeAjv = (coerceTypes: boolean): Ajv => {
      const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes, validateFormats: true });
      addFormats(ajv);
      // OpenAPI-only formats: documentation, not constraints.
      for (const f of ['int32', 'int64', 'binary', 'repo.nwo', 'ssh-key']) ajv.addFormat(f, true);
      ajv.addSchema(doc);
      return ajv;
    };
    this.ajv = makeAjv(false);
    this.coercing = makeAjv(true);

    for (const [template, item] of Object.entries(doc.paths as Record<string, Schema>)) {
      for (const [method, definition] of Object.entries(item)) {
        if (method === 'parameters') continue;
        const def = definition as Schema;
        const servers = def.servers as { url: string }[] | undefined;
        const surface: Surface = servers?.some((s) => s.url.includes('uploads.')) ? 'uploads' : 'api';
        const params = this.parameters(item, def);
        const pathParamNames: string[] = [];
        const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{([^}]+)\\?\}/g, (_m, name: string) => {
          pathParamNames.push(name);
          const p = params.find((x) => x.in === 'path' && x.name === name);
          // Refs and file paths span several segments (`heads/main`, `Formula/x.rb`).
          return p?.['x-multi-segment'] || name === 'path' ? '(.+)' : '([^/]+)';
        });
        const operationId = String(def.operationId);
        this.operations.push({
          method: method.toUpperCase(),
          template,
          operationId,
          surface,
          isWrite: method !== 'get' && operationId !== 'repos/generate-release-notes',
          literalSegments: template.split('/').filter((s) => s && !s.startsWith('{')).length,
          regex: new RegExp(`^${pattern}$`),
          pathParamNames,
          definition: def,
        });
      }
    }
    // Literal segments win over parameters: /releases/latest is not /releases/{release_id}.
    this.operations.sort((a, b) => b.literalSegments - a.literalSegments);
  }

  static load(): OpenApiValidator {
    return new OpenApiValidator(JSON.parse(readFileSync(FIXTURE_URL, 'utf8')) as Schema);
  }

  /** Finds the operation for a request; `pathExists` tells a 404 (unknown path) from a 405 (wrong method). */
  match(method: string, pathname: string, surface: Surface): { matched?: MatchedOperation; pathExists: boolean } {
    let pathExists = false;
    for (const op of this.operations) {
      if (op.surface !== surface) continue;
      const m = op.regex.exec(pathname);
      if (!m) continue;
      pathExists = true;
      if (op.method !== method) continue;
      const params: Record<string, string> = {};
      op.pathParamNames.forEach((name, i) => {
        params[name] = decodeURIComponent(m[i + 1] ?? '');
      });
      return { matched: { op, params }, pathExists };
    }
    return { pathExists };
  }

  /** Validates path params and query (coerced to their declared types, in place) and the JSON body. */
  validateRequest(
    op: Operation,
    pathParams: Record<string, unknown>,
    query: Record<string, unknown>,
    body: { present: boolean; json?: unknown; contentType?: string },
  ): string[] {
    const errors: string[] = [];
    const item = (this.doc.paths as Record<string, Schema>)[op.template] ?? {};
    const params = this.parameters(item, op.definition);
    for (const where of ['path', 'query'] as const) {
      const list = params.filter((p) => p.in === where);
      const key = `${op.method} ${op.template} ${where}`;
      let validate = this.paramValidators.get(key);
      if (!validate) {
        validate = this.coercing.compile({
          type: 'object',
          properties: Object.fromEntries(list.map((p) => [p.name, p.schema ?? {}])),
          required: list.filter((p) => p.required || where === 'path').map((p) => p.name),
        });
        this.paramValidators.set(key, validate);
      }
      const data = where === 'path' ? pathParams : query;
      if (!validate(data)) errors.push(...formatErrors(where, validate.errors));
      if (where === 'query') {
        // Unknown query parameters are silently ignored by GitHub, so a typo in a client goes unnoticed there.
        for (const key of Object.keys(query)) {
          if (!list.some((p) => p.name === key)) errors.push(`query: unknown parameter "${key}"`);
        }
      }
    }

    const requestBody = resolveRef<Schema | undefined>(this.doc, op.definition.requestBody);
    const content = requestBody?.content as Record<string, { schema?: Schema }> | undefined;
    if (requestBody?.required === true && !body.present) errors.push('body: required but missing');
    const jsonSchema = content?.['application/json']?.schema;
    if (jsonSchema && body.present) {
      if (body.json === undefined) {
        errors.push(`body: not JSON (content-type ${body.contentType ?? 'none'})`);
      } else {
        const validate = this.compile(jsonSchema);
        if (!validate(body.json)) errors.push(...formatErrors('body', validate.errors));
      }
    }
    return errors;
  }

  /** Validates a response status and (JSON) body against the operation. */
  validateResponse(op: Operation, status: number, body: Json | undefined): string[] {
    const responses = op.definition.responses as Record<string, unknown>;
    const declared = responses[String(status)] ?? responses.default;
    const genericError = (): string[] => {
      const schemaName = status === 422 ? 'validation-error' : 'basic-error';
      const validate = this.ajv.getSchema(`${DOC_ID}#/components/schemas/${schemaName}`);
      if (!validate) return [`response ${status}: ${schemaName} schema missing from the fixture`];
      if (body !== undefined && !validate(body)) return formatErrors(`response ${status}`, validate.errors);
      return [];
    };
    if (!declared) {
      // GitHub answers any endpoint with these (auth, rate limits, outages) though few operations list them;
      // check the shape we send for them is still GitHub's error shape.
      if (GENERIC_ERROR_STATUSES.has(status) || status >= 500) return genericError();
      return [`response: status ${status} is not documented for ${op.operationId}`];
    }
    const response = resolveRef<Schema>(this.doc, declared);
    const content = response.content as Record<string, { schema?: Schema }> | undefined;
    const schema = content?.['application/json']?.schema;
    // Some documented errors omit their body (upload's 422); recorded traffic shows GitHub's usual error JSON.
    if (!schema && status >= 400) return genericError();
    if (!schema) {
      return body === undefined ? [] : [`response ${status}: body sent but the description declares none`];
    }
    if (body === undefined) return [`response ${status}: no JSON body, expected one`];
    const validate = this.compile(schema);
    return validate(body) ? [] : formatErrors(`response ${status}`, validate.errors);
  }

  private parameters(item: Schema, def: Schema): Parameter[] {
    const all = [...((item.parameters as unknown[]) ?? []), ...((def.parameters as unknown[]) ?? [])];
    return all.map((p) => resolveRef<Parameter>(this.doc, p));
  }

  private compile(schema: object): ValidateFunction {
    let fn = this.compiled.get(schema);
    if (!fn) {
      fn = this.ajv.compile(schema);
      this.compiled.set(schema, fn);
    }
    return fn;
  }
}
