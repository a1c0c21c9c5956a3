# account

## The account settings page (/settings/account) and its link in the user menu.
account-settings-link = Настройки учётной записи
account-settings-title = Настройки учётной записи
account-settings-heading = Настройки учётной записи
account-notifications-heading = Письма о лидах
account-notification-email-hint = Письма о новых лидах «Связаться со мной» для вас приходят на { $email }. Укажите другой адрес, чтобы получать их туда; оставьте поле пустым, чтобы использовать { $email }.
field-notificationEmail = Адрес для уведомлений
account-save = Сохранить
account-saving = Сохранение…
account-saved = Сохранено.
account-use-sign-in-address = Использовать мой адрес для входа
