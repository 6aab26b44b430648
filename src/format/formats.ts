import pc from 'picocolors';
import type { Colors } from 'picocolors/types.js';
import type { Rule, Severity } from '../engine/rule.js';
import type { Report } from '../report.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import type { RuleLink } from './rule-docs.js';
import { formatSarif } from './sarif.js';
import type { SourceRoot } from './source-paths.js';
import { formatText } from './text.js';

export const FORMATS = ['text', 'json', 'sarif', 'github', 'junit'] as const;
export type Format = (typeof FORMATS)[number];

/** What the formats need beyond the report; each takes only its part. */
export interface FormatContext {
  toolVersion: string;
  rules: readonly Rule[];
  /** The gate the run fails on: JUnit fails the test cases of findings at or above it. */
  failOn: Severity;
  /** For SARIF and GitHub annotations: paths become relative to the repository root. */
  source?: SourceRoot;
  /** For SARIF's helpUri. */
  docsUrl?: RuleLink;
  /** For text; default no colours. */
  colors?: Colors;
}

/** The report in one format: a pure function of the report and the context. */
export function formatReport(report: Report, format: Format, context: FormatContext): string {
  switch (format) {
    case 'text': return formatText(report, context.colors ?? pc.createColors(false));
    case 'json': return formatJson(report, context.toolVersion);
    case 'sarif': return formatSarif(report, context);
    case 'github': return formatGithub(report, context.source);
    case 'junit': return formatJunit(report, context);
  }
}
