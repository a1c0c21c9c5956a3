// The Inbox as a hand-written page would render it: the baseline that
// scripts/bench-app-vs-baseline.mjs measures the app against (issue 13, item 4).
//
// Same data, same way in, as the app (src/store/sync.rs, src/api.rs):
// - GET /api/v1/me (who is signed in, and the CSRF token), then the sync feed,
//   GET /api/v1/sync?limit=1000 page after page (`since` = the last page's cursor,
//   until `more` is false). The rows show once every page is in, as the app's do:
//   the list is sorted over all referrals, so the first rows are known only then.
// - The list model holds every referral the feed sent, with each one's creation time
//   parsed and its search text folded once (the app keeps a search index too).
// Same rows as the app's Inbox (src/components/referral_table.rs, with its markup and
// the app's stylesheets): the Marketplace tab (status New; qualification Direct or
// None), newest first, ties by id, the domain `Filter`'s default order.
// Windowed, as the app's table is: only the rows on screen plus 8 above and 8 below
// are in the document; two spacer rows of the measured row height stand in for the
// rest, so the scrollbar stays true. Without windowing a 10,000-row Inbox would be
// 10,000 rows of DOM, which no hand-written page of this kind would do either.
// Search as the app's: applied on submit (Enter), into the URL (`?q=`), every word
// (case- and accent-folded) in the customer, deal name, notes or a customer contact's
// name or email. The heart changes at once and then tells the server (PUT/DELETE
// /api/v1/referrals/:id/favorite), as the app's does.
// Left out (the app has them): the filter panel, tabs and their counts, sort, the
// event stream and polling, the offline cache, ticking countdowns; a spam contact is
// one whose email validity says Spam (the domain also checks a list of domains).
'use strict';

const PAGE_LIMIT = 1000;
const OVERSCAN = 8;
const FALLBACK_STRIDE = 80;
const HOUR = 3_600_000;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EMAIL_RANK = { Valid: 3, Unknown: 2, Invalid: 1, Spam: 0 };
const PHONE_RANK = { Valid: 3, Unknown: 2, Invalid: 1 };
const EMAIL_LABEL = { Valid: 'Valid', Invalid: 'Invalid', Spam: 'Spam', Unknown: 'Not verified' };
const PHONE_LABEL = { Valid: 'Valid', Invalid: 'Invalid', Unknown: 'Not verified' };
const LEAD_TYPE = { Offer: 'Offer', Profile: 'Business profile' };
const LEAD_SOURCE = { AppSource: 'AppSource', AzureMarketplace: 'Azure Marketplace', AzurePortal: 'Azure portal' };
const CALL_TO_ACTION = { GetItNow: 'Get it now', FreeTrial: 'Free trial', TestDrive: 'Test drive', ContactMe: 'Contact me' };
const HEART_PATH = 'M12 21s-7.5-4.6-9.6-9.1C.9 8.6 3 5 6.6 5c2 0 3.4 1.1 4.2 2.3h2.4C14 6.1 15.4 5 17.4 5 21 5 23.1 8.6 21.6 11.9 19.5 16.4 12 21 12 21z';
const FLAME_PATH = 'M12 2c1 3.5-1.5 5.5-3 7.5C7.2 11.9 6 13.8 6 16a6 6 0 0 0 12 0c0-2.6-1.3-4.6-2.6-6.1-.3 1.4-1 2.5-2.1 3.1.6-3.9-.3-8.2-1.3-11z';
const SPAM_WHY = 'Probable spam: a contact&#39;s email address or domain is known for spam';

/** Every referral of the feed, each as `{ referral, created, text }`. */
let model = [];
/** The ids the user hearted. */
const favorites = new Set();
/** The rows shown: entries of `model`, in order. */
let shown = [];
let csrfToken = '';
let stride = FALLBACK_STRIDE;
let windowRows = [0, 0];
let table = null;
let body = null;
let spacerTop = null;
let spacerBottom = null;

const escapeMap = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => escapeMap[c]);

/** Lower case, without accents: "Müller" and "MULLER" both fold to "muller". */
function fold(text) {
  const lower = text.toLowerCase();
  // Most text is ASCII: nothing to decompose.
  return /^[\x00-\x7f]*$/.test(lower) ? lower : lower.normalize('NFKD').replace(/\p{M}/gu, '');
}

function searchText(referral) {
  const fields = [referral.customerProfile.name, referral.name, referral.details?.notes ?? ''];
  for (const contact of referral.customerProfile.team ?? []) fields.push(contact.firstName, contact.lastName, contact.email ?? '');
  return fields.map(fold).join('\n');
}

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

async function load() {
  const me = await getJson('/api/v1/me');
  csrfToken = me.csrfToken;
  const all = [];
  let since = null;
  for (;;) {
    const page = await getJson(`/api/v1/sync?limit=${PAGE_LIMIT}${since ? `&since=${encodeURIComponent(since)}` : ''}`);
    for (const referral of page.referrals) all.push(referral);
    since = page.cursor;
    if (!page.more) break;
  }
  model = all.map((referral) => {
    const created = Date.parse(referral.createdDateTime);
    return { referral, created, closesAt: closesAt(referral, created), text: searchText(referral) };
  });
  for (const { referral } of model) if (referral.favorite) favorites.add(referral.id);
}

/**
 * When time closes an Inbox referral (the domain's `close_if_due`, which the app applies
 * on the device's clock too): its expiry, or an informational lead's six-month archive.
 */
function closesAt(referral, created) {
  if (referral.status !== 'New') return Infinity;
  if (!isInformational(referral)) return Date.parse(referral.expirationDateTime);
  const archive = new Date(created);
  archive.setUTCMonth(archive.getUTCMonth() + 6);
  return archive.getTime();
}

const isMarketplace = (referral) => referral.qualification === 'Direct' || referral.qualification === 'None';

/** The Inbox's Marketplace referrals matching every search word, newest first, ties by id. */
function select(search) {
  const words = fold(search).split(/\s+/).filter(Boolean);
  const now = Date.now();
  const matching = model.filter(({ referral, closesAt, text }) => referral.status === 'New' && now < closesAt && isMarketplace(referral) && words.every((word) => text.includes(word)));
  return matching.sort((a, b) => b.created - a.created || (a.referral.id < b.referral.id ? -1 : a.referral.id > b.referral.id ? 1 : 0));
}

function duration(ms) {
  const minutes = Math.max(0, Math.floor(ms / 60_000));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor(minutes / 60) % 24;
  const rest = minutes % 60;
  if (days === 0) {
    if (hours === 0) return rest === 0 ? 'less than a minute' : `${rest} min`;
    return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
  }
  const dayWord = days === 1 ? '1 day' : `${days} days`;
  return hours === 0 ? dayWord : `${dayWord} ${hours} h`;
}

const pad = (n) => String(n).padStart(2, '0');
const formatDate = (at) => `${at.getDate()} ${MONTHS[at.getMonth()]} ${at.getFullYear()}`;
const formatTime = (at) => `${pad(at.getHours())}:${pad(at.getMinutes())}`;

function primaryContact(referral) {
  if (referral.substatus === 'Expired') return null;
  let best = null;
  let bestKey = -1;
  for (const contact of referral.customerProfile.team ?? []) {
    const key = (EMAIL_RANK[contact.emailValidity] ?? 2) * 10 + (PHONE_RANK[contact.phoneValidity] ?? 2);
    // The first of equals.
    if (key > bestKey) {
      best = contact;
      bestKey = key;
    }
  }
  return best;
}

function isInformational(referral) {
  return referral.leadType === 'Offer' && ['GetItNow', 'FreeTrial', 'TestDrive'].includes(referral.callToAction);
}

function flameHtml(referral, created, now) {
  if (!referral.details?.customerRequestedContact || referral.status === 'Closed') return '';
  const [tone, label] = now - created < 72 * HOUR ? ['hot', 'Hot: the customer asked to be contacted'] : ['cooled', 'Cooled: asked to be contacted more than 72 hours ago'];
  return `<span class="flame flame-${tone}" role="img" aria-label="${label}" title="${label}"><svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path d="${FLAME_PATH}"/></svg></span>`;
}

function stageHtml(referral, created, now) {
  if (referral.status === 'New' && !isInformational(referral)) {
    const respondIn = created + 24 * HOUR - now;
    const expiry = Date.parse(referral.expirationDateTime) - now;
    const windowShort = respondIn > 0 ? `${duration(respondIn)} left` : `Overdue by ${duration(-respondIn)}`;
    const windowLong = respondIn > 0 ? `${duration(respondIn)} left to respond` : `Respond now: the 24 h window passed ${duration(-respondIn)} ago`;
    return `<span class="line${respondIn > 0 ? '' : ' urgent'}" title="${windowLong}">${windowShort}</span><span class="line secondary">${expiry > 0 ? `Expires in ${duration(expiry)}` : 'Expiring now'}</span>`;
  }
  const archive = new Date(created);
  archive.setMonth(archive.getMonth() + 6);
  return `<span class="line">No action needed</span><span class="line secondary">${isInformational(referral) ? `Archived on ${formatDate(archive)}` : ''}</span>`;
}

function badge(kind, tone, label, icon) {
  return `<span class="line"><span class="badge validity-${tone}" title="${kind}: ${label}"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"><path d="${icon}" fill="none" stroke="currentColor" stroke-width="2"/></svg><span class="visually-hidden">${kind}: </span>${label}</span></span>`;
}

function heartHtml(id) {
  const on = favorites.has(id);
  const label = on ? 'Remove from favorites' : 'Add to favorites';
  return `<button type="button" class="heart${on ? ' heart-on' : ''}" aria-pressed="${on}" aria-label="${label}" title="${label}" data-id="${escape(id)}"><svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false"><path d="${HEART_PATH}"/></svg></button>`;
}

function rowHtml({ referral, created }, index, now) {
  const lead = [LEAD_TYPE[referral.leadType], LEAD_SOURCE[referral.leadSource]].filter(Boolean).join(' · ');
  const contact = primaryContact(referral);
  const spam = (referral.customerProfile.team ?? []).some((c) => c.emailValidity === 'Spam');
  const at = new Date(created);
  const contactHtml = contact
    ? badge('Email', (contact.emailValidity ?? 'Unknown').toLowerCase(), EMAIL_LABEL[contact.emailValidity] ?? 'Not verified', 'M3 5h18v14H3z M3 6l9 7 9-7') +
      badge('Phone', (contact.phoneValidity ?? 'Unknown').toLowerCase(), PHONE_LABEL[contact.phoneValidity] ?? 'Not verified', 'M7 2h10v20H7z M11 18h2')
    : '<span class="line secondary">No contact details</span>';
  return `<tr class="referral-row" aria-rowindex="${index + 2}">` +
    `<td class="heart-cell">${heartHtml(referral.id)}</td>` +
    `<th scope="row" class="customer-cell"><span class="line">${flameHtml(referral, created, now)}` +
    (spam ? `<span class="spam-icon" role="img" aria-label="${SPAM_WHY}" title="${SPAM_WHY}"><svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false"><path d="M12 3 2 21h20z M12 10v5 M12 17.5v.5" fill="none" stroke="currentColor" stroke-width="2"/></svg></span>` : '') +
    `<a href="/referrals/${encodeURIComponent(referral.id)}?stage=Inbox&amp;category=Marketplace" class="customer-link">${escape(referral.customerProfile.name)}</a></span>` +
    `<span class="line secondary" title="${escape(referral.name)}">${escape(referral.name)}</span></th>` +
    `<td class="country-cell"><span class="card-label">Country </span>${escape(referral.customerProfile.address?.country)}</td>` +
    `<td class="lead-cell"><span class="line" title="${lead}">${lead}</span><span class="line secondary">${CALL_TO_ACTION[referral.callToAction] ?? ''}</span></td>` +
    `<td class="created-cell"><time datetime="${escape(referral.createdDateTime)}"><span class="card-label">Created </span><span class="line">${formatDate(at)}</span> <span class="line secondary">${formatTime(at)}</span></time></td>` +
    `<td class="stage-cell">${stageHtml(referral, created, now)}</td>` +
    `<td class="contact-cell">${contactHtml}</td></tr>`;
}

/** Puts the rows of `windowRows` between the spacers. */
function renderRows() {
  const [start, end] = windowRows;
  const now = Date.now();
  let html = '';
  for (let row = start; row < end; row++) html += rowHtml(shown[row], row, now);
  while (spacerTop.nextSibling !== spacerBottom) spacerTop.nextSibling.remove();
  const template = document.createElement('template');
  template.innerHTML = html;
  spacerTop.after(template.content);
  // CSSOM, not style attributes: the server's Content-Security-Policy allows no inline styles.
  spacerTop.style.height = `${start * stride}px`;
  spacerBottom.style.height = `${(shown.length - end) * stride}px`;
}

/** Which rows are on screen (plus the overscan); re-renders when that changed. */
function measure() {
  if (!body) return;
  const row = body.querySelector('tr.referral-row');
  if (row) {
    const gap = parseFloat(getComputedStyle(row).marginBottom) || 0;
    const height = row.getBoundingClientRect().height + gap;
    if (height > 0) stride = height;
  }
  const top = body.getBoundingClientRect().top;
  const first = Math.max(0, Math.floor(-top / stride));
  const fit = Math.ceil(window.innerHeight / stride) + 1;
  const start = Math.min(Math.max(0, first - OVERSCAN), shown.length);
  const end = Math.min(first + fit + OVERSCAN, shown.length);
  if (start !== windowRows[0] || end !== windowRows[1]) {
    windowRows = [start, end];
    renderRows();
  }
}

/** A new list for `search`: count, and a table scrolled to its top rows. */
function show(search) {
  shown = select(search);
  document.querySelector('.result-count').textContent = shown.length === 1 ? '1 referral' : `${shown.length} referrals`;
  const list = document.getElementById('list');
  if (shown.length === 0) {
    list.innerHTML = `<p class="empty">${search ? 'No referrals match these filters.' : 'No referrals here.'}</p>`;
    table = body = null;
    return;
  }
  list.innerHTML =
    `<table class="referral-table" aria-rowcount="${shown.length + 1}"><caption class="visually-hidden">Inbox referrals</caption>` +
    '<thead><tr aria-rowindex="1"><th scope="col"><span class="visually-hidden">Favorite</span></th><th scope="col">Customer</th><th scope="col">Country</th><th scope="col">Lead</th><th scope="col">Created</th><th scope="col">Respond</th><th scope="col">Contact</th></tr></thead>' +
    '<tbody><tr class="spacer" aria-hidden="true"><td colspan="7"></td></tr><tr class="spacer" aria-hidden="true"><td colspan="7"></td></tr></tbody></table>';
  table = list.firstElementChild;
  body = table.tBodies[0];
  [spacerTop, spacerBottom] = body.rows;
  // The first rows, then the window measured on them.
  windowRows = [0, Math.min(40, shown.length)];
  renderRows();
  measure();
}

async function toggleHeart(button) {
  const id = button.dataset.id;
  const wanted = !favorites.has(id);
  if (wanted) favorites.add(id);
  else favorites.delete(id);
  const label = wanted ? 'Remove from favorites' : 'Add to favorites';
  button.classList.toggle('heart-on', wanted);
  button.setAttribute('aria-pressed', String(wanted));
  button.setAttribute('aria-label', label);
  button.title = label;
  const response = await fetch(`/api/v1/referrals/${encodeURIComponent(id)}/favorite`, { method: wanted ? 'PUT' : 'DELETE', headers: { 'X-CSRF-Token': csrfToken } });
  if (!response.ok) console.error(`favorite ${id}: ${response.status}`);
}

function searchOf(location) {
  return new URLSearchParams(location.search).get('q') ?? '';
}

async function main() {
  const input = document.getElementById('list-search');
  try {
    await load();
  } catch (error) {
    document.querySelector('.result-count').textContent = `The referrals could not be loaded: ${error.message}`;
    return;
  }
  input.value = searchOf(location);
  show(input.value);
  document.getElementById('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const search = input.value.trim();
    if (search === searchOf(location)) return;
    const url = new URL(location.href);
    if (search) url.searchParams.set('q', search);
    else url.searchParams.delete('q');
    history.pushState(null, '', url);
    show(search);
  });
  window.addEventListener('popstate', () => {
    input.value = searchOf(location);
    show(input.value);
  });
  window.addEventListener('scroll', measure, { passive: true });
  window.addEventListener('resize', measure);
  document.getElementById('list').addEventListener('click', (event) => {
    const heart = event.target.closest('button.heart');
    if (heart) toggleHeart(heart);
  });
}

main();
