import { register } from 'node:module';

type WorkflowParser = typeof import('@actions/workflow-parser');

let parser: Promise<WorkflowParser> | undefined;

/**
 * @actions/workflow-parser, loaded behind a resolve hook that adds the JSON import attribute
 * Node 20 requires (see json-attribute-hook.mjs). The alternative, `server.deps.inline` in
 * vitest.config.ts, would change how every test file loads that package; this stays local.
 */
export function loadWorkflowParser(): Promise<WorkflowParser> {
  parser ??= (async () => {
    register(new URL('./json-attribute-hook.mjs', import.meta.url));
    return import('@actions/workflow-parser');
  })();
  return parser;
}

/** Parse and convert a workflow as GitHub's own parser does; every error message it reports. */
export async function workflowParserErrors(name: string, content: string): Promise<string[]> {
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = await loadWorkflowParser();
  const result = parseWorkflow({ name, content }, new NoOperationTraceWriter());
  const errors = result.context.errors.getErrors().map((e) => e.message);
  if (result.value === undefined) return [...errors, 'no workflow template produced'];
  const template = await convertWorkflowTemplate(result.context, result.value);
  return [...errors, ...(template.errors ?? []).map((e) => e.Message)];
}
