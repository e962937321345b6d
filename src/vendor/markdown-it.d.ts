// markdown-it 14 has `linkLevel` on the inline state (set while a link's text is parsed);
// @types/markdown-it 14.2 does not declare it yet.
import 'markdown-it/lib/rules_inline/state_inline.mjs';

declare module 'markdown-it/lib/rules_inline/state_inline.mjs' {
  export default interface StateInline {
    linkLevel: number;
  }
}
