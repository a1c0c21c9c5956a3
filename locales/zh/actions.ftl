# actions: the lead's action forms (Accept, Edit, Decline, Lost, Won, Add your
# employees), their confirmation and the conflict view.

action-cancel = 取消
action-saving = 正在保存…
action-sending = 正在发送…
action-go-back = 返回
action-loading = 正在加载…
action-retry = 重试
action-yes = 是
action-no = 否

# The button answering an irreversible action's last question.
action-confirm-accept = 是，接受
action-confirm-decline = 是，拒绝
action-confirm-edit = 是，编辑
action-confirm-add-team-member = 是，添加你的员工
action-confirm-won = 是，赢单
action-confirm-lost = 是，丢单

# Why the signed-in person may not act on the referral (by role).

# The conflict view. $action is an action's button label; $status is "Active / Accepted"
# (see lead-status-substatus), $updated a date and time.
action-conflict = 在你处理此引荐期间，其他人更改了它。其当前状态为“{ $status }”，上次更新时间：{ $updated }。
action-no-longer-applies = “{ $action }”已不适用于此引荐的当前状态。
action-differences-caption = 期间发生的更改
action-differences-field = 字段
action-differences-yours = 你的值
action-differences-now = 当前值
action-typed-kept = 你输入的内容保留在下方。
action-reapply = 对当前版本执行“{ $action }”
action-discard-changes = 放弃我的更改

# Accept and Edit.
action-accept-heading = 接受此引荐
action-accept-submit = 下一步：移至“已接受”
action-edit-heading = 编辑交易
action-edit-submit = 保存更改
action-deal-name = 交易名称
action-deal-value = 预估交易价值
action-currency = 货币
action-currency-choose = 选择货币
action-closing-date = 预计成交日期
action-team-members = 团队成员
action-team-member-name = { $email } 在此交易中的全名
action-colleagues-loading = 正在加载你的同事…
action-deal-notes = 备注（强烈建议填写）
action-deal-notes-hint = 客户需要什么？下一步是什么？备注有助于你的团队接手此交易。
action-crm-id = CRM ID（可选）
action-campaign-id = 营销活动 ID（可选）
# The conflict view's names of fields that have a longer label in the form.
action-difference-notes = 备注
action-difference-crm-id = CRM ID
action-difference-campaign-id = 营销活动 ID
action-contacts-legend = 其他客户联系人（可选）
action-contacts-add = 添加联系人
# $number counts the additional contacts from 1.
action-contact-group = 联系人 { $number }
action-contact-remove = 删除联系人 { $number }
action-first-name = 名字
action-last-name = 姓氏
action-email = 电子邮件
action-phone = 电话

# Add your employees.
action-team-member-heading = 添加你的员工
action-team-member-submit = 添加到团队

# Decline and Lost. "Close" is what partners know from the reference product for a decline.
action-decline-heading = 拒绝此引荐
action-decline-submit = 关闭
action-decline-question = 要拒绝此引荐吗？它将以“已拒绝”状态移至“已存档”，之后无法更改。
action-lost-heading = 将此交易标记为丢单
action-lost-submit = 标记为丢单
action-lost-question = 要将此引荐标记为丢单吗？它将以“丢单”状态移至“已存档”，之后无法更改。
action-reason = 原因
action-reason-choose = 选择原因
action-reason-notes = 备注（原因为“其他”时必填）

# Won, with the deal registration. $currency is a currency code, $usd an amount in US dollars.
action-won-heading = 将此交易标记为赢单
action-won-eligible = 此交易价值不低于 25,000 USD，且包含符合条件的解决方案：请向供应商注册此交易，以将其标记为赢单。
action-won-undetermined = 没有 { $currency } 兑 USD 的汇率，因此无法确定此交易是否达到 25,000 USD。你可以向供应商注册此交易。
action-won-register = 注册此交易
action-won-no-eligible-solution = 此交易不包含符合条件的解决方案，因此无法注册。
action-won-no-deal-value = 此交易没有交易价值，因此无法注册。
action-won-below-minimum = 只有价值不低于 25,000 USD 的交易才能注册；此交易价值 { $usd } USD。
action-won-submit = 赢单
action-won-question = 要将此交易标记为赢单吗？它将以“赢单”状态移至“已存档”，之后无法更改。
action-registration-legend = 交易注册
action-registration-marketplace = 这是市场交易吗？
action-registration-marketplace-date = 预计市场交易日期
action-registration-azure = 解决方案是否部署在 Azure 上？
action-registration-perpetual = 合同是否为永久合同？
action-registration-total-value = 合同总价值
action-registration-solution-value = 解决方案价值
action-registration-solution-value-hint = 不超过合同总价值。
action-registration-signed-date = 合同签署日期
# $days is a number of days, $arrived the day the referral arrived.
action-registration-signed-date-hint = 不能是将来的日期，最早为 { $days } 天前，且不早于引荐到达的日期（{ $arrived }）。
action-registration-start-date = 合同开始日期
action-registration-start-date-hint = 最早为 { $days } 天前。
action-registration-end-date = 合同结束日期
action-registration-end-date-hint = 除非合同为永久合同，否则为必填项；不得早于开始日期。
action-registration-tenant-type = 租户类型
action-registration-tenant-type-choose = 选择租户类型
action-registration-pricing-model = 定价模型
action-registration-pricing-model-choose = 选择定价模型
