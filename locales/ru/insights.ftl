# insights: the /insights page and its bar charts

insights-title = Аналитика
insights-range-error = Даты из этой ссылки нельзя использовать: { $reason } Выберите период выше.
insights-loading = Загрузка рекомендаций…

# The range picker
insights-from = С
insights-to = По
insights-show = Показать

# Key figures
insights-received = Получено
insights-accepted = Принято
insights-won = Выиграно
insights-win-rate = Доля выигрышей (выигранные из выигранных и потерянных)
insights-median-response = Медианное время до первого ответа
insights-p90-response = 90-й процентиль времени до первого ответа
insights-within-target = Ответ в пределах целевых 24 часов
# A share in percent, e.g. the win rate: "40%"
insights-percent = { $percent }%
# The share answered within 24 hours, and how many of how many: "75% (3 of 4)"
insights-within-target-share = { $percent }% ({ $within } из { $decided })
insights-no-won-or-lost = Выигранных или потерянных сделок пока нет
insights-no-answers = Ответов пока нет
insights-no-target-passed = Ни у одного лида 24 часа еще не истекли
# $from and $to are formatted dates
insights-scope = Рекомендации, созданные с { $from } по { $to } (дни по UTC).

# Charts: titles, and the headings of each chart's table
insights-funnel-title = Получено, принято и выиграно
insights-by-source-title = Лиды по источникам
insights-by-call-to-action-title = Лиды по призывам к действию
insights-by-country-title = Лиды по странам
insights-by-quality-title = Лиды по качеству
insights-stage-heading = Этап
insights-leads-heading = Лиды
insights-source-heading = Источник
insights-call-to-action-heading = Призыв к действию
insights-country-heading = Страна
insights-quality-heading = Качество
# A bar for leads whose source, country, … was not given
insights-not-stated = Не указано

# Won deal value by month, one chart per currency
insights-won-by-month-heading = Стоимость выигранных сделок по месяцам
insights-won-by-month-title = Стоимость выигранных сделок по месяцам ({ $currency })
insights-no-won-deals = По рекомендациям за этот период выигранных сделок пока нет.
insights-month-heading = Месяц
insights-won-value-heading = Выигранная стоимость
# A month as a bar's label: $year is e.g. 2026, $month the two-digit month number, e.g. 09
insights-month = { $month }.{ $year }

# The chart drawing's text: one bar's label and value ("Azure portal · 12"), and the
# drawing's description for screen readers ("Leads by source: AppSource: 4, Azure portal: 12")
insights-bar = { $label } · { $value }
insights-chart-summary = { $title }: { $values }
insights-chart-value = { $label }: { $value }
# Between two values of the chart summary (a comma and a space)
insights-chart-separator = { ", " }

# Leads about to expire
insights-expiring-heading = Истекают в ближайшие 48 часов
insights-none-expiring = В ближайшие 48 часов сроки лидов не истекают.
