# Fehler bei Leads, die über die Ingestion-API eingehen (`domain::intake`); `{ $label }` ist
# das genannte Feld.

error-unknown-value = { $label } muss einer dieser Werte sein: { $expected } (nicht { $value }).
error-consent-required = Der Kunde muss der Kontaktaufnahme zugestimmt haben: Setzen Sie consentToContact auf true oder senden Sie den Lead nicht.
error-customer-contact-required = Fügen Sie mindestens einen Kundenkontakt mit E-Mail-Adresse oder Telefonnummer hinzu.
error-too-many = { $label } darf höchstens { $max } Einträge haben.
error-lead-source = { $label } muss die Form Quelle-Aktion|Angebot haben, z. B. AzureMarketplace-INS|publisher.offer (nicht { $value }).
error-do-not-contact = Der Kunde möchte nicht kontaktiert werden (DNC), daher kann dieser Lead nicht angenommen werden.
error-action-code = { $label } { $value } ist kein bekannter Aktionscode. Verwenden Sie einen dieser Codes: { $expected }.
error-action-mismatch = ActionCode { $value } passt nicht zur Aktion { $action } in LeadSource.
