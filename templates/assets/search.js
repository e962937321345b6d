/*
 * The search page: reads ?q=, searches the index built at build time (data/search-index.js sets
 * window.BRIEFING_SEARCH_INDEX; assets/search-options.js the shared tokenizer) with MiniSearch,
 * and lists results with their type, title and a snippet with the matches highlighted, as the
 * reader types. Its words are the page's: a JSON blob (#search-messages) from the briefing's
 * catalogue, plural forms chosen by the page language's Intl.PluralRules.
 * Everything is a classic script, so it works opened from disk, where fetch is refused.
 */
(function () {
  'use strict';
  var options = window.BriefingSearchOptions;
  var excerpt = window.BriefingSearchExcerpt;
  var form = document.querySelector('.search-page-form');
  var input = document.getElementById('q');
  var out = document.getElementById('search-results');
  if (!options || !excerpt || !window.MiniSearch || !window.BRIEFING_SEARCH_INDEX || !input || !out) return;

  var index = window.MiniSearch.loadJS(window.BRIEFING_SEARCH_INDEX, options);
  var messages = {};
  var blob = document.getElementById('search-messages');
  try {
    messages = JSON.parse(blob.textContent);
  } catch {
    /* without its words the page still searches: each message shows as its key */
  }
  var rules = new Intl.PluralRules((blob && blob.getAttribute('data-lang')) || 'en');
  // A message with its {placeholders} filled: the message is the project's text, the values are escaped.
  function message(key, values, count) {
    var m = messages[key];
    if (m && typeof m === 'object') m = m[rules.select(count)] || m.other;
    return String(m || key).replace(/\{([A-Za-z][A-Za-z0-9]*)\}/g, function (p, name) {
      return Object.prototype.hasOwnProperty.call(values, name) ? values[name] : p;
    });
  }
  var MAX = 50;

  function escapeHtml(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  }

  // Wrap each matched term in <mark>, terms matched case-insensitively. Terms are found in the text
  // as written and each piece escaped after: matched in escaped text, "quot" would split "&quot;".
  function highlight(text, terms) {
    var words = terms
      .map(function (t) {
        return String(t).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .filter(Boolean)
      .sort(function (a, b) {
        return b.length - a.length;
      });
    if (!words.length) return escapeHtml(text);
    // With one capturing group, split gives the text between matches at even places, the matches at odd ones.
    return String(text)
      .split(new RegExp('(' + words.join('|') + ')', 'giu'))
      .map(function (piece, i) {
        return i % 2 ? '<mark>' + escapeHtml(piece) + '</mark>' : escapeHtml(piece);
      })
      .join('');
  }

  function run(query) {
    out.innerHTML = '';
    if (!query.trim()) return;
    var results = index.search(query);
    if (!results.length) results = index.search(query, { combineWith: 'OR' });
    // A query that is exactly an entity's name or one of its aliases puts that entity first.
    var key = options.nameKey(query);
    var exact = function (r) {
      if (r.kind !== 'entity') return false;
      if (options.nameKey(r.title) === key) return true;
      return String(r.names || '').split(' · ').some(function (n) {
        return options.nameKey(n) === key;
      });
    };
    results = results.filter(exact).concat(results.filter(function (r) {
      return !exact(r);
    }));
    var heading = document.createElement('p');
    heading.className = 'search-count';
    heading.innerHTML =
      results.length === 0
        ? message('search.none', { query: escapeHtml(query) })
        : message('search.count', { query: escapeHtml(query), count: results.length }, results.length);
    out.appendChild(heading);
    var list = document.createElement('ol');
    list.className = 'search-results';
    results.slice(0, MAX).forEach(function (r) {
      var terms = r.terms.concat(r.queryTerms || []);
      var li = document.createElement('li');
      li.className = 'search-result search-' + r.kind;
      li.innerHTML =
        '<span class="type">' + (messages['kind.' + r.kind] ? message('kind.' + r.kind, {}) : escapeHtml(r.kind)) + (r.label ? ' · ' + escapeHtml(r.label) : '') + '</span>' +
        '<a class="result-title" href="' + escapeHtml(r.page) + '">' + highlight(r.title, terms) + '</a>' +
        // Found by another name: show the names, so the reader sees why.
        (r.names && terms.some(function (t) { return r.names.toLowerCase().indexOf(String(t).toLowerCase()) >= 0; })
          ? '<p class="result-names">' + message('search.alsoCalled', { names: highlight(r.names, terms) }) + '</p>'
          : '') +
        (r.text ? '<p class="snippet">' + highlight(excerpt(r.text, terms), terms) + '</p>' : '');
      list.appendChild(li);
    });
    out.appendChild(list);
  }

  var params = new URLSearchParams(location.search);
  var q = params.get('q') || '';
  input.value = q;
  run(q);
  // Results as the reader types, once typing pauses (DELAY ms), and at once on Enter. The address
  // keeps the query, so a result page can be bookmarked and Back returns to it.
  var DELAY = 150;
  var timer = 0;
  var shown = q;
  function update() {
    clearTimeout(timer);
    var value = input.value;
    if (value === shown) return;
    shown = value;
    history.replaceState(null, '', value ? '?q=' + encodeURIComponent(value) : location.pathname);
    run(value);
  }
  input.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(update, DELAY);
  });
  if (form) {
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      shown = null;
      update();
    });
  }
})();
