// Registers the offline worker (public/sw.js), keeps this page's build cached
// while the page is open, and offers a new build when one is ready: a new build
// never replaces files under a running page, the user chooses when to reload.

const BUILD = document.querySelector('meta[name="referral-desk-build"]')?.content;
// Shared with public/sw.js: a build's cache is deleted only when nobody holds its lock.
const PAGE_LOCK_PREFIX = 'referral-desk-page-build:';
const UPDATE_CHECK_MS = 60 * 60 * 1000;
const RELOAD_FALLBACK_MS = 5000;
const APP_START_FALLBACK_MS = 30_000;

// Without a worker (an old browser, plain http on another host) the app runs as before, online only.
if ('serviceWorker' in navigator) {
  const banner = updateBanner();
  let reloadRequested = false;
  let controlled = Boolean(navigator.serviceWorker.controller);

  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloadRequested) {
      location.reload();
    } else if (controlled) {
      // Another tab let a new build take over; this page still runs its own, still cached, build.
      banner.offer(null);
    }
    controlled = true;
  });

  holdBuildLock();

  // After the page has loaded and the app has started, so precaching never competes with
  // the app's own download (which need not hold up `load`: index.html may fetch it after
  // the first paint).
  whenStarted(() => navigator.serviceWorker.register('/sw.js', { scope: '/' }).then((registration) => {
    // Some environments stub registration out (privacy tools, Playwright's serviceWorkers: 'block').
    if (!registration) return;
    const offerWaiting = () => {
      if (registration.waiting && navigator.serviceWorker.controller) banner.offer(registration);
    };
    offerWaiting();
    registration.addEventListener('updatefound', () => {
      const installing = registration.installing;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed') offerWaiting();
      });
    });
    // Browsers look for a new sw.js on page loads; a tab left open all day looks too.
    const checkForUpdate = () => registration.update().catch(() => {});
    setInterval(checkForUpdate, UPDATE_CHECK_MS);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') checkForUpdate();
    });
  }, (error) => console.warn('Referral Desk works online only here: the offline worker did not register.', error)));

  banner.onReload = (registration) => {
    const waiting = registration?.waiting;
    if (!waiting) {
      location.reload();
      return;
    }
    reloadRequested = true;
    waiting.postMessage({ type: 'skip-waiting' });
    // The reload normally follows the new worker taking over; never leave the user waiting on it.
    setTimeout(() => location.reload(), RELOAD_FALLBACK_MS);
  };
}

function whenLoaded(run) {
  if (document.readyState === 'complete') run();
  else addEventListener('load', run, { once: true });
}

/** Runs `run` once the page has loaded and Trunk's loader has started the app, or
 * APP_START_FALLBACK_MS after the load if the app never starts (the worker still serves
 * the next visit). */
function whenStarted(run) {
  let started = Boolean(window.wasmBindings);
  let loaded = false;
  let done = false;
  const maybe = () => {
    if (started && loaded && !done) {
      done = true;
      run();
    }
  };
  addEventListener('TrunkApplicationStarted', () => {
    started = true;
    maybe();
  }, { once: true });
  whenLoaded(() => {
    loaded = true;
    maybe();
    setTimeout(() => {
      started = true;
      maybe();
    }, APP_START_FALLBACK_MS);
  });
}

/** Holds this build's lock for the page's lifetime, then tells the worker a page started. */
function holdBuildLock() {
  if (!BUILD || !navigator.locks) return;
  navigator.locks.request(PAGE_LOCK_PREFIX + BUILD, { mode: 'shared' }, () => {
    navigator.serviceWorker.controller?.postMessage({ type: 'page-started' });
    return new Promise(() => {});
  });
}

/**
 * The "A new version is available" banner: a polite live region that exists (empty)
 * from the start, so screen readers announce it when it fills. Not role="status":
 * an empty extra status would stand beside the app's own status messages.
 */
function updateBanner() {
  const region = document.createElement('div');
  region.className = 'update-banner';
  region.setAttribute('aria-live', 'polite');
  document.body.append(region);
  let offered;
  const banner = {
    onReload: () => {},
    /** Shows the banner; `registration` has the waiting worker, or none when one already took over. */
    offer(registration) {
      const shown = offered !== undefined;
      offered = registration;
      if (shown) return;
      const message = document.createElement('span');
      const reload = document.createElement('button');
      reload.type = 'button';
      // In the page's language: index.html's first paint and then the app (src/i18n.rs
      // `share_with_page`) leave the words on <html>; a language switch rewords it.
      const word = () => {
        const words = document.documentElement.dataset;
        message.textContent = words.updateAvailable || 'A new version is available.';
        reload.textContent = words.updateReload || 'Reload';
      };
      word();
      new MutationObserver(word).observe(document.documentElement, {
        attributes: true,
        attributeFilter: ['data-update-available', 'data-update-reload'],
      });
      reload.addEventListener('click', () => {
        reload.disabled = true;
        banner.onReload(offered);
      });
      region.replaceChildren(message, reload);
    },
  };
  return banner;
}
