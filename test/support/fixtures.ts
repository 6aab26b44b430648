import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { decodeLatin1, parseProperties } from '../../src/parse/properties.js';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const fixturesDir = join(repoRoot, 'fixtures');

export interface FixtureCase {
  /** Path relative to the repository root, as findings name it. */
  file: string;
  rule: string;
  bytes: Uint8Array;
  options: Record<string, unknown>;
  /** Expected `rule@line` findings, one entry per expected finding. */
  expected: string[];
}

/** Every single-file case under fixtures/<rule-id>/ (cluster cases are folders, read elsewhere). */
export function fixtureCases(): FixtureCase[] {
  if (!existsSync(fixturesDir)) return [];
  const cases: FixtureCase[] = [];
  for (const rule of readdirSync(fixturesDir).sort()) {
    if (rule === 'examples') continue;
    const dir = join(fixturesDir, rule);
    if (!statSync(dir).isDirectory()) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!name.endsWith('.properties')) continue;
      const path = join(dir, name);
      cases.push(readCase(path, rule));
    }
  }
  return cases;
}

/**
 * Reads a case's expectations: `# expect: id[, id…]` applies to the next entry line,
 * `# expect-file: id` to 1:1, a first-line `# fixture: {json}` sets options, and a sidecar
 * `<case>.expect.json` (`[{"rule", "line"}]`) serves files that cannot hold comments.
 */
export function readCase(path: string, rule: string): FixtureCase {
  const bytes = readFileSync(path);
  const text = decodeLatin1(bytes);
  const parsed = parseProperties(text);
  const entryLines = [...parsed.entries.values()]
    .flatMap((entry) => [entry, ...entry.earlier].map((e) => e.keyRange.line)).sort((a, b) => a - b);
  const expected: string[] = [];
  let options: Record<string, unknown> = {};
  for (const comment of parsed.comments) {
    const body = comment.text.replace(/^[#!]\s*/, '');
    const fixture = /^fixture:\s*(\{.*\})\s*$/.exec(body);
    if (fixture && comment.line === 1) options = JSON.parse(fixture[1] as string) as Record<string, unknown>;
    const file = /^expect-file:\s*(.+)$/.exec(body);
    if (file) expected.push(...ids(file[1] as string).map((id) => `${id}@1`));
    const next = /^expect:\s*(.+)$/.exec(body);
    if (next) {
      const line = entryLines.find((l) => l > comment.line);
      if (line === undefined) throw new Error(`${path}:${comment.line}: "# expect:" with no entry after it`);
      expected.push(...ids(next[1] as string).map((id) => `${id}@${line}`));
    }
  }
  const sidecar = path.replace(/\.properties$/, '.expect.json');
  if (existsSync(sidecar)) {
    const listed = JSON.parse(readFileSync(sidecar, 'utf8')) as { rule: string; line: number }[];
    expected.push(...listed.map((e) => `${e.rule}@${e.line}`));
  }
  return { file: relative(repoRoot, path), rule, bytes, options, expected: expected.sort() };
}

const ids = (list: string) => list.split(',').map((id) => id.trim()).filter(Boolean);

/** A cluster case: a folder of files (sub-folders included) linted together with lintFiles. */
export interface ClusterFixtureCase {
  /** The folder, relative to the repository root. */
  dir: string;
  rule: string;
  /** Paths relative to the repository root, as findings name them. */
  files: string[];
  /** A `fixture.json` in the folder, merged with every file's first-line `# fixture: {json}`. */
  options: Record<string, unknown>;
  /** Expected `rule@file:line` findings of the cross-file rules across the folder's files (per-file rules are not matched here). */
  expected: string[];
}

/** Every folder case under fixtures/<rule-id>/<case>/. */
export function clusterFixtureCases(): ClusterFixtureCase[] {
  if (!existsSync(fixturesDir)) return [];
  const cases: ClusterFixtureCase[] = [];
  for (const rule of readdirSync(fixturesDir).sort()) {
    const ruleDir = join(fixturesDir, rule);
    if (rule === 'examples' || !statSync(ruleDir).isDirectory()) continue;
    for (const name of readdirSync(ruleDir).sort()) {
      const dir = join(ruleDir, name);
      if (statSync(dir).isDirectory()) cases.push(readClusterCase(dir, rule));
    }
  }
  return cases;
}

function readClusterCase(dir: string, rule: string): ClusterFixtureCase {
  const sidecar = join(dir, 'fixture.json');
  let options: Record<string, unknown> = existsSync(sidecar) ? JSON.parse(readFileSync(sidecar, 'utf8')) as Record<string, unknown> : {};
  const files: string[] = [];
  const expected: string[] = [];
  for (const path of propertiesFilesBelow(dir)) {
    const single = readCase(path, rule);
    options = { ...options, ...single.options };
    files.push(single.file);
    expected.push(...single.expected.map((e) => e.replace(/@(\d+)$/, `@${single.file}:$1`)));
  }
  return { dir: relative(repoRoot, dir), rule, files, options, expected: expected.sort() };
}

function propertiesFilesBelow(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return propertiesFilesBelow(path);
    return name.endsWith('.properties') ? [path] : [];
  });
}
