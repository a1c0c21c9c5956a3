# insights: the /insights page and its bar charts

insights-title = Insights
insights-range-error = The dates in this link cannot be used: { $reason } Pick a range above.
insights-loading = Loading referrals…

# The range picker
insights-from = From
insights-to = To
insights-show = Show

# Key figures
insights-received = Received
insights-accepted = Accepted
insights-won = Won
insights-win-rate = Win rate (won of won and lost)
insights-median-response = Median time to first response
insights-p90-response = 90th percentile time to first response
insights-within-target = Answered within the 24-hour target
# A share in percent, e.g. the win rate: "40%"
insights-percent = { $percent }%
# The share answered within 24 hours, and how many of how many: "75% (3 of 4)"
insights-within-target-share = { $percent }% ({ $within } of { $decided })
insights-no-won-or-lost = No won or lost deals yet
insights-no-answers = No answers yet
insights-no-target-passed = No lead's 24 hours have passed yet
# $from and $to are formatted dates
insights-scope = Referrals created from { $from } to { $to } (UTC days).

# Charts: titles, and the headings of each chart's table
insights-funnel-title = Received, accepted and won
insights-by-source-title = Leads by source
insights-by-call-to-action-title = Leads by call to action
insights-by-country-title = Leads by country
insights-by-quality-title = Leads by quality
insights-stage-heading = Stage
insights-leads-heading = Leads
insights-source-heading = Source
insights-call-to-action-heading = Call to action
insights-country-heading = Country
insights-quality-heading = Quality
# A bar for leads whose source, country, … was not given
insights-not-stated = Not stated

# Won deal value by month, one chart per currency
insights-won-by-month-heading = Won deal value by month
insights-won-by-month-title = Won deal value by month ({ $currency })
insights-no-won-deals = No deals won by referrals of this range yet.
insights-month-heading = Month
insights-won-value-heading = Won value
# A month as a bar's label: $year is e.g. 2026, $month the two-digit month number, e.g. 09
insights-month = { $year }-{ $month }

# The chart drawing's text: one bar's label and value ("Azure portal · 12"), and the
# drawing's description for screen readers ("Leads by source: AppSource: 4, Azure portal: 12")
insights-bar = { $label } · { $value }
insights-chart-summary = { $title }: { $values }
insights-chart-value = { $label }: { $value }
# Between two values of the chart summary (a comma and a space)
insights-chart-separator = { ", " }

# Leads about to expire
insights-expiring-heading = Expiring in the next 48 hours
insights-none-expiring = No lead expires in the next 48 hours.
