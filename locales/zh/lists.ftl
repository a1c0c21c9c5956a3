# lists

## The CSV export's header row (the file's cells stay in the API's words).
csv-referral-id = 引荐 ID
csv-lead-creation-date-time = LeadCreationDateTime
csv-updated-date = 更新日期
csv-customer-name = 客户名称
csv-country = 国家/地区
csv-city = 城市
csv-lead-type = 潜在顾客类型
csv-lead-source = 潜在顾客来源
csv-call-to-action = 号召性用语
csv-offer-id = 产品/服务 ID
csv-offer-name = 产品/服务名称
csv-currency = 货币
csv-deal-value = 交易价值
csv-status = 状态
csv-substatus = 子状态
csv-status-reason = 状态原因
csv-contact-name = 联系人姓名
csv-contact-email = 联系人电子邮件
csv-email-validity = 电子邮件有效性
csv-contact-phone = 联系人电话
csv-phone-validity = 电话有效性

## The list views (Inbox, Accepted, Archived, Favorites).
list-favorites = 收藏夹
list-count = { $count } 条引荐
list-loading = 正在加载引荐…
list-retry = 重试
# $error: what is wrong with the link's filter (the domain's words).
list-bad-link = 无法使用此链接的筛选器。{ $error }。
# $list: the list's name, e.g. Inbox.
list-show-all = 显示“{ $list }”中的全部引荐
list-empty-filtered = 没有符合这些筛选器的引荐。请删除某个筛选器或全部清除。
list-empty-inbox = 没有新的引荐。新的潜在顾客一到达就会显示在此处。
list-empty-accepted = 还没有已接受的引荐。在收件箱中接受潜在顾客后，即可在此处跟进。
list-empty-archived = 还没有已存档的内容。赢单、丢单、已拒绝和已过期的引荐都保存在此处。
list-empty-favorites = 还没有收藏。选择任意引荐上的心形图标，即可将其保存在此处。
list-intro-inbox = 等待您答复的新引荐。请尽量在一天内接受或拒绝每条引荐；未答复的引荐会过期。
list-intro-accepted = 您正在跟进的引荐。请及时更新每条引荐，然后将其标记为赢单或丢单。
list-intro-archived = 赢单、丢单、已拒绝和已过期的引荐保存在此处供查阅，不能再执行操作。
list-intro-favorites = 您用心形图标标记的引荐，来自所有阶段。
list-categories = 潜在顾客类别
list-search-label = 搜索
list-search-placeholder = 客户、交易、联系人或备注
list-search-button = 搜索
list-sort-by = 排序依据
list-sort-order = 顺序
list-sort-descending = 降序
list-sort-ascending = 升序
list-export = 导出
list-export-label = 将此列表导出为 CSV

## The table of referrals (cards on a phone).
# $list: the list's name, e.g. Inbox.
list-table-caption = “{ $list }”中的引荐
list-column-favorite = 收藏
list-column-customer = 客户
list-column-country = 国家/地区
list-column-lead = 潜在顾客
list-column-created = 创建时间
list-column-contact = 联系人
list-column-respond = 响应
list-column-deal = 交易
list-column-outcome = 结果
list-column-stage = 阶段
list-no-contact = 无联系方式
list-no-action-needed = 无需操作
list-archived-on = 存档于 { $date }
list-no-deal-value = 无交易价值
list-closing = 预计 { $date } 成交

## The filter panel and the chips of the active filters.
filter-toggle =
    { $count ->
        [0] 筛选器
       *[other] 筛选器（{ $count }）
    }
filter-heading = 筛选器
filter-done = 完成
filter-show-referrals = 显示引荐
filter-call-to-action = 号召性用语
filter-country = 国家/地区
filter-lead-source = 潜在顾客来源
filter-lead-type = 潜在顾客类型
filter-lead-quality = 潜在顾客质量
filter-status = 状态
filter-email-validity = 电子邮件有效性
filter-phone-validity = 电话有效性
filter-customer-name = 客户名称
filter-add = 添加
filter-customer = 客户
filter-email = 电子邮件
filter-phone = 电话
filter-search = 搜索
# A chip: $field is the filter's name, $value the value it keeps.
filter-chip = { $field }：{ $value }
filter-chip-search = “{ $search }”
# $chip: the chip's words, e.g. Country: Germany (DE).
filter-remove = 删除筛选器 { $chip }
filter-clear = 清除筛选器
filter-active = 当前筛选器

## Any path the app does not know.
not-found-title = 找不到页面
not-found-text = 此地址没有任何内容。
not-found-link = 转到收件箱
