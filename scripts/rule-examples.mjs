// Examples for rules that have no `examples` of their own, taken from their fixtures: the
// shortest case that triggers the rule (bad) and the shortest that stays silent (good). The
// build embeds them in the rule set, so --explain, the docs and SARIF help always show both,
// even for rules added without hand-written examples.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const META = /^\s*[#!]\s*(fixture|expect|expect-file):/;
const MAX_LINES = 25;

/** `{ bad, good }` from fixtures/<rule-id>/, or undefined when the rule has no such cases. */
export function examplesFromFixtures(ruleId, fixturesDir) {
  const dir = join(fixturesDir, ruleId);
  if (!existsSync(dir)) return undefined;
  const cases = readdirSync(dir).sort().flatMap((name) => readCase(join(dir, name), name));
  const byLength = (a, b) => a.lines.length - b.lines.length;
  const bad = cases.filter((c) => c.expects.has(ruleId)).sort(byLength)[0];
  const silent = cases.filter((c) => !c.expects.has(ruleId))
    .sort((a, b) => Number(a.expects.size > 0) - Number(b.expects.size > 0) || byLength(a, b))[0];
  return bad && silent ? { bad: render(bad), good: render(silent) } : undefined;
}

/** A single-file case, or a folder of files linted together (a cluster case, sub-folders included). */
function readCase(path, name) {
  if (statSync(path).isDirectory()) {
    const files = propertiesBelow(path).map((f) => ({ name: f, ...readFile(join(path, f)) }));
    if (files.length === 0) return [];
    const sidecar = join(path, 'fixture.json');
    const options = existsSync(sidecar) ? JSON.parse(readFileSync(sidecar, 'utf8')) : {};
    return [{
      options: { ...options, ...files[0].options },
      expects: new Set(files.flatMap((f) => [...f.expects])),
      lines: files.flatMap((f) => [`# ${f.name}`, ...f.lines]),
    }];
  }
  return name.endsWith('.properties') ? [readFile(path)] : [];
}

function propertiesBelow(dir, prefix = '') {
  return readdirSync(join(dir, prefix)).sort().flatMap((name) => {
    const relative = prefix ? `${prefix}/${name}` : name;
    if (statSync(join(dir, relative)).isDirectory()) return propertiesBelow(dir, relative);
    return name.endsWith('.properties') ? [relative] : [];
  });
}

function readFile(path) {
  // Shown as the editor shows it (UTF-8); an invisible byte order mark is named instead.
  const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '# (this file starts with a UTF-8 byte order mark)\n');
  const lines = text.replace(/\r\n?/g, '\n').replace(/\n$/, '').split('\n');
  const expects = new Set();
  let options = {};
  for (const line of lines) {
    const meta = /^\s*[#!]\s*(fixture|expect|expect-file):\s*(.*)$/.exec(line);
    if (!meta) continue;
    if (meta[1] === 'fixture') options = JSON.parse(meta[2]);
    else for (const id of meta[2].split(',')) expects.add(id.trim());
  }
  const sidecar = path.replace(/\.properties$/, '.expect.json');
  if (existsSync(sidecar)) for (const { rule } of JSON.parse(readFileSync(sidecar, 'utf8'))) expects.add(rule);
  return { options, expects, lines: lines.filter((line) => !META.test(line)) };
}

function render({ options, lines }) {
  const settings = Object.entries(options).map(([name, value]) => `${name} ${value}`).join(', ');
  const shown = lines.length > MAX_LINES ? [...lines.slice(0, MAX_LINES), '# …'] : lines;
  return [...(settings ? [`# klint options: ${settings}`] : []), ...shown].join('\n');
}
