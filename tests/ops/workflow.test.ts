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
  with?: Record<string, string | number>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  container?: string;
  steps: Step[];
}
interface Workflow {
  on: { push: { branches: string[]; paths: string[] }; workflow_dispatch: unknown };
  concurrency: { group: string };
  jobs: Record<string, Job>;
}

const workflow = parse(
  readFileSync(join(import.meta.dirname, '..', '..', '.github', 'workflows', 'site.yml'), 'utf8'),
) as Workflow;

/** The steps of a job, by what they use or run. */
function step(job: string, match: (s: Step) => boolean): Step | undefined {
  return workflow.jobs[job]?.steps.find(match);
}
const uses = (action: string) => (s: Step) => s.uses?.startsWith(`${action}@`) === true;
const runs = (command: string) => (s: Step) => s.run?.includes(command) === true;

describe('site workflow', () => {
  it('runs on pushes to main that change seeds or code, and by hand', () => {
    expect(workflow.on.push.branches).toEqual(['main']);
    expect(workflow.on.push.paths).toEqual(
      expect.arrayContaining([
        'seeds/**',
        'src/**',
        'scripts/**',
        'public/**',
        'astro.config.ts',
        'package.json',
        'package-lock.json',
      ]),
    );
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.concurrency.group).toBeTruthy();
  });

  it('has test, build and deploy jobs in that order', () => {
    expect(Object.keys(workflow.jobs)).toEqual(['test', 'build', 'deploy']);
    expect(workflow.jobs.build?.needs).toBe('test');
    expect(workflow.jobs.deploy?.needs).toBe('build');
  });

  it('tests on Node 20 with the npm cache, Chromium, and npm test', () => {
    expect(step('test', uses('actions/checkout'))).toBeDefined();
    expect(step('test', uses('actions/setup-node'))?.with).toMatchObject({ 'node-version': 20, cache: 'npm' });
    expect(step('test', runs('npm install --no-audit'))).toBeDefined();
    expect(step('test', runs('apt-get install'))?.run).toContain('chromium');
    expect(step('test', (s) => s.run === 'npm test')).toBeDefined();
  });

  it('builds with node_modules cached on the lock file and the Astro cache folder saved every run, checks seeds, and uploads the Pages artifact', () => {
    const steps = workflow.jobs.build?.steps ?? [];
    const caches = steps.filter(uses('actions/cache'));
    expect(caches.map((c) => c.with?.path)).toEqual(['node_modules', '.cache/astro']);
    expect(caches[0]?.with?.key).toContain("hashFiles('package-lock.json')");
    const cache = caches[1];
    expect(cache?.with?.key).toContain("'src/lib/**'");
    expect(cache?.with?.key).toMatch(/\$\{\{ github\.run_id \}\}$/u);
    const key = String(cache?.with?.key);
    expect(String(cache?.with?.['restore-keys']).trim()).toBe(key.replace('${{ github.run_id }}', ''));
    const pages = step('build', uses('actions/configure-pages'));
    expect(pages?.id).toBeTruthy();
    const build = step('build', (s) => s.run === 'npm run build');
    expect(build?.env?.ASTRO_CACHE_DIR).toBe(cache?.with?.path);
    expect(build?.env?.SITE_URL).toContain(`steps.${pages?.id ?? ''}.outputs.`);
    expect(build?.env?.BASE_PATH).toContain(`steps.${pages?.id ?? ''}.outputs.base_path`);
    const order = (match: (s: Step) => boolean): number => steps.findIndex(match);
    const restores = (path: string) => (s: Step) =>
      s.uses?.startsWith('actions/cache') === true && s.with?.path === path;
    expect(order(restores('node_modules'))).toBeLessThan(order(runs('npm install --no-audit')));
    expect(order(restores('.cache/astro'))).toBeLessThan(order((s) => s.run === 'npm run build'));
    expect(order((s) => s.run === 'npm run check')).toBeGreaterThan(-1);
    expect(order((s) => s.run === 'npm run check')).toBeLessThan(order((s) => s.run === 'npm run build'));
    expect(step('build', uses('actions/upload-pages-artifact'))?.with?.path).toBe('dist');
  });

  it('deploys to the github-pages environment with the Pages permissions', () => {
    const deploy = workflow.jobs.deploy;
    expect(deploy?.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
    expect(deploy?.environment?.name).toBe('github-pages');
    expect(step('deploy', uses('actions/deploy-pages'))).toBeDefined();
  });
});
