import type { Severity } from '../engine/rule.js';
import type { Report } from '../report.js';
import { pathFromRoot, type SourceRoot } from './source-paths.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/**
 * GitHub Actions workflow commands: one annotation per finding, on the file and lines of the
 * pull request. Paths are relative to the repository root, where GitHub looks for them.
 */
export function formatGithub(report: Report, source?: SourceRoot): string {
  const lines: string[] = [];
  for (const { file, findings } of report.files) {
    const path = pathFromRoot(file, source);
    for (const f of findings) {
      const properties = { file: path, line: f.line, col: f.column, endLine: f.endLine, endColumn: f.endColumn, title: `klint (${f.ruleId})` };
      lines.push(command(COMMAND[f.severity], properties, f.message));
    }
  }
  for (const problem of report.inputProblems) {
    const properties = { file: pathFromRoot(problem.file, source), ...(problem.line === undefined ? {} : { line: problem.line }), title: 'klint' };
    lines.push(command('error', properties, problem.message));
  }
  return lines.length > 0 ? lines.join('\n') + '\n' : '';
}

function command(name: string, properties: Record<string, string | number>, message: string): string {
  const list = Object.entries(properties).map(([key, value]) => `${key}=${escapeProperty(String(value))}`).join(',');
  return `::${name} ${list}::${escapeData(message)}`;
}

// The escaping of @actions/core's command.ts: data may not hold % CR LF; properties not , : either.
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
