/*
 * Briefing's service worker. The build prepends two constants:
 *   CACHE  the cache name, unique to the build ("briefing-<build id>")
 *   FILES  every file of the site, relative to this script
 * Install precaches the whole site (not only visited pages); activate deletes every other
 * Briefing cache, so once a new build's worker is active no page of the old build is served.
 */
/* global CACHE, FILES */
'use strict';

var BATCH = 50;

self.addEventListener('install', function (event) {
  event.waitUntil(
    caches.open(CACHE).then(function (cache) {
      // Add in batches: one failed request must not leave the browser holding thousands at once.
      var chain = Promise.resolve();
      for (var i = 0; i < FILES.length; i += BATCH) {
        (function (batch) {
          chain = chain.then(function () {
            // cache: 'reload' goes past the browser's HTTP cache, which may still hold the
            // previous build's files on a host that sends max-age (GitHub Pages sends 600 s).
            return cache.addAll(
              batch.map(function (url) {
                return new Request(url, { cache: 'reload' });
              }),
            );
          });
        })(FILES.slice(i, i + BATCH));
      }
      return chain;
    }).then(function () {
      return self.skipWaiting();
    }),
  );
});

self.addEventListener('activate', function (event) {
  event.waitUntil(
    caches.keys().then(function (names) {
      return Promise.all(
        names
          .filter(function (name) {
            return name.indexOf('briefing-') === 0 && name !== CACHE;
          })
          .map(function (name) {
            return caches.delete(name);
          }),
      );
    }).then(function () {
      return self.clients.claim();
    }),
  );
});

self.addEventListener('fetch', function (event) {
  var request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  event.respondWith(
    caches.open(CACHE).then(function (cache) {
      // search.html?q=… is the same file as search.html; a folder URL is its index.html (not
      // precached as "./" itself: hosts differ in how they answer a folder).
      var url = new URL(request.url);
      var key = url.pathname.slice(-1) === '/' ? new URL('index.html', url) : request;
      return cache.match(key, { ignoreSearch: true }).then(function (hit) {
        return hit || fetch(request);
      });
    }),
  );
});

self.addEventListener('message', function (event) {
  if (event.data === 'briefing-cache-status') {
    caches.open(CACHE).then(function (cache) {
      return cache.keys();
    }).then(function (keys) {
      event.source.postMessage({ type: 'briefing-cache-status', cache: CACHE, cached: keys.length, total: FILES.length });
    });
  }
});
