import type { Finding } from '../engine/finding.js';
import type { Rule, Severity } from '../engine/rule.js';
import type { Report } from '../report.js';

export interface JunitContext {
  /** Every rule: each file gets one test case per rule, passed when the rule found nothing. */
  rules: readonly Rule[];
  /** Findings at or above this severity fail their test case, as they fail the run. */
  failOn: Severity;
}

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/**
 * JUnit XML for Jenkins and GitLab: a test suite per file, a test case per file × rule. Findings
 * below the failing severity pass, listed in the case's system-out.
 */
export function formatJunit(report: Report, context: JunitContext): string {
  const ids = context.rules.map((r) => r.id).sort();
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const { file, findings } of report.files) {
    const byRule = new Map<string, Finding[]>();
    for (const f of findings) byRule.set(f.ruleId, [...byRule.get(f.ruleId) ?? [], f]);
    const cases: string[] = [];
    let failed = 0;
    for (const id of [...new Set([...ids, ...byRule.keys()])].sort()) {
      const found = byRule.get(id) ?? [];
      const failing = found.filter((f) => RANK[f.severity] >= RANK[context.failOn]);
      if (failing.length > 0) failed++;
      cases.push(testCase(file, id, found, failing));
    }
    tests += cases.length;
    failures += failed;
    suites.push(`  <testsuite name="${xml(file)}" tests="${cases.length}" failures="${failed}" errors="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  for (const problem of report.inputProblems) {
    tests++;
    const where = `${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}`;
    suites.push(`  <testsuite name="${xml(problem.file)}" tests="1" failures="0" errors="1">\n`
      + `    <testcase classname="${xml(problem.file)}" name="read" file="${xml(problem.file)}">\n`
      + `      <error message="${xml(problem.message)}">${xml(`${where}: ${problem.message}`)}</error>\n`
      + '    </testcase>\n  </testsuite>');
  }
  const errors = report.inputProblems.length;
  return '<?xml version="1.0" encoding="UTF-8"?>\n'
    + `<testsuites name="klint" tests="${tests}" failures="${failures}" errors="${errors}">\n`
    + (suites.length > 0 ? `${suites.join('\n')}\n` : '')
    + '</testsuites>\n';
}

function testCase(file: string, ruleId: string, found: Finding[], failing: Finding[]): string {
  const open = `    <testcase classname="${xml(file)}" name="${xml(ruleId)}" file="${xml(file)}"`;
  if (found.length === 0) return `${open}/>`;
  const body: string[] = [];
  if (failing.length > 0) {
    const message = failing.length === 1 ? (failing[0] as Finding).message : `${failing.length} findings`;
    const worst = failing.reduce((a, f) => (RANK[f.severity] > RANK[a] ? f.severity : a), failing[0]?.severity ?? 'info');
    body.push(`      <failure type="${worst}" message="${xml(message)}">`
      + `${xml(failing.map((f) => describe(file, f)).join('\n'))}</failure>`);
  }
  const passing = found.filter((f) => !failing.includes(f));
  if (passing.length > 0) body.push(`      <system-out>${xml(passing.map((f) => describe(file, f)).join('\n'))}</system-out>`);
  return `${open}>\n${body.join('\n')}\n    </testcase>`;
}

const describe = (file: string, f: Finding) => `${file}:${f.line}:${f.column}: ${f.severity}: ${f.message} (${f.ruleId})`;

/** Text for XML attributes and content; characters XML 1.0 cannot hold at all become \uXXXX. */
function xml(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
