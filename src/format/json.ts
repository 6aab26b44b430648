import { countFindings, allFindings, type Report } from '../report.js';

export const JSON_REPORT_VERSION = 1;

/**
 * The machine-readable report, documented in the README; other formats derive from the same
 * Report. Findings keep every field of the Finding type, rationale and fix included; `clusters`
 * (lintFiles runs) shows how the files were grouped for the cross-file rules and why.
 */
export function formatJson(report: Report, toolVersion: string): string {
  const counts = countFindings(allFindings(report));
  return JSON.stringify({
    version: JSON_REPORT_VERSION,
    tool: { name: 'klint', version: toolVersion },
    files: report.files.map(({ file, kafkaVersion, mode, findings }) => ({ file, kafkaVersion, mode, findings })),
    inputProblems: report.inputProblems,
    ...(report.clusters ? { clusters: report.clusters } : {}),
    summary: { files: report.files.length, errors: counts.error, warnings: counts.warning, infos: counts.info },
  }, null, 2) + '\n';
}
