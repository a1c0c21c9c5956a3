# Validation errors the domain reports (`FieldError::coded`), and the labels of the
# fields they name (`field-<apiName>`), read as `{ $label }`.

field-customerName = Kundenname
field-name = Dealname
field-dealValue = Geschätzter Dealwert
field-currency = Währung
field-closingDateTime = Geschätztes Abschlussdatum
field-notes = Notizen
field-email = E-Mail
field-phoneNumber = Telefonnummer
field-country = Land
field-firstName = Vorname
field-lastName = Nachname
field-externalReferenceId = CRM-ID
field-campaignId = Marketingkampagnen-ID
field-marketplaceTransactionDate = Geschätztes Datum der Marketplace-Transaktion
field-statusReason = Statusgrund
field-statusReasonNotes = Notizen zum Statusgrund
field-team = Team
field-contractSignedDate = Datum der Vertragsunterzeichnung
field-contractStartDate = Vertragsbeginn
field-contractEndDate = Vertragsende
field-totalContractValue = Gesamtvertragswert
field-solutionValue = Lösungswert

error-required = { $label } ist erforderlich.
error-email = { $label } muss eine E-Mail-Adresse sein, z. B. name@example.com.
error-phone = { $label } muss eine internationale Nummer sein, die mit + und der Ländervorwahl beginnt, z. B. +49 30 901820.
error-date = { $label } muss ein Datum sein, z. B. 2026-12-31.
error-date-years = { $label } muss in den Jahren { $earliest } bis { $latest } liegen.
error-closing-date-past = Das geschätzte Abschlussdatum muss heute oder später sein (nicht vor dem { $today }).
error-number = { $label } muss eine Zahl sein, z. B. 25000 oder 25000.50.
error-not-negative = { $label } muss null oder größer sein.
error-too-large = { $label } ist zu groß: höchstens { $max } { $currency } sind möglich.
error-whole-number = { $label } muss für { $currency } eine ganze Zahl sein (ohne Nachkommastellen).
error-decimal-places = { $label } darf für { $currency } höchstens { $places } Nachkommastellen haben.
error-amount-decimal-comma = { $label }: Schreiben Sie Nachkommastellen mit Punkt und Tausender ohne Trennzeichen oder mit Komma, z. B. 48500.50 oder 48,500.50.
error-amount-ambiguous = { $label } ist nicht eindeutig: { $typed } kann { $asThousands } oder { $asDecimal } bedeuten. Geben Sie den gemeinten Betrag in dieser Schreibweise ein.
error-one-line = { $label } muss in einer Zeile stehen: Entfernen Sie den Zeilenumbruch.
error-no-tab = { $label } darf keinen Tabulator enthalten: Verwenden Sie stattdessen ein Leerzeichen.
error-control-character = { $label } darf kein unsichtbares Steuerzeichen enthalten: Entfernen Sie das Zeichen { $character }.
error-direction-control = { $label } darf kein verstecktes Textrichtungs-Steuerzeichen enthalten, das Text anders erscheinen lassen kann: Entfernen Sie das Zeichen { $character }.
error-invisible-character = { $label } darf keine unsichtbaren Zeichen enthalten: Entfernen Sie das Zeichen { $character }.
error-too-long = { $label } darf höchstens { $max } Zeichen lang sein (derzeit { $length }).
error-choose-reason = Wählen Sie einen Grund aus.
error-notes-for-others = Beim Grund „Sonstiges“ sind Notizen erforderlich: Geben Sie den Grund an.
error-notes-blank = Notizen dürfen nicht leer sein.
error-team-required = Fügen Sie mindestens ein Teammitglied hinzu, das an diesem Deal arbeitet.
error-team-member-email = Für ein Teammitglied ist eine E-Mail-Adresse erforderlich.
error-contact-reachable = Geben Sie eine E-Mail-Adresse oder Telefonnummer an, damit der Kontakt erreichbar ist.
error-already-on-team = { $email } ist bereits im Team.
error-currency-required = Währung ist erforderlich.
error-country-code = { $label } muss ein zweistelliger Ländercode nach ISO 3166-1 sein, z. B. DE oder US.
error-currency-code = { $label } muss ein dreistelliger Währungscode nach ISO 4217 sein, z. B. EUR oder USD.
error-currency-inactive = { $label } { $code } ist kein aktiver Währungscode nach ISO 4217. Verwenden Sie einen aktuellen Code wie EUR oder USD.
error-registration-required = Dieser Deal hat einen Wert von mindestens 25.000 USD und enthält eine berechtigte Lösung: Registrieren Sie ihn, um ihn als gewonnen zu markieren.
error-signed-in-future = Das Datum der Vertragsunterzeichnung darf nicht in der Zukunft liegen.
error-signed-too-early = Das Datum der Vertragsunterzeichnung darf höchstens 60 Tage zurückliegen (am oder nach dem { $earliest }).
error-signed-before-created = Das Datum der Vertragsunterzeichnung darf nicht vor der Erstellung der Empfehlung liegen ({ $created }).
error-start-too-early = Der Vertragsbeginn darf höchstens 90 Tage zurückliegen (am oder nach dem { $earliest }).
error-perpetual-end-date = Ein unbefristeter Vertrag hat kein Enddatum: Löschen Sie das Enddatum oder antworten Sie bei „unbefristet“ mit Nein.
error-end-date-required = Das Vertragsende ist erforderlich, außer der Vertrag ist unbefristet.
error-end-before-start = Das Vertragsende darf nicht vor dem Vertragsbeginn liegen ({ $start }).
error-no-transaction-date = Dies ist keine Marketplace-Transaktion und hat daher kein Transaktionsdatum: Löschen Sie das Datum oder antworten Sie mit Ja.
error-registration-no-currency = Der Deal hat keine Währung: Bearbeiten Sie zuerst die Empfehlung und legen Sie Dealwert und Währung fest.
error-solution-exceeds-total = Der Lösungswert darf den Gesamtvertragswert ({ $currency } { $amount }) nicht übersteigen.
error-password-too-short = Verwenden Sie mindestens { $min } Zeichen für das Passwort.
error-password-too-long = Verwenden Sie höchstens { $max } Zeichen für das Passwort.
error-password-confirmation = Die beiden Passwörter stimmen nicht überein: Geben Sie das neue Passwort noch einmal ein.
error-current-password = Das ist nicht Ihr aktuelles Passwort.
error-person-name-required = Geben Sie Ihren Namen so an, wie Ihre Kollegen ihn sehen sollen.
error-person-name = Der Name muss eine Zeile mit höchstens { $max } Zeichen ohne Steuerzeichen sein.
error-role = Wählen Sie eine der Rollen.

# Probleme, mit denen der Server antwortet (`problem-<code>`).

problem-route-not-found = Unter diesem Pfad gibt es keine API-Ressource.
problem-method-not-allowed = Diese API-Ressource akzeptiert diese Methode nicht.
problem-unauthenticated = Melden Sie sich an, um fortzufahren.
problem-invalid-credentials = E-Mail-Adresse oder Kennwort ist falsch.
problem-too-many-sign-ins =
    { $minutes ->
        [0] { $seconds ->
            [one] Zu viele fehlgeschlagene Anmeldungen von hier. Versuchen Sie es in { $seconds } Sekunde erneut.
           *[other] Zu viele fehlgeschlagene Anmeldungen von hier. Versuchen Sie es in { $seconds } Sekunden erneut.
        }
        [one] Zu viele fehlgeschlagene Anmeldungen von hier. Versuchen Sie es in { $minutes } Minute erneut.
       *[other] Zu viele fehlgeschlagene Anmeldungen von hier. Versuchen Sie es in { $minutes } Minuten erneut.
    }
problem-csrf-missing = Dieser Anfrage fehlt ihr Schutztoken gegen Fälschung (X-CSRF-Token). Laden Sie die Seite neu und versuchen Sie es erneut.
problem-csrf-mismatch = Das Schutztoken dieser Anfrage (X-CSRF-Token) gehört nicht zu dieser Sitzung: Es stammt vielleicht aus einem älteren Tab oder von einer anderen Website. Laden Sie die Seite neu und versuchen Sie es erneut.
problem-foreign-origin = Änderungen müssen von den Seiten von Referral Desk kommen; diese Anfrage kam von { $origin }.
problem-referral-not-found = In Ihrer Organisation gibt es keine Empfehlung mit dieser ID.
problem-user-not-found = In Ihrer Organisation gibt es keinen Benutzer mit dieser ID.
problem-if-match-required = Senden Sie das ETag der zuletzt gesehenen Fassung in einem If-Match-Header, damit die Änderung einer Kollegin oder eines Kollegen nie ungesehen überschrieben wird.
problem-changed-meanwhile = Diese Empfehlung wurde von jemand anderem geändert, seit Sie sie geladen haben. Die aktuelle Fassung ist beigefügt.
problem-invalid-fields = Einige Felder müssen geändert werden: Beachten Sie die Meldungen daneben.
problem-idempotency-key-reused = Dieser Idempotency-Key wurde bereits für eine andere Anfrage verwendet. Verwenden Sie für eine neue Anfrage einen neuen Schlüssel.
problem-idempotency-in-progress = Eine Anfrage mit diesem Idempotency-Key wird noch bearbeitet. Versuchen Sie es gleich noch einmal.
problem-idempotency-key-format = Ein Idempotency-Key muss aus 1 bis 255 sichtbaren Zeichen bestehen, z. B. eine UUID.
problem-unsupported-media-type = Senden Sie den Inhalt der Anfrage als JSON (Content-Type: application/json).
problem-payload-too-large = Der Inhalt der Anfrage ist zu groß (höchstens { $limitKib } KiB).
problem-malformed-body = Der Inhalt der Anfrage ist kein gültiges JSON für diese Aktion: { $reason }
problem-internal = Bei uns ist etwas schiefgegangen. Versuchen Sie es erneut; wenn es weiterhin fehlschlägt, nennen Sie den Header x-request-id.
problem-page-cursor-invalid = Der Seitencursor ist nicht mehr gültig. Laden Sie die Liste von vorn.
problem-favorites-filter = „favorites“ muss „only“ oder „all“ sein, nicht „{ $value }“.
problem-limit-range = „limit“ muss eine ganze Zahl von 1 bis { $max } sein, nicht „{ $value }“.
problem-sync-parameter = Unbekannter Parameter „{ $name }“: Die Synchronisierung kennt „since“ und „limit“.
problem-sync-cursor-malformed = Diesen Synchronisierungscursor hat dieser Server nicht ausgegeben. Synchronisieren Sie erneut ohne „since“.
problem-sync-cursor-foreign = Der Synchronisierungscursor gehört zu einer anderen Organisation. Synchronisieren Sie erneut ohne „since“.
problem-sync-cursor-ahead = Der Synchronisierungscursor ist den Änderungen dieses Servers voraus (wurde die Datenbank wiederhergestellt?). Synchronisieren Sie erneut ohne „since“.
problem-last-partner-admin = Die Organisation muss mindestens einen Partneradministrator behalten. Machen Sie zuerst jemand anderen zum Partneradministrator.

problem-not-on-team = Nur Mitglieder des Teams dieser Empfehlung können sie bearbeiten. Bitten Sie einen Empfehlungsadministrator, Sie hinzuzufügen.
problem-read-only-business-profile-admin = Geschäftsprofiladministratoren können Empfehlungen ansehen, aber nicht bearbeiten.
problem-read-only-viewer = Betrachter können Empfehlungen ansehen, aber nicht bearbeiten.
problem-export-not-allowed =
    { $role ->
        [Viewer] Betrachter können Empfehlungen ansehen, aber nicht exportieren. Bitten Sie einen Partner- oder Empfehlungsadministrator, diese Liste zu exportieren.
        [ReferralsUser] Empfehlungsbenutzer können Empfehlungen ansehen, aber nicht exportieren. Bitten Sie einen Partner- oder Empfehlungsadministrator, diese Liste zu exportieren.
        [BusinessProfileAdmin] Geschäftsprofiladministratoren können Empfehlungen ansehen, aber nicht exportieren. Bitten Sie einen Partner- oder Empfehlungsadministrator, diese Liste zu exportieren.
       *[other] Ihre Rolle kann Empfehlungen ansehen, aber nicht exportieren. Bitten Sie einen Partner- oder Empfehlungsadministrator, diese Liste zu exportieren.
    }
problem-roles-partner-admins-only = Nur Partneradministratoren können Rollen ändern.
problem-own-role = Ihre eigene Rolle können Sie nicht ändern. Bitten Sie einen anderen Partneradministrator.

# People: who may manage them, invitations and their links.
problem-people-partner-admins-only = Nur Partneradministratoren können die Personen der Organisation sehen und verwalten.
problem-own-account = Sie können sich nicht selbst deaktivieren. Bitten Sie einen anderen Partneradministrator.
problem-invitation-not-found = In Ihrer Organisation gibt es keine Einladung mit dieser ID.
problem-invitation-link-unknown = Dieser Einladungslink ist ungültig. Öffnen Sie den vollständigen Link aus der Einladungs-E-Mail.
problem-invitation-expired = Diese Einladung ist abgelaufen: Einladungen gelten 7 Tage. Bitten Sie einen Partneradministrator Ihrer Organisation, Sie erneut einzuladen.
problem-invitation-used = Mit dieser Einladung wurde bereits ein Passwort festgelegt. Melden Sie sich mit Ihrer E-Mail-Adresse und diesem Passwort an.
problem-invitation-revoked = Diese Einladung wurde zurückgezogen. Fragen Sie einen Partneradministrator Ihrer Organisation, ob Sie noch beitreten sollen.
problem-invitation-open = Für { $email } gibt es bereits eine offene Einladung. Widerrufen Sie sie zuerst, um eine neue zu senden.
problem-email-has-account = { $email } hat bereits ein Referral-Desk-Konto.

problem-archived = Diese Empfehlung ist bereits archiviert ({ $substatus }); archivierte Empfehlungen lassen keine Aktionen mehr zu.
problem-informational-offer = Dies ist ein informativer Angebotslead: Er erfordert keine Aktion und wird { $months } Monate nach seinem Eingang automatisch archiviert.
problem-expired = Diese Empfehlung wurde nicht innerhalb von 14 Tagen beantwortet und ist abgelaufen; abgelaufene Empfehlungen lassen keine Aktionen mehr zu.
problem-not-yet-accepted =
    { $action ->
        [Edit] Diese Empfehlung ist noch im Posteingang; nehmen Sie sie an, bevor Sie sie bearbeiten.
        [AddTeamMember] Diese Empfehlung ist noch im Posteingang; nehmen Sie sie an, bevor Sie Mitarbeiter hinzufügen.
        [Won] Diese Empfehlung ist noch im Posteingang; nehmen Sie sie an, bevor Sie sie als gewonnen markieren.
        [Lost] Diese Empfehlung ist noch im Posteingang; nehmen Sie sie an, bevor Sie sie als verloren markieren.
       *[other] Diese Empfehlung ist noch im Posteingang; nehmen Sie sie zuerst an.
    }
problem-already-accepted = Diese Empfehlung ist bereits angenommen.
problem-already-accepted-decline = Diese Empfehlung ist bereits angenommen; um sie abzuschließen, markieren Sie sie als gewonnen oder verloren.
problem-impossible-transition = Eine Empfehlung im Zustand { $status } ({ $substatus }) lässt die Aktion „{ $action }“ nicht zu.

problem-unknown-filter-value = Filter „{ $parameter }“: „{ $value }“ ist kein bekannter Wert für „{ $kind }“; erwartet wird einer von: { $expected }
problem-bad-country-filter = Filter „country“: „{ $value }“ ist kein Ländercode nach ISO 3166-1; erwartet werden zwei Buchstaben, z. B. DE oder US
problem-range-reversed = Der Zeitraum beginnt nach seinem Ende: „from“ ({ $from }) muss am oder vor „to“ ({ $to }) liegen.
problem-range-not-a-date = „{ $name }“ muss ein Datum wie 2026-09-01 sein, nicht „{ $value }“.
problem-range-years = „{ $name }“ muss in den Jahren { $earliest } bis { $latest } liegen, nicht „{ $value }“.

## API-Schlüssel, Lead-Eingang und Benachrichtigungen
problem-api-key-missing = Senden Sie einen API-Schlüssel als Authorization: Bearer <Schlüssel>. Partneradministratoren erstellen Schlüssel unter Einstellungen → API-Schlüssel.
problem-api-key-rejected = Dieser API-Schlüssel ist ungültig oder wurde widerrufen. Bitten Sie einen Partneradministrator um einen aktuellen Schlüssel (Einstellungen → API-Schlüssel).
problem-api-key-not-found = In Ihrer Organisation gibt es keinen API-Schlüssel mit dieser ID.
problem-api-keys-partner-admins-only = Nur Partneradministratoren können API-Schlüssel verwalten.
problem-notification-not-found = Sie haben keine Benachrichtigung mit dieser ID.
problem-notifications-before-unknown = „before“ muss die ID einer Ihrer Benachrichtigungen sein, nicht „{ $value }“: Fragen Sie ohne diesen Parameter erneut.
problem-notifications-parameter = Unbekannter Parameter „{ $name }“: Benachrichtigungen kennen „limit“ und „before“.
problem-notifications-through-unknown = „through“ muss die ID einer Ihrer Benachrichtigungen sein, nicht „{ $value }“.
problem-notifications-read-all-parameter = Unbekannter Parameter „{ $name }“: „Alle als gelesen markieren“ kennt nur „through“.
