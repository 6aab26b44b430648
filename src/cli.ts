import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { isatty } from 'node:tty';
import { dirname, join, resolve } from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { docsUrlFor } from './format/rule-docs.js';
import { formatClusters } from './format/clusters.js';
import { explainRule, listRules } from './format/rules.js';
import { expandInputs } from './input-expand.js';
import { describeProblem } from './input.js';
import { PROFILES, type Profile, type RuleSetting } from './config/severity.js';
import type { Severity } from './engine/rule.js';
import {
  ConfigError, effectiveConfig, FORMATS, formatReport, InputError, lintFiles, loadConfig, rules, UsageError, type Format,
} from './index.js';
import { inputAt, oneLine, ReaderGone, writeAll } from './output.js';
import { allFindings, countFindings, type Report } from './report.js';
import packageJson from '../package.json' with { type: 'json' };

interface CliOptions {
  kafkaVersion?: string;
  profile?: Profile;
  /** Absent: github inside GitHub Actions (GITHUB_ACTIONS=true) writing to standard output, else text. */
  format?: Format;
  outputFile?: string;
  /** A path, false for --no-config, absent to search upward. */
  config?: string | false;
  rule?: Record<string, RuleSetting>;
  quiet?: boolean;
  failOn: Severity;
  maxWarnings?: number;
  exitZero?: boolean;
  color: boolean;
  listRules?: boolean;
  explain?: string;
  printConfig?: boolean;
  defaults?: boolean;
  cluster?: boolean;
  brokers?: number;
  printClusters?: boolean;
}

/** Exit codes: 0 clean, 1 findings that fail the run, 2 usage error or unusable input, 3 a klint defect. */
const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of 0 or more.');
  return Number(value);
}

/** Kafka counts brokers in a Java int. */
const INT_MAX = 2147483647;

function positiveInteger(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > INT_MAX) {
    throw new InvalidArgumentError(`expected a whole number from 1 to ${INT_MAX}.`);
  }
  return Number(value);
}

const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];
const SETTINGS: readonly RuleSetting[] = ['off', ...SEVERITIES];

/** `--rule id=severity`, repeatable; the id is checked once all are read. */
function ruleSetting(value: string, previous: Record<string, RuleSetting> | undefined): Record<string, RuleSetting> {
  const match = /^([^=:\s]+)\s*[=:]\s*(\S+)$/.exec(value);
  if (!match || !SETTINGS.includes(match[2] as RuleSetting)) {
    throw new InvalidArgumentError(`expected <rule-id>=<${SETTINGS.join('|')}>, e.g. unknown-key=off.`);
  }
  return { ...previous, [match[1] as string]: match[2] as RuleSetting };
}

function program(): Command {
  return new Command('klint')
    .description('Lint Apache Kafka broker and KRaft controller configuration files (server.properties).')
    .version(packageJson.version, '-V, --version')
    .argument('[files...]', 'config files, directories (every *.properties below, minus .gitignore\'d ones) or globs; - reads standard input')
    .option('--kafka-version <version>', 'Kafka version to lint against (e.g. 3.9 or 3.9.1); default: 3.9 for ZooKeeper-mode files and nodes migrating from ZooKeeper, else the newest known')
    .addOption(new Option('--profile <profile>', 'production (default), or development (relaxes availability rules to info)').choices(PROFILES))
    .option('-c, --config <path>', 'settings from this file (.klintrc.json, or a package.json with a "klint" key); default: the nearest one upward')
    .option('--no-config', 'use no config file')
    .option('--rule <id=severity>', 'set a rule to off, info, warning or error; repeatable; beats the config file', ruleSetting)
    .addOption(new Option('-f, --format <format>', 'output format; default: github when GITHUB_ACTIONS=true, else text').choices(FORMATS))
    .option('-o, --output-file <path>', 'write the report to this file instead of standard output')
    .option('-q, --quiet', 'report errors only')
    .addOption(new Option('--fail-on <severity>', 'exit 1 when a finding has this severity or a higher one').choices(['error', 'warning', 'info']).default('error'))
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', nonNegativeInteger)
    .option('--exit-zero', 'exit 0 even when findings would fail the run (report-only jobs); unusable input still exits 2')
    .option('--no-color', 'plain text output (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--list-rules', 'list every rule and exit')
    .option('--explain <rule-id>', 'explain one rule and exit')
    .option('--print-config', 'print the effective configuration as JSON instead of linting')
    .option('--defaults', 'with --print-config: include every other key of the version at its default')
    .option('--cluster', 'lint all the given files as one cluster instead of grouping them by ZooKeeper ensemble or KRaft quorum')
    .option('--brokers <n>', 'the number of brokers in the cluster, when the files are a template rather than one per node', positiveInteger)
    .option('--print-clusters', 'print how the files are grouped into clusters, and why, instead of the findings')
    .configureOutput({
      writeOut: (text) => writeAll(1, text),
      writeErr: (text) => writeAll(2, text),
      // One line, as every other klint error: commander's own reads `error: …`.
      outputError: (text, write) => write(`klint: ${text.trim().replace(/^error: /, '')} (klint --help for usage)\n`),
    })
    .exitOverride();
}

function useColor(options: CliOptions): boolean {
  const force = process.env.FORCE_COLOR;
  if (!options.color || (process.env.NO_COLOR ?? '') !== '') return false;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return isatty(1);
}

/** Runs klint; returns the exit code. */
export function run(argv: readonly string[]): number {
  const command = program();
  try {
    command.parse(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw error;
  }
  const options = command.opts<CliOptions>();
  const files = command.args;
  const colors = pc.createColors(useColor(options));

  if (options.listRules) {
    writeAll(1, listRules(rules, colors));
    return EXIT.ok;
  }
  if (options.explain !== undefined) {
    const rule = rules.find((r) => r.id === options.explain);
    if (!rule) return usage(`unknown rule "${options.explain}": run klint --list-rules to see them`);
    writeAll(1, explainRule(rule, colors));
    return EXIT.ok;
  }
  if (files.length === 0) return usage('no files given: klint [options] <file...> (- reads standard input)');
  if (options.defaults && !options.printConfig) return usage('--defaults goes with --print-config');
  if (options.printClusters && options.format !== undefined && !['text', 'json'].includes(options.format)) {
    return usage(`--print-clusters prints text or json, not ${options.format}`);
  }

  const unknownRule = Object.keys(options.rule ?? {}).find((id) => !rules.some((r) => r.id === id));
  if (unknownRule) return usage(`--rule: unknown rule "${unknownRule}": run klint --list-rules to see them`);

  try {
    return options.printConfig ? printConfig(files, options) : lint(files, options, colors);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) return usage(error.message);
    throw error;
  }
}

/** The config file per --config / --no-config, else the nearest one upward. */
function configFile(options: CliOptions) {
  return options.config === false ? undefined : loadConfig(options.config === undefined ? {} : { path: options.config });
}

function lint(files: string[], options: CliOptions, colors: ReturnType<typeof pc.createColors>): number {
  const config = configFile(options);
  const inputs = expandInputs(files);
  const linted = lintFiles(inputs.paths, {
    ...(config ? { config } : {}),
    ...(options.cluster ? { cluster: true } : {}),
    ...(options.brokers === undefined ? {} : { brokers: options.brokers }),
    ...(options.profile === undefined ? {} : { profile: options.profile }),
    ...(options.kafkaVersion === undefined ? {} : { kafkaVersion: options.kafkaVersion }),
    ...(options.rule ? { rules: options.rule } : {}),
  });
  const report: Report = { ...linted, inputProblems: [...inputs.problems, ...linted.inputProblems] };
  const shown: Report = options.quiet
    ? { ...report, files: report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') })) }
    : report;
  for (const problem of report.inputProblems) {
    writeAll(2, `klint: ${describeProblem(problem)}\n`);
  }
  const toFile = options.outputFile !== undefined;
  const format = options.format ?? (process.env.GITHUB_ACTIONS === 'true' && !toFile ? 'github' : 'text');
  const cwd = process.cwd();
  const output = options.printClusters ? formatClusters(report, format === 'json', colors) : formatReport(shown, format, {
    toolVersion: packageJson.version,
    rules,
    failOn: options.failOn,
    source: { cwd, root: repositoryRoot(cwd) },
    ...docsLink(),
    colors: toFile ? pc.createColors(false) : colors,
  });
  if (toFile) {
    const written = writeReport(options.outputFile as string, output, inputs.paths);
    if (written !== undefined) return usage(written);
  } else {
    writeAll(1, output);
  }
  return options.printClusters && report.inputProblems.length === 0 ? EXIT.ok : exitCode(report, options);
}

/** The gates: unusable input is 2 whatever the options; --exit-zero turns findings' 1 into 0. */
function exitCode(report: Report, options: CliOptions): number {
  if (report.inputProblems.length > 0) return EXIT.usage;
  if (options.exitZero) return EXIT.ok;
  const counts = countFindings(allFindings(report));
  const failing = SEVERITIES.slice(SEVERITIES.indexOf(options.failOn)).some((severity) => counts[severity] > 0);
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warning > options.maxWarnings;
  return failing || tooManyWarnings ? EXIT.findings : EXIT.ok;
}

/** The nearest folder upward holding .git: SARIF and annotations name files from there. */
function repositoryRoot(cwd: string): string {
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    if (existsSync(join(dir, '.git'))) return dir;
    if (dirname(dir) === dir) return cwd;
  }
}

function docsLink() {
  const docsUrl = docsUrlFor((packageJson as { repository?: unknown }).repository);
  return docsUrl ? { docsUrl } : {};
}

/** Writes the report; returns the problem (one line) when it cannot, or when that would overwrite an input. */
function writeReport(path: string, output: string, inputs: readonly string[]): string | undefined {
  const input = inputAt(path, inputs);
  if (input !== undefined) {
    return oneLine(`cannot write ${path}: ${input === '-' ? 'standard input reads that file' : `it is the input ${input}`}, and klint never overwrites its input`);
  }
  try {
    mkdirSync(dirname(resolve(path)), { recursive: true });
    writeFileSync(path, output);
    return undefined;
  } catch (error) {
    return oneLine(`cannot write ${path}: ${(error as Error).message}`);
  }
}

function printConfig(files: string[], options: CliOptions): number {
  const config = configFile(options);
  const configs = [];
  let failed = false;
  for (const file of files) {
    try {
      configs.push(effectiveConfig(file, {
        ...(config ? { config } : {}),
        ...(options.kafkaVersion === undefined ? {} : { kafkaVersion: options.kafkaVersion }),
        defaults: Boolean(options.defaults),
      }));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      writeAll(2, `klint: ${error.describe()}\n`);
      failed = true;
    }
  }
  writeAll(1, JSON.stringify(files.length === 1 ? configs[0] ?? null : configs, null, 2) + '\n');
  return failed ? EXIT.usage : EXIT.ok;
}

function usage(message: string): number {
  writeAll(2, `klint: ${message}\n`);
  return EXIT.usage;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  // A reader that stopped early (`klint … | head`) has all it wanted: stop quietly.
  if (error instanceof ReaderGone) process.exit(process.exitCode ?? EXIT.ok);
  // A defect in klint itself: one line, never a stack trace, and a code of its own.
  writeAll(2, `klint: internal error: ${(error as Error).message} (please report this)\n`);
  process.exitCode = EXIT.internal;
}
