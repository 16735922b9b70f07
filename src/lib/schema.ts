import { z } from 'zod';
import type { ArticleRecord, Credit, Dateline, Diagnostic } from './types.ts';

const isoDate = z.iso.date();

/** Schema of a credit line (byline or photo credit). */
export const creditSchema = z.strictObject({
  raw: z.string().min(1),
  agency: z.string().min(1).exactOptional(),
  role: z.string().min(1).exactOptional(),
  names: z.array(z.string().min(1)),
  position: z.enum(['top', 'lead', 'end']).exactOptional(),
}) satisfies z.ZodType<Credit>;

/** Schema of a dateline. */
export const datelineSchema = z.strictObject({
  raw: z.string().min(1),
  agency: z.string().min(1),
  place: z.string().min(1).exactOptional(),
  month: z.int().min(1).max(12).exactOptional(),
  day: z.int().min(1).max(31).exactOptional(),
  kind: z.string().min(1),
  position: z.enum(['lead', 'end']),
}) satisfies z.ZodType<Dateline>;

/** The one schema of an article record: the parser validates with it, the Astro collection uses it. */
export const articleRecordSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
  seed: z.string().min(1),
  seedId: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
  order: z.int().min(1),
  line: z.int().min(1),
  kind: z.enum(['article', 'photo']),
  kicker: z.string().min(1).exactOptional(),
  headline: z.string(),
  subheadline: z.string().min(1).exactOptional(),
  byline: creditSchema.exactOptional(),
  dateline: datelineSchema.exactOptional(),
  date: isoDate.nullable(),
  dateSource: z.enum(['front-matter', 'file-name', 'text', 'none']),
  sections: z.array(
    z.strictObject({
      heading: z.string().min(1).exactOptional(),
      paragraphs: z.array(z.string().min(1)),
    }),
  ),
  photos: z.array(z.strictObject({ caption: z.string(), credit: creditSchema.exactOptional() })),
  issue: z.strictObject({
    date: isoDate.nullable(),
    page: z.string().min(1).exactOptional(),
    section: z.string().min(1).exactOptional(),
    paper: z.string().min(1).exactOptional(),
  }),
}) satisfies z.ZodType<ArticleRecord>;

/** Schema of a diagnostic. */
export const diagnosticSchema = z.strictObject({
  file: z.string(),
  line: z.int().min(0),
  rule: z.string().regex(/^[a-z-]+\/[a-z-]+$/),
  severity: z.enum(['error', 'warning']),
  message: z.string().min(1),
}) satisfies z.ZodType<Diagnostic>;
