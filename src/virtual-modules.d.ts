/** Where the phrase index keeps closed periods, set by the phrase-index integration (`src/integrations/phrase-index.ts`). */
declare module 'virtual:xinhua/phrase-cache' {
  /** The folder of kept closed periods, inside Astro's cache folder. */
  export const periodsFolder: string;
  /** The project root, whose `src/` and lock file the kept periods' code digest covers. */
  export const codeRoot: string;
}
