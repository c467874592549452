import { Evaluator, Lexer, Parser, data } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';
import { truthy } from '@actions/expressions/result';
import { needsOf, type ParsedWorkflow } from './scenarios.js';

export type JobResult = 'success' | 'failure' | 'skipped';

export interface SimulatedRun {
  github: { event_name: 'push' | 'workflow_dispatch'; ref: string; ref_name: string; sha?: string };
  /** Dispatch inputs (empty on a tag push, as on GitHub). */
  inputs: Record<string, string | boolean>;
  /** What each job does when it runs: its result and outputs. Unlisted jobs succeed with no outputs. */
  behaviour: Record<string, { result?: 'success' | 'failure'; outputs?: Record<string, string> }>;
}

const STATUS_FUNCTION = /\b(success|failure|always|cancelled)\s*\(/i;

/** Evaluate an expression (with or without `${{ }}`) against contexts; status functions come from `status`. */
export function evaluateExpression(
  source: string,
  contexts: Record<string, unknown>,
  status: { success: boolean; failure: boolean } = { success: true, failure: false },
): data.ExpressionData {
  const trimmed = source.trim();
  const expression = trimmed.startsWith('${{') && trimmed.endsWith('}}') ? trimmed.slice(3, -2) : trimmed;
  const lexed = new Lexer(expression).lex();
  const fn = (name: string, value: () => boolean): FunctionDefinition => ({
    name, minArgs: 0, maxArgs: 0, call: () => new data.BooleanData(value()),
  });
  const functions = [
    fn('success', () => status.success),
    fn('failure', () => status.failure),
    fn('always', () => true),
    fn('cancelled', () => false),
  ];
  const parser = new Parser(lexed.tokens, Object.keys(contexts), functions);
  const context = JSON.parse(JSON.stringify(contexts), data.reviver) as data.Dictionary;
  return new Evaluator(parser.parse(), context, new Map(functions.map((f) => [f.name, f]))).evaluate();
}

/** A job-level `if:` as GitHub evaluates it: `success() && (…)` unless it calls a status function itself. */
export function jobCondition(condition: string | undefined): string {
  if (condition === undefined) return 'success()';
  const bare = condition.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  return STATUS_FUNCTION.test(bare) ? bare : `success() && (${bare})`;
}

/**
 * Walk the jobs in `needs` order and decide each one's result the way GitHub's scheduler does:
 * evaluate `if:` with `needs` holding the direct dependencies' results and outputs, `success()`
 * meaning every ancestor succeeded (a skipped one counts against it: DESIGN.md's trap), and
 * `failure()` meaning some ancestor failed. A job that runs takes its result from `behaviour`.
 */
export function simulateRun(workflow: ParsedWorkflow, run: SimulatedRun): Record<string, JobResult> {
  const results: Record<string, JobResult> = {};
  const ancestors = new Map<string, Set<string>>();
  const pending = new Set(Object.keys(workflow.jobs));
  while (pending.size > 0) {
    const ready = [...pending].find((id) => needsOf(workflow.jobs[id]!).every((n) => n in results));
    if (ready === undefined) throw new Error(`cycle or unknown need among: ${[...pending].join(', ')}`);
    pending.delete(ready);
    const job = workflow.jobs[ready]!;
    const direct = needsOf(job);
    const all = new Set(direct.flatMap((n) => [n, ...(ancestors.get(n) ?? [])]));
    ancestors.set(ready, all);

    const needs: Record<string, { result: JobResult; outputs: Record<string, string> }> = {};
    for (const n of direct) {
      needs[n] = { result: results[n]!, outputs: results[n] === 'skipped' ? {} : run.behaviour[n]?.outputs ?? {} };
    }
    const status = {
      success: [...all].every((a) => results[a] === 'success'),
      failure: [...all].some((a) => results[a] === 'failure'),
    };
    const runs = truthy(evaluateExpression(jobCondition(job.if), { github: run.github, inputs: run.inputs, needs }, status));
    results[ready] = runs ? run.behaviour[ready]?.result ?? 'success' : 'skipped';
  }
  return results;
}
