# account

## The account settings page (/settings/account) and its link in the user menu.
account-settings-link = Kontoeinstellungen
account-settings-title = Kontoeinstellungen
account-settings-heading = Kontoeinstellungen
account-notifications-heading = E-Mails zu Leads
account-notification-email-hint = E-Mails zu neuen Kontaktanfragen für Sie gehen an { $email }. Geben Sie eine andere Adresse an, wenn sie stattdessen dorthin gesendet werden sollen; lassen Sie das Feld leer, um { $email } zu verwenden.
field-notificationEmail = Benachrichtigungs-E-Mail
account-save = Speichern
account-saving = Wird gespeichert …
account-saved = Gespeichert.
account-use-sign-in-address = Meine Anmeldeadresse verwenden
