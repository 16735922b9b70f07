import { defineCollection } from 'astro:content';
import { articleRecordSchema } from './lib/schema.ts';
import { seedLoader } from './loaders/seed-loader.ts';

/** Every item of every seed: one entry per article record. */
const articles = defineCollection({
  loader: seedLoader({ dir: process.env.SEEDS_DIR ?? 'seeds', strict: process.env.STRICT === '1' }),
  schema: articleRecordSchema,
});

export const collections = { articles };
