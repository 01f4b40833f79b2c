import { describe, expect, it } from 'vitest';
import { blankTemplate, TEMPLATE_KINDS } from './blank-template';
import { parseTemplate } from './validate';

describe('blank templates', () => {
  it.each(TEMPLATE_KINDS)('a blank %s template validates with no findings', (kind) => {
    const doc = blankTemplate({ kind, name: `New ${kind}` });
    const parsed = parseTemplate({ doc });
    expect(parsed.findings).toEqual([]);
    expect(parsed.ok && parsed.template).toMatchObject({ kind, name: `New ${kind}` });
  });

  it('gives a recon two sources left and right matched on one key, and N-way three', () => {
    expect(blankTemplate({ kind: 'recon', name: 'R' })).toMatchObject({
      sources: [{ name: 'left' }, { name: 'right' }],
      match: { sources: ['left', 'right'], keys: [{ name: 'Key', formulas: { left: '[Key]', right: '[Key]' } }], rules: [] },
    });
    expect(blankTemplate({ kind: 'nway', name: 'N' }).match?.sources).toHaveLength(3);
    expect(blankTemplate({ kind: 'mapping', name: 'M' }).match).toBeUndefined();
  });
});
