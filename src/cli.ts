import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import pc from 'picocolors';
import { formatJson } from './format/json.js';
import { formatText } from './format/text.js';
import { explainRule, listRules } from './format/rules.js';
import { PROFILES, type Profile } from './config/severity.js';
import { effectiveConfig, InputError, lintFiles, rules, UsageError } from './index.js';
import { allFindings, countFindings, type Report } from './report.js';
import packageJson from '../package.json' with { type: 'json' };

interface CliOptions {
  kafkaVersion?: string;
  profile: Profile;
  format: 'text' | 'json';
  quiet?: boolean;
  maxWarnings?: number;
  color: boolean;
  listRules?: boolean;
  explain?: string;
  printConfig?: boolean;
  defaults?: boolean;
}

/** Exit codes: 0 clean, 1 findings that fail the run, 2 usage error or unusable input, 3 a klint defect. */
const EXIT = { ok: 0, findings: 1, usage: 2, internal: 3 } as const;

function nonNegativeInteger(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('expected a whole number of 0 or more.');
  return Number(value);
}

function program(): Command {
  return new Command('klint')
    .description('Lint Apache Kafka broker and KRaft controller configuration files (server.properties).')
    .version(packageJson.version, '-V, --version')
    .argument('[files...]', 'config files to lint; - reads standard input')
    .option('--kafka-version <version>', 'Kafka version to lint against (e.g. 3.9 or 3.9.1); default: 3.9 for ZooKeeper-mode files, else the newest known')
    .addOption(new Option('--profile <profile>', 'production, or development (relaxes availability rules to info)').choices(PROFILES).default('production'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .option('-q, --quiet', 'report errors only')
    .option('--max-warnings <n>', 'fail (exit 1) when there are more warnings than this', nonNegativeInteger)
    .option('--no-color', 'plain text output (NO_COLOR and FORCE_COLOR are honoured too)')
    .option('--list-rules', 'list every rule and exit')
    .option('--explain <rule-id>', 'explain one rule and exit')
    .option('--print-config', 'print the effective configuration as JSON instead of linting')
    .option('--defaults', 'with --print-config: include every other key of the version at its default')
    .showHelpAfterError('(run klint --help for usage)')
    .exitOverride();
}

function useColor(options: CliOptions): boolean {
  const force = process.env.FORCE_COLOR;
  if (!options.color || (process.env.NO_COLOR ?? '') !== '') return false;
  if (force !== undefined) return force !== '0' && force !== 'false';
  return Boolean(process.stdout.isTTY);
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
    process.stdout.write(listRules(rules, colors));
    return EXIT.ok;
  }
  if (options.explain !== undefined) {
    const rule = rules.find((r) => r.id === options.explain);
    if (!rule) return usage(`unknown rule "${options.explain}": run klint --list-rules to see them`);
    process.stdout.write(explainRule(rule, colors));
    return EXIT.ok;
  }
  if (files.length === 0) return usage('no files given: klint [options] <file...> (- reads standard input)');
  if (options.defaults && !options.printConfig) return usage('--defaults goes with --print-config');

  try {
    return options.printConfig ? printConfig(files, options) : lint(files, options, colors);
  } catch (error) {
    if (error instanceof UsageError) return usage(error.message);
    throw error;
  }
}

function lint(files: string[], options: CliOptions, colors: ReturnType<typeof pc.createColors>): number {
  const report = lintFiles(files, {
    profile: options.profile,
    ...(options.kafkaVersion === undefined ? {} : { kafkaVersion: options.kafkaVersion }),
  });
  const shown: Report = options.quiet
    ? { ...report, files: report.files.map((f) => ({ ...f, findings: f.findings.filter((x) => x.severity === 'error') })) }
    : report;
  for (const problem of report.inputProblems) {
    process.stderr.write(`klint: ${problem.file}${problem.line === undefined ? '' : `:${problem.line}`}: ${problem.message}\n`);
  }
  process.stdout.write(options.format === 'json' ? formatJson(shown, packageJson.version) : formatText(shown, colors));
  if (report.inputProblems.length > 0) return EXIT.usage;
  const counts = countFindings(allFindings(report));
  const tooManyWarnings = options.maxWarnings !== undefined && counts.warning > options.maxWarnings;
  return counts.error > 0 || tooManyWarnings ? EXIT.findings : EXIT.ok;
}

function printConfig(files: string[], options: CliOptions): number {
  const configs = [];
  let failed = false;
  for (const file of files) {
    try {
      configs.push(effectiveConfig(file, {
        ...(options.kafkaVersion === undefined ? {} : { kafkaVersion: options.kafkaVersion }),
        defaults: Boolean(options.defaults),
      }));
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      process.stderr.write(`klint: ${error.describe()}\n`);
      failed = true;
    }
  }
  process.stdout.write(JSON.stringify(files.length === 1 ? configs[0] ?? null : configs, null, 2) + '\n');
  return failed ? EXIT.usage : EXIT.ok;
}

function usage(message: string): number {
  process.stderr.write(`klint: ${message}\n`);
  return EXIT.usage;
}

try {
  process.exitCode = run(process.argv.slice(2));
} catch (error) {
  // A defect in klint itself: one line, never a stack trace, and a code of its own.
  process.stderr.write(`klint: internal error: ${(error as Error).message} (please report this)\n`);
  process.exitCode = EXIT.internal;
}
