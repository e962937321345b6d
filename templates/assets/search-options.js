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
  // where those are exactly ASCII_SEPARATORS, which a regular expression without Unicode
  // properties matches about twice as fast: the text is split at those first, and only a piece
  // with a non-ASCII character is split again at SPLIT. The tokens are the same
  // (test/unit/search-options.test.ts); at 10,000 articles this is about 0.5 s of the index.
  var SPLIT = /[\s\p{P}\p{S}]+/u;
  var ASCII_SEPARATORS = /[\t-\r !-/:-@[-`{-~]+/;
  // eslint-disable-next-line no-control-regex
  var NON_ASCII = /[^\x00-\x7f]/;

  function words(text) {
    var tokens = [];
    var pieces = text.split(ASCII_SEPARATORS);
    for (var i = 0; i < pieces.length; i++) {
      var piece = pieces[i];
      if (piece === '') continue;
      if (!NON_ASCII.test(piece)) {
        tokens.push(piece);
        continue;
      }
      var parts = piece.split(SPLIT);
      for (var j = 0; j < parts.length; j++) if (parts[j] !== '') tokens.push(parts[j]);
    }
    return tokens;
  }

  function tokenize(text) {
    var tokens = words(String(text));
    var runs = String(text).match(CJK_RUN);
    if (runs) {
      for (var i = 0; i < runs.length; i++) {
        var run = runs[i];
        for (var j = 0; j + 1 < run.length; j++) tokens.push(run.slice(j, j + 2));
      }
    }
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

  root.BriefingSearchOptions = {
    nameKey: nameKey,
    fields: ['title', 'names', 'text'],
    storeFields: ['kind', 'title', 'names', 'label', 'page', 'text'],
    tokenize: tokenize,
    processTerm: processTerm,
    searchOptions: { boost: { title: 3, names: 3 }, prefix: true, fuzzy: 0.15, combineWith: 'AND' },
  };
})(typeof window !== 'undefined' ? window : globalThis);
