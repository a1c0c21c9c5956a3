# Geschäftsprofile (`/settings/business-profiles`): die Seite, ihre Prüffehler und die
# Probleme der API zu Profilen.

menu-business-profiles = Geschäftsprofile
profiles-title = Geschäftsprofile
profiles-intro = Ein Profil je Region, in der Sie tätig sind. Ein neuer Lead geht per E-Mail an den Kontakt des Standorts in seinem Land; sonst an den Hauptkontakt der Region (ihren ersten Standort); sonst an alle Partneradministratoren.
profiles-loading = Geschäftsprofile werden geladen…
profiles-load-failed = Die Geschäftsprofile konnten nicht geladen werden.
profiles-empty = Noch keine Geschäftsprofile: Jeder neue Lead geht per E-Mail an die Partneradministratoren.
profiles-all-regions = Jede Region hat ein Profil.
profile-add = Geschäftsprofil hinzufügen
profile-new-heading = Neues Geschäftsprofil
profile-edit-heading = { $region } bearbeiten
profile-edit = Bearbeiten
profile-delete = Löschen
profile-delete-confirm = Das Profil { $region } löschen? Seine Leads gehen dann an die Partneradministratoren.
profile-delete-yes = Profil löschen
profile-delete-no = Behalten
profile-deleted = Das Profil { $region } wurde gelöscht.
profile-delete-conflict = Jemand anderes hat das Profil { $region } geändert, seit diese Seite geladen wurde: Es wird jetzt aktuell angezeigt. Löschen Sie es erneut, wenn es weiterhin entfernt werden soll.
profile-saved = Das Profil { $region } wurde gespeichert.
profile-save = Profil speichern
profile-saving = Wird gespeichert…
profile-cancel = Abbrechen
profile-region = Region
profile-region-choose = Region wählen
profile-locations = Standorte
profile-locations-hint = Der erste Standort ist der Hauptkontakt der Region: Leads aus Ländern der Region ohne eigenen Standort gehen an ihn.
profile-location-heading = Standort { $number }
profile-location-main = Hauptkontakt der Region
profile-location-add = Standort hinzufügen
profile-location-remove = Standort { $number } entfernen
profile-country = Land
profile-country-choose = Land wählen
profile-city = Stadt (optional)
profile-contact-name = Name des Kontakts
profile-contact-email = E-Mail des Kontakts
profile-contact-phone = Telefon des Kontakts (optional)
profile-keywords = Stichwörter
profile-keywords-hint = Worin Sie gut sind, durch Kommas getrennt, z. B. „ERP, Außendienst“.
profile-sizes = Bevorzugte Unternehmensgrößen der Kunden
profile-no-keywords = Keine Stichwörter
profile-no-sizes = Jede Unternehmensgröße
profile-updated-on = Aktualisiert am { $date }
profile-conflict = Jemand anderes hat dieses Profil geändert, seit Sie es geöffnet haben. Ihre Änderungen stehen noch im Formular.
profile-conflict-load = Deren Fassung anzeigen
profile-conflict-overwrite = Meine Fassung darüber speichern

field-region = Region
field-locations = Standorte
field-city = Stadt
field-contactName = Name des Kontakts
field-phone = Telefon
field-keywords = Stichwort
field-preferredCompanySizes = Bevorzugte Unternehmensgröße

error-region-required = Wählen Sie eine Region.
error-region-unknown = „{ $value }“ ist keine Region. Verwenden Sie eine von: { $expected }.
error-locations-required = Fügen Sie mindestens einen Standort mit seinem Kontakt hinzu.
error-location-country-twice = { $country } ist bereits ein Standort dieses Profils: Nennen Sie jedes Land nur einmal.
error-location-outside-region =
    { $countryRegion ->
        [Africa] { $country } liegt in Afrika, nicht in der Region dieses Profils: Fügen Sie es dem Profil für Afrika hinzu oder wählen Sie ein anderes Land.
        [AsiaPacific] { $country } liegt im asiatisch-pazifischen Raum, nicht in der Region dieses Profils: Fügen Sie es dem Profil für Asien-Pazifik hinzu oder wählen Sie ein anderes Land.
        [Europe] { $country } liegt in Europa, nicht in der Region dieses Profils: Fügen Sie es dem Profil für Europa hinzu oder wählen Sie ein anderes Land.
        [LatinAmerica] { $country } liegt in Lateinamerika und der Karibik, nicht in der Region dieses Profils: Fügen Sie es dem Profil dieser Region hinzu oder wählen Sie ein anderes Land.
        [MiddleEast] { $country } liegt im Nahen Osten, nicht in der Region dieses Profils: Fügen Sie es dem Profil für den Nahen Osten hinzu oder wählen Sie ein anderes Land.
        [NorthAmerica] { $country } liegt in Nordamerika, nicht in der Region dieses Profils: Fügen Sie es dem Profil für Nordamerika hinzu oder wählen Sie ein anderes Land.
       *[other] { $country } liegt in keiner Region, die ein Profil abdecken kann: Wählen Sie ein anderes Land.
    }
error-keyword-too-long = Das Stichwort „{ $keyword }“ ist zu lang: Ein Stichwort darf höchstens { $max } Zeichen haben.
error-keyword-separator = Das Stichwort „{ $keyword }“ enthält ein Komma oder Semikolon, die Stichwörter trennen: Machen Sie mehrere Stichwörter daraus oder schreiben Sie es ohne.
error-keywords-too-many = Ein Profil darf höchstens { $max } Stichwörter haben; dieses hat { $count }.
error-company-size-unknown = „{ $value }“ ist keine Unternehmensgröße. Verwenden Sie eine von: { $expected }.

problem-business-profile-admins-only = Nur Partneradministratoren und Geschäftsprofiladministratoren können Geschäftsprofile sehen und bearbeiten.
problem-business-profile-not-found = In Ihrer Organisation gibt es kein Geschäftsprofil mit dieser ID.
problem-business-profile-region-taken =
    { $region ->
        [Africa] Ihre Organisation hat bereits ein Geschäftsprofil für Afrika: Bearbeiten Sie stattdessen dieses.
        [AsiaPacific] Ihre Organisation hat bereits ein Geschäftsprofil für Asien-Pazifik: Bearbeiten Sie stattdessen dieses.
        [Europe] Ihre Organisation hat bereits ein Geschäftsprofil für Europa: Bearbeiten Sie stattdessen dieses.
        [LatinAmerica] Ihre Organisation hat bereits ein Geschäftsprofil für Lateinamerika und die Karibik: Bearbeiten Sie stattdessen dieses.
        [MiddleEast] Ihre Organisation hat bereits ein Geschäftsprofil für den Nahen Osten: Bearbeiten Sie stattdessen dieses.
        [NorthAmerica] Ihre Organisation hat bereits ein Geschäftsprofil für Nordamerika: Bearbeiten Sie stattdessen dieses.
       *[other] Ihre Organisation hat bereits ein Geschäftsprofil für diese Region: Bearbeiten Sie stattdessen dieses.
    }
problem-business-profile-changed-meanwhile = Dieses Geschäftsprofil wurde von jemand anderem geändert, seit Sie es geladen haben. Die aktuelle Fassung ist beigefügt.

value-Region-Africa = Afrika
value-Region-AsiaPacific = Asien-Pazifik
value-Region-Europe = Europa
value-Region-LatinAmerica = Lateinamerika und Karibik
value-Region-MiddleEast = Naher Osten
value-Region-NorthAmerica = Nordamerika

value-CompanySize-1to9employees = 1 bis 9 Beschäftigte
value-CompanySize-10to49employees = 10 bis 49 Beschäftigte
value-CompanySize-50to999employees = 50 bis 999 Beschäftigte
value-CompanySize-1000to9999employees = 1.000 bis 9.999 Beschäftigte
value-CompanySize-10000plusemployees = 10.000 Beschäftigte oder mehr
