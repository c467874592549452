// Node module hook, registered by load-workflow-parser.ts. @actions/workflow-parser imports its
// schema JSON without `with { type: 'json' }`, which Node 20 refuses; vitest loads node_modules
// natively (not through its transform), so the attribute is added here, for that package only.
export async function resolve(specifier, context, nextResolve) {
  const result = await nextResolve(specifier, context);
  if (result.url.endsWith('.json') && result.url.includes('/@actions/workflow-parser/')) {
    return { ...result, importAttributes: { ...context.importAttributes, type: 'json' } };
  }
  return result;
}
