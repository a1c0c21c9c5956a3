# lead: one referral's page (`/referrals/:id`), its contact block, pending changes,
# the heart and the small indicators (flame, validity, spam) lists show too.

lead-page-title = Empfehlung
lead-not-found = Empfehlung nicht gefunden
lead-loading = Empfehlung wird geladen…
lead-not-found-detail = Diese Empfehlung existiert nicht oder gehört zu einer anderen Organisation.
lead-go-to-inbox = Zum Posteingang
lead-retry = Erneut versuchen

# Navigation through the list the lead was opened from; $list is the list's name.
lead-navigation = Empfehlungsnavigation
lead-back-to = Zurück zu { $list }
lead-position = { $position } von { $total }
lead-previous = Vorherige
lead-next = Nächste

# A status and its substatus, each a value in words: "Active / Accepted".
lead-status-substatus = { $status } / { $substatus }

lead-deal-heading = Deal
lead-field-deal-name = Dealname
lead-field-estimated-value = Geschätzter Wert
lead-field-currency = Währung
lead-field-closing-date = Geschätztes Abschlussdatum
lead-field-contact-requested = Kunde bittet um Kontaktaufnahme
lead-field-notes = Notizen
lead-field-industries = Branchen
lead-field-products = Produkte
lead-field-services = Dienstleistungen
lead-field-solutions = Lösungen
lead-field-crm-id = CRM-ID
lead-field-campaign-id = Marketingkampagnen-ID

lead-customer-heading = Kunde
lead-field-company = Unternehmen
lead-field-company-size = Unternehmensgröße
lead-field-address = Adresse
lead-field-country = Land
lead-field-region = Region
lead-field-consent-contact = Zustimmung zur Kontaktaufnahme
lead-field-consent-share = Zustimmung zur Weitergabe an Dritte

lead-lead-heading = Lead
lead-field-category = Kategorie
lead-category-marketplace = Marketplace-Lead
lead-category-qualified = Qualifizierter Lead
lead-field-qualification = Qualifizierung
lead-field-lead-type = Leadtyp
lead-field-lead-source = Leadquelle
lead-field-call-to-action = Handlungsaufruf
lead-field-offer = Angebot
# The offer's name and its id.
lead-offer-name-id = { $name } ({ $id })
lead-field-lead-quality = Leadqualität
lead-field-referral-type = Empfehlungstyp
lead-field-direction = Richtung
lead-field-target = Ziel
lead-field-invited-by = Eingeladen von
lead-field-invitation-notes = Notizen zur Einladung
lead-field-referral-id = Empfehlungs-ID
lead-field-engagement-id = Engagement-ID

lead-status-heading = Status
lead-field-status = Status
lead-field-reason = Grund
lead-field-reason-notes = Notizen zum Grund
lead-field-created = Erstellt
lead-field-updated = Aktualisiert
lead-field-accepted = Angenommen
lead-field-closed = Geschlossen
lead-field-expires = Läuft ab
# Why the system closed a referral by itself (shown as its status reason).
lead-reason-expired = Nicht innerhalb von 14 Tagen beantwortet
lead-reason-informational-archived = Informativer Angebots-Lead nach 6 Monaten archiviert

lead-team-heading = Ihr Team
lead-team-empty = Noch niemand aus Ihrer Organisation arbeitet an diesem Deal.

lead-registration-heading = Dealregistrierung
lead-field-registration-state = Status
lead-field-registration-submitted = Eingereicht
lead-field-total-contract-value = Gesamtvertragswert
lead-field-solution-value = Lösungswert
lead-field-contract-signed = Vertrag unterzeichnet
lead-field-contract-start = Vertragsbeginn
lead-field-contract-end = Vertragsende
lead-contract-perpetual = Unbefristet

# A field without a value, and yes/no answers.
lead-not-given = Nicht angegeben
lead-yes = Ja
lead-no = Nein

lead-archived-no-actions = Archivierte Empfehlungen bleiben unverändert: keine weiteren Aktionen möglich.

# Announced once an action went through; $customer is the customer's name, $substatus a value in words.
lead-announce-archived = { $substatus }: { $customer } ist jetzt unter „Archiviert“.
lead-announce-accepted = Gespeichert: { $customer } ist unter „Angenommen“.
lead-announce-saved = Gespeichert: { $customer }.
# Announced when an action waits on this device; $action is the action's button label.
lead-queued-action = Auf diesem Gerät gespeichert: „{ $action }“ wartet auf Synchronisierung und wird gesendet, sobald die Verbindung wieder besteht.
lead-queued-change = Auf diesem Gerät gespeichert: Die Änderung wartet auf Synchronisierung und wird gesendet, sobald die Verbindung wieder besteht.
lead-changes-discarded = Ihre Änderungen wurden verworfen. Dies ist der aktuelle Stand der Empfehlung.

# The flame alert at the top of a lead whose customer asked to be contacted.
lead-flame-alert = Kunde bittet um Kontaktaufnahme
lead-flame-hot-title = Jetzt kontaktieren
lead-flame-hot-message = Der Kunde bittet um Kontaktaufnahme. Kontaktieren Sie ihn jetzt.
lead-flame-cooled-title = Kontakt lohnt sich weiterhin
lead-flame-cooled-message = Der Kunde hat vor mehr als 72 Stunden um Kontaktaufnahme gebeten. Eine Kontaktaufnahme lohnt sich weiterhin.
# The flame icon's name (lists and the lead).
lead-flame-hot = Dringend: Der Kunde bittet um Kontaktaufnahme
lead-flame-cooled = Abgekühlt: Kontaktanfrage vor mehr als 72 Stunden

# Offer leads that need no answer; $callToAction is a call to action in words, $date a date.
lead-informational = Keine Aktion nötig: Dieser Lead ({ $callToAction }) dient Ihrer Information (Cross-Selling und Up-Selling). Er wird am { $date } automatisch archiviert.
lead-informational-offer = Keine Aktion nötig: Dieser Angebots-Lead dient Ihrer Information (Cross-Selling und Up-Selling). Er wird am { $date } automatisch archiviert.
lead-response-window = Antwortfrist (24 Std.)
lead-expiry = Ablauf (14 Tage)

lead-contact-heading = Kontakt
lead-contact-hidden-expired = Bei abgelaufenen Empfehlungen werden keine Kontaktinformationen angezeigt.
lead-contact-none = Der Kunde hat keine Kontaktdaten hinterlassen.
lead-spam-warning = Die E-Mail-Adresse oder Domain dieses Kontakts ist als Spamquelle bekannt. Prüfen Sie den Lead, bevor Sie Kontakt aufnehmen.
lead-contact-fine-print = Der Anbieter prüft, ob die Kontaktdaten erreichbar sind, nicht aber die Identität des Kunden oder die Echtheit seines Interesses. Eine Empfehlung ist keine Bestätigung: Der Schutz vor Betrug liegt in Ihrer Verantwortung.

# The copy buttons beside an email address and a phone number.
lead-copy = Kopieren
lead-copy-email = E-Mail-Adresse kopieren
lead-copied-email = E-Mail-Adresse kopiert.
lead-copy-email-failed = Die E-Mail-Adresse konnte nicht kopiert werden. Markieren und kopieren Sie sie selbst.
lead-copy-phone = Telefonnummer kopieren
lead-copied-phone = Telefonnummer kopiert.
lead-copy-phone-failed = Die Telefonnummer konnte nicht kopiert werden. Markieren und kopieren Sie sie selbst.

# Validity badges: $validity is a validity in words; the kind alone is read to screen readers before it.
lead-email-validity = E-Mail: { $validity }
lead-email-validity-kind = E-Mail:
lead-phone-validity = Telefon: { $validity }
lead-phone-validity-kind = Telefon:

# The spam flag (lists and the lead).
lead-spam-why = Wahrscheinlich Spam: Die E-Mail-Adresse oder Domain eines Kontakts ist als Spamquelle bekannt
lead-spam-badge = Spam

# The heart (lists and the lead).
lead-favorite-add = Zu Favoriten hinzufügen
lead-favorite-remove = Aus Favoriten entfernen

lead-history-heading = Statusverlauf
lead-history-received = Empfangen
# $status is "Closed / Declined" (see lead-status-substatus), $reason the status reason.
lead-history-change-with-reason = { $status } ({ $reason })
# Who made a change: $name is a person's name or lead-history-by-system.
lead-history-by = von { $name }
lead-history-by-system = Referral Desk (automatisch)

# Changes on this device the server has not confirmed. $change is an action's button
# label or the heart's (lead-favorite-add/-remove), $time a time of day, $status as in
# lead-status-substatus, $message and $reason the server's words.
lead-pending-label = Noch nicht synchronisierte Änderungen
lead-pending-waiting = Wartet auf Synchronisierung
lead-pending-waiting-text = { $change } – um { $time } auf diesem Gerät gespeichert; wird gesendet, sobald die Verbindung wieder besteht.
lead-pending-cancel = Diese Änderung zurücknehmen
lead-pending-refused = Nicht übernommen
lead-pending-refused-text = { $change }: { $message }
lead-pending-dismiss = Ausblenden
lead-pending-conflict = Prüfung erforderlich
lead-pending-not-applied = { $change } wurde nicht übernommen: { $reason } Aktueller Status: { $status }.
lead-pending-changed-first = { $change }: Jemand hat diese Empfehlung geändert, bevor Ihre Änderung ankam. Aktueller Status: { $status }.
lead-pending-review = Prüfen
lead-pending-discard = Meine Änderung verwerfen
