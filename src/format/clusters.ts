import type { Colors } from 'picocolors/types.js';
import { oneLine } from '../output.js';
import type { Report } from '../report.js';

/** `--print-clusters`: each cluster, why its files are together and the broker count used; JSON on request. */
export function formatClusters(report: Report, json: boolean, colors: Colors): string {
  const clusters = report.clusters ?? [];
  if (json) return JSON.stringify({ clusters }, null, 2) + '\n';
  const lines: string[] = [];
  for (const cluster of clusters) {
    const size = `${cluster.brokers} broker${cluster.brokers === 1 ? '' : 's'}`
      + `${cluster.brokersDeclared ? ' (declared)' : cluster.sizeKnown || cluster.brokers === 0 ? '' : ', maybe templates: size rules silent without --brokers'}`;
    lines.push(`${colors.bold(cluster.name)} ${colors.dim(`(${cluster.files.length} file${cluster.files.length === 1 ? '' : 's'}, ${size})`)}`);
    lines.push(`  ${colors.dim('why:')} ${oneLine(cluster.reason)}`);
    for (const file of cluster.files) lines.push(`  ${oneLine(file)}`);
    lines.push('');
  }
  return lines.join('\n');
}
