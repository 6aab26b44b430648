import { existsSync, readdirSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { NotRegularFile, readRegularText, reasonOf } from './input.js';
import type { InputProblem } from './report.js';

export interface ExpandedInputs {
  /** Files to lint, each once, in argument order (a directory's or glob's files sorted). */
  paths: string[];
  /** Arguments that name nothing (a missing path, a glob that matches no file), and what cannot be read. */
  problems: InputProblem[];
}

const CONFIG_FILES = '**/*.properties';

/**
 * Git matches .gitignore patterns without regard to case only where core.ignorecase is true,
 * which `git init` sets on the case-insensitive file systems macOS and Windows use by default.
 * The ignore package's own default is to ignore case everywhere.
 */
const IGNORE_CASE = process.platform === 'darwin' || process.platform === 'win32';

/** A folder name no .gitignore names, though wildcards match it: stands in for a named folder's own. */
const STAND_IN = '\u0001';

/**
 * Turns command-line arguments into files: a file as it is (even one .gitignore lists: it was
 * named), a directory as every `*.properties` below it, a glob as the files it matches; `-`
 * stays standard input. Directories and globs skip what .gitignore files ignore below them
 * (a named directory is walked even when ignored, as a named file is linted; a glob's fixed
 * folders are not named, so a glob below an ignored folder matches nothing) and never
 * enter `.git`. Symbolic links are followed; a loop ends because a file reached twice (by
 * its real path) is listed once.
 */
export function expandInputs(args: readonly string[], cwd: string = process.cwd()): ExpandedInputs {
  const paths: string[] = [];
  const problems: InputProblem[] = [];
  const seen = new Set<string>();
  const ignores = new GitIgnores(cwd, problems);
  const add = (path: string, known?: string) => {
    const real = known ?? (path === '-' ? '-' : realPath(resolve(cwd, path)));
    if (seen.has(real)) return;
    seen.add(real);
    paths.push(path);
  };
  for (const arg of args) {
    if (arg === '-') {
      add(arg);
      continue;
    }
    /**
     * The files a walk finds; a walk that finds none and meets no problem says `nothing`, and
     * that .gitignore is why if it left anything out: "none" alone would be false.
     */
    const addFound = (base: string, pattern: string, named: boolean, nothing: string) => {
      const walked = walk(cwd, base, pattern, ignores, named);
      problems.push(...walked.problems);
      if (walked.found.length === 0 && walked.problems.length === 0) {
        problems.push({ file: arg, message: walked.leftOut ? `${nothing} outside what .gitignore ignores` : nothing });
      }
      walked.found.forEach(({ path, real }) => add(path, real));
    };
    const kind = kindOf(resolve(cwd, arg));
    if (kind === 'file') add(arg);
    else if (kind === 'directory') addFound(arg, CONFIG_FILES, true, 'no *.properties file in this directory');
    else if (isDynamicPattern(arg)) {
      const { base, glob } = splitGlob(arg);
      const ignoredFolder = ignores.firstIgnoredFolder(resolve(cwd, base));
      if (ignoredFolder === undefined) addFound(base, glob, false, 'no file matches this pattern');
      else problems.push({ file: arg, message: `no file matches this pattern: .gitignore ignores ${relative(cwd, ignoredFolder) || '.'}/` });
    }
    else problems.push({ file: arg, message: reasonOf(kind) });
  }
  return { paths, problems };
}

/** What a path is, or why stat failed (a folder on the way that klint may not enter, say). */
function kindOf(path: string): 'file' | 'directory' | Error {
  try {
    return statSync(path).isDirectory() ? 'directory' : 'file';
  } catch (error) {
    return error as Error;
  }
}

/**
 * A glob's leading folders that hold no pattern character, and the rest: the walk starts in
 * those folders. Walking `../**` from the working directory, tinyglobby lost files beside it.
 * Every character that may take part in a pattern ends the folders, so they never run too far.
 */
function splitGlob(pattern: string): { base: string; glob: string } {
  const parts = pattern.split('/');
  const fixed = parts.findIndex((part) => /[*?[\]{}()!+@\\]/.test(part));
  if (fixed <= 0) return { base: '.', glob: pattern };
  return { base: parts.slice(0, fixed).join('/') || '/', glob: parts.slice(fixed).join('/') };
}

/** The native realpath: one call per file instead of an lstat per path component. */
function realPath(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

interface Walked {
  found: { path: string; real: string }[];
  /** Folders below `base` (or `base` itself) that could not be listed. */
  problems: InputProblem[];
  /** Whether .gitignore left out a file that matched, or a folder the pattern would search. */
  leftOut: boolean;
}

/**
 * The files `pattern` matches below `base`, as paths joined to `base` with their real paths,
 * sorted, ignored ones left out. A file reached through links too is listed once, by its
 * shortest path (`a/x`, not `a/loop/a/x`). A `named` base is walked even when ignored.
 */
function walk(cwd: string, base: string, pattern: string, ignores: GitIgnores, named: boolean): Walked {
  const root = resolve(cwd, base);
  const start = named ? root : undefined;
  const problems: InputProblem[] = [];
  const unreadable = (dir: string, error: unknown) => problems.push({ file: join(base, relative(root, dir)), message: reasonOf(error) });
  // A folder is left out of every listing, whether the pattern would search it or not: only a
  // pattern that searches every folder tells that one was passed over with matches unseen.
  const searchesAll = pattern.startsWith('**/');
  let leftOut = false;
  const ignored = (path: string, isFolder: boolean) => {
    const verdict = ignores.ignored(path, isFolder, start);
    leftOut ||= verdict && (searchesAll || !isFolder);
    return verdict;
  };
  const skipped = (dir: string) => basename(dir) === '.git' || ignored(dir, true);
  const fs = { readdirSync: listing(unreadable, skipped) };
  const byRealPath = new Map<string, string>();
  for (const match of globSync(pattern, { cwd: root, dot: true, onlyFiles: true, followSymbolicLinks: true, fs })) {
    const real = realPath(join(root, match));
    const known = byRealPath.get(real);
    if (known === undefined || match.length < known.length) byRealPath.set(real, match);
  }
  const found = [...byRealPath].sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0))
    .filter(([, match]) => !ignored(join(root, match), false))
    .map(([real, match]) => ({ path: base === '.' ? match : join(base, match), real }));
  return { found, problems, leftOut };
}

/**
 * The walk's readdirSync. A folder it cannot list (no permission) goes to `unreadable` instead
 * of being passed over in silence, as tinyglobby would; one that has gone is no problem. The
 * folders `skipped` names are left out of their parent's listing, so the walk never enters
 * them: as in git, a file below an ignored folder stays ignored whatever a .gitignore inside
 * that folder says.
 */
function listing(unreadable: (dir: string, error: unknown) => void, skipped: (dir: string) => boolean): typeof readdirSync {
  const list = (dir: string, options: { withFileTypes: true }): Dirent[] => {
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, options);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'ENOTDIR') unreadable(dir, error);
      throw error;
    }
    return entries.filter((entry) => !(isFolder(dir, entry) && skipped(join(dir, entry.name))));
  };
  return list as unknown as typeof readdirSync;
}

/** A folder, or a link to one: the walk follows links. */
function isFolder(dir: string, entry: Dirent): boolean {
  if (!entry.isSymbolicLink()) return entry.isDirectory();
  try {
    return statSync(join(dir, entry.name)).isDirectory();
  } catch {
    return false;
  }
}

/**
 * .gitignore files from the repository root (the nearest folder upward with `.git`) down to a
 * path's folder; as in git, a deeper file's patterns, negations included, override those above.
 */
class GitIgnores {
  private readonly byDir = new Map<string, Ignore | null>();
  /** Rules of a .gitignore with folders below it re-included: by folder, then those folders. */
  private readonly reincluding = new Map<string, Ignore>();
  private readonly rootOf = new Map<string, string>();

  /** `problems` gets each .gitignore that is there but cannot be read, named relative to `cwd`. */
  constructor(private readonly cwd: string, private readonly problems: InputProblem[]) {}

  /**
   * Whether they ignore `path`, a folder when `isFolder` (a pattern ending in / matches only
   * those), found by a walk from the folder `named` on the command line, if one was.
   */
  ignored(path: string, isFolder: boolean, named?: string): boolean {
    const dirs: string[] = [];
    const root = this.repositoryRoot(dirname(path));
    for (let dir = dirname(path); ; dir = dirname(dir)) {
      dirs.unshift(dir);
      if (dir === root || dirname(dir) === dir) break;
    }
    let ignored = false;
    for (const dir of dirs) {
      const rules = this.rulesIn(dir);
      if (!rules) continue;
      const verdict = this.verdict(dir, rules, relative(dir, path).split(sep).join('/') + (isFolder ? '/' : ''), named);
      if (verdict.ignored) ignored = true;
      else if (verdict.unignored) ignored = false;
    }
    return ignored;
  }

  /**
   * The first folder they ignore on the way from the repository root down to `dir` (itself
   * included): a walk from `dir` never reaches a file outside it. Checked from the top, since
   * as in git, no .gitignore deeper down can re-include what is below an ignored folder.
   */
  firstIgnoredFolder(dir: string): string | undefined {
    const root = this.repositoryRoot(dir);
    const way: string[] = [];
    for (let folder = dir; folder !== root && dirname(folder) !== folder; folder = dirname(folder)) way.unshift(folder);
    return way.find((folder) => this.ignored(folder, true));
  }

  /**
   * What the rules of the .gitignore in `dir` say of `path` (relative to `dir`). A folder
   * named on the command line is walked even when ignored, as ripgrep searches a folder it is
   * given, whatever spelling ignores it (`build/`, `/*`, `build/*`, `build/**`): a .gitignore
   * above it re-includes it and the folders on the way to it, and a verdict that holds only
   * because of their names does not count, as it no longer holds with those folders renamed.
   * Patterns that apply in any folder (`*.local.properties`) still apply inside.
   */
  private verdict(dir: string, rules: Ignore, path: string, named: string | undefined): { ignored: boolean; unignored: boolean } {
    if (named === undefined) return rules.test(path);
    const way = relative(dir, named);
    if (way === '' || way === '..' || way.startsWith(`..${sep}`) || isAbsolute(way)) return rules.test(path);
    const folders = way.split(sep);
    const verdict = this.reincluded(dir, rules, folders).test(path);
    if (!verdict.ignored) return verdict;
    const renamed = folders.map(() => STAND_IN);
    const elsewhere = [...renamed, ...path.split('/').slice(folders.length)].join('/');
    return this.reincluded(dir, rules, renamed).test(elsewhere).ignored ? verdict : { ignored: false, unignored: false };
  }

  /** The rules with `!/a/` and `!/a/b/` added for folders a/b: anchored patterns that match those folders only. */
  private reincluded(dir: string, rules: Ignore, folders: readonly string[]): Ignore {
    const key = `${dir}\0${folders.join('/')}`;
    let reincluded = this.reincluding.get(key);
    if (!reincluded) {
      const escaped = folders.map((name) => name.replace(/[\\*?[\]]/g, '\\$&'));
      reincluded = ignore({ ignorecase: IGNORE_CASE }).add(rules)
        .add(escaped.map((_, i) => `!/${escaped.slice(0, i + 1).join('/')}/`));
      this.reincluding.set(key, reincluded);
    }
    return reincluded;
  }

  private rulesIn(dir: string): Ignore | null {
    let rules = this.byDir.get(dir);
    if (rules === undefined) {
      rules = this.read(join(dir, '.gitignore'));
      this.byDir.set(dir, rules);
    }
    return rules;
  }

  /**
   * As git does, a .gitignore that is no regular file (a folder, a named pipe) is passed over.
   * One that cannot be read is a problem: what it would leave out is unknown.
   */
  private read(path: string): Ignore | null {
    try {
      return ignore({ ignorecase: IGNORE_CASE }).add(readRegularText(path));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!(error instanceof NotRegularFile) && code !== 'ENOENT') {
        this.problems.push({ file: relative(this.cwd, path), message: reasonOf(error) });
      }
      return null;
    }
  }

  private repositoryRoot(dir: string): string {
    const known = this.rootOf.get(dir);
    if (known !== undefined) return known;
    const parent = dirname(dir);
    const root = existsSync(join(dir, '.git')) || parent === dir ? dir : this.repositoryRoot(parent);
    this.rootOf.set(dir, root);
    return root;
  }
}
