/*
 * Briefing's service worker. The build prepends three constants:
 *   BUILD  the build's id
 *   FILES  every file of the site, relative to this script
 *   SERVE  true under `briefing serve`
 * Install precaches the whole site (not only visited pages); activate deletes the site's other
 * caches, so once a new build's worker is active no page of the old build is served.
 * Under `serve` the worker retires instead (see the end of this file).
 */
/* global BUILD, FILES, SERVE */
'use strict';

var BATCH = 50;
// Briefings served under one origin (/a/ and /b/) share its cache storage: a cache's name carries
// the path of the worker's scope, and a worker deletes only caches of its own path. A scope's
// path is percent-encoded and holds no space, so "/a/ " never begins "/a/b/ ".
var PREFIX = 'briefing ' + new URL(self.registration.scope).pathname + ' ';
var CACHE = PREFIX + BUILD;
// Names once had no path ("briefing-<build id>"); such a cache is this site's if it holds its home page.
var UNSCOPED = 'briefing-';

/** Deletes this site's caches other than `keep` (none of another path, whatever their name). */
function deleteOwnCaches(keep) {
  var home = new URL('index.html', self.registration.scope).href;
  return caches.keys().then(function (names) {
    return Promise.all(
      names.map(function (name) {
        if (name === keep) return undefined;
        if (name.indexOf(PREFIX) === 0) return caches.delete(name);
        if (name.indexOf(UNSCOPED) !== 0) return undefined;
        return caches.match(home, { cacheName: name }).then(function (hit) {
          return hit ? caches.delete(name) : undefined;
        });
      }),
    );
  });
}

if (SERVE) retire();
else offline();

/** Offline reading: precache on install, answer from the cache. */
function offline() {
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
      deleteOwnCaches(CACHE).then(function () {
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
}

/**
 * Under `serve` pages change with every edit and the dev server reloads them, so a worker
 * answering from a cache would show each edit one version late. Pages under `serve` register no
 * worker (templates/assets/site.js); this one takes the place of a worker that an earlier build
 * served at the same address installed (the browser fetches the new sw.js after a navigation),
 * deletes that site's caches, unregisters, and reloads the pages it controlled from the network.
 * It has no fetch handler, so nothing goes through a cache meanwhile.
 */
function retire() {
  self.addEventListener('install', function () {
    self.skipWaiting();
  });
  self.addEventListener('activate', function (event) {
    event.waitUntil(
      deleteOwnCaches(null)
        .then(function () {
          return self.registration.unregister();
        })
        .then(function () {
          // The windows of this site; a reload loop is impossible, as the reloaded pages
          // register no worker.
          // Uncontrolled ones too: a window whose control passed before this worker activated
          // still shows the old build's page until it reloads.
          return self.clients.matchAll({ type: 'window', includeUncontrolled: true });
        })
        .then(function (windows) {
          return Promise.all(
            windows.map(function (client) {
              return client.navigate(client.url).catch(function () {
                /* a window that cannot be navigated keeps its page until the reader reloads */
              });
            }),
          );
        }),
    );
  });
}
