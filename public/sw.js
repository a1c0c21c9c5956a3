// The offline worker: keeps exactly one build of the app (its shell and hashed
// assets) so the app opens without a network. It never answers the API: the
// app's own cache owns data. Served at a fixed URL (/sw.js, never hashed).

// <build> written by scripts/precache.mjs at every build; these are placeholders.
const BUILD = 'unbuilt';
const PRECACHE = [];
// </build>

// Each build's files live in a cache named after the build, so two builds never mix.
const CACHE_PREFIX = 'referral-desk-build-';
const CURRENT_CACHE = CACHE_PREFIX + BUILD;
const SHELL = '/index.html';
// Every open page holds this lock (shared) for its own build; see public/sw-register.js.
const PAGE_LOCK_PREFIX = 'referral-desk-page-build:';
// The server's own answers: never taken from a cache, and not even seen by this worker.
const SERVER_PATHS = ['/api/', '/health/', '/metrics'];

self.addEventListener('install', (event) => {
  event.waitUntil(precache());
  // Where the browser supports it, these requests skip the worker entirely (no start-up cost).
  try {
    event.addRoutes?.(SERVER_PATHS.map((path) => ({
      condition: { urlPattern: new URLPattern({ pathname: path.endsWith('/') ? `${path}*` : path }) },
      source: 'network',
    }))).catch(() => {});
  } catch {
    // The fetch handler below passes them through as well.
  }
});

async function precache() {
  const cache = await caches.open(CURRENT_CACHE);
  try {
    // `reload` bypasses the HTTP cache, so every file is this server's current copy.
    await cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })));
    // A deploy between fetching sw.js and its files would mix two builds: the shell tells.
    const shell = await (await cache.match(SHELL)).text();
    if (!shell.includes(`<meta name="referral-desk-build" content="${BUILD}"`)) {
      throw new Error(`the server's index.html is not build ${BUILD}`);
    }
  } catch (error) {
    // All or nothing: a worker whose build is not complete must not install.
    await caches.delete(CURRENT_CACHE);
    throw error;
  }
}

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    // Pages opened before the first install (or with a hard reload) work offline from now on.
    await self.clients.claim();
    await removeUnusedBuilds();
  })());
});

self.addEventListener('message', (event) => {
  switch (event.data?.type) {
    // The user chose "Reload" on the new-version banner.
    case 'skip-waiting':
      self.skipWaiting();
      break;
    // A page started (and a page of an older build may have closed just before).
    case 'page-started':
      event.waitUntil(removeUnusedBuilds());
      break;
  }
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // Not answering (no respondWith) hands the request to the network untouched.
  if (SERVER_PATHS.some((path) => url.pathname.startsWith(path))) return;
  if (request.mode === 'navigate') {
    event.respondWith(pageLoad(request));
  } else if (url.searchParams.has('build')) {
    event.respondWith(buildsOwn(request, url.searchParams.get('build')));
  } else {
    event.respondWith(cacheFirst(request));
  }
});

/** Network first, so a deploy is seen at once; the cached shell when the server cannot be reached. */
async function pageLoad(request) {
  try {
    return await fetch(request);
  } catch (offline) {
    const shell = await (await caches.open(CURRENT_CACHE)).match(SHELL);
    if (shell) return shell;
    throw offline;
  }
}

/**
 * A file whose name has no hash (a language's messages), for the build the page runs,
 * which the page names (`?build=`; src/api.rs): that build's copy, else the network's.
 * The page may run a newer build than this worker's (its index.html came from the
 * network after a deploy) or an older one (a tab left open).
 */
async function buildsOwn(request, build) {
  const copy = await caches.match(request, { cacheName: CACHE_PREFIX + build, ignoreSearch: true });
  return copy ?? fetch(request);
}

/** Hashed files never change: this build's copy, else an older build's (for a page still running it), else the network. */
async function cacheFirst(request) {
  const current = await (await caches.open(CURRENT_CACHE)).match(request);
  if (current) return current;
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX) || name === CURRENT_CACHE) continue;
    const older = await (await caches.open(name)).match(request);
    if (older) return older;
  }
  return fetch(request);
}

/**
 * Deletes the caches of older builds that no open page runs. A page holds a shared
 * lock named after its build while it lives; taking that lock exclusively (only if
 * free) proves no page runs the build, and holding it while deleting stops a page
 * of that build from starting in between.
 */
async function removeUnusedBuilds() {
  // Without Web Locks nothing proves a build unused: keeping a few old caches is the safe side.
  if (!self.navigator.locks) return;
  for (const name of await caches.keys()) {
    if (!name.startsWith(CACHE_PREFIX) || name === CURRENT_CACHE) continue;
    // A newer build installing or waiting has a cache no page uses yet: it is that build's to clean up.
    if (self.registration.installing || self.registration.waiting) return;
    const build = name.slice(CACHE_PREFIX.length);
    await self.navigator.locks.request(PAGE_LOCK_PREFIX + build, { mode: 'exclusive', ifAvailable: true }, async (lock) => {
      if (lock) await caches.delete(name);
    });
  }
}
