# emails

## The email sent for each new Contact me lead, and the day's digest after the first ten.
email-lead-subject = 新潜在客户：{ $customer } – { $deal }
email-lead-heading = 有客户请求与您联系
email-lead-intro = { $customer } 请求 { $organisation } 与其联系。请在 24 小时内答复：回复越快，机会越大。
email-field-customer = 客户
email-field-deal = 商机
email-field-offer = 产品/服务
email-field-country = 国家/地区
email-field-call-to-action = 行动号召
email-field-arrived = 收到时间
email-open-lead = 打开潜在客户
email-digest-subject = { $count ->
   *[other] { $day } 另有 { $count } 个新潜在客户
 }
email-digest-heading = 您在 { $day } 的其他新潜在客户
email-digest-intro = { $day } 您收到了超过 { $limit } 个新潜在客户。前 { $limit } 个已逐一立即通过电子邮件通知您；以下是之后收到的。
email-footer = 您收到此电子邮件，是因为 { $organisation } 在 Referral Desk 中的新潜在客户会发送到此地址。如需发送到其他地址，请在账户设置中设置通知电子邮件。

## The invitation email: a partner admin invited the recipient to their organisation.
email-invitation-subject = { $inviter } 邀请你加入 Referral Desk 上的 { $organisation }
email-invitation-heading = 你受邀加入 { $organisation }
email-invitation-intro = { $inviter } 邀请你以“{ $role }”身份在 Referral Desk 中处理 { $organisation } 的销售推荐。
email-invitation-action = 设置密码
email-invitation-validity = 此链接只能使用一次，有效期至 { $expires }。如果已过期，请让 { $inviter } 重新邀请你。
email-invitation-footer = 你收到此邮件，是因为 { $inviter } 邀请 { $email } 加入 Referral Desk。如果你没有预料到此邮件，请忽略它：除非使用该链接，否则不会发生任何事情。
