import { z } from 'zod';
import type { ArticleRecord, Credit, Dateline, Diagnostic, Jump, Person } from './types.ts';

const isoDate = z.iso.date();

/**
 * The schemas below and the interfaces of `types.ts` are tied both ways: `satisfies` makes each
 * schema's output a valid type, and `tests/parser/schema.test.ts` fails when a field is in one
 * but not the other.
 */

/** Schema of a person named in a credit. */
export const personSchema = z.strictObject({
  name: z.string().min(1),
  role: z.string().min(1).exactOptional(),
}) satisfies z.ZodType<Person>;

/** Schema of a credit line (byline or photo credit). */
export const creditSchema = z.strictObject({
  raw: z.string().min(1),
  agency: z.string().min(1).exactOptional(),
  column: z.string().min(1).exactOptional(),
  role: z.string().min(1).exactOptional(),
  names: z.array(z.string().min(1)),
  people: z.array(personSchema),
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
  credit: creditSchema.exactOptional(),
}) satisfies z.ZodType<Dateline>;

/** Schema of a jump line. */
export const jumpSchema = z.strictObject({
  direction: z.enum(['to', 'from']),
  page: z.string().min(1),
  raw: z.string().min(1),
}) satisfies z.ZodType<Jump>;

/** The one schema of an article record: the parser validates with it, the Astro collection uses it. */
export const articleRecordSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
  seed: z.string().min(1),
  seedId: z.string().regex(/^[a-z0-9][a-z0-9_-]*$/),
  order: z.int().min(1),
  line: z.int().min(1),
  kind: z.enum(['article', 'photo']),
  column: z.string().min(1).exactOptional(),
  kicker: z.string().min(1).exactOptional(),
  headline: z.string(),
  subheadline: z.string().min(1).exactOptional(),
  byline: creditSchema.exactOptional(),
  dateline: datelineSchema.exactOptional(),
  datelines: z.array(datelineSchema).min(1).exactOptional(),
  jumps: z.array(jumpSchema).min(1).exactOptional(),
  date: isoDate.nullable(),
  dateSource: z.enum(['front-matter', 'file-name', 'text', 'none']),
  yearSource: z.enum(['front-matter', 'file-name', 'text']).exactOptional(),
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
  rule: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/),
  severity: z.enum(['error', 'warning']),
  message: z.string().min(1),
}) satisfies z.ZodType<Diagnostic>;
