import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { Finding } from '../engine/finding.js';
import type { Rule, Severity } from '../engine/rule.js';
import type { Report } from '../report.js';
import { ruleMarkdown, type RuleLink } from './rule-docs.js';
import { pathFromRoot, type SourceRoot } from './source-paths.js';

export interface SarifContext {
  toolVersion: string;
  /** The whole rule set: every rule is described, so a rule's index is stable between runs. */
  rules: readonly Rule[];
  /** Paths in the report are made relative to the repository root, as code scanning requires. */
  source?: SourceRoot;
  /** The published page of a rule, for helpUri; absent = the help text only. */
  docsUrl?: RuleLink;
}

const LEVEL: Record<Severity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };
// GitHub code scanning shows this as the alert's severity for tools that are not security scanners.
const PROBLEM_SEVERITY: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'recommendation' };

/**
 * SARIF 2.1.0 as GitHub code scanning reads it. Fingerprints hash the rule, file and key (and
 * the finding's ordinal among equal ones), never a value, so an alert keeps its identity when
 * lines move or the value changes.
 */
export function formatSarif(report: Report, context: SarifContext): string {
  const rules = [...context.rules].sort((a, b) => a.id.localeCompare(b.id));
  const ruleIndex = new Map(rules.map((rule, index) => [rule.id, index]));
  const results: Result[] = [];
  for (const { file, findings } of report.files) {
    const uri = uriOf(file, context.source);
    const seen = new Map<string, number>();
    for (const finding of findings) {
      const identity = `${finding.ruleId}\0${uri}\0${finding.key ?? ''}`;
      const ordinal = seen.get(identity) ?? 0;
      seen.set(identity, ordinal + 1);
      results.push(result(finding, uri, ruleIndex.get(finding.ruleId), fingerprint(`${identity}\0${ordinal}`), context.source));
    }
  }
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'klint',
          version: context.toolVersion,
          semanticVersion: context.toolVersion,
          rules: rules.map((rule) => descriptor(rule, context.docsUrl)),
        },
      },
      invocations: [{
        executionSuccessful: report.inputProblems.length === 0,
        toolExecutionNotifications: report.inputProblems.map((problem) => ({
          level: 'error',
          message: { text: problem.message },
          locations: [location(uriOf(problem.file, context.source), problem.line === undefined ? undefined : { startLine: problem.line })],
        })),
      }],
      columnKind: 'utf16CodeUnits',
      results,
    }],
  };
  return JSON.stringify(log, null, 2) + '\n';
}

function descriptor(rule: Rule, docsUrl: RuleLink | undefined): ReportingDescriptor {
  const link: RuleLink = docsUrl ? (id) => `[${id}](${docsUrl(id)})` : (id) => `\`${id}\``;
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()),
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.rationale },
    help: { text: `${rule.rationale}\n\nFix: ${rule.fix}`, markdown: ruleMarkdown(rule, link) },
    ...(docsUrl ? { helpUri: docsUrl(rule.id) } : {}),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: { tags: ['kafka', rule.category], precision: 'very-high', 'problem.severity': PROBLEM_SEVERITY[rule.severity] },
  };
}

function result(finding: Finding, uri: string, index: number | undefined, hash: string, source: SourceRoot | undefined): Result {
  return {
    ruleId: finding.ruleId,
    ...(index === undefined ? {} : { ruleIndex: index }),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [location(uri, {
      startLine: finding.line, startColumn: finding.column, endLine: finding.endLine, endColumn: finding.endColumn,
    })],
    partialFingerprints: { 'klintFindingHash/v1': hash },
    ...(finding.related?.length ? {
      relatedLocations: finding.related.map((r, i) => ({
        id: i + 1,
        message: { text: r.message },
        physicalLocation: { artifactLocation: { uri: uriOf(r.file, source) }, region: { startLine: r.line, startColumn: r.column } },
      })),
    } : {}),
  };
}

function location(uri: string, region: { startLine: number; startColumn?: number; endLine?: number; endColumn?: number } | undefined) {
  return { physicalLocation: { artifactLocation: { uri }, ...(region ? { region } : {}) } };
}

/** A repository-relative URI reference; a file outside the repository gets a file: URI. */
function uriOf(file: string, source: SourceRoot | undefined): string {
  const path = pathFromRoot(file, source);
  if (path.startsWith('/')) return pathToFileURL(path).href;
  return path.split('/').map(encodeURIComponent).join('/');
}

function fingerprint(identity: string): string {
  return createHash('sha256').update(identity).digest('hex').slice(0, 32);
}
