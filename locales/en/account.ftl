# account

## The account settings page (/settings/account) and its link in the user menu.
account-settings-link = Account settings
account-settings-title = Account settings
account-settings-heading = Account settings
account-notifications-heading = Lead emails
account-notification-email-hint = Emails about new Contact me leads for you go to { $email }. Give another address to have them sent there instead; leave it empty to use { $email }.
field-notificationEmail = Notification email
account-save = Save
account-saving = Saving…
account-saved = Saved.
account-use-sign-in-address = Use my sign-in address
