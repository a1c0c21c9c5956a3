# insights: the /insights page and its bar charts

insights-title = 见解
insights-range-error = 无法使用此链接中的日期：{ $reason } 请在上方选择日期范围。
insights-loading = 正在加载引荐…

# The range picker
insights-from = 开始日期
insights-to = 结束日期
insights-show = 显示

# Key figures
insights-received = 已接收
insights-accepted = 已接受
insights-won = 赢单
insights-win-rate = 赢单率（赢单数占赢单与丢单总数的比例）
insights-median-response = 首次响应时间中位数
insights-p90-response = 首次响应时间第 90 百分位数
insights-within-target = 在 24 小时目标内回复
# A share in percent, e.g. the win rate: "40%"
insights-percent = { $percent }%
# The share answered within 24 hours, and how many of how many: "75% (3 of 4)"
insights-within-target-share = { $percent }%（{ $decided } 条中的 { $within } 条）
insights-no-won-or-lost = 还没有赢单或丢单的交易
insights-no-answers = 还没有回复
insights-no-target-passed = 尚无潜在顾客的 24 小时时限已过
# $from and $to are formatted dates
insights-scope = 创建于 { $from } 至 { $to }（按 UTC 日期）的引荐。

# Charts: titles, and the headings of each chart's table
insights-funnel-title = 已接收、已接受和赢单
insights-by-source-title = 按来源划分的潜在顾客
insights-by-call-to-action-title = 按号召性用语划分的潜在顾客
insights-by-country-title = 按国家/地区划分的潜在顾客
insights-by-quality-title = 按质量划分的潜在顾客
insights-stage-heading = 阶段
insights-leads-heading = 潜在顾客
insights-source-heading = 来源
insights-call-to-action-heading = 号召性用语
insights-country-heading = 国家/地区
insights-quality-heading = 质量
# A bar for leads whose source, country, … was not given
insights-not-stated = 未说明

# Won deal value by month, one chart per currency
insights-won-by-month-heading = 每月赢单交易价值
insights-won-by-month-title = 每月赢单交易价值（{ $currency }）
insights-no-won-deals = 此时间范围内的引荐还没有赢单交易。
insights-month-heading = 月份
insights-won-value-heading = 赢单价值
# A month as a bar's label: $year is e.g. 2026, $month the two-digit month number, e.g. 09
insights-month = { $year }-{ $month }

# The chart drawing's text: one bar's label and value ("Azure portal · 12"), and the
# drawing's description for screen readers ("Leads by source: AppSource: 4, Azure portal: 12")
insights-bar = { $label } · { $value }
insights-chart-summary = { $title }：{ $values }
insights-chart-value = { $label }：{ $value }
# Between two values of the chart summary (a comma and a space)
insights-chart-separator = { "，" }

# Leads about to expire
insights-expiring-heading = 未来 48 小时内到期
insights-none-expiring = 未来 48 小时内没有潜在顾客到期。
