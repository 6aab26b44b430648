// Writes docs/rules/<id>.md for every rule, and docs/rules/README.md listing them, from the
// built rule set (run `npm run build` first: it embeds the fixture-derived examples). Run it
// whenever a rule changes; test/ruleset.test.ts fails while the pages are stale.
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = `${root}docs/rules`;

if (!existsSync(`${root}src/engine/generated/ruleset.cjs`)) {
  console.error('gen-docs: run `npm run build` first');
  process.exit(2);
}

// The page renderer is TypeScript (src/format/rule-docs.ts, shared with SARIF's help text):
// bundle it with the rule set into one module and import that.
const bundle = `${root}node_modules/.cache/klint/gen-docs.mjs`;
await build({
  stdin: {
    contents: "export { rules } from './src/engine/ruleset.ts'; export { ruleMarkdown, rulesIndexMarkdown } from './src/format/rule-docs.ts';",
    resolveDir: root,
    loader: 'ts',
  },
  outfile: bundle,
  bundle: true,
  platform: 'node',
  format: 'esm',
  logLevel: 'warning',
  banner: { js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);" },
});
const { rules, ruleMarkdown, rulesIndexMarkdown } = await import(pathToFileURL(bundle).href);

mkdirSync(out, { recursive: true });
const pages = new Map(rules.map((rule) => [`${rule.id}.md`, ruleMarkdown(rule)]));
pages.set('README.md', rulesIndexMarkdown(rules));
for (const name of readdirSync(out)) if (name.endsWith('.md') && !pages.has(name)) rmSync(`${out}/${name}`);
for (const [name, text] of pages) writeFileSync(`${out}/${name}`, text);
console.log(`gen-docs: ${pages.size - 1} rule pages in docs/rules/`);
