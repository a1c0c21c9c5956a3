# insights: the /insights page and its bar charts

insights-title = Einblicke
insights-range-error = Die Daten in diesem Link können nicht verwendet werden: { $reason } Wählen Sie oben einen Zeitraum aus.
insights-loading = Empfehlungen werden geladen…

# The range picker
insights-from = Von
insights-to = Bis
insights-show = Anzeigen

# Key figures
insights-received = Empfangen
insights-accepted = Angenommen
insights-won = Gewonnen
insights-win-rate = Gewinnquote (gewonnen von gewonnen und verloren)
insights-median-response = Mittlere Zeit bis zur ersten Antwort (Median)
insights-p90-response = Zeit bis zur ersten Antwort (90. Perzentil)
insights-within-target = Innerhalb des 24-Stunden-Ziels beantwortet
# A share in percent, e.g. the win rate: "40 %"
insights-percent = { $percent } %
# The share answered within 24 hours, and how many of how many: "75 % (3 von 4)"
insights-within-target-share = { $percent } % ({ $within } von { $decided })
insights-no-won-or-lost = Noch keine gewonnenen oder verlorenen Deals
insights-no-answers = Noch keine Antworten
insights-no-target-passed = Bei noch keinem Lead sind 24 Stunden verstrichen
# $from and $to are formatted dates
insights-scope = Empfehlungen, erstellt vom { $from } bis zum { $to } (Tage in UTC).

# Charts: titles, and the headings of each chart's table
insights-funnel-title = Empfangen, angenommen und gewonnen
insights-by-source-title = Leads nach Quelle
insights-by-call-to-action-title = Leads nach Handlungsaufruf
insights-by-country-title = Leads nach Land
insights-by-quality-title = Leads nach Qualität
insights-stage-heading = Phase
insights-leads-heading = Leads
insights-source-heading = Quelle
insights-call-to-action-heading = Handlungsaufruf
insights-country-heading = Land
insights-quality-heading = Qualität
# A bar for leads whose source, country, … was not given
insights-not-stated = Nicht angegeben

# Won deal value by month, one chart per currency
insights-won-by-month-heading = Gewonnener Dealwert pro Monat
insights-won-by-month-title = Gewonnener Dealwert pro Monat ({ $currency })
insights-no-won-deals = Noch keine gewonnenen Deals aus Empfehlungen dieses Zeitraums.
insights-month-heading = Monat
insights-won-value-heading = Gewonnener Wert
# A month as a bar's label: $year is e.g. 2026, $month the two-digit month number, e.g. 09
insights-month = { $month }/{ $year }

# The chart drawing's text: one bar's label and value ("Azure-Portal · 12"), and the
# drawing's description for screen readers ("Leads nach Quelle: AppSource: 4, Azure-Portal: 12")
insights-bar = { $label } · { $value }
insights-chart-summary = { $title }: { $values }
insights-chart-value = { $label }: { $value }
# Between two values of the chart summary (a comma and a space)
insights-chart-separator = { ", " }

# Leads about to expire
insights-expiring-heading = Läuft in den nächsten 48 Stunden ab
insights-none-expiring = Kein Lead läuft in den nächsten 48 Stunden ab.
