import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { configJsonSchema } from '../../../../lib/core/config/index.ts';

const example = parse(readFileSync(new URL('../../../../crmflow.config.yaml', import.meta.url), 'utf8')) as Record<
  string,
  unknown
>;

describe('the JSON Schema for editors', () => {
  const validate = new Ajv({ strict: false, allErrors: true }).compile(configJsonSchema());

  it('accepts the example config', () => {
    expect(validate(example), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects what the zod schema rejects on shape: bad durations, ranges, unknown keys', () => {
    const broken = structuredClone(example) as any;
    broken.escalation[0].tiers[0].after = '4x';
    expect(validate(broken)).toBe(false);
    const badRange = structuredClone(example) as any;
    badRange.calendars['support-fi'].hours.mon = ['8-17'];
    expect(validate(badRange)).toBe(false);
    const unknownKey = structuredClone(example) as any;
    unknownKey.calendars['support-fi'].timzone = 'UTC';
    expect(validate(unknownKey)).toBe(false);
  });
});
