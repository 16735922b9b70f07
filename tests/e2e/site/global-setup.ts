import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, ROOT, writeFixtureSeeds } from '../../helpers/site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The fixture site's output folder. */
    siteDist: string;
    /** The fixture seeds it was built from. */
    siteSeeds: string;
    /** What `astro build` printed. */
    siteLog: string;
  }
}

/** Builds the fixture site once for every site test. */
export default function setup(project: TestProject): void {
  const base = join(ROOT, 'tests', '.output', 'site');
  const seeds = join(base, 'seeds');
  const dist = join(base, 'dist');
  writeFixtureSeeds(seeds);
  const log = buildSite(seeds, dist);
  project.provide('siteDist', dist);
  project.provide('siteSeeds', seeds);
  project.provide('siteLog', log);
}
