/*
 * Progressive enhancements for every page; the site reads fully without them.
 * - Offline: over http(s), registers the service worker (sw.js at the site root), which
 *   precaches the whole site. From file:// there is nothing to register (and no need); under
 *   `briefing serve`, which writes BRIEFING_SERVE before this script, a cache would show each
 *   edit one version late after the live reload, so nothing registers.
 * - Hover previews: entity links show the entity's name, type and summary, from
 *   data/previews.js (a classic script, so it works from file:// too).
 */
(function () {
  'use strict';
  var root = document.documentElement.getAttribute('data-root') || '';

  if (!window.BRIEFING_SERVE && 'serviceWorker' in navigator && (location.protocol === 'https:' || location.protocol === 'http:')) {
    window.addEventListener('load', function () {
      navigator.serviceWorker.register(root + 'sw.js').catch(function () {
        /* offline reading is an enhancement: a failure changes nothing else */
      });
    });
  }

  var previews = window.BRIEFING_PREVIEWS || {};
  var card = null;
  var timer = null;

  function hide() {
    clearTimeout(timer);
    if (card) {
      card.remove();
      card = null;
    }
  }

  function show(link) {
    var data = previews[link.getAttribute('data-entity')];
    if (!data) return;
    hide();
    card = document.createElement('div');
    card.className = 'preview-card';
    card.setAttribute('role', 'tooltip');
    var name = document.createElement('strong');
    name.textContent = data[0];
    var type = document.createElement('span');
    type.className = 'preview-type';
    type.textContent = data[1];
    if (data[3]) {
      // The entity's thumbnail (src/emit/previews.ts), its path from the site's root.
      var img = document.createElement('img');
      img.src = root + data[3];
      img.width = data[4];
      img.height = data[5];
      img.alt = data[6];
      img.decoding = 'async';
      card.appendChild(img);
    }
    card.appendChild(name);
    card.appendChild(type);
    if (data[2]) {
      var summary = document.createElement('p');
      summary.textContent = data[2];
      card.appendChild(summary);
    }
    document.body.appendChild(card);
    var r = link.getBoundingClientRect();
    var top = window.scrollY + r.bottom + 6;
    var left = Math.max(8, Math.min(window.scrollX + r.left, window.scrollX + document.documentElement.clientWidth - card.offsetWidth - 8));
    card.style.top = top + 'px';
    card.style.left = left + 'px';
  }

  function entityLink(target) {
    return target && target.closest ? target.closest('a[data-entity]') : null;
  }

  document.addEventListener('mouseover', function (e) {
    var link = entityLink(e.target);
    if (!link) return;
    clearTimeout(timer);
    timer = setTimeout(function () {
      show(link);
    }, 250);
  });
  document.addEventListener('mouseout', function (e) {
    if (entityLink(e.target)) hide();
  });
  document.addEventListener('focusin', function (e) {
    var link = entityLink(e.target);
    if (link) show(link);
    else hide();
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') hide();
  });
})();
