# Validation errors the domain reports (`FieldError::coded`), and the labels of the
# fields they name (`field-<apiName>`), read as `{ $label }`.

field-customerName = 客户名称
field-name = 交易名称
field-dealValue = 预估交易价值
field-currency = 货币
field-closingDateTime = 预计成交日期
field-notes = 备注
field-email = 电子邮件
field-phoneNumber = 电话号码
field-country = 国家/地区
field-firstName = 名字
field-lastName = 姓氏
field-externalReferenceId = CRM ID
field-campaignId = 营销活动 ID
field-marketplaceTransactionDate = 预计市场交易日期
field-statusReason = 状态原因
field-statusReasonNotes = 状态原因备注
field-team = 团队
field-contractSignedDate = 合同签署日期
field-contractStartDate = 合同开始日期
field-contractEndDate = 合同结束日期
field-totalContractValue = 合同总价值
field-solutionValue = 解决方案价值

error-required = { $label }为必填项。
error-email = { $label }必须是电子邮件地址，例如 name@example.com。
error-phone = { $label }必须是以 + 和国家/地区代码开头的国际号码，例如 +49 30 901820。
error-date = { $label }必须是日期，例如 2026-12-31。
error-date-years = { $label }必须在 { $earliest } 年至 { $latest } 年之间。
error-closing-date-past = 预计成交日期必须是今天或以后（不早于 { $today }）。
error-number = { $label }必须是数字，例如 25000 或 25000.50。
error-not-negative = { $label }必须大于或等于零。
error-too-large = { $label }过大：最多为 { $max } { $currency }。
error-whole-number = 对于 { $currency }，{ $label }必须是整数（不含小数位）。
error-decimal-places = 对于 { $currency }，{ $label }最多只能有 { $places } 位小数。
error-amount-decimal-comma = { $label }：请用小数点（.）分隔小数，逗号只能用作千位分隔符，例如 48500.50 或 48,500.50。
error-amount-ambiguous = { $label }含义不明确：{ $typed } 可能表示 { $asThousands }，也可能表示 { $asDecimal }。请按您的本意输入其中一种写法。
error-one-line = { $label }必须为单行：请删除换行符。
error-no-tab = { $label }不能包含制表符：请改用空格。
error-control-character = { $label }不能包含不可见的控制字符：请删除 { $character }。
error-direction-control = { $label }不能包含隐藏的文本方向控制字符，它可能使文本显示为其他内容：请删除 { $character }。
error-invisible-character = { $label }不能包含不可见字符：请删除 { $character }。
error-too-long = { $label }最多只能有 { $max } 个字符（当前为 { $length } 个）。
error-choose-reason = 请选择原因。
error-notes-for-others = 原因为“其他”时，必须填写备注：请说明原因。
error-notes-blank = 备注不能为空。
error-team-required = 请至少添加一名参与此交易的团队成员。
error-team-member-email = 团队成员必须提供电子邮件。
error-contact-reachable = 请提供电子邮件地址或电话号码，以便联系到此联系人。
error-already-on-team = { $email } 已在团队中。
error-currency-required = 货币为必填项。
error-country-code = { $label }必须是两个字母的 ISO 3166-1 国家/地区代码，例如 DE 或 US。
error-currency-code = { $label }必须是三个字母的 ISO 4217 货币代码，例如 EUR 或 USD。
error-currency-inactive = { $label } { $code } 不是现行的 ISO 4217 货币代码。请使用现行代码，例如 EUR 或 USD。
error-registration-required = 此交易价值不低于 25,000 USD，且包含符合条件的解决方案：请注册此交易，以将其标记为赢单。
error-signed-in-future = 合同签署日期不能是将来的日期。
error-signed-too-early = 合同签署日期最早为 60 天前（{ $earliest } 或之后）。
error-signed-before-created = 合同签署日期不能早于引荐的创建日期（{ $created }）。
error-start-too-early = 合同开始日期最早为 90 天前（{ $earliest } 或之后）。
error-perpetual-end-date = 永久合同没有结束日期：请清除结束日期，或将“合同是否为永久合同”回答为“否”。
error-end-date-required = 除非合同为永久合同，否则合同结束日期为必填项。
error-end-before-start = 合同结束日期不能早于合同开始日期（{ $start }）。
error-no-transaction-date = 这不是市场交易，因此没有市场交易日期：请清除该日期，或回答“是”。
error-registration-no-currency = 此交易没有货币：请先编辑引荐，设置交易价值和货币。
error-solution-exceeds-total = 解决方案价值不能超过合同总价值（{ $currency } { $amount }）。
error-password-too-short = 密码至少需要 { $min } 个字符。
error-password-too-long = 密码最多只能有 { $max } 个字符。
error-password-confirmation = 两次输入的密码不一致：请再次输入新密码。
error-current-password = 这不是你当前的密码。
error-person-name-required = 请填写你的姓名，同事将看到此姓名。
error-person-name = 姓名必须为一行，最多 { $max } 个字符，且不含控制字符。
error-role = 请选择一个角色。

# 服务器返回的问题（`problem-<code>`）。

problem-route-not-found = 此路径下没有 API 资源。
problem-method-not-allowed = 此 API 资源不接受该方法。
problem-unauthenticated = 请登录后继续。
problem-invalid-credentials = 电子邮件地址或密码不正确。
problem-too-many-sign-ins =
    { $minutes ->
        [0] 此处登录失败次数过多。请在 { $seconds } 秒后重试。
       *[other] 此处登录失败次数过多。请在 { $minutes } 分钟后重试。
    }
problem-csrf-missing = 此请求缺少防伪令牌（X-CSRF-Token）。请重新加载页面后重试。
problem-csrf-mismatch = 此请求的防伪令牌（X-CSRF-Token）不属于当前会话：它可能来自较旧的标签页或其他网站。请重新加载页面后重试。
problem-foreign-origin = 更改必须来自 Referral Desk 自己的页面；此请求来自 { $origin }。
problem-referral-not-found = 你的组织中没有此 ID 的引荐。
problem-user-not-found = 你的组织中没有此 ID 的用户。
problem-if-match-required = 请在 If-Match 标头中发送你最后看到的版本的 ETag，以免同事的更改在未被看到的情况下被覆盖。
problem-changed-meanwhile = 自你加载此引荐以来，其他人已更改了它。随附的是当前版本。
problem-invalid-fields = 某些字段需要更改：请查看字段旁边的消息。
problem-idempotency-key-reused = 此 Idempotency-Key 已用于另一个请求。新请求请使用新的密钥。
problem-idempotency-in-progress = 使用此 Idempotency-Key 的请求仍在处理中。请稍后重试。
problem-idempotency-key-format = Idempotency-Key 必须由 1 到 255 个可见字符组成，例如 UUID。
problem-unsupported-media-type = 请以 JSON 格式发送请求正文（Content-Type: application/json）。
problem-payload-too-large = 请求正文过大（最多 { $limitKib } KiB）。
problem-malformed-body = 请求正文不是此操作的有效 JSON：{ $reason }
problem-internal = 我们这边出了问题。请重试；如果仍然失败，请提供 x-request-id 标头的值。
problem-page-cursor-invalid = 分页游标已失效。请从头重新加载列表。
problem-favorites-filter = “favorites” 必须是 “only” 或 “all”，而不是 “{ $value }”。
problem-limit-range = “limit” 必须是 1 到 { $max } 之间的整数，而不是 “{ $value }”。
problem-sync-parameter = 未知参数 “{ $name }”：同步只接受 “since” 和 “limit”。
problem-sync-cursor-malformed = 此同步游标不是本服务器发出的。请不带 “since” 重新同步。
problem-sync-cursor-foreign = 此同步游标属于另一个组织。请不带 “since” 重新同步。
problem-sync-cursor-ahead = 此同步游标超前于本服务器的更改（数据库是否被恢复过？）。请不带 “since” 重新同步。
problem-last-partner-admin = 组织必须至少保留一名合作伙伴管理员。请先将其他人设为合作伙伴管理员。

problem-not-on-team = 只有此引荐的团队成员才能对其执行操作。请让引荐管理员将你添加到团队。
problem-read-only-business-profile-admin = 业务配置文件管理员可以查看引荐，但不能对其执行操作。
problem-read-only-viewer = 查看者可以查看引荐，但不能对其执行操作。
problem-export-not-allowed =
    { $role ->
        [Viewer] 查看者可以查看引荐，但不能导出。请让合作伙伴管理员或引荐管理员导出此列表。
        [ReferralsUser] 引荐用户可以查看引荐，但不能导出。请让合作伙伴管理员或引荐管理员导出此列表。
        [BusinessProfileAdmin] 业务配置文件管理员可以查看引荐，但不能导出。请让合作伙伴管理员或引荐管理员导出此列表。
       *[other] 你的角色可以查看引荐，但不能导出。请让合作伙伴管理员或引荐管理员导出此列表。
    }
problem-roles-partner-admins-only = 只有合作伙伴管理员才能更改角色。
problem-own-role = 你不能更改自己的角色。请联系另一位合作伙伴管理员。

# People: who may manage them, invitations and their links.
problem-people-partner-admins-only = 只有合作伙伴管理员可以查看和管理组织的人员。
problem-own-account = 你不能停用自己。请联系另一位合作伙伴管理员。
problem-invitation-not-found = 你的组织中没有此 ID 的邀请。
problem-invitation-link-unknown = 此邀请链接无效。请打开邀请邮件中的完整链接。
problem-invitation-expired = 此邀请已过期：邀请有效期为 7 天。请让你组织的合作伙伴管理员重新邀请你。
problem-invitation-used = 此邀请已被用于设置密码。请使用你的电子邮件地址和该密码登录。
problem-invitation-revoked = 此邀请已被撤回。请询问你组织的合作伙伴管理员是否仍应加入。
problem-invitation-open = { $email } 已有一个未处理的邀请。要发送新邀请，请先撤销它。
problem-email-has-account = { $email } 已有 Referral Desk 帐户。

problem-archived = 此引荐已归档（{ $substatus }）；已归档的引荐不接受任何操作。
problem-informational-offer = 这是一条信息性优惠线索：无需任何操作，将在收到 { $months } 个月后自动归档。
problem-expired = 此引荐未在 14 天内得到答复，已过期；已过期的引荐不接受任何操作。
problem-not-yet-accepted =
    { $action ->
        [Edit] 此引荐仍在收件箱中；请先接受，然后再编辑。
        [AddTeamMember] 此引荐仍在收件箱中；请先接受，然后再添加你的员工。
        [Won] 此引荐仍在收件箱中；请先接受，然后再标记为赢单。
        [Lost] 此引荐仍在收件箱中；请先接受，然后再标记为丢单。
       *[other] 此引荐仍在收件箱中；请先接受。
    }
problem-already-accepted = 此引荐已被接受。
problem-already-accepted-decline = 此引荐已被接受；如需关闭，请将其标记为赢单或丢单。
problem-impossible-transition = 处于 { $status }（{ $substatus }）状态的引荐无法执行操作“{ $action }”。

problem-unknown-filter-value = 筛选条件 “{ $parameter }”：“{ $value }” 不是已知的{ $kind }；应为以下之一：{ $expected }
problem-bad-country-filter = 筛选条件 “country”：“{ $value }” 不是 ISO 3166-1 国家/地区代码；应为两个字母，例如 DE 或 US
problem-range-reversed = 时间范围的开始晚于结束：“from”（{ $from }）必须早于或等于 “to”（{ $to }）。
problem-range-not-a-date = “{ $name }” 必须是类似 2026-09-01 的日期，而不是 “{ $value }”。
problem-range-years = “{ $name }” 必须在 { $earliest } 年到 { $latest } 年之间，而不是 “{ $value }”。

## API 密钥、线索接收和通知中心
problem-api-key-missing = 请以 Authorization: Bearer <密钥> 的形式发送 API 密钥。合作伙伴管理员可在“设置 → API 密钥”中创建密钥。
problem-api-key-rejected = 此 API 密钥无效或已被撤销。请向合作伙伴管理员索取当前有效的密钥（设置 → API 密钥）。
problem-api-key-not-found = 你的组织中没有此 ID 的 API 密钥。
problem-api-keys-partner-admins-only = 只有合作伙伴管理员可以管理 API 密钥。
problem-notification-not-found = 你没有此 ID 的通知。
problem-notifications-before-unknown = “before” 必须是你的某条通知的 ID，而不是 “{ $value }”：请去掉该参数后重试。
problem-notifications-parameter = 未知参数 “{ $name }”：通知只接受 “limit” 和 “before”。
problem-notifications-through-unknown = “through” 必须是你的某条通知的 ID，而不是 “{ $value }”。
problem-notifications-read-all-parameter = 未知参数 “{ $name }”：全部标为已读只接受 “through”。
