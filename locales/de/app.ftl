# app

## Durations and times (src/format.rs)
duration-under-a-minute = weniger als eine Minute
duration-minutes = { $minutes } Min.
duration-hours = { $hours } Std.
duration-hours-minutes = { $hours } Std. { $minutes } Min.
duration-days =
    { $days ->
        [one] { $days } Tag
       *[other] { $days } Tage
    }
duration-days-hours =
    { $days ->
        [one] { $days } Tag { $hours } Std.
       *[other] { $days } Tage { $hours } Std.
    }
window-left = Noch { $duration } zum Antworten
window-passed = Jetzt antworten: 24-h-Frist um { $duration } überschritten
window-left-short = Noch { $duration }
window-overdue-short = { $duration } überfällig
expires-in = Noch { $duration } bis zum Ablauf
expiring-now = Läuft jetzt ab
ago-just-now = gerade eben
ago-minutes = vor { $minutes } Min.
ago-hours = vor { $hours } Std.
ago-on-day = am { $date }

## The top bar (src/components/top_bar.rs)
app-name = Referral Desk
nav-stages = Empfehlungsphasen
nav-inbox = Posteingang
nav-accepted = Angenommen
nav-archived = Archiviert
nav-favorites = Favoriten
nav-insights = Einblicke
sync-offline-synced = Offline · synchronisiert { $ago }
sync-offline = Offline
sync-syncing = Wird synchronisiert…
sync-not-synced = Nicht synchronisiert
sync-showing-last-list = Nicht synchronisiert: letzte Liste wird angezeigt
sync-synced-ago = Synchronisiert { $ago }
sync-synced = Synchronisiert
sync-last-at = Zuletzt synchronisiert um { $time }
sync-waiting =
    { $count ->
        [one] { $count } Änderung wartet auf Synchronisierung
       *[other] { $count } Änderungen warten auf Synchronisierung
    }
sync-now = Jetzt synchronisieren
bell-label = Benachrichtigungen
bell-empty = Noch keine Benachrichtigungen. Empfohlene Aktionen für neue Leads erscheinen hier.
account-label = Ihr Konto
account-button = Ihr Konto: { $name }
sign-out = Abmelden
sign-out-anyway = Trotzdem abmelden
sign-out-discards =
    { $count ->
        [one] { $count } Änderung ist noch nicht synchronisiert: Wenn Sie sich jetzt abmelden, geht sie verloren. Stellen Sie zuerst die Verbindung wieder her, um sie zu behalten.
       *[other] { $count } Änderungen sind noch nicht synchronisiert: Wenn Sie sich jetzt abmelden, gehen sie verloren. Stellen Sie zuerst die Verbindung wieder her, um sie zu behalten.
    }
sign-out-discards-stopped =
    { $count ->
        [one] { $count } Änderung konnte nicht übernommen werden und wartet auf der Seite ihrer Empfehlung: Wenn Sie sich jetzt abmelden, geht sie verloren. Öffnen Sie zuerst ihre Empfehlung, um sie zu prüfen.
       *[other] { $count } Änderungen konnten nicht übernommen werden und warten auf den Seiten ihrer Empfehlungen: Wenn Sie sich jetzt abmelden, gehen sie verloren. Öffnen Sie zuerst ihre Empfehlungen, um sie zu prüfen.
    }
stay-signed-in = Angemeldet bleiben
language-label = Sprache
language-unavailable = Diese Sprache konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.

## The shell (src/lib.rs) and request errors (src/api.rs)
skip-to-content = Zum Inhalt springen
app-loading = Referral Desk wird geladen…
app-load-failed = Referral Desk konnte nicht geladen werden. Prüfen Sie Ihre Verbindung und laden Sie die Seite neu.
app-load-slow = Referral Desk lädt ungewöhnlich lange. Prüfen Sie Ihre Verbindung oder laden Sie die Seite neu.
app-start-failed = Referral Desk wurde beim Start durch einen Fehler angehalten. Laden Sie die Seite neu, um es erneut zu versuchen.
app-stopped = Referral Desk wurde durch einen Fehler angehalten. Laden Sie die Seite neu, um weiterzuarbeiten: Was auf diesem Gerät wartet, bleibt erhalten.
# The offer of a new build (public/sw-register.js reads these from the page).
update-available = Eine neue Version ist verfügbar.
update-reload = Neu laden
app-unavailable = Referral Desk ist nicht verfügbar
retry = Erneut versuchen
error-unreachable = Referral Desk ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.
error-server = Der Server konnte nicht antworten (Fehler { $status }). Versuchen Sie es gleich noch einmal.
error-unreadable = Die Antwort des Servers konnte nicht gelesen werden. Laden Sie die Seite neu, um die neueste Version zu erhalten.
error-busy = Der Server bearbeitet noch einen früheren Versuch. Die Anfrage wird gleich erneut gesendet.

## Sign-in (src/routes/sign_in.rs) and the tab's title
page-title = { $page } · Referral Desk
sign-in = Anmelden
sign-in-heading = Bei Referral Desk anmelden
sign-in-email = E-Mail
sign-in-password = Kennwort
sign-in-unsent =
    { $count ->
        [one] { $name } ({ $email }) hat auf diesem Gerät { $count } Änderung vorgenommen, die noch nicht synchronisiert ist. Melden Sie sich als { $email } an, um sie zu synchronisieren.
       *[other] { $name } ({ $email }) hat auf diesem Gerät { $count } Änderungen vorgenommen, die noch nicht synchronisiert sind. Melden Sie sich als { $email } an, um sie zu synchronisieren.
    }
sign-in-unsent-discard =
    { $count ->
        [one] Wenn Sie sich als jemand anderes anmelden, wird die noch nicht synchronisierte Änderung von { $name } ({ $email }) verworfen. Drücken Sie „Anmelden und verwerfen“, um fortzufahren, oder melden Sie sich als { $email } an, um sie zu behalten.
       *[other] Wenn Sie sich als jemand anderes anmelden, werden die { $count } noch nicht synchronisierten Änderungen von { $name } ({ $email }) verworfen. Drücken Sie „Anmelden und verwerfen“, um fortzufahren, oder melden Sie sich als { $email } an, um sie zu behalten.
    }
sign-in-discarding = Anmelden und verwerfen
signing-in = Anmeldung läuft…

## The device's storage and the outbox (src/store/)
storage-not-saved = Dieses Gerät hat die letzten Änderungen nicht gespeichert ({ $reason }).
storage-unavailable = Dieser Browser erlaubt Referral Desk nicht, Daten auf diesem Gerät zu speichern (privater Modus oder Speicher deaktiviert): Die App funktioniert, solange die Seite geöffnet bleibt.
storage-could-not-save = Dieses Gerät konnte die letzten Änderungen nicht speichern ({ $reason }).
storage-full = Der Speicher dieses Geräts ist voll: Geben Sie Speicherplatz frei. Aktionen, die auf die Synchronisierung warten, bleiben erhalten, solange diese Seite geöffnet ist.
sync-action-no-longer-applies = Diese Aktion ist für die Empfehlung in ihrem jetzigen Zustand nicht mehr möglich.
error-changed-meanwhile = Jemand hat diese Empfehlung geändert, seit Sie sie geöffnet haben.
language-current = Sprache: { $language }
