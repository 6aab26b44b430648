import type { Comment } from '../parse/properties.js';

export type DirectiveKind = 'disable-next-line' | 'disable' | 'enable' | 'disable-file';

/** One `# klint-…` comment: what it does, to which rule ids, where. */
export interface Directive {
  kind: DirectiveKind;
  /** `klint-disable-next-line` etc., as written: findings quote it. */
  name: string;
  ids: string[];
  line: number;
  /** Length of the comment, so findings can underline all of it. */
  length: number;
}

// `--` starts the free-text reason, as in ESLint's directives; ids are separated by commas.
const DIRECTIVE = /^[#!]\s*(klint-(disable-next-line|disable-file|disable|enable))(?=\s|$)(.*)$/;
const REASON = /(?:^|\s)--(?:\s|$)/;

/** The klint directives among a file's comments, in file order; other comments are ignored. */
export function parseDirectives(comments: readonly Comment[]): Directive[] {
  const directives: Directive[] = [];
  for (const comment of comments) {
    const match = DIRECTIVE.exec(comment.text.trim());
    if (!match) continue;
    const [, name, kind, rest] = match as unknown as [string, string, DirectiveKind, string];
    const reasonAt = rest.search(REASON);
    const list = reasonAt === -1 ? rest : rest.slice(0, reasonAt);
    const ids = list.split(',').map((id) => id.trim()).filter(Boolean);
    directives.push({ kind, name, ids, line: comment.line, length: comment.text.length });
  }
  return directives;
}
