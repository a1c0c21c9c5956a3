# lists

## The CSV export's header row (the file's cells stay in the API's words).
csv-referral-id = Empfehlungs-ID
csv-lead-creation-date-time = LeadCreationDateTime
csv-updated-date = Aktualisierungsdatum
csv-customer-name = Kundenname
csv-country = Land
csv-city = Stadt
csv-lead-type = Leadtyp
csv-lead-source = Leadquelle
csv-call-to-action = Handlungsaufruf
csv-offer-id = Angebots-ID
csv-offer-name = Angebotsname
csv-currency = Währung
csv-deal-value = Dealwert
csv-status = Status
csv-substatus = Unterstatus
csv-status-reason = Statusgrund
csv-contact-name = Kontaktname
csv-contact-email = Kontakt-E-Mail
csv-email-validity = E-Mail-Gültigkeit
csv-contact-phone = Kontakttelefon
csv-phone-validity = Telefongültigkeit

## The list views (Inbox, Accepted, Archived, Favorites).
list-favorites = Favoriten
list-count =
    { $count ->
        [one] { $count } Empfehlung
       *[other] { $count } Empfehlungen
    }
list-loading = Empfehlungen werden geladen…
list-retry = Erneut versuchen
# $error: what is wrong with the link's filter (the domain's words).
list-bad-link = Der Filter dieses Links kann nicht verwendet werden. { $error }.
# $list: the list's name, e.g. Inbox.
list-show-all = Alle anzeigen: { $list }
list-empty-filtered = Keine Empfehlungen entsprechen diesen Filtern. Entfernen Sie einen Filter oder setzen Sie alle zurück.
list-empty-inbox = Keine neuen Empfehlungen. Neue Leads erscheinen hier, sobald sie eingehen.
list-empty-accepted = Noch keine angenommenen Empfehlungen. Nehmen Sie einen Lead im Posteingang an, um hier daran zu arbeiten.
list-empty-archived = Noch nichts archiviert. Gewonnene, verlorene, abgelehnte und abgelaufene Empfehlungen werden hier aufbewahrt.
list-empty-favorites = Noch keine Favoriten. Wählen Sie bei einer Empfehlung das Herz aus, um sie hier abzulegen.
list-intro-inbox = Neue Empfehlungen warten auf Ihre Antwort: innerhalb eines Tages annehmen oder ablehnen; unbeantwortete laufen ab.
list-intro-accepted = Empfehlungen in Bearbeitung: aktuell halten, dann als gewonnen oder verloren markieren.
list-intro-archived = Gewonnene, verlorene, abgelehnte und abgelaufene Empfehlungen zum Nachlesen, ohne weitere Aktionen.
list-intro-favorites = Die Empfehlungen, die Sie mit einem Herz markiert haben, aus allen Phasen.
list-categories = Leadkategorien
list-search-label = Suche
list-search-placeholder = Kunde, Deal, Kontakt oder Notizen
list-search-button = Suchen
list-sort-by = Sortieren nach
list-sort-order = Reihenfolge
list-sort-descending = Absteigend
list-sort-ascending = Aufsteigend
list-export = Exportieren
list-export-label = Diese Liste als CSV exportieren

## The table of referrals (cards on a phone).
# $list: the list's name, e.g. Inbox.
list-table-caption = Empfehlungen: { $list }
list-column-favorite = Favorit
list-column-customer = Kunde
list-column-country = Land
list-column-lead = Lead
list-column-created = Erstellt
list-column-contact = Kontakt
list-column-respond = Antwortfrist
list-column-deal = Deal
list-column-outcome = Ergebnis
list-column-stage = Phase
list-no-contact = Keine Kontaktdaten
list-no-action-needed = Keine Aktion nötig
list-archived-on = Archiviert am { $date }
list-no-deal-value = Kein Dealwert
list-closing = Abschluss am { $date }

## The filter panel and the chips of the active filters.
filter-toggle =
    { $count ->
        [0] Filter
       *[other] Filter ({ $count })
    }
filter-heading = Filter
filter-done = Fertig
filter-show-referrals = Empfehlungen anzeigen
filter-call-to-action = Handlungsaufruf
filter-country = Land
filter-lead-source = Leadquelle
filter-lead-type = Leadtyp
filter-lead-quality = Leadqualität
filter-status = Status
filter-email-validity = E-Mail-Gültigkeit
filter-phone-validity = Telefongültigkeit
filter-customer-name = Kundenname
filter-add = Hinzufügen
filter-customer = Kunde
filter-email = E-Mail
filter-phone = Telefon
filter-search = Suche
# A chip: $field is the filter's name, $value the value it keeps.
filter-chip = { $field }: { $value }
filter-chip-search = „{ $search }“
# $chip: the chip's words, e.g. Country: Germany (DE).
filter-remove = Filter { $chip } entfernen
filter-clear = Filter zurücksetzen
filter-active = Aktive Filter

## Any path the app does not know.
not-found-title = Seite nicht gefunden
not-found-text = Unter dieser Adresse gibt es nichts.
not-found-link = Zum Posteingang
