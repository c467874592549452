// Issue 23 in the workflow harness: examples/go-cli with `status.pages: true`, its generated release.yml
// run against the local servers. The release publishes, summarize writes the dashboard site, and the
// status-pages job (pages: write + id-token: write only) requests the Pages deployment of that site.
// A second run finds the published history through the GitHub fake's Pages API and adds to it.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedPagesSite } from '../fakes/github/index.js';
import { tagVersion } from './example-repository.js';
import { dispatch, startRun, startScenario, tagPush, type ScenarioContext } from './scenario-context.js';
import type { WorkflowRun } from './workflow-run.js';

let ctx: ScenarioContext;
let work: string;
let site: Server;
/** What the Pages site serves: the github-pages artifact of the last deployment. */
let deployed: string | undefined;

const results = (run: WorkflowRun) => Object.fromEntries(Object.entries(run.jobs).map(([id, job]) => [id, job.result]));
const failures = (run: WorkflowRun) => Object.values(run.jobs).flatMap((j) => j.legs).flatMap((l) => l.steps.filter((s) => s.outcome === 'failure').map((s) => `--- ${l.name} / ${s.name}\n${s.log.slice(-2000)}`)).join('\n') || '(no step failed)';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'df-harness-pages-'));
  ctx = await startScenario({ dir: 'go-cli', repository: 'acme/hello-forge-go', targets: ['linux-x64'], status: { pages: true } }, work);
  // https://<owner>.github.io/<repo>/ as a 127.0.0.1 server over the last deployed artifact.
  site = createServer((req, res) => {
    const name = (req.url ?? '').replace(/^\/hello-forge-go\//, '');
    if (!deployed || !/^[a-z.]+$/.test(name)) return res.writeHead(404).end();
    try {
      res.writeHead(200).end(readFileSync(join(deployed, name)));
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => site.listen(0, '127.0.0.1', () => r()));
}, 60_000);

afterAll(async () => {
  await new Promise((r) => site?.close(r));
  await ctx?.servers.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe.sequential('status.pages in the generated workflow, run by the harness', () => {
  test('a tag push releases, then the status-pages job deploys the dashboard site summarize wrote', async () => {
    tagVersion(ctx.repo, '0.1.0');
    const run = await startRun(ctx, tagPush('0.1.0'));
    expect(results(run), failures(run)).toMatchObject({ release: 'success', 'publish-npm': 'success', summarize: 'success', 'status-pages': 'success' });
    expect(run.jobs.summarize!.outputs.publish).toBe('true');
    // The deployment was requested, from the job that holds only pages: write and id-token: write.
    const deploys = run.standIns.filter((c) => c.action === 'actions/deploy-pages');
    expect(deploys.map((c) => c.job)).toEqual(['status-pages']);
    const pages = join(run.artifacts.dir, 'github-pages');
    expect(readdirSync(pages).sort()).toEqual(['badge.json', 'history.json', 'index.html', 'status.json']);
    expect(JSON.parse(readFileSync(join(pages, 'badge.json'), 'utf8'))).toMatchObject({ schemaVersion: 1, label: 'release', message: expect.stringMatching(/^0\.1\.0 · /) });
    deployed = pages;
  }, 240_000);

  test('the next run reads the published history through the Pages API and adds to it', async () => {
    seedPagesSite(ctx.servers.gh.state.repo('acme/hello-forge-go')!, `http://127.0.0.1:${(site.address() as AddressInfo).port}/hello-forge-go/`);
    const run = await startRun(ctx, dispatch({ version: '0.1.0', platforms: 'all', force: false, 'dry-run': false }));
    expect(results(run), failures(run)).toMatchObject({ summarize: 'success', 'status-pages': 'success' });
    const history = JSON.parse(readFileSync(join(run.artifacts.dir, 'github-pages', 'history.json'), 'utf8')) as { documents: { version: string }[] };
    expect(history.documents.map((d) => d.version)).toEqual(['0.1.0', '0.1.0']);
    expect(readdirSync(join(run.artifacts.dir, 'github-pages', 'releases'))).toHaveLength(2);
    expect(ctx.servers.gh.violations()).toEqual([]);
  }, 240_000);
});
