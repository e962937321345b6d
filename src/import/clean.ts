import type { BoilerplateKind, CleanedReport, ExtractedReport, Paragraph } from './types.ts';

/**
 * Website text that ends a saved or pasted article without being part of it. Each pattern matches
 * a whole paragraph. `strong` patterns are unmistakable; the weak ones (a lone "Name" or "Email",
 * form labels) are removed only in a trailing run that also holds a strong one, so a report that
 * happens to end with a short line keeps it.
 */
const BOILERPLATE: readonly { readonly pattern: RegExp; readonly kind: BoilerplateKind; readonly strong: boolean }[] = [
  {
    kind: 'comment form',
    strong: true,
    pattern:
      /^(?:leave a (?:reply|comment)|post a comment|add a comment|\d+ comments?|comments?(?: \(\d+\))?|join the (?:conversation|discussion))(?: (?:to|on) .{1,120})?[.:]?$/i,
  },
  { kind: 'comment form', strong: true, pattern: /^your email address will not be published\.?(?: required fields are marked \*?)?$/i },
  {
    kind: 'comment form',
    strong: true,
    pattern:
      /^(?:required fields are marked \*?|save my name, email, and website in this browser for the next time i comment\.?|you must be logged in to post a comment\.?|cancel reply)$/i,
  },
  { kind: 'comment form', strong: false, pattern: /^(?:name|email|e-mail|website|comment|post comment|submit|reply)\s*\*?$/i },
  {
    kind: 'share prompt',
    strong: true,
    pattern:
      /^(?:share (?:this|the) (?:article|story|post|page)|share (?:on|via) \w+(?: \(opens in new window\))?|click to share on \w+(?: \(opens in new window\))?|share this:?|like this:?|follow us on .{1,60})[.:]?$/i,
  },
  {
    kind: 'share prompt',
    strong: false,
    pattern: /^(?:share|tweet|email|print|facebook|twitter|x|linkedin|whatsapp|telegram|reddit|copy link|loading\.\.\.)$/i,
  },
  {
    kind: 'cookie notice',
    strong: true,
    pattern:
      /^(?:we use cookies|this (?:web)?site uses cookies|by (?:continuing to (?:use|browse)|using) (?:this|our) (?:web)?site)\b.{0,400}$/i,
  },
  {
    kind: 'cookie notice',
    strong: false,
    pattern: /^(?:accept(?: all)?(?: cookies)?|reject(?: all)?|cookie (?:settings|policy|preferences)|privacy policy|ok|got it|i agree)$/i,
  },
  {
    kind: 'related links',
    strong: true,
    pattern:
      /^(?:related (?:articles|stories|posts|news)|read (?:more|also)|also read|more (?:from|on) .{1,60}|you may also like|recommended for you)[.:]?$/i,
  },
];

/**
 * A dateline at the start of the first paragraph: one to three capitalised words (a place, perhaps
 * with a state or country after a comma) and a colon or dash, then the report's first sentence,
 * which starts with a capital letter: "Moscow: North Korean leader …", "SEOUL — …".
 */
const DATELINE = /^(\p{Lu}[\p{L}.’'-]*(?:,? \p{Lu}[\p{L}.’'-]*){0,2}) ?(?::|—|–| -) +(?=[\p{Lu}"“‘])/u;
/** Labels that look like a dateline but are not places. */
const NOT_PLACES = new Set([
  'update',
  'updated',
  'breaking',
  'exclusive',
  'analysis',
  'opinion',
  'comment',
  'live',
  'watch',
  'note',
  'correction',
  'editor’s note',
  "editor's note",
  'photo',
  'video',
  'listen',
  'read',
]);

/** The clean step: moves a dateline into the metadata and removes trailing website boilerplate. */
export function cleanReport(report: ExtractedReport): CleanedReport & { readonly dateline?: string } {
  const paragraphs = [...report.paragraphs];
  const removed: { text: string; kind: BoilerplateKind }[] = [];
  let cut = paragraphs.length;
  for (let i = paragraphs.length - 1; i >= 0; i--) {
    const match = boilerplate(paragraphs[i]!.text);
    if (!match) break;
    if (match.strong) cut = i;
  }
  // From the earliest strong match on: weak lines before it are taken as the report's own.
  for (const p of paragraphs.splice(cut)) removed.push({ text: p.text, kind: boilerplate(p.text)!.kind });

  const notes = [...report.notes];
  let dateline: string | undefined;
  const first = paragraphs[0];
  if (first && report.found.dateline === undefined) {
    const m = DATELINE.exec(first.text);
    if (m && !NOT_PLACES.has(m[1]!.toLowerCase()) && m[1]!.length <= 40) {
      dateline = m[1]!;
      paragraphs[0] = { text: first.text.slice(m[0].length), start: first.start + m[0].length } satisfies Paragraph;
      notes.push(`Dateline “${dateline}” moved from the start of the first paragraph to \`dateline\`.`);
    }
  }
  if (removed.length > 0) notes.push(describeRemoved(removed));
  return { ...report, paragraphs, removed, notes, ...(dateline ? { dateline } : {}) };
}

function boilerplate(text: string): (typeof BOILERPLATE)[number] | undefined {
  const one = text.replace(/\s+/g, ' ').trim();
  return BOILERPLATE.find((b) => b.pattern.test(one));
}

function describeRemoved(removed: readonly { text: string; kind: BoilerplateKind }[]): string {
  const kinds = [...new Set(removed.map((r) => r.kind))];
  const what = kinds.length === 1 ? kinds[0]! : `${kinds.slice(0, -1).join(', ')} and ${kinds.at(-1)!}`;
  const shown = removed
    .slice(0, 4)
    .map((r) => `“${short(r.text)}”`)
    .join(', ');
  const more = removed.length > 4 ? ` and ${removed.length - 4} more` : '';
  return `The website’s ${what} text that followed the report (${shown}${more}) is not part of the report and was removed.`;
}

function short(text: string): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length > 60 ? `${one.slice(0, 59)}…` : one;
}
