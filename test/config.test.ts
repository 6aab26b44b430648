import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Ajv } from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findConfig, parseConfig, type ConfigFiles } from '../src/config/file.js';
import { configResolver } from '../src/config/resolve.js';
import { ConfigError, lintFiles, lintText, loadConfig, type LoadedConfig, type Report } from '../src/index.js';
import { repoRoot } from './support/fixtures.js';
import { CLEAN_BROKER } from './support/samples.js';

/** A clean broker config plus a typo (unknown-key, a warning) on line 9. */
const TYPO = [...CLEAN_BROKER, 'brocker.rack=a', ''].join('\n');

const problemOf = (path: string, text: string): string => {
  try {
    parseConfig(path, text);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as Error).message;
  }
  throw new Error('no ConfigError');
};

describe('reading a config file', () => {
  it('accepts every setting of klint.schema.json', () => {
    const loaded = parseConfig('/repo/.klintrc.json', JSON.stringify({
      $schema: './node_modules/klint/klint.schema.json',
      kafkaVersion: '3.9', profile: 'development', brokers: 3,
      rules: { 'unknown-key': 'off', 'duplicate-key': 'error' },
      ignore: ['templates/**'],
      overrides: [{ files: 'dev/**', profile: 'development' }, { files: ['a.properties'], rules: { 'deprecated-key': 'info' } }],
    }));
    expect(loaded).toMatchObject({ path: '/repo/.klintrc.json', dir: '/repo', config: { kafkaVersion: '3.9', brokers: 3 } });
  });

  it('names the file and the exact problem', () => {
    expect(problemOf('/r/.klintrc.json', '{"rules": {"unknown-key": "of"}}'))
      .toBe('/r/.klintrc.json: rules.unknown-key is "of": must be one of off, info, warning, error');
    expect(problemOf('/r/.klintrc.json', '{"profle": "development"}'))
      .toBe('/r/.klintrc.json: unknown setting "profle" (did you mean profile?)');
    expect(problemOf('/r/.klintrc.json', '{"rules": {"unknown-kye": "off"}}'))
      .toBe('/r/.klintrc.json: rules: "unknown-kye" is not a klint rule (did you mean unknown-key?)');
    expect(problemOf('/r/.klintrc.json', '{"overrides": [{"files": [], "brokers": 0}]}'))
      .toBe('/r/.klintrc.json: overrides[0].files ([]) must NOT have fewer than 1 items; overrides[0].brokers (0) must be >= 1');
    expect(problemOf('/r/.klintrc.json', '{"kafkaVersion": "9.9"}')).toMatch(/^\/r\/\.klintrc\.json: kafkaVersion "9\.9" is not a Kafka version klint knows \(2\.8, /);
    expect(problemOf('/r/.klintrc.json', '{"rules": {}')).toMatch(/^\/r\/\.klintrc\.json: not valid JSON: /);
  });

  it('reads the "klint" key of package.json and says where in it a problem is', () => {
    expect(parseConfig('/r/package.json', '{"name": "x"}')).toBeUndefined();
    expect(parseConfig('/r/package.json', '{"klint": {"profile": "development"}}')?.config).toEqual({ profile: 'development' });
    expect(problemOf('/r/package.json', '{"klint": {"profile": "dev"}}')).toBe('/r/package.json: klint.profile is "dev": must be one of production, development');
  });

  it('finds the nearest config upward, passing over package.json files without a "klint" key', () => {
    const files: Record<string, string> = {
      '/repo/.klintrc.json': '{"profile": "development"}',
      '/repo/kafka/package.json': '{"name": "deploy"}',
      '/repo/other/package.json': '{"klint": {"kafkaVersion": "3.6"}}',
    };
    const fs: ConfigFiles = { exists: (p) => p in files, read: (p) => files[p] as string };
    expect(findConfig('/repo/kafka/prod', fs)?.path).toBe('/repo/.klintrc.json');
    expect(findConfig('/repo/other', fs)?.path).toBe('/repo/other/package.json');
    expect(findConfig('/elsewhere', fs)).toBeUndefined();
  });

  it('publishes klint.schema.json as a valid JSON Schema for editors', async () => {
    const schema = (await import('../klint.schema.json', { with: { type: 'json' } })).default;
    const validate = new Ajv({ strict: true, strictTypes: false, allowUnionTypes: true }).compile(schema);
    expect(validate({ rules: { 'unknown-key': 'warning' }, overrides: [{ files: '*.properties', kafkaVersion: '4.0' }] })).toBe(true);
    expect(validate({ rules: { 'unknown-key': 'loud' } })).toBe(false);
  });
});

describe('settings per file', () => {
  const loaded = parseConfig('/repo/.klintrc.json', JSON.stringify({
    profile: 'production',
    rules: { 'unknown-key': 'error', 'duplicate-key': 'info' },
    ignore: ['templates/**', '*.example.properties'],
    overrides: [
      { files: 'dev/**', profile: 'development', rules: { 'unknown-key': 'warning' } },
      { files: ['dev/legacy/**'], kafkaVersion: '2.8', rules: { 'unknown-key': 'off' } },
    ],
  })) as LoadedConfig;
  const settingsOf = configResolver(loaded, '/repo/kafka');

  it('applies matching overrides in order over the top-level settings, merging rules id by id', () => {
    expect(settingsOf('../dev/legacy/server.properties')).toEqual({
      ignored: false,
      options: { profile: 'development', kafkaVersion: '2.8', rules: { 'unknown-key': 'off', 'duplicate-key': 'info' } },
    });
    expect(settingsOf('broker.properties').options).toEqual({ profile: 'production', rules: { 'unknown-key': 'error', 'duplicate-key': 'info' } });
  });

  it('ignores files by path or, for a glob without a slash, by name at any depth', () => {
    expect(settingsOf('../templates/server.properties').ignored).toBe(true);
    expect(settingsOf('deep/down/server.example.properties').ignored).toBe(true);
    expect(settingsOf('server.properties').ignored).toBe(false);
    expect(settingsOf('/elsewhere/templates/server.properties').ignored).toBe(false);
    expect(settingsOf('-').ignored).toBe(false);
  });
});

describe('precedence: rule → profile → config file (with overrides) → options → inline directives', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'klint-config-'));
    mkdirSync(path.join(dir, 'dev'));
    mkdirSync(path.join(dir, 'templates'));
    writeFileSync(path.join(dir, '.klintrc.json'), JSON.stringify({
      rules: { 'unknown-key': 'error' },
      ignore: ['templates/**'],
      overrides: [{ files: 'dev/**', rules: { 'unknown-key': 'info' } }],
    }));
    for (const file of ['server.properties', 'dev/server.properties', 'templates/server.properties']) writeFileSync(path.join(dir, file), TYPO);
    writeFileSync(path.join(dir, 'suppressed.properties'), TYPO.replace('brocker.rack', '# klint-disable-next-line unknown-key -- test\nbrocker.rack'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const severities = (options: Parameters<typeof lintFiles>[1]) => lintFiles(
    ['server.properties', 'dev/server.properties', 'templates/server.properties', 'suppressed.properties'], { cwd: dir, ...options },
  ).files.map((f) => `${f.file}: ${f.findings.filter((x) => x.ruleId === 'unknown-key').map((x) => `${x.ruleId} ${x.severity}`).join(', ')}`);

  it('uses the rule\'s own severity without a config file', () => {
    expect(severities({})).toEqual([
      'server.properties: unknown-key warning', 'dev/server.properties: unknown-key warning',
      'templates/server.properties: unknown-key warning', 'suppressed.properties: ',
    ]);
  });

  it('applies the config file and its overrides, skips ignored files, and lets given options win', () => {
    const config = loadConfig({ cwd: path.join(dir, 'dev') });
    expect(config?.path).toBe(path.join(dir, '.klintrc.json'));
    expect(severities({ config })).toEqual([
      'server.properties: unknown-key error', 'dev/server.properties: unknown-key info', 'suppressed.properties: ',
    ]);
    expect(severities({ config, rules: { 'unknown-key': 'warning' } })).toEqual([
      'server.properties: unknown-key warning', 'dev/server.properties: unknown-key warning', 'suppressed.properties: ',
    ]);
  });

  it('applies the config to lintText by the file name it is given', () => {
    const config = loadConfig({ cwd: dir });
    const typo = (file: string) => lintText(TYPO, { file, config, cwd: dir }).findings.find((f) => f.ruleId === 'unknown-key')?.severity;
    expect([typo('dev/x.properties'), typo('x.properties'), typo('<text>')]).toEqual(['info', 'error', 'error']);
  });

  it('exits 2 on a bad config file with its path and the problem; --config and --no-config choose the file', () => {
    const bad = path.join(dir, 'bad');
    mkdirSync(bad);
    writeFileSync(path.join(bad, '.klintrc.json'), '{"rules": {"unknown-key": "loud"}}');
    writeFileSync(path.join(bad, 'server.properties'), TYPO);
    const klint = (args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'bin/klint.js'), ...args],
      { cwd: bad, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: undefined, FORCE_COLOR: undefined } });

    const typo = (args: string[]) => {
      const run = klint([...args, '--format', 'json', 'server.properties']);
      expect(run.stderr).toBe('');
      const found = (JSON.parse(run.stdout) as Report).files[0]?.findings.find((f) => f.ruleId === 'unknown-key');
      return `${run.status} ${found?.severity ?? 'none'}`;
    };
    const run = klint(['server.properties']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(`klint: ${path.join(bad, '.klintrc.json')}: rules.unknown-key is "loud": must be one of off, info, warning, error\n`);
    expect(typo(['--no-config'])).toMatch(/^[01] warning$/);
    expect(typo(['--config', '../.klintrc.json'])).toBe('1 error');
    expect(typo(['--config', '../.klintrc.json', '--rule', 'unknown-key=info'])).toMatch(/^[01] info$/);
    expect(typo(['--config', '../.klintrc.json', '--rule', 'unknown-key=off'])).toMatch(/^[01] none$/);
    expect(klint(['--config', 'nowhere.json', 'server.properties']).stderr).toBe('klint: nowhere.json: no such file\n');
    writeFileSync(path.join(bad, 'versioned.json'), '{"kafkaVersion": "3.6"}');
    expect(JSON.parse(klint(['--config', 'versioned.json', '--print-config', 'server.properties']).stdout).kafkaVersion).toBe('3.6');
    expect(klint(['--no-config', '--rule', 'unknwn-key=off', 'server.properties']).stderr)
      .toBe('klint: --rule: unknown rule "unknwn-key": run klint --list-rules to see them\n');
  });
});
