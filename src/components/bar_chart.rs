use domain::i18n::Arg;
use leptos::prelude::*;

use crate::i18n::{t, t_with};

/// One bar: what it counts, how long it is, and its value as the page writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    /// Only for the bar's length, relative to the longest bar.
    pub value: f64,
    /// The value as text: "12", "48,000 EUR".
    pub shown: String,
}

/// Height of one bar's row in the drawing: its label above, the bar below.
const ROW: usize = 36;

/// A horizontal bar chart drawn as inline SVG (no chart library), with the same figures
/// in a real table beside it: the drawing is one image to assistive technology (its
/// `<title>` lists the values); the table is what a screen reader or keyboard reads.
#[component]
pub fn BarChart(
    /// Unique on the page: names the drawing's title and the table (`data-chart`).
    #[prop(into)]
    id: String,
    /// What the chart shows: "Leads by source".
    #[prop(into)]
    title: String,
    /// The heading of the table's first column: "Source".
    #[prop(into)]
    label_heading: String,
    /// The heading of the table's value column: "Leads".
    #[prop(into)]
    value_heading: String,
    /// The bars, top to bottom.
    bars: Vec<Bar>,
) -> impl IntoView {
    let longest = bars.iter().map(|bar| bar.value).fold(0.0_f64, f64::max);
    let values = bars
        .iter()
        .map(|bar| {
            t_with(
                "insights-chart-value",
                &[
                    ("label", Arg::Text(&bar.label)),
                    ("value", Arg::Text(&bar.shown)),
                ],
            )
        })
        .collect::<Vec<_>>()
        .join(&t("insights-chart-separator"));
    let summary = t_with(
        "insights-chart-summary",
        &[("title", Arg::Text(&title)), ("values", Arg::Text(&values))],
    );
    let title_id = [id.as_str(), "-title"].concat();
    let caption_id = [id.as_str(), "-caption"].concat();
    let (labelled_by, region_labelled_by) = (title_id.clone(), caption_id.clone());
    let height = (bars.len() * ROW).max(ROW);
    let drawn = bars
        .iter()
        .enumerate()
        .map(|(i, bar)| {
            let top = i * ROW;
            // In tenths of a percent, as integers: formatting a float would add its code to the app.
            let tenths = if longest > 0.0 {
                (bar.value / longest * 1000.0) as u32
            } else {
                0
            };
            // A zero still shows as a hairline, so "none" reads differently from "missing".
            let tenths = tenths.max(4);
            let width = format!("{}.{}%", tenths / 10, tenths % 10);
            view! {
                <text x="0" y=top + 13 class="bar-label">
                    {t_with("insights-bar", &[("label", Arg::Text(&bar.label)), ("value", Arg::Text(&bar.shown))])}
                </text>
                <rect x="0" y=top + 18 width=width height="14" rx="2" class="bar"/>
            }
        })
        .collect_view();
    let rows = bars
        .into_iter()
        .map(|bar| {
            view! {
                <tr>
                    <th scope="row">{bar.label}</th>
                    <td>{bar.shown}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <figure class="bar-chart">
            <figcaption id=caption_id>{title.clone()}</figcaption>
            <div class="bar-chart-body">
                <svg
                    role="img"
                    aria-labelledby=labelled_by
                    width="100%"
                    height=height
                    class="bar-chart-drawing"
                >
                    <title id=title_id>{summary}</title>
                    {drawn}
                </svg>
                <div class="bar-chart-table" role="region" tabindex="0" aria-labelledby=region_labelled_by>
                    <table data-chart=id>
                        <thead>
                            <tr>
                                <th scope="col">{label_heading}</th>
                                <th scope="col">{value_heading}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            </div>
        </figure>
    }
}
