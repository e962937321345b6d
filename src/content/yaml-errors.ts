/**
 * The YAML mistakes authors make most, reported in their words, not the parser's, at the line to
 * change (front matter, `frontmatter.ts`).
 */
import type { YAMLError } from 'yaml';

/** The fixes to write for the YAML mistakes authors make most, in their words, not the parser's. */
const YAML_HINTS = {
  quoteValue: 'the value holds ": ", which YAML reads as the start of another key: put the whole value in quotes ("…")',
  overIndented:
    'this line is indented more than the key above it: line its key up with the keys it belongs with (a value that goes on over several lines must be in quotes)',
  misaligned: 'this key is indented differently from the keys above it: line it up with them',
  noColon: 'this line is not "key: value": add ": " after the key, or join the line to the one above',
  tab: 'a tab is used for indentation: indent with spaces',
  duplicate: 'this key is given twice: keep one',
} as const;

/**
 * One diagnostic a mistake, in plain words where YAML_HINTS has them, at the line to change.
 * `yaml` reads an over-indented key (`  role: x` then `   extra: y`) as a key running over two
 * lines that starts at the value above ("x extra"), and reports it twice, at that value: the
 * mistake is the indented line, where its key is.
 */
export function yamlProblems(src: string, errors: readonly YAMLError[]): { offset: number; message: string }[] {
  const at = (code: string, offset: number): boolean => errors.some((e) => e.code === code && e.pos[0] === offset);
  const problems: { offset: number; message: string }[] = [];
  const lines = new Set<string>();
  for (const error of errors) {
    const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    let offset = errorOffset(src, error.code, message, error.pos[0]);
    let hint: string | undefined;
    switch (error.code) {
      case 'BLOCK_AS_IMPLICIT_KEY':
        // With a key over two lines at the same place, the key is over-indented: reported below.
        if (at('MULTILINE_IMPLICIT_KEY', error.pos[0])) continue;
        hint = YAML_HINTS.quoteValue;
        break;
      case 'MULTILINE_IMPLICIT_KEY':
        if (at('BLOCK_AS_IMPLICIT_KEY', error.pos[0])) {
          offset = lineIndent(src, error.pos[1]);
          hint = YAML_HINTS.overIndented;
        } else hint = YAML_HINTS.noColon;
        break;
      case 'BAD_INDENT':
        if (/same column/.test(message)) {
          offset = lineIndent(src, error.pos[0]);
          hint = YAML_HINTS.misaligned;
        }
        break;
      case 'TAB_AS_INDENT':
        hint = YAML_HINTS.tab;
        break;
      case 'DUPLICATE_KEY':
        hint = YAML_HINTS.duplicate;
        break;
    }
    // `key: a: b: c` is one mistake, which `yaml` reports at each ": ".
    const line = `${src.lastIndexOf('\n', offset - 1)}:${hint ?? message}`;
    if (lines.has(line)) continue;
    lines.add(line);
    problems.push({ offset, message: hint ?? message });
  }
  return problems;
}

/** The first character after the indentation of the line that holds `offset`. */
function lineIndent(src: string, offset: number): number {
  let i = src.lastIndexOf('\n', offset - 1) + 1;
  while (src[i] === ' ' || src[i] === '\t') i++;
  return i;
}

/**
 * Where to point for a YAML error. `yaml` reports a missing closing quote where the text ends;
 * the author needs the quote that was opened and never closed.
 */
function errorOffset(src: string, code: string, message: string, offset: number): number {
  const quote = code === 'MISSING_CHAR' ? /closing (["'])quote/.exec(message)?.[1] : undefined;
  if (!quote) return offset;
  const open = src.lastIndexOf(quote, Math.min(offset, src.length) - 1);
  return open === -1 ? offset : open;
}
