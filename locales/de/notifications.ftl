# notifications

## The bell and its panel (src/components/notification_centre.rs)
# The bell's accessible name with unread items (without any it is bell-label).
notifications-bell-unread =
    { $count ->
        [one] Benachrichtigungen, { $count } ungelesen
       *[other] Benachrichtigungen, { $count } ungelesen
    }
notifications-mark-all-read = Alle als gelesen markieren
notifications-unread = Ungelesen
notifications-close = Benachrichtigungen schließen
# What an item is about; the lead's customer and deal follow on their own line.
notifications-new-lead = Neuer Lead
notifications-flame = Der Kunde hat um Kontaktaufnahme gebeten und wartet noch
notifications-expiring = Läuft innerhalb von 48 Stunden ab, wenn niemand antwortet
# An action of the user's that the server refused or that met a colleague's change.
notifications-not-synced = Nicht synchronisiert: { $change }
notifications-not-synced-note = Öffnen Sie den Lead, um das zu klären.
notifications-offline = Sie sind offline: Dies sind die auf diesem Gerät gespeicherten Benachrichtigungen. Was Sie jetzt lesen, wird auf dem Server als gelesen markiert, sobald Sie wieder online sind.
notifications-load-failed = Die Benachrichtigungen konnten nicht geladen werden: { $reason }
notifications-older = Ältere anzeigen
