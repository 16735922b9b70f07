import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

/** The parts of a GitHub Actions workflow these tests read. */
interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string | number>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  concurrency?: { group: string; 'cancel-in-progress': boolean | string };
  container?: string;
  steps: Step[];
}
interface Workflow {
  on: { push: { branches: string[]; paths?: string[] }; pull_request: unknown; workflow_dispatch: unknown };
  concurrency: { group: string; 'cancel-in-progress': string };
  jobs: Record<string, Job>;
}

const root = join(import.meta.dirname, '..', '..');
const workflow = parse(readFileSync(join(root, '.github', 'workflows', 'site.yml'), 'utf8')) as Workflow;

/** The steps of a job, by what they use or run. */
function step(job: string, match: (s: Step) => boolean): Step | undefined {
  return workflow.jobs[job]?.steps.find(match);
}
const uses = (action: string) => (s: Step) => s.uses?.startsWith(`${action}@`) === true;
const runs = (command: string) => (s: Step) => s.run?.includes(command) === true;
/** Where in a job's steps the first match stands (-1 when none). */
const order = (job: string, match: (s: Step) => boolean): number => workflow.jobs[job]?.steps.findIndex(match) ?? -1;

describe('site workflow', () => {
  it('runs on every pull request, on every push to main, and by hand', () => {
    expect(workflow.on).toHaveProperty('pull_request');
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on.push.paths).toBeUndefined();
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.concurrency['cancel-in-progress']).toContain("github.event_name == 'pull_request'");
  });

  it('has test, build and deploy jobs in that order, and deploys only from main', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['test', 'build', 'deploy']);
    expect(workflow.jobs.build?.needs).toBe('test');
    expect(workflow.jobs.deploy?.needs).toBe('build');
    expect(workflow.jobs.deploy?.if).toContain("github.ref == 'refs/heads/main'");
    expect(workflow.jobs.deploy?.if).toContain("github.event_name != 'pull_request'");
    expect(workflow.jobs.deploy?.concurrency).toEqual({ group: 'pages', 'cancel-in-progress': false });
    expect(step('build', uses('actions/upload-pages-artifact'))?.if).toBe("github.event_name != 'pull_request'");
  });

  it('tests on the Node of .nvmrc with npm ci, the seed check, the code checks, npm test and the end-to-end suite', () => {
    for (const job of ['test', 'build']) {
      expect(step(job, uses('actions/setup-node'))?.with).toMatchObject({
        'node-version-file': '.nvmrc',
        cache: 'npm',
      });
      expect(step(job, runs('npm ci'))).toBeDefined();
      expect(step(job, runs('npm install'))).toBeUndefined();
    }
    expect(step('test', runs('scripts/install-system-packages.sh'))).toBeDefined();
    const check = order('test', (s) => s.run === 'npm run check');
    expect(check).toBeGreaterThan(order('test', runs('npm ci')));
    expect(order('test', (s) => s.run === 'npm run verify')).toBeGreaterThan(check);
    expect(order('test', (s) => s.run === 'npm test')).toBeGreaterThan(check);
    expect(order('test', (s) => s.run === 'npm run test:e2e')).toBeGreaterThan(check);
    expect(order('test', runs('git diff --exit-code'))).toBe((workflow.jobs.test?.steps.length ?? 0) - 1);
  });

  it('builds with the Astro cache folder restored and saved every run, keyed on the code that makes records', () => {
    const cache = step('build', uses('actions/cache'));
    expect(cache?.with?.path).toBe('.cache/astro');
    expect(cache?.with?.key).toContain("'src/lib/**'");
    expect(cache?.with?.key).toMatch(/\$\{\{ github\.run_id \}\}$/u);
    const key = String(cache?.with?.key);
    expect(String(cache?.with?.['restore-keys']).trim()).toBe(key.replace('${{ github.run_id }}', ''));
    const pages = step('build', uses('actions/configure-pages'));
    expect(pages?.id).toBeTruthy();
    const build = step('build', (s) => s.run === 'npm run build');
    expect(build?.env?.ASTRO_CACHE_DIR).toBe(cache?.with?.path);
    expect(build?.env?.SITE_URL).toContain(`steps.${pages?.id ?? ''}.outputs.origin`);
    expect(build?.env?.BASE_PATH).toContain(`steps.${pages?.id ?? ''}.outputs.base_path`);
    expect(order('build', uses('actions/cache'))).toBeLessThan(order('build', (s) => s.run === 'npm run build'));
    expect(step('build', uses('actions/upload-pages-artifact'))?.with?.path).toBe('dist');
  });

  it('pins every action by a full commit hash', () => {
    const all = Object.values(workflow.jobs).flatMap((job) => job.steps.filter((s) => s.uses));
    expect(all.length).toBeGreaterThan(0);
    for (const s of all) expect(s.uses).toMatch(/^[\w-]+\/[\w-]+@[0-9a-f]{40}$/u);
  });

  it('deploys to the github-pages environment with the Pages permissions', () => {
    const deploy = workflow.jobs.deploy;
    expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy?.environment?.name).toBe('github-pages');
    expect(step('deploy', uses('actions/deploy-pages'))).toBeDefined();
  });
});

describe('Node and dependencies', () => {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    engines: { node: string };
    devDependencies: Record<string, string>;
  };

  it('declares the Node it needs in engines and .nvmrc, and pins that major through npm', () => {
    const nvmrc = readFileSync(join(root, '.nvmrc'), 'utf8').trim();
    // Astro 7 needs 22.12; the seed loader's threads run TypeScript through Node's type stripping,
    // on by default since 22.18.
    expect(pkg.engines.node).toBe('>=22.18.0');
    expect(Number(nvmrc)).toBeGreaterThanOrEqual(22);
    expect(pkg.devDependencies.node).toMatch(new RegExp(`^\\^${nvmrc}\\.`, 'u'));
  });

  it('lists in package-lock.json the platform binaries of every package that has them', () => {
    const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, { optionalDependencies?: Record<string, string> }>;
    };
    const missing = Object.entries(lock.packages).flatMap(([path, entry]) =>
      Object.keys(entry.optionalDependencies ?? {})
        .filter(
          (name) => !(`node_modules/${name}` in lock.packages) && !(`${path}/node_modules/${name}` in lock.packages),
        )
        .map((name) => `${path} → ${name}`),
    );
    expect(missing, 'run npm install --package-lock-only and commit package-lock.json').toEqual([]);
  });
});
