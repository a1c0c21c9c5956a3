# app

## Durations and times (src/format.rs)
duration-under-a-minute = less than a minute
duration-minutes = { $minutes } min
duration-hours = { $hours } h
duration-hours-minutes = { $hours } h { $minutes } min
duration-days =
    { $days ->
        [one] { $days } day
       *[other] { $days } days
    }
duration-days-hours =
    { $days ->
        [one] { $days } day { $hours } h
       *[other] { $days } days { $hours } h
    }
window-left = { $duration } left to respond
window-passed = Respond now: the 24 h window passed { $duration } ago
window-left-short = { $duration } left
window-overdue-short = Overdue by { $duration }
expires-in = Expires in { $duration }
expiring-now = Expiring now
ago-just-now = just now
ago-minutes = { $minutes } min ago
ago-hours = { $hours } h ago
ago-on-day = on { $date }

## The top bar (src/components/top_bar.rs)
app-name = Referral Desk
nav-stages = Referral stages
nav-inbox = Inbox
nav-accepted = Accepted
nav-archived = Archived
nav-favorites = Favorites
nav-insights = Insights
sync-offline-synced = Offline · synced { $ago }
sync-offline = Offline
sync-syncing = Syncing…
sync-not-synced = Not synced
sync-showing-last-list = Not synced: showing the last list
sync-synced-ago = Synced { $ago }
sync-synced = Synced
sync-last-at = Last synced at { $time }
sync-waiting =
    { $count ->
        [one] { $count } change waits to sync
       *[other] { $count } changes wait to sync
    }
sync-now = Sync now
bell-label = Notifications
bell-empty = No notifications yet. Recommended actions for new leads will appear here.
account-label = Your account
account-button = Your account: { $name }
sign-out = Sign out
sign-out-anyway = Sign out anyway
sign-out-discards =
    { $count ->
        [one] { $count } change is not synced yet: signing out now discards them. Reconnect first to keep them.
       *[other] { $count } changes are not synced yet: signing out now discards them. Reconnect first to keep them.
    }
sign-out-discards-stopped =
    { $count ->
        [one] { $count } change could not be applied and waits on its referral's page: signing out now discards it. Open its referral to review it first.
       *[other] { $count } changes could not be applied and wait on their referrals' pages: signing out now discards them. Open their referrals to review them first.
    }
stay-signed-in = Stay signed in
language-label = Language
language-unavailable = This language could not be loaded. Check your connection and try again.

## The shell (src/lib.rs) and request errors (src/api.rs)
skip-to-content = Skip to content
app-loading = Loading Referral Desk…
# Shown by index.html alone when the app itself did not arrive (a failed or stalled download)
# or stopped: in its start, or later, once it has taken over the page (app-stopped).
app-load-failed = Referral Desk could not load. Check your connection, then reload the page.
app-load-slow = Referral Desk is taking a long time to load. Check your connection, or reload the page.
app-start-failed = Referral Desk stopped on an error while starting. Reload the page to try again.
app-stopped = Referral Desk stopped on an error. Reload the page to go on: what waits on this device is kept.
# The offer of a new build (public/sw-register.js reads these from the page).
update-available = A new version is available.
update-reload = Reload
app-unavailable = Referral Desk is not available
retry = Retry
error-unreachable = Could not reach Referral Desk. Check your connection and try again.
error-server = The server could not answer (error { $status }). Try again in a moment.
error-unreadable = The server's answer could not be read. Reload the page to get the latest version.
error-busy = The server is still working on an earlier try of this. It is sent again in a moment.

## Sign-in (src/routes/sign_in.rs) and the tab's title
page-title = { $page } · Referral Desk
sign-in = Sign in
sign-in-heading = Sign in to Referral Desk
sign-in-email = Email
sign-in-password = Password
# The device holds changes a user made that never reached the server (their session ended).
sign-in-unsent =
    { $count ->
        [one] { $name } ({ $email }) made { $count } change on this device that is not synced yet. Sign in as { $email } to sync it.
       *[other] { $name } ({ $email }) made { $count } changes on this device that are not synced yet. Sign in as { $email } to sync them.
    }
sign-in-unsent-discard =
    { $count ->
        [one] Signing in as someone else discards the change { $name } ({ $email }) has not synced yet. Press "Sign in and discard" to go on, or sign in as { $email } to keep it.
       *[other] Signing in as someone else discards the { $count } changes { $name } ({ $email }) has not synced yet. Press "Sign in and discard" to go on, or sign in as { $email } to keep them.
    }
sign-in-discarding = Sign in and discard
signing-in = Signing in…

## The device's storage and the outbox (src/store/)
storage-not-saved = This device did not save the latest changes ({ $reason }).
storage-unavailable = This browser does not let Referral Desk keep data on this device (private mode or storage turned off): it works while the page stays open.
storage-could-not-save = This device could not save the latest changes ({ $reason }).
storage-full = This device's storage is full: free some space. Actions waiting to sync are kept while this page stays open.
sync-action-no-longer-applies = This action no longer applies to the referral as it is now.
error-changed-meanwhile = Someone changed this referral since you opened it.
language-current = Language: { $language }
