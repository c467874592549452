// `${{ }}` and `if:` evaluated by GitHub's own expression library (@actions/expressions), so a
// condition the generator writes means here exactly what it means on a runner. Unknown contexts and
// functions are parse errors: the harness refuses what it does not implement instead of guessing.
import { data, Evaluator, Lexer, Parser, type ExpressionError } from '@actions/expressions';
import type { ContextAccess } from '@actions/expressions/ast';
import { truthy } from '@actions/expressions/result';

/**
 * Where evaluations record the names of the contexts they read. A symbol key: not a context name
 * (Object.keys and the parser never see it), yet spreads of a job's contexts carry it along, so
 * every expression of a job reports into the job's set.
 */
export const CONTEXT_READS = Symbol('context reads');

/** The contexts a job or step sees; missing ones are simply absent (GitHub's null). */
export type Contexts = Partial<Record<'github' | 'inputs' | 'needs' | 'matrix' | 'steps' | 'env' | 'secrets' | 'vars' | 'job' | 'runner' | 'strategy', unknown>> & {
  [CONTEXT_READS]?: Set<string>;
};

/** GitHub's evaluator, noting each context it reads (only what is evaluated: `false && secrets.X` reads none). */
class RecordingEvaluator extends Evaluator {
  constructor(tree: ConstructorParameters<typeof Evaluator>[0], context: data.Dictionary, functions: ConstructorParameters<typeof Evaluator>[2], private readonly reads: Set<string>) {
    super(tree, context, functions);
  }

  override visitContextAccess(contextAccess: ContextAccess): data.ExpressionData {
    this.reads.add(contextAccess.name.lexeme);
    return super.visitContextAccess(contextAccess);
  }
}


/**
 * Status functions. On a runner they read the job's (or the workflow's) state, which the caller
 * computes; `always()`'s presence also switches off the implicit `success() &&`.
 */
export interface StatusFunctions {
  success(): boolean;
  failure(): boolean;
  cancelled(): boolean;
}

const STATUS_NAMES = ['success', 'failure', 'cancelled', 'always'];

function toData(value: unknown): data.ExpressionData {
  if (value === undefined) return new data.Null();
  return JSON.parse(JSON.stringify(value), data.reviver) as data.ExpressionData;
}

/** Plain JSON of an evaluation result (objects for `fromJSON`, strings, booleans…). */
function fromData(value: data.ExpressionData): unknown {
  return JSON.parse(JSON.stringify(value, data.replacer) ?? 'null') as unknown;
}

/**
 * Only the contexts given are known names: GitHub makes different contexts available in different
 * places (no `secrets` in an `if:`, no `steps` in a job's `if:`), and a workflow that reaches for one
 * where it is not available must fail here as it fails there.
 */
function parse(expression: string, contextNames: string[]): ReturnType<Parser['parse']> {
  try {
    const lexed = new Lexer(expression).lex();
    return new Parser(lexed.tokens, contextNames, STATUS_NAMES.map((name) => ({ name, minArgs: 0, maxArgs: 0 }))).parse();
  } catch (error) {
    throw new Error(`harness: cannot parse expression \`${expression}\`: ${(error as ExpressionError).message}`);
  }
}

function evaluate(expression: string, contexts: Contexts, status?: StatusFunctions): data.ExpressionData {
  const tree = parse(expression, Object.keys(contexts));
  const dictionary = new data.Dictionary(...Object.entries(contexts).map(([key, value]) => ({ key, value: toData(value) })));
  const functions = new Map(
    STATUS_NAMES.map((name) => [
      name,
      {
        name, minArgs: 0, maxArgs: 0,
        call: () => {
          if (!status) throw new Error(`harness: ${name}() used outside an if: (\`${expression}\`)`);
          if (name === 'always') return new data.BooleanData(true);
          return new data.BooleanData(status[name as keyof StatusFunctions]());
        },
      },
    ]),
  );
  const reads = contexts[CONTEXT_READS];
  return (reads ? new RecordingEvaluator(tree, dictionary, functions, reads) : new Evaluator(tree, dictionary, functions)).evaluate();
}

const WHOLE = /^\s*\$\{\{([\s\S]*?)\}\}\s*$/;
const EMBEDDED = /\$\{\{([\s\S]*?)\}\}/g;

/**
 * A YAML value with `${{ }}` in it. A value that is one expression keeps its type (`matrix:
 * ${{ fromJSON(...) }}` is an object); anything else is a string with each expression's string form
 * spliced in, as the runner does.
 */
export function evaluateValue(value: unknown, contexts: Contexts): unknown {
  if (typeof value !== 'string') return value;
  const whole = WHOLE.exec(value);
  if (whole && !whole[1]!.includes('}}')) return fromData(evaluate(whole[1]!, contexts));
  return interpolate(value, contexts);
}

export function interpolate(value: string, contexts: Contexts): string {
  return value.replace(EMBEDDED, (_, expression: string) => evaluate(expression, contexts).coerceString());
}

/** A value that ends in an environment variable or an input: always a string. */
export function evaluateString(value: unknown, contexts: Contexts): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'boolean' || typeof value === 'number') return String(value);
  if (typeof value !== 'string') throw new Error(`harness: expected a string, got ${JSON.stringify(value)}`);
  return interpolate(value, contexts);
}

/**
 * An `if:` (with or without `${{ }}`). Without a status function, GitHub evaluates
 * `success() && (<if>)`; an empty `if:` is `success()`.
 */
export function evaluateCondition(condition: unknown, contexts: Contexts, status: StatusFunctions): boolean {
  if (condition === undefined) return status.success();
  if (typeof condition === 'boolean') return condition && status.success();
  if (typeof condition !== 'string') throw new Error(`harness: if: must be a string, got ${JSON.stringify(condition)}`);
  const whole = WHOLE.exec(condition);
  const expression = whole ? whole[1]! : condition;
  if (EMBEDDED.test(expression)) throw new Error(`harness: if: mixes text and \${{ }}: ${condition}`);
  EMBEDDED.lastIndex = 0;
  const usesStatus = /\b(?:success|failure|cancelled|always)\s*\(/i.test(expression);
  const full = usesStatus ? expression : `success() && (${expression})`;
  return truthy(evaluate(full, contexts, status));
}
