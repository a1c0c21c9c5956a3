# actions: the lead's action forms (Accept, Edit, Decline, Lost, Won, Add your
# employees), their confirmation and the conflict view.

action-cancel = Abbrechen
action-saving = Wird gespeichert…
action-sending = Wird gesendet…
action-go-back = Zurück
action-loading = Wird geladen…
action-retry = Erneut versuchen
action-yes = Ja
action-no = Nein

# The button answering an irreversible action's last question.
action-confirm-accept = Ja, annehmen
action-confirm-decline = Ja, ablehnen
action-confirm-edit = Ja, bearbeiten
action-confirm-add-team-member = Ja, Mitarbeiter hinzufügen
action-confirm-won = Ja, gewonnen
action-confirm-lost = Ja, verloren

# Why the signed-in person may not act on the referral (by role).

# The conflict view. $action is an action's button label; $status is "Active / Accepted"
# (see lead-status-substatus), $updated a date and time.
action-conflict = Jemand hat diese Empfehlung geändert, während Sie daran gearbeitet haben. Aktueller Status: { $status }, zuletzt aktualisiert am { $updated }.
action-no-longer-applies = „{ $action }“ ist für diese Empfehlung in ihrem jetzigen Zustand nicht mehr möglich.
action-differences-caption = Was sich inzwischen geändert hat
action-differences-field = Feld
action-differences-yours = Ihre Eingabe
action-differences-now = Jetzt
action-typed-kept = Ihre Eingaben bleiben unten erhalten.
action-reapply = { $action } (aktuelle Version)
action-discard-changes = Meine Änderungen verwerfen

# Accept and Edit.
action-accept-heading = Diese Empfehlung annehmen
action-accept-submit = Weiter: zu „Angenommen“
action-edit-heading = Deal bearbeiten
action-edit-submit = Änderungen speichern
action-deal-name = Dealname
action-deal-value = Geschätzter Dealwert
action-currency = Währung
action-currency-choose = Währung auswählen
action-closing-date = Geschätztes Abschlussdatum
action-team-members = Teammitglieder
action-team-member-name = Vollständiger Name von { $email } für diesen Deal
action-colleagues-loading = Ihre Kollegen werden geladen…
action-deal-notes = Notizen (dringend empfohlen)
action-deal-notes-hint = Was hat der Kunde angefragt, und wie geht es weiter? Notizen helfen Ihrem Team, den Deal zu übernehmen.
action-crm-id = CRM-ID (optional)
action-campaign-id = Marketingkampagnen-ID (optional)
# The conflict view's names of fields that have a longer label in the form.
action-difference-notes = Notizen
action-difference-crm-id = CRM-ID
action-difference-campaign-id = Marketingkampagnen-ID
action-contacts-legend = Weitere Kundenkontakte (optional)
action-contacts-add = Kontakt hinzufügen
# $number counts the additional contacts from 1.
action-contact-group = Kontakt { $number }
action-contact-remove = Kontakt { $number } entfernen
action-first-name = Vorname
action-last-name = Nachname
action-email = E-Mail
action-phone = Telefon

# Add your employees.
action-team-member-heading = Mitarbeiter hinzufügen
action-team-member-submit = Zum Team hinzufügen

# Decline and Lost. "Close" is what partners know from the reference product for a decline.
action-decline-heading = Diese Empfehlung ablehnen
action-decline-submit = Schließen
action-decline-question = Diese Empfehlung ablehnen? Sie wird als „Abgelehnt“ archiviert und kann danach nicht mehr geändert werden.
action-lost-heading = Deal als verloren markieren
action-lost-submit = Als verloren markieren
action-lost-question = Diese Empfehlung als verloren markieren? Sie wird als „Verloren“ archiviert und kann danach nicht mehr geändert werden.
action-reason = Grund
action-reason-choose = Grund auswählen
action-reason-notes = Notizen (bei „Sonstiges“ erforderlich)

# Won, with the deal registration. $currency is a currency code, $usd an amount in US dollars.
action-won-heading = Deal als gewonnen markieren
action-won-eligible = Dieser Deal hat einen Wert von mindestens 25.000 USD und enthält eine berechtigte Lösung: Registrieren Sie ihn beim Anbieter, um ihn als gewonnen zu markieren.
action-won-undetermined = Für { $currency } gibt es keinen US-Dollar-Kurs, daher ist unbekannt, ob dieser Deal 25.000 USD erreicht. Sie können ihn beim Anbieter registrieren.
action-won-register = Deal registrieren
action-won-no-eligible-solution = Dieser Deal enthält keine berechtigte Lösung und kann daher nicht registriert werden.
action-won-no-deal-value = Dieser Deal hat keinen Dealwert und kann daher nicht registriert werden.
action-won-below-minimum = Nur Deals ab 25.000 USD können registriert werden; dieser hat einen Wert von { $usd } USD.
action-won-submit = Gewonnen
action-won-question = Deal als gewonnen markieren? Er wird als „Gewonnen“ archiviert und kann danach nicht mehr geändert werden.
action-registration-legend = Dealregistrierung
action-registration-marketplace = Ist dies eine Marketplace-Transaktion?
action-registration-marketplace-date = Geschätztes Datum der Marketplace-Transaktion
action-registration-azure = Wird die Lösung in Azure bereitgestellt?
action-registration-perpetual = Ist der Vertrag unbefristet?
action-registration-total-value = Gesamtvertragswert
action-registration-solution-value = Lösungswert
action-registration-solution-value-hint = Höchstens der Gesamtvertragswert.
action-registration-signed-date = Datum der Vertragsunterzeichnung
# $days is a number of days, $arrived the day the referral arrived.
action-registration-signed-date-hint =
    { $days ->
        [one] Nicht in der Zukunft, höchstens { $days } Tag zurück und nicht vor Eingang der Empfehlung ({ $arrived }).
       *[other] Nicht in der Zukunft, höchstens { $days } Tage zurück und nicht vor Eingang der Empfehlung ({ $arrived }).
    }
action-registration-start-date = Vertragsbeginn
action-registration-start-date-hint =
    { $days ->
        [one] Höchstens { $days } Tag zurück.
       *[other] Höchstens { $days } Tage zurück.
    }
action-registration-end-date = Vertragsende
action-registration-end-date-hint = Erforderlich, außer bei unbefristetem Vertrag; nicht vor dem Vertragsbeginn.
action-registration-tenant-type = Mandantentyp
action-registration-tenant-type-choose = Mandantentyp auswählen
action-registration-pricing-model = Preismodell
action-registration-pricing-model-choose = Preismodell auswählen
