# emails

## The email sent for each new Contact me lead, and the day's digest after the first ten.
email-lead-subject = Neuer Lead: { $customer } – { $deal }
email-lead-heading = Ein Kunde bittet um Kontaktaufnahme
email-lead-intro = { $customer } bittet { $organisation } um Kontaktaufnahme. Antworten Sie innerhalb von 24 Stunden: Je schneller Sie reagieren, desto besser Ihre Chancen.
email-field-customer = Kunde
email-field-deal = Geschäft
email-field-offer = Angebot
email-field-country = Land
email-field-call-to-action = Handlungsaufforderung
email-field-arrived = Eingegangen
email-open-lead = Lead öffnen
email-digest-subject = { $count ->
    [one] { $count } weiterer neuer Lead am { $day }
   *[other] { $count } weitere neue Leads am { $day }
 }
email-digest-heading = Ihre weiteren neuen Leads vom { $day }
email-digest-intro = Am { $day } sind mehr als { $limit } neue Leads für Sie eingegangen. Über die ersten { $limit } wurden Sie sofort per E-Mail informiert; diese kamen danach.
email-footer = Sie erhalten diese E-Mail, weil neue Leads von { $organisation } in Referral Desk an diese Adresse gesendet werden. Wenn sie an eine andere Adresse gehen sollen, legen Sie in Ihren Kontoeinstellungen eine Benachrichtigungs-E-Mail fest.

## The invitation email: a partner admin invited the recipient to their organisation.
email-invitation-subject = { $inviter } hat Sie zu { $organisation } in Referral Desk eingeladen
email-invitation-heading = Sie sind zu { $organisation } eingeladen
email-invitation-intro = { $inviter } hat Sie eingeladen, in Referral Desk an den Vertriebsempfehlungen von { $organisation } mitzuarbeiten, als { $role }.
email-invitation-action = Passwort festlegen
email-invitation-validity = Der Link funktioniert einmal, bis { $expires }. Ist er abgelaufen, bitten Sie { $inviter }, Sie erneut einzuladen.
email-invitation-footer = Sie erhalten diese E-Mail, weil { $inviter } { $email } zu Referral Desk eingeladen hat. Wenn Sie sie nicht erwartet haben, ignorieren Sie sie: Ohne den Link geschieht nichts.
