import type { Mode } from '../model/mode.js';

export type Severity = 'error' | 'warning' | 'info';

export const CATEGORIES = ['keys', 'parser', 'replication', 'zookeeper', 'kraft', 'listeners', 'security',
  'storage', 'timeouts', 'versions', 'cluster', 'directives'] as const;
export type Category = (typeof CATEGORIES)[number];

/** A rule as it stands in rules/<id>.json, minus its schema (compiled at build time). */
export interface Rule {
  id: string;
  severity: Severity;
  category: Category;
  summary: string;
  /** The finding's text with `{placeholders}`; see engine/message.ts. */
  message: string;
  rationale: string;
  fix: string;
  versions?: { since?: string; until?: string };
  modes?: Mode[];
  /** Keys the rule reads: it runs only when the file sets one of them. */
  keys?: string[];
  /** Severity per profile, where the profile relaxes or raises the rule. */
  profiles?: Partial<Record<string, Severity | 'off'>>;
  /** Whether the rule has a JSON Schema (its validator is precompiled). */
  schema?: true;
  check?: { name: string; params?: Record<string, unknown> };
  /** `cluster`: the check is a cross-file one (src/cluster/registry.ts), run on each cluster of a lintFiles run. */
  scope?: 'file' | 'cluster';
  parser?: true;
  /** The filter stage emits the rule's findings (problems with inline klint directives). */
  filter?: true;
  /** Where a schema or check finding points by default: the key itself or its value. */
  at?: 'key' | 'value';
  docs?: { references?: string[]; related?: string[] };
  examples?: { bad: string; good: string };
  replacedBy?: string;
}
