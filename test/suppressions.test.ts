import { describe, expect, it } from 'vitest';
import { parseDirectives } from '../src/config/directives.js';
import { lintText, type LintOptions } from '../src/index.js';
import { onlyRules } from './support/samples.js';

/** Every rule off but these and the two directive rules. */
const only = (...ids: string[]) => onlyRules(...ids, 'unused-suppression', 'unknown-rule-in-directive');

const found = (lines: string[], options: LintOptions = {}) =>
  lintText(lines.join('\n'), { kafkaVersion: '3.9', rules: only('unknown-key', 'deprecated-key'), ...options })
    .findings.map((f) => `${f.line} ${f.ruleId} ${f.severity}`);

describe('reading directives', () => {
  it('reads the kind, the comma-separated ids and stops at the -- reason', () => {
    const comments = [
      '# klint-disable-next-line unknown-key, deprecated-key -- read by our plug-in, see OPS-12',
      '!klint-disable unknown-key',
      '#   klint-enable unknown-key --',
      '# klint-disable-file duplicate-key--not-a-reason',
      '# klint-disable-next-line -- only a reason',
      '# klint-disabled unknown-key',
      '# see klint-disable-file in the docs',
    ].map((text, i) => ({ text, line: i + 1 }));
    expect(parseDirectives(comments).map(({ kind, ids, line }) => ({ kind, ids, line }))).toEqual([
      { kind: 'disable-next-line', ids: ['unknown-key', 'deprecated-key'], line: 1 },
      { kind: 'disable', ids: ['unknown-key'], line: 2 },
      { kind: 'enable', ids: ['unknown-key'], line: 3 },
      { kind: 'disable-file', ids: ['duplicate-key--not-a-reason'], line: 4 },
      { kind: 'disable-next-line', ids: [], line: 5 },
    ]);
  });
});

describe('suppressing findings', () => {
  it('silences only the next entry, only for the rules named', () => {
    expect(found([
      '# klint-disable-next-line unknown-key -- plug-in keys',
      '',
      '# an ordinary comment between the directive and its entry',
      'acme.one=1',
      'acme.two=2',
    ])).toEqual(['5 unknown-key warning']);
  });

  it('silences a range up to klint-enable, and to the end of the file without one', () => {
    expect(found([
      'acme.before=1',
      '# klint-disable unknown-key',
      'acme.inside=1',
      '# klint-enable unknown-key',
      'acme.after=1',
      '# klint-disable unknown-key',
      'acme.tail=1',
    ])).toEqual(['1 unknown-key warning', '5 unknown-key warning']);
  });

  it('beats every severity setting, and counts as used even when the rule is turned off', () => {
    const lines = ['# klint-disable-file unknown-key', 'acme.one=1'];
    expect(found(lines, { rules: { ...only('unknown-key'), 'unknown-key': 'error' } })).toEqual([]);
    expect(found(lines, { rules: { ...only('unknown-key'), 'unknown-key': 'off' } })).toEqual([]);
    expect(found(lines, { profile: 'development' })).toEqual([]);
  });

  it('reports directives that suppress nothing or name no real rule, at the directive', () => {
    expect(found([
      '# klint-disable-next-line unknown-key, deprecated-key',
      'acme.one=1',
      '# klint-disable-file unknwn-key',
    ])).toEqual(['1 unused-suppression warning', '3 unknown-rule-in-directive warning']);
  });

  it('lets the directive rules themselves be re-graded, turned off or suppressed', () => {
    const lines = ['# klint-disable-next-line unknown-key', 'num.partitions=3'];
    expect(found(lines, { rules: { ...only('unknown-key'), 'unused-suppression': 'error' } })).toEqual(['1 unused-suppression error']);
    expect(found(lines, { rules: { ...only('unknown-key'), 'unused-suppression': 'off' } })).toEqual([]);
    expect(found(['# klint-disable-file unused-suppression', ...lines])).toEqual([]);
  });

  it('quotes the directive and suggests the rule id meant', () => {
    const [finding] = lintText('# klint-disable-next-line duplicate-kye\nnum.partitions=3\n', { rules: only() }).findings;
    expect(finding?.message).toBe('klint-disable-next-line names "duplicate-kye", which is not a klint rule (did you mean duplicate-key?), so it suppresses nothing');
  });
});
