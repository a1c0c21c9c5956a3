# people

## The people screen (/settings/people) and its link in the user menu.
menu-people = Personen
people-title = Personen
people-intro = Laden Sie Kollegen ein, geben Sie jedem die Rolle, die er braucht, und deaktivieren Sie Personen, die gehen: Eine deaktivierte Person wird sofort abgemeldet und kann sich nicht mehr anmelden.
people-forbidden = Nur Partneradministratoren können Personen verwalten.
people-loading = Personen werden geladen…
people-load-failed = Die Personen konnten nicht geladen werden.
people-list = Personen von { $organisation }
people-you = (Sie)
people-role-of = Rolle von { $name }
people-role-apply = Rolle ändern
people-role-keep = { $role } beibehalten
people-status-active = Aktiv
people-status-deactivated = Deaktiviert
people-last-sign-in = zuletzt angemeldet { $date }
people-never-signed-in = noch nie angemeldet
people-role-changed = { $name } ist jetzt { $role }.
people-deactivate = Deaktivieren
people-deactivate-confirm = { $name } deaktivieren? Die Person wird sofort abgemeldet und kann sich nicht mehr anmelden.
people-deactivate-yes = Ja, deaktivieren
people-deactivate-no = Abbrechen
people-deactivated = { $name } wurde deaktiviert.
people-reactivate = Reaktivieren
people-reactivated = { $name } kann sich wieder anmelden.
people-invitations = Offene Einladungen
people-invitations-empty = Keine offenen Einladungen.
people-invitation-meta = Eingeladen am { $date } von { $person } als { $role }
people-invitation-expires = Der Link funktioniert bis { $date }.
people-invitation-expired = Abgelaufen am { $date }: Laden Sie die Adresse erneut ein, um einen neuen Link zu senden.
people-revoke = Widerrufen
people-revoke-confirm = Einladung für { $email } widerrufen? Ihr Link funktioniert dann nicht mehr.
people-revoke-yes = Einladung widerrufen
people-revoke-no = Behalten
people-revoked = Die Einladung für { $email } wurde widerrufen.
invite-heading = Kollegen einladen
invite-email = E-Mail
invite-name = Name (optional)
invite-role = Rolle
invite-send = Einladung senden
invite-sending = Wird gesendet…
invite-sent = Eine Einladung an { $email } ist unterwegs. Ihr Link funktioniert einmal, 7 Tage lang.

## The page an invitation email links to (/invitations/:token).
invitation-page-title = Einladung
invitation-loading = Einladung wird geprüft…
invitation-heading = Treten Sie { $organisation } in Referral Desk bei
invitation-intro = { $person } hat { $email } als { $role } eingeladen. Wählen Sie ein Passwort, um abzuschließen: Sie werden sofort angemeldet.
invitation-expires = Dieser Link funktioniert einmal, bis { $date }.
invitation-name = Ihr Name
invitation-password = Passwort
invitation-password-hint = Mindestens { $min } Zeichen. Ein paar Wörter, die Sie sich merken, sind eine gute Wahl.
invitation-confirm = Passwort wiederholen
invitation-submit = Passwort festlegen und anmelden
invitation-submitting = Anmeldung läuft…
invitation-unusable-heading = Dieser Einladungslink funktioniert nicht mehr
invitation-sign-in = Zur Anmeldung

## The password change in the account settings.
password-heading = Passwort
password-hint = Mindestens { $min } Zeichen. Eine Änderung meldet Sie auf Ihren anderen Geräten ab.
password-current = Aktuelles Passwort
password-new = Neues Passwort
password-confirm = Neues Passwort wiederholen
password-change = Passwort ändern
password-changing = Wird geändert…
password-changed = Ihr Passwort wurde geändert. Auf Ihren anderen Geräten wurden Sie abgemeldet.
field-currentPassword = Aktuelles Passwort
