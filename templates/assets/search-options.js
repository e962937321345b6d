/*
 * Search options shared by the build (src/emit/search.ts, which runs this file in a sandbox to
 * index the site) and the browser (search.html loads it as a classic script, which works from
 * file:// where fetch and ES modules do not). One definition, so build and browser tokenize alike.
 */
(function (root) {
  'use strict';

  // Scripts written without spaces between words: Han, Hiragana, Katakana. Their runs are indexed
  // as overlapping character pairs, so "金正恩" is found by "正恩". Hangul uses spaces and prefix
  // search, like Latin and Cyrillic.
  var CJK_RUN = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]{2,}/g;
  // Words are split at white space, punctuation and symbols (SPLIT). Most text is mostly ASCII,
  // where those are exactly the ASCII separators below: a scan over the characters finds the
  // pieces between ASCII separators, and only a piece with a non-ASCII character is split again
  // at SPLIT. The tokens are the same (test/unit/search-options.test.ts).
  var SPLIT = /[\s\p{P}\p{S}]+/u;
  // 1 for the ASCII characters SPLIT splits at: \t-\r, space, !-/, :-@, [-`, {-~.
  var ASCII_SEPARATOR = new Uint8Array(128);
  for (var c = 0; c < 128; c++) ASCII_SEPARATOR[c] = SPLIT.test(String.fromCharCode(c)) ? 1 : 0;

  // Visits the tokens of `text` in order: `word(start, end)` for a word of ASCII characters only,
  // which is text.slice(start, end); `token(string)` for any other. The build indexes millions of
  // words and finds each by its characters, without making a string of it (src/emit/search-index.ts).
  function scan(text, word, token) {
    var n = text.length;
    var i = 0;
    while (i < n) {
      var code = text.charCodeAt(i);
      if (code < 128 && ASCII_SEPARATOR[code] === 1) {
        i++;
        continue;
      }
      var start = i;
      var ascii = true;
      for (; i < n; i++) {
        code = text.charCodeAt(i);
        if (code < 128) {
          if (ASCII_SEPARATOR[code] === 1) break;
        } else ascii = false;
      }
      if (ascii) {
        word(start, i);
        continue;
      }
      var parts = text.slice(start, i).split(SPLIT);
      for (var j = 0; j < parts.length; j++) if (parts[j] !== '') token(parts[j]);
    }
    var runs = text.match(CJK_RUN);
    if (runs) {
      for (var r = 0; r < runs.length; r++) {
        var run = runs[r];
        for (var k = 0; k + 1 < run.length; k++) token(run.slice(k, k + 2));
      }
    }
  }

  function tokenize(text) {
    var s = String(text);
    var tokens = [];
    scan(
      s,
      function (start, end) {
        tokens.push(s.slice(start, end));
      },
      function (t) {
        tokens.push(t);
      },
    );
    return tokens;
  }

  // eslint-disable-next-line no-control-regex
  var ASCII = /^[\x00-\x7f]*$/;

  function processTerm(term) {
    // NFKC changes nothing in ASCII: skip it for the common case (millions of terms at scale).
    var t = ASCII.test(term) ? term.toLowerCase() : term.normalize('NFKC').toLowerCase();
    return t.length > 0 ? t : null;
  }

  // The key a name is compared by when ranking exact matches first (like the build's nameKey).
  function nameKey(s) {
    return String(s).normalize('NFKC').toUpperCase().toLowerCase().replace(/\s+/g, ' ').trim();
  }

  // The part of a long text around the first match of `terms`, for a search result: about 80
  // characters before it and 120 after, cut at spaces so no word is cut in half, with an ellipsis
  // where the text goes on. A cut inside a word moves inward to the next space, or outward to the
  // word's edge when the only space inward is past the match (at most WORD characters, so text
  // without spaces, such as Chinese, is still cut near the place).
  var WORD = 40;
  var SPACE = /\s/;
  function excerpt(text, terms) {
    if (!text) return '';
    var lower = text.toLowerCase();
    var at = -1;
    var found = 0;
    for (var i = 0; i < terms.length && at < 0; i++) {
      var term = String(terms[i]).toLowerCase();
      at = term ? lower.indexOf(term) : -1;
      found = term.length;
    }
    if (at < 0) at = found = 0;
    var from = Math.max(0, at - 80);
    var to = Math.min(text.length, at + found + 120);
    from = wordStart(text, from, at);
    to = wordEnd(text, to, at + found);
    return (from > 0 ? '…' : '') + text.slice(from, to).trim() + (to < text.length ? '…' : '');
  }
  function wordStart(text, from, limit) {
    var f = from;
    while (f > 0 && f < limit && !SPACE.test(text.charAt(f - 1))) f++;
    if (f === 0 || SPACE.test(text.charAt(f - 1))) return f;
    for (f = from; f > 0 && from - f < WORD && !SPACE.test(text.charAt(f - 1)); ) f--;
    return f === 0 || SPACE.test(text.charAt(f - 1)) ? f : from;
  }
  function wordEnd(text, to, limit) {
    var t = to;
    while (t < text.length && t > limit && !SPACE.test(text.charAt(t))) t--;
    if (t === text.length || SPACE.test(text.charAt(t))) return t;
    for (t = to; t < text.length && t - to < WORD && !SPACE.test(text.charAt(t)); ) t++;
    return t === text.length || SPACE.test(text.charAt(t)) ? t : to;
  }

  root.BriefingSearchExcerpt = excerpt;
  root.BriefingSearchOptions = {
    nameKey: nameKey,
    fields: ['title', 'names', 'text'],
    storeFields: ['kind', 'title', 'names', 'label', 'page', 'text'],
    tokenize: tokenize,
    scan: scan,
    processTerm: processTerm,
    searchOptions: { boost: { title: 3, names: 3 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  };
})(typeof window !== 'undefined' ? window : globalThis);
