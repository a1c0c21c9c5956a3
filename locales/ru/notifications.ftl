# notifications

## The bell and its panel (src/components/notification_centre.rs)
# The bell's accessible name with unread items (without any it is bell-label).
notifications-bell-unread =
    { $count ->
        [one] Уведомления, { $count } непрочитанное
        [few] Уведомления, { $count } непрочитанных
        [many] Уведомления, { $count } непрочитанных
       *[other] Уведомления, { $count } непрочитанного
    }
notifications-mark-all-read = Отметить все как прочитанные
notifications-unread = Не прочитано
notifications-close = Закрыть уведомления
# What an item is about; the lead's customer and deal follow on their own line.
notifications-new-lead = Новый лид
notifications-flame = Клиент попросил связаться с ним и все еще ждет
notifications-expiring = Истекает в течение 48 часов, если никто не ответит
# An action of the user's that the server refused or that met a colleague's change.
notifications-not-synced = Не синхронизировано: { $change }
notifications-not-synced-note = Откройте лид, чтобы решить проблему.
notifications-offline = Вы не в сети: это уведомления, сохраненные на этом устройстве. Прочитанное сейчас будет отмечено на сервере, когда подключение восстановится.
notifications-load-failed = Не удалось загрузить уведомления: { $reason }
notifications-older = Показать более ранние
