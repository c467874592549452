import { ConfigurationError, describeValue, errorMessage } from '@deployforge/diagnostics';
import { JOB_RESULTS, type JobResult, type Needs, type NeededJob } from './needs-types.js';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Read the `results` input (`${{ toJSON(needs) }}`). A hand-written workflow that passes something
 * else gets an error naming the input and the job that is wrong, not a TypeError deep in rendering.
 * Non-string outputs are kept as their JSON text: the runner only ever produces strings, so
 * anything else came from a person's test input and is still worth showing.
 */
export function parseNeeds(text: string, inputName = 'results'): Needs {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = errorMessage(error);
    throw ConfigurationError.forInput(inputName, `expected the JSON of \${{ toJSON(needs) }}, got text that is not JSON (${reason})`);
  }
  if (!isRecord(data)) {
    throw ConfigurationError.forInput(inputName, `expected the JSON object of \${{ toJSON(needs) }}, got ${describeValue(data)}`);
  }
  const needs: Needs = {};
  for (const [jobId, job] of Object.entries(data)) {
    if (!isRecord(job) || !JOB_RESULTS.includes(job.result as JobResult)) {
      throw ConfigurationError.forInput(inputName, `job "${jobId}": expected {"result": ${JOB_RESULTS.join('|')}, "outputs": {…}}, got ${describeValue(job)}`);
    }
    const outputs: NeededJob['outputs'] = {};
    if (isRecord(job.outputs)) {
      for (const [name, value] of Object.entries(job.outputs)) outputs[name] = typeof value === 'string' ? value : JSON.stringify(value);
    }
    needs[jobId] = { result: job.result as JobResult, outputs };
  }
  return needs;
}
