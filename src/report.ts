import type { Finding } from './engine/finding.js';
import type { Severity } from './engine/rule.js';
import type { Mode } from './model/mode.js';

export interface FileReport {
  file: string;
  kafkaVersion: string;
  mode: Mode;
  findings: Finding[];
}

/** A file klint could not lint (missing, unreadable, binary, too large). */
export interface InputProblem {
  file: string;
  line?: number;
  message: string;
}

/** Files lintFiles linted together as one Kafka cluster, and why (see docs/cluster.md). */
export interface ClusterReport {
  name: string;
  files: string[];
  /** What the files share (zookeeper.connect, voters, bootstrap servers) or `--cluster`. */
  reason: string;
  /** The broker count the replication rules used. */
  brokers: number;
  /** Whether that count was declared (`--brokers`, config file) rather than counted. */
  brokersDeclared: boolean;
  /**
   * Whether the size rules used the count: it was declared, or two or more broker files name
   * their node. Otherwise the files may be templates and those rules stayed silent.
   */
  sizeKnown: boolean;
}

/** Everything one run found: the unit formatters print and the exit code is decided from. */
export interface Report {
  files: FileReport[];
  inputProblems: InputProblem[];
  /** lintFiles only: how the files were grouped into clusters for the cross-file rules. */
  clusters?: ClusterReport[];
}

export type Counts = Record<Severity, number>;

export function countFindings(findings: readonly Finding[]): Counts {
  const counts: Counts = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

export function allFindings(report: Report): Finding[] {
  return report.files.flatMap((f) => f.findings);
}
