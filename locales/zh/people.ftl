# people

## The people screen (/settings/people) and its link in the user menu.
menu-people = 人员
people-title = 人员
people-intro = 邀请同事，为每个人分配所需的角色，并停用已离开的人员：被停用的人员会立即退出登录，且无法再登录。
people-forbidden = 只有合作伙伴管理员可以管理人员。
people-loading = 正在加载人员…
people-load-failed = 无法加载人员。
people-list = { $organisation } 的人员
people-you = （你）
people-role-of = { $name } 的角色
people-role-apply = 更改角色
people-role-keep = 保留{ $role }
people-status-active = 活跃
people-status-deactivated = 已停用
people-last-sign-in = 上次登录于 { $date }
people-never-signed-in = 从未登录
people-role-changed = { $name } 现在是{ $role }。
people-deactivate = 停用
people-deactivate-confirm = 停用 { $name }？此人将立即退出登录，且无法再登录。
people-deactivate-yes = 是，停用
people-deactivate-no = 取消
people-deactivated = 已停用 { $name }。
people-reactivate = 重新启用
people-reactivated = { $name } 可以再次登录。
people-invitations = 未处理的邀请
people-invitations-empty = 没有未处理的邀请。
people-invitation-meta = 由 { $person } 于 { $date } 以“{ $role }”身份邀请
people-invitation-expires = 链接有效期至 { $date }。
people-invitation-expired = 已于 { $date } 过期：请重新邀请该地址以发送新链接。
people-revoke = 撤销
people-revoke-confirm = 撤销对 { $email } 的邀请？其链接将失效。
people-revoke-yes = 撤销邀请
people-revoke-no = 保留
people-revoked = 已撤销对 { $email } 的邀请。
invite-heading = 邀请同事
invite-email = 电子邮件
invite-name = 姓名（可选）
invite-role = 角色
invite-send = 发送邀请
invite-sending = 正在发送…
invite-sent = 邀请已发往 { $email }。其链接只能使用一次，有效期 7 天。

## The page an invitation email links to (/invitations/:token).
invitation-page-title = 邀请
invitation-loading = 正在检查邀请…
invitation-heading = 加入 Referral Desk 上的 { $organisation }
invitation-intro = { $person } 以“{ $role }”身份邀请了 { $email }。请设置密码以完成：你将立即登录。
invitation-expires = 此链接只能使用一次，有效期至 { $date }。
invitation-name = 你的姓名
invitation-password = 密码
invitation-password-hint = 至少 { $min } 个字符。几个你能记住的词就是不错的密码。
invitation-confirm = 再次输入密码
invitation-submit = 设置密码并登录
invitation-submitting = 正在登录…
invitation-unusable-heading = 此邀请链接已失效
invitation-sign-in = 前往登录

## The password change in the account settings.
password-heading = 密码
password-hint = 至少 { $min } 个字符。更改密码会使你在其他设备上退出登录。
password-current = 当前密码
password-new = 新密码
password-confirm = 再次输入新密码
password-change = 更改密码
password-changing = 正在更改…
password-changed = 你的密码已更改。你已在其他设备上退出登录。
field-currentPassword = 当前密码
