# notifications

## The bell and its panel (src/components/notification_centre.rs)
# The bell's accessible name with unread items (without any it is bell-label).
notifications-bell-unread = 通知，{ $count } 条未读
notifications-mark-all-read = 全部标记为已读
notifications-unread = 未读
notifications-close = 关闭通知
# What an item is about; the lead's customer and deal follow on their own line.
notifications-new-lead = 新潜在顾客
notifications-flame = 客户已请求联系，仍在等待
notifications-expiring = 如无人回复，将在 48 小时内过期
# An action of the user's that the server refused or that met a colleague's change.
notifications-not-synced = 未同步：{ $change }
notifications-not-synced-note = 打开该潜在顾客以解决此问题。
notifications-offline = 您已离线：这些是保存在此设备上的通知。您现在阅读的通知将在恢复联网后在服务器上标记为已读。
notifications-load-failed = 无法加载通知：{ $reason }
notifications-older = 显示更早的通知
