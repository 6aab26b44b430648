// Turns ../shared/kafka-catalog/broker-X.Y.json into the package's data under rules/catalog/:
// one compact table per version plus versions.json (the known versions and, per key, the
// version ranges in which it exists). Run by hand when the shared catalogue changes; the
// output is committed so that the package works without ../shared.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const source = process.argv[2] ?? `${root}../shared/kafka-catalog`;
const out = `${root}rules/catalog`;

const versionOf = (file) => /^broker-(\d+\.\d+)\.json$/.exec(file)?.[1];
const compare = (a, b) => {
  const [am, an] = a.split('.').map(Number);
  const [bm, bn] = b.split('.').map(Number);
  return am - bm || an - bn;
};
const versions = readdirSync(source).map(versionOf).filter(Boolean).sort(compare);

/** The printed default, minus the doc generator's unit note ("30000 (30 seconds)"). */
function normaliseDefault(printed) {
  if (printed === null) return null;
  if (printed === '""') return '';
  return printed.replace(/ \([^)]*\)$/, '');
}

/**
 * Keys whose enum lists MetadataVersion strings: Kafka also accepts a release prefix of any of
 * them ("2.8" for 2.8-IV1, "3.8.1" read as "3.8"), which a plain enum cannot say.
 */
const VERSION_KEYS = new Set(['inter.broker.protocol.version', 'log.message.format.version']);

const presence = new Map();
for (const version of versions) {
  const { configs } = JSON.parse(readFileSync(`${source}/broker-${version}.json`, 'utf8'));
  const keys = {};
  for (const c of configs) {
    const fact = { type: c.type, default: normaliseDefault(c.default) };
    if (c.required) fact.required = true;
    for (const field of ['min', 'max', 'alsoAllowed', 'enum', 'caseInsensitive']) {
      if (c[field] !== undefined) fact[field] = c[field];
    }
    if (c.validValues && !c.enum) fact.validValues = c.validValues;
    if (VERSION_KEYS.has(c.name)) fact.versionEnum = true;
    if (c.deprecated) fact.deprecated = true;
    fact.updateMode = c.updateMode;
    fact.importance = c.importance;
    keys[c.name] = fact;
    if (!presence.has(c.name)) presence.set(c.name, []);
    presence.get(c.name).push(version);
  }
  writeFileSync(`${out}/broker-${version}.json`,
    JSON.stringify({ kafkaVersion: version, source: `kafka-site generated kafka_config.html (${version})`, keys }) + '\n');
}

/** [since, until) ranges of consecutive catalogue versions; until null = still present. */
function ranges(present) {
  const result = [];
  let start = null;
  versions.forEach((version, i) => {
    const here = present.includes(version);
    if (here && start === null) start = version;
    if (!here && start !== null) { result.push([start, version]); start = null; }
    if (here && i === versions.length - 1) result.push([start, null]);
  });
  return result;
}
const history = Object.fromEntries([...presence].sort(([a], [b]) => a.localeCompare(b))
  .map(([key, present]) => [key, ranges(present)]));
writeFileSync(`${out}/versions.json`, JSON.stringify({ versions, history }, null, 0) + '\n');
console.log(`catalogue: ${versions.length} versions (${versions.join(', ')}), ${presence.size} keys`);
