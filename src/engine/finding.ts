import type { Severity } from './rule.js';

export interface RelatedLocation {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One problem in one file, located and worded; the unit every formatter prints. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  file: string;
  /** 1-based; the end is exclusive. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** The key the finding is about; absent when it concerns the whole file (reported at 1:1). */
  key?: string;
  /** Filled in; a secret value is shown as [hidden]. */
  message: string;
  /** What Kafka does and what breaks, then the one change to make. */
  rationale: string;
  fix: string;
  related?: RelatedLocation[];
}
