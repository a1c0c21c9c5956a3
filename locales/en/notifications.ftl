# notifications

## The bell and its panel (src/components/notification_centre.rs)
# The bell's accessible name with unread items (without any it is bell-label).
notifications-bell-unread =
    { $count ->
        [one] Notifications, { $count } unread
       *[other] Notifications, { $count } unread
    }
notifications-mark-all-read = Mark all as read
notifications-unread = Unread
notifications-close = Close notifications
# What an item is about; the lead's customer and deal follow on their own line.
notifications-new-lead = New lead
notifications-flame = The customer asked to be contacted and is still waiting
notifications-expiring = Expires within 48 hours unless someone answers
# An action of the user's that the server refused or that met a colleague's change.
notifications-not-synced = Not synced: { $change }
notifications-not-synced-note = Open the lead to resolve it.
notifications-offline = You are offline: these are the notifications saved on this device. Items you read now are marked on the server once you are back online.
notifications-load-failed = The notifications could not be loaded: { $reason }
notifications-older = Show older
