import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { soqlDateTime, soqlString } from '../../../../lib/crm/salesforce/soql.ts';
import { tokenize } from '../../../../lib/local/emulator/salesforce/soql/lexer.ts';

describe('SOQL literals', () => {
  it('quotes any string so that it reads back as itself', () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        const [token, end] = tokenize(soqlString(value));
        expect(token).toMatchObject({ kind: 'string', value });
        expect(end?.kind).toBe('end');
      }),
    );
    expect(soqlString("O'Brien \\ co")).toBe("'O\\'Brien \\\\ co'");
  });

  it('writes datetimes in the documented form, whole seconds', () => {
    expect(soqlDateTime(Date.parse('2026-12-02T07:00:00.999Z'))).toBe('2026-12-02T07:00:00Z');
  });
});
