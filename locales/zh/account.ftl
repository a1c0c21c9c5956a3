# account

## The account settings page (/settings/account) and its link in the user menu.
account-settings-link = 账户设置
account-settings-title = 账户设置
account-settings-heading = 账户设置
account-notifications-heading = 潜在客户电子邮件
account-notification-email-hint = 有关您的新“联系我”潜在客户的电子邮件会发送到 { $email }。如需改为发送到其他地址，请在此填写；留空则使用 { $email }。
field-notificationEmail = 通知电子邮件
account-save = 保存
account-saving = 正在保存…
account-saved = 已保存。
account-use-sign-in-address = 使用我的登录地址
