import type { Colors } from 'picocolors/types.js';
import type { Severity } from '../engine/rule.js';
import { oneLine } from '../output.js';
import { allFindings, countFindings, type Report } from '../report.js';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The terminal view: findings grouped by file as `line:col  severity  message  rule-id`. A file
 * name and a message (which may quote a value, `\u001b` decoded) go through oneLine, so that
 * no control character in them can drive the terminal or split a line.
 */
export function formatText(report: Report, colors: Colors): string {
  const paint: Record<Severity, (s: string) => string> = { error: colors.red, warning: colors.yellow, info: colors.blue };
  const lines: string[] = [];
  for (const { file, kafkaVersion, mode, findings } of report.files) {
    if (findings.length === 0) continue;
    lines.push(`${colors.underline(oneLine(file))} ${colors.dim(`(Kafka ${kafkaVersion}, ${mode})`)}`);
    const positions = findings.map((f) => `${f.line}:${f.column}`);
    const width = Math.max(...positions.map((p) => p.length));
    findings.forEach((f, i) => {
      const position = (positions[i] as string).padEnd(width);
      lines.push(`  ${colors.dim(position)}  ${paint[f.severity](f.severity.padEnd(7))}  ${oneLine(f.message)}  ${colors.dim(f.ruleId)}`);
    });
    lines.push('');
  }
  const counts = countFindings(allFindings(report));
  const total = counts.error + counts.warning + counts.info;
  const files = plural(report.files.length, 'file');
  // An input klint could not read fails the run: the summary must not look clean.
  const unread = report.inputProblems.length === 0 ? '' : `; ${plural(report.inputProblems.length, 'input')} could not be linted`;
  if (total === 0 && unread === '') {
    lines.push(colors.green(`✔ ${files} checked: no problems`));
  } else if (total === 0) {
    lines.push(colors.red(`✖ ${files} checked${unread}`));
  } else {
    const summary = `${plural(total, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warning, 'warning')}, ${plural(counts.info, 'info')}) in ${files}${unread}`;
    lines.push((counts.error > 0 || unread !== '' ? colors.red : colors.yellow)(`✖ ${summary}`));
  }
  return lines.join('\n') + '\n';
}
