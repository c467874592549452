import { Octokit } from '@octokit/rest';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { blobSha, gitData, seedFiles, seedTag, startGitHubFake, type GitHubFake } from './github/index.js';

// The git side of the GitHub fake (repos/refs/contents/pulls) through the real @octokit/rest, every
// request and answer validated against GitHub's description.
let gh: GitHubFake;
let octokit: Octokit;
const owner = 'flathub';
const repo = 'io.github.acme.Demo';

beforeAll(async () => {
  gh = await startGitHubFake({ token: 't0ken', repos: [`${owner}/${repo}`], printViolations: false });
  octokit = new Octokit({ auth: 't0ken', baseUrl: gh.url });
  seedFiles(gh.state.repo(`${owner}/${repo}`)!, 'main', { 'io.github.acme.Demo.yml': 'app-id: io.github.acme.Demo\n' }, 'seed');
});
afterAll(async () => gh?.close());

describe('GitHub fake: repos, refs, contents, pulls', () => {
  test('branch, file update and pull request, as a PR-based spoke does it', async () => {
    const { data: info } = await octokit.repos.get({ owner, repo });
    expect(info.default_branch).toBe('main');
    const { data: main } = await octokit.git.getRef({ owner, repo, ref: 'heads/main' });
    await octokit.git.createRef({ owner, repo, ref: 'refs/heads/update', sha: main.object.sha });
    await expect(octokit.git.createRef({ owner, repo, ref: 'refs/heads/update', sha: main.object.sha })).rejects.toMatchObject({ status: 422 });

    const { data: file } = await octokit.repos.getContent({ owner, repo, path: 'io.github.acme.Demo.yml', ref: 'update' });
    expect(Array.isArray(file) ? undefined : file.type === 'file' && Buffer.from(file.content, 'base64').toString()).toBe('app-id: io.github.acme.Demo\n');
    const sha = !Array.isArray(file) ? file.sha : '';
    expect(sha).toBe(blobSha('app-id: io.github.acme.Demo\n'));
    await expect(octokit.repos.createOrUpdateFileContents({ owner, repo, path: 'io.github.acme.Demo.yml', message: 'x', content: 'eA==', branch: 'update' })).rejects.toMatchObject({ status: 422 });
    const put = await octokit.repos.createOrUpdateFileContents({ owner, repo, path: 'io.github.acme.Demo.yml', message: 'Update to 1.0.0', content: Buffer.from('v2\n').toString('base64'), sha, branch: 'update' });
    expect(put.status).toBe(200);

    const pr = await octokit.pulls.create({ owner, repo, head: 'update', base: 'main', title: 'Update to 1.0.0' });
    expect(pr.data.number).toBe(1);
    await expect(octokit.pulls.create({ owner, repo, head: 'update', base: 'main', title: 'again' })).rejects.toMatchObject({ status: 422 });
    const { data: open } = await octokit.pulls.list({ owner, repo, state: 'open', head: `${owner}:update` });
    expect(open.map((p) => p.number)).toEqual([1]);
    const { data: none } = await octokit.pulls.list({ owner, repo, head: `${owner}:other` });
    expect(none).toEqual([]);
    const { data: onMain } = await octokit.repos.getContent({ owner, repo, path: 'io.github.acme.Demo.yml' });
    expect(!Array.isArray(onMain) && onMain.type === 'file' && Buffer.from(onMain.content, 'base64').toString()).toBe('app-id: io.github.acme.Demo\n');
    expect(gh.violations()).toEqual([]);
  });

  test('tags: lightweight and annotated refs, the tag object peeled, created, moved (fast-forward or force), as the github-action spoke uses them', async () => {
    const fake = gh.state.repo(`${owner}/${repo}`)!;
    const first = seedFiles(fake, 'main', { 'action.yml': 'runs: { using: node24, main: dist/index.js }\n', 'dist/index.js': 'x\n' }, 'one');
    const second = seedFiles(fake, 'main', { 'dist/index.js': 'y\n' }, 'two');
    const side = seedFiles(fake, 'side', { 'side.txt': 's\n' }, 'side');
    seedTag(fake, 'v1.0.0', first.sha);
    seedTag(fake, 'v1.1.0', second.sha, 'release 1.1.0');

    const { data: light } = await octokit.git.getRef({ owner, repo, ref: 'tags/v1.0.0' });
    expect(light).toMatchObject({ ref: 'refs/tags/v1.0.0', object: { type: 'commit', sha: first.sha } });
    const { data: annotated } = await octokit.git.getRef({ owner, repo, ref: 'tags/v1.1.0' });
    expect(annotated.object.type).toBe('tag');
    const { data: tagObject } = await octokit.git.getTag({ owner, repo, tag_sha: annotated.object.sha });
    expect(tagObject).toMatchObject({ tag: 'v1.1.0', object: { type: 'commit', sha: second.sha } });
    await expect(octokit.git.getRef({ owner, repo, ref: 'tags/v1' })).rejects.toMatchObject({ status: 404 });
    await expect(octokit.git.getTag({ owner, repo, tag_sha: second.sha })).rejects.toMatchObject({ status: 404 });

    const created = await octokit.git.createRef({ owner, repo, ref: 'refs/tags/v1', sha: first.sha });
    expect(created.status).toBe(201);
    await expect(octokit.git.createRef({ owner, repo, ref: 'refs/tags/v1', sha: second.sha })).rejects.toMatchObject({ status: 422 });
    await octokit.git.updateRef({ owner, repo, ref: 'tags/v1', sha: side.sha });
    // Back to an ancestor: not a fast-forward, refused without force, accepted with it.
    await expect(octokit.git.updateRef({ owner, repo, ref: 'tags/v1', sha: first.sha })).rejects.toMatchObject({ status: 422 });
    await octokit.git.updateRef({ owner, repo, ref: 'tags/v1', sha: first.sha, force: true });
    expect(gitData(fake).tags.get('v1')).toEqual({ sha: first.sha, type: 'commit' });

    const { data: tree } = await octokit.git.getTree({ owner, repo, tree_sha: second.sha, recursive: 'true' });
    expect(tree.truncated).toBe(false);
    expect(tree.tree.filter((e) => e.type === 'blob').map((e) => e.path)).toEqual(expect.arrayContaining(['action.yml', 'dist/index.js']));
    expect(tree.tree.find((e) => e.path === 'dist')?.type).toBe('tree');
    const { data: top } = await octokit.git.getTree({ owner, repo, tree_sha: second.sha });
    expect(top.tree.some((e) => e.path === 'dist/index.js')).toBe(false);

    // Publishing a release whose tag does not exist creates it at target_commitish, as GitHub does.
    await octokit.repos.createRelease({ owner, repo, tag_name: 'v1.2.0', target_commitish: 'side' });
    expect(gitData(fake).tags.get('v1.2.0')).toEqual({ sha: side.sha, type: 'commit' });
    expect(gh.violations()).toEqual([]);
  });

  test('a repo that does not exist is 404', async () => {
    await expect(octokit.repos.get({ owner: 'flathub', repo: 'nope' })).rejects.toMatchObject({ status: 404 });
  });
});
