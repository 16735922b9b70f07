import { cpSync, rmSync } from 'node:fs';
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
    /** The multi-day archive's output folder: several issues of several pages each. */
    daysDist: string;
    /** The seeds it was built from (tests/e2e/fixtures/multi-day). */
    daysSeeds: string;
  }
}

/** Builds the fixture site and the multi-day archive once for every site test. */
export default function setup(project: TestProject): void {
  const base = join(ROOT, 'tests', '.output', 'site');
  const seeds = join(base, 'seeds');
  const dist = join(base, 'dist');
  writeFixtureSeeds(seeds);
  const log = buildSite(seeds, dist);
  project.provide('siteDist', dist);
  project.provide('siteSeeds', seeds);
  project.provide('siteLog', log);

  const days = join(ROOT, 'tests', '.output', 'days');
  const daysSeeds = join(days, 'seeds');
  rmSync(daysSeeds, { recursive: true, force: true });
  cpSync(join(ROOT, 'tests', 'e2e', 'fixtures', 'multi-day'), daysSeeds, { recursive: true });
  buildSite(daysSeeds, join(days, 'dist'));
  project.provide('daysDist', join(days, 'dist'));
  project.provide('daysSeeds', daysSeeds);
}
