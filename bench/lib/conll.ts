/**
 * CoNLL-2003 files (`token POS chunk TAG` lines, `-DOCSTART-` between documents, a blank line
 * between sentences, IOB1 tags) rebuilt as plain text with character spans, and exact-span scoring.
 */

/** A labelled span in a rebuilt document: [start, end) in UTF-16 units, type PER/ORG/LOC/MISC. */
export interface Span {
  readonly start: number;
  readonly end: number;
  readonly type: string;
}

export interface Token {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface ConllDocument {
  /** Tokens joined by one space, sentences by a newline: each sentence (or headline) a line. */
  readonly text: string;
  readonly tokens: readonly Token[];
  /** Index in `tokens` of each sentence's first token. */
  readonly sentenceStarts: readonly number[];
  readonly gold: readonly Span[];
}

export function parseConll(source: string): ConllDocument[] {
  const documents: ConllDocument[] = [];
  let sentences: { token: string; tag: string }[][] = [];
  let sentence: { token: string; tag: string }[] = [];
  const endSentence = (): void => {
    if (sentence.length > 0) sentences.push(sentence);
    sentence = [];
  };
  const endDocument = (): void => {
    endSentence();
    if (sentences.length > 0) documents.push(buildDocument(sentences));
    sentences = [];
  };
  for (const raw of source.split('\n')) {
    const line = raw.trim();
    if (line === '') {
      endSentence();
      continue;
    }
    const fields = line.split(/\s+/);
    if (fields[0] === '-DOCSTART-') {
      endDocument();
      continue;
    }
    sentence.push({ token: fields[0]!, tag: fields[fields.length - 1]! });
  }
  endDocument();
  return documents;
}

function buildDocument(sentences: readonly (readonly { token: string; tag: string }[])[]): ConllDocument {
  const tokens: Token[] = [];
  const sentenceStarts: number[] = [];
  const gold: Span[] = [];
  let text = '';
  for (const sentence of sentences) {
    if (text !== '') text += '\n';
    sentenceStarts.push(tokens.length);
    let open: { start: number; end: number; type: string } | undefined;
    const close = (): void => {
      if (open) gold.push(open);
      open = undefined;
    };
    sentence.forEach(({ token, tag }, i) => {
      if (i > 0) text += ' ';
      const start = text.length;
      text += token;
      tokens.push({ start, end: text.length, text: token });
      // IOB1: I-X continues an X span; B-X starts a new one next to another X; O ends it.
      if (tag === 'O') return close();
      const [prefix, type] = tag.split('-') as [string, string];
      if (open && open.type === type && prefix === 'I') open.end = text.length;
      else {
        close();
        open = { start, end: text.length, type };
      }
    });
    close();
  }
  return { text, tokens, sentenceStarts, gold };
}

export interface Score {
  readonly precision: number;
  readonly recall: number;
  readonly f1: number;
  readonly predicted: number;
  readonly gold: number;
  readonly correct: number;
}

/** Exact-span matching; with `typed`, the type must match too. Spans are counted once each. */
export function score(gold: readonly Span[], predicted: readonly Span[], typed: boolean): Score {
  const key = (s: Span): string => (typed ? `${s.start}:${s.end}:${s.type}` : `${s.start}:${s.end}`);
  const goldKeys = new Set(gold.map(key));
  const predictedKeys = new Set(predicted.map(key));
  let correct = 0;
  for (const k of predictedKeys) if (goldKeys.has(k)) correct++;
  const precision = predictedKeys.size === 0 ? 0 : correct / predictedKeys.size;
  const recall = goldKeys.size === 0 ? 0 : correct / goldKeys.size;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, predicted: predictedKeys.size, gold: goldKeys.size, correct };
}

/** Adds up per-document scores (spans are per document, so counts add). */
export function addScores(scores: readonly Score[]): Score {
  const predicted = scores.reduce((n, s) => n + s.predicted, 0);
  const gold = scores.reduce((n, s) => n + s.gold, 0);
  const correct = scores.reduce((n, s) => n + s.correct, 0);
  const precision = predicted === 0 ? 0 : correct / predicted;
  const recall = gold === 0 ? 0 : correct / gold;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1, predicted, gold, correct };
}
