import type { ServerResponse } from 'node:http';
import { liveFiles, type PypiFakeState } from './state.js';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** PEP 503 project page: one anchor per file, `#sha256=` fragment so pip verifies what it downloads. */
export function serveSimpleProject(state: PypiFakeState, res: ServerResponse, project: string): void {
  const files = liveFiles(state, project);
  if (files.length === 0) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('404 Not Found\n');
    return;
  }
  const links = files.map((f) => `    <a href="../../files/${encodeURIComponent(f.filename)}#sha256=${f.sha256}">${escape(f.filename)}</a><br />`);
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(
    `<!DOCTYPE html>\n<html>\n  <head>\n    <meta name="pypi:repository-version" content="1.0">\n    <title>Links for ${escape(project)}</title>\n  </head>\n  <body>\n    <h1>Links for ${escape(project)}</h1>\n${links.join('\n')}\n  </body>\n</html>\n`,
  );
}

export function serveSimpleRoot(state: PypiFakeState, res: ServerResponse): void {
  const projects = [...new Set([...state.files.values()].filter((f) => !f.deleted).map((f) => f.project))].sort();
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!DOCTYPE html>\n<html><body>\n${projects.map((p) => `<a href="${p}/">${escape(p)}</a><br />`).join('\n')}\n</body></html>\n`);
}
