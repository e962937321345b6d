import type MarkdownIt from 'markdown-it';
import type { EntityRegistry } from '../content/registry.ts';
import { registerCollectRules } from './collect.ts';
import { registerMentionRule } from './mention.ts';
import { registerRenderRules, type EntityHref } from './render.ts';
import type { SpanKeyTable } from './span-keys.ts';
import { registerSpanRule } from './span.ts';

export interface AnnotationOptions {
  /** The one resolver for mention, quote and about targets. */
  readonly registry: EntityRegistry;
  /** The attribute keys spans take: `SPAN_KEYS` but in tests. */
  readonly spanKeys?: SpanKeyTable;
  /**
   * The page an entity's mentions link to, relative to the output root. Given by the caller, so
   * the annotate layer knows no URL scheme: the site layer owns page paths (src/site/paths.ts).
   */
  readonly entityHref: EntityHref;
}

/**
 * The annotation plugin (FORMAT.md §2): `[[mentions]]` and `[text]{…}` attribute spans as named
 * inline rules, their renderer rules, and core rules that record positions, anchors and plain
 * text in `env.briefing`. Nothing happens at import time; `build` and `check` use the same plugin.
 */
export function annotations(md: MarkdownIt, options: AnnotationOptions): void {
  registerMentionRule(md, options.registry);
  registerSpanRule(md, options.registry, options.spanKeys);
  registerCollectRules(md);
  registerRenderRules(md, options.entityHref);
}
