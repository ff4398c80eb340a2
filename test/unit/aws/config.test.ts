import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../../lib/aws/config.ts';

const example: unknown = parse(readFileSync(new URL('../../../crmflow.config.yaml', import.meta.url), 'utf8'));

describe('readConfig (the config compiled into the bundle)', () => {
  it('validates the JSON string the define put in', () => {
    const config = readConfig(JSON.stringify(example));
    expect(Object.keys(config.calendars)).toContain('support-fi');
  });

  it('takes an object literal as it is (a define of the object rather than of its string)', () => {
    expect(readConfig(example)).toEqual(readConfig(JSON.stringify(example)));
  });

  it('fails naming the variable when it is absent', () => {
    expect(() => readConfig(undefined)).toThrow(/^CRMFLOW_CONFIG_JSON is not set: .*CDK construct/);
  });

  it('fails naming the variable when it is not JSON or not a valid config, with the problems', () => {
    expect(() => readConfig('calendars: {}')).toThrow('CRMFLOW_CONFIG_JSON is not valid JSON');
    expect(() => readConfig(JSON.stringify({ calendars: {}, crm: {}, surprise: 1 }))).toThrow(
      /^CRMFLOW_CONFIG_JSON does not hold a valid crmflow config:\n {2}\S/,
    );
  });
});
