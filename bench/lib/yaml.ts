/**
 * Just enough YAML output for front matter. JSON strings are valid YAML double-quoted scalars, so
 * quoting every string value through JSON.stringify keeps colons, leading brackets ("[[Name]]") and
 * non-ASCII names safe without a YAML library.
 */

export type FrontValue = string | readonly string[] | Readonly<Record<string, string>> | RawYaml;

/** A value written verbatim: used for unquoted dates, which authors write bare. */
export class RawYaml {
  constructor(readonly text: string) {}
}

export function frontMatter(fields: ReadonlyArray<readonly [string, FrontValue | undefined]>): string {
  let out = '---\n';
  for (const [key, value] of fields) {
    if (value === undefined) continue;
    if (value instanceof RawYaml) out += `${key}: ${value.text}\n`;
    else if (typeof value === 'string') out += `${key}: ${JSON.stringify(value)}\n`;
    else if (Array.isArray(value)) {
      out += `${key}:\n`;
      for (const item of value as readonly string[]) out += `  - ${JSON.stringify(item)}\n`;
    } else {
      out += `${key}:\n`;
      for (const [k, v] of Object.entries(value)) out += `  ${JSON.stringify(k)}: ${JSON.stringify(v)}\n`;
    }
  }
  return `${out}---\n`;
}
