import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseSeed, type ArticleRecord } from '../../src/lib/index.ts';
import { archiveIndex, recordJsonSchema, recordsByMonth } from '../../src/site/api.ts';
import { fixtureCases } from '../helpers/fixtures.ts';

const records: ArticleRecord[] = fixtureCases().flatMap((fixture) => parseSeed(fixture.input).articles);

describe('the JSON API contract', () => {
  const schema = recordJsonSchema('https://example.org/api/v1/record.schema.json');
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(schema);

  it('has records to check: the real seed and every fixture', () => {
    expect(records.filter((r) => r.seed === '000_3fa1046521e36f31.txt')).toHaveLength(6);
    expect(new Set(records.map((r) => r.seed)).size).toBeGreaterThan(20);
  });
  it('validates every record of the real seed and the fixtures against the generated JSON Schema', () => {
    for (const record of records)
      expect(validate(record), `${record.id}: ${JSON.stringify(validate.errors)}`).toBe(true);
  });
  it('rejects what the zod schema rejects: a missing field, an unknown one, a bad date', () => {
    const [record] = records as [ArticleRecord];
    const { headline: _, ...noHeadline } = record;
    expect(validate(noHeadline)).toBe(false);
    expect(validate({ ...record, extra: 1 })).toBe(false);
    expect(validate({ ...record, date: '2026-4-1' })).toBe(false);
  });
  it('splits the records by month, newest first, undated last, and indexes the months', () => {
    const months = recordsByMonth([...records].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '')));
    const keys = months.map(([month]) => month);
    expect(keys.at(-1)).toBe('undated');
    expect(keys.slice(0, -1)).toEqual([...keys.slice(0, -1)].sort().reverse());
    expect(months.reduce((n, [, items]) => n + items.length, 0)).toBe(records.length);
    const index = archiveIndex(records, (path) => `https://example.org${path}`);
    expect(index.version).toBe(1);
    expect(index.months.find((m) => m.month === '2026-04')?.url).toBe(
      'https://example.org/api/v1/archive/2026/04.json',
    );
    expect(index.months.find((m) => m.month === 'undated')?.url).toBe(
      'https://example.org/api/v1/archive/undated.json',
    );
  });
});
