# lead: one referral's page (`/referrals/:id`), its contact block, pending changes,
# the heart and the small indicators (flame, validity, spam) lists show too.

lead-page-title = 引荐
lead-not-found = 未找到引荐
lead-loading = 正在加载引荐…
lead-not-found-detail = 此引荐不存在或属于其他组织。
lead-go-to-inbox = 转到收件箱
lead-retry = 重试

# Navigation through the list the lead was opened from; $list is the list's name.
lead-navigation = 引荐导航
lead-back-to = 返回“{ $list }”
lead-position = 第 { $position } 条，共 { $total } 条
lead-previous = 上一条
lead-next = 下一条

# A status and its substatus, each a value in words: "Active / Accepted".
lead-status-substatus = { $status } / { $substatus }

lead-deal-heading = 交易
lead-field-deal-name = 交易名称
lead-field-estimated-value = 预估价值
lead-field-currency = 货币
lead-field-closing-date = 预计成交日期
lead-field-contact-requested = 客户要求联系
lead-field-notes = 备注
lead-field-industries = 行业
lead-field-products = 产品
lead-field-services = 服务
lead-field-solutions = 解决方案
lead-field-crm-id = CRM ID
lead-field-campaign-id = 营销活动 ID

lead-customer-heading = 客户
lead-field-company = 公司
lead-field-company-size = 公司规模
lead-field-address = 地址
lead-field-country = 国家/地区
lead-field-region = 区域
lead-field-consent-contact = 同意联系
lead-field-consent-share = 同意与他人共享

lead-lead-heading = 潜在顾客
lead-field-category = 类别
lead-category-marketplace = 市场潜在顾客
lead-category-qualified = 合格潜在顾客
lead-field-qualification = 资格
lead-field-lead-type = 潜在顾客类型
lead-field-lead-source = 潜在顾客来源
lead-field-call-to-action = 号召性用语
lead-field-offer = 产品/服务
# The offer's name and its id.
lead-offer-name-id = { $name }（{ $id }）
lead-field-lead-quality = 潜在顾客质量
lead-field-referral-type = 引荐类型
lead-field-direction = 方向
lead-field-target = 目标
lead-field-invited-by = 邀请人
lead-field-invitation-notes = 邀请备注
lead-field-referral-id = 引荐 ID
lead-field-engagement-id = 协定 ID

lead-status-heading = 状态
lead-field-status = 状态
lead-field-reason = 原因
lead-field-reason-notes = 原因备注
lead-field-created = 创建时间
lead-field-updated = 更新时间
lead-field-accepted = 接受时间
lead-field-closed = 关闭时间
lead-field-expires = 到期时间
# Why the system closed a referral by itself (shown as its status reason).
lead-reason-expired = 14 天内未响应
lead-reason-informational-archived = 信息性产品/服务潜在顾客已在 6 个月后存档

lead-team-heading = 你的团队
lead-team-empty = 你的组织中还没有人参与此交易。

lead-registration-heading = 交易注册
lead-field-registration-state = 状态
lead-field-registration-submitted = 提交时间
lead-field-total-contract-value = 合同总价值
lead-field-solution-value = 解决方案价值
lead-field-contract-signed = 合同签署
lead-field-contract-start = 合同开始
lead-field-contract-end = 合同结束
lead-contract-perpetual = 永久

# A field without a value, and yes/no answers.
lead-not-given = 未提供
lead-yes = 是
lead-no = 否

lead-archived-no-actions = 已存档的引荐将保持原样：无法再执行任何操作。

# Announced once an action went through; $customer is the customer's name, $substatus a value in words.
lead-announce-archived = { $substatus }：{ $customer } 现已移至“已存档”。
lead-announce-accepted = 已保存：{ $customer } 已在“已接受”中。
lead-announce-saved = 已保存：{ $customer }。
# Announced when an action waits on this device; $action is the action's button label.
lead-queued-action = 已保存在此设备上：“{ $action }”正在等待同步，连接恢复后将发送。
lead-queued-change = 已保存在此设备上：此更改正在等待同步，连接恢复后将发送。
lead-changes-discarded = 你的更改已放弃。这是此引荐的当前状态。

# The flame alert at the top of a lead whose customer asked to be contacted.
lead-flame-alert = 客户要求联系
lead-flame-hot-title = 立即联系
lead-flame-hot-message = 客户要求与其联系。请立即联系客户。
lead-flame-cooled-title = 仍值得联系
lead-flame-cooled-message = 客户要求联系已超过 72 小时。仍然值得与其联系。
# The flame icon's name (lists and the lead).
lead-flame-hot = 热：客户要求联系
lead-flame-cooled = 已降温：要求联系已超过 72 小时

# Offer leads that need no answer; $callToAction is a call to action in words, $date a date.
lead-informational = 无需操作：此“{ $callToAction }”潜在顾客仅供参考（用于交叉销售和追加销售），将于 { $date } 自动存档。
lead-informational-offer = 无需操作：此产品/服务潜在顾客仅供参考（用于交叉销售和追加销售），将于 { $date } 自动存档。
lead-response-window = 响应时限（24 小时）
lead-expiry = 到期（14 天）

lead-contact-heading = 联系人
lead-contact-hidden-expired = 已过期的引荐不显示联系信息。
lead-contact-none = 客户未留下联系方式。
lead-spam-warning = 已知此联系人的电子邮件地址或域会发送垃圾邮件。联系之前，请先检查此潜在顾客。
lead-contact-fine-print = 供应商只验证联系方式能否联系上，不验证客户的身份，也不验证其兴趣是否真实。引荐不代表认可：防范欺诈是你的责任。

# The copy buttons beside an email address and a phone number.
lead-copy = 复制
lead-copy-email = 复制电子邮件地址
lead-copied-email = 已复制电子邮件地址。
lead-copy-email-failed = 无法复制电子邮件地址。请选中后自行复制。
lead-copy-phone = 复制电话号码
lead-copied-phone = 已复制电话号码。
lead-copy-phone-failed = 无法复制电话号码。请选中后自行复制。

# Validity badges: $validity is a validity in words; the kind alone is read to screen readers before it.
lead-email-validity = 电子邮件：{ $validity }
lead-email-validity-kind = 电子邮件：
lead-phone-validity = 电话：{ $validity }
lead-phone-validity-kind = 电话：

# The spam flag (lists and the lead).
lead-spam-why = 可能是垃圾邮件：已知联系人的电子邮件地址或域会发送垃圾邮件
lead-spam-badge = 垃圾邮件

# The heart (lists and the lead).
lead-favorite-add = 添加到收藏夹
lead-favorite-remove = 从收藏夹中删除

lead-history-heading = 状态历史记录
lead-history-received = 已接收
# $status is "Closed / Declined" (see lead-status-substatus), $reason the status reason.
lead-history-change-with-reason = { $status }（{ $reason }）
# Who made a change: $name is a person's name or lead-history-by-system.
lead-history-by = 操作人：{ $name }
lead-history-by-system = Referral Desk（自动）

# Changes on this device the server has not confirmed. $change is an action's button
# label or the heart's (lead-favorite-add/-remove), $time a time of day, $status as in
# lead-status-substatus, $message and $reason the server's words.
lead-pending-label = 尚未同步的更改
lead-pending-waiting = 等待同步
lead-pending-waiting-text = “{ $change }”——已于 { $time } 保存在此设备上；连接恢复后将发送。
lead-pending-cancel = 撤销此更改
lead-pending-refused = 未应用
lead-pending-refused-text = “{ $change }”：{ $message }
lead-pending-dismiss = 忽略
lead-pending-conflict = 需要你审阅
lead-pending-not-applied = “{ $change }”未应用：{ $reason } 当前状态为“{ $status }”。
lead-pending-changed-first = “{ $change }”：在你的更改送达之前，其他人更改了此引荐。当前状态为“{ $status }”。
lead-pending-review = 审阅
lead-pending-discard = 放弃我的更改
