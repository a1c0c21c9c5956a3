//! Renders a queued mail: subject, a plain-text and an HTML part in the recipient's
//! language (the `emails` area of the message catalogue), a link to each lead. A pure
//! function of the outbox row, so every attempt sends the same mail.

use std::time::SystemTime;

use domain::i18n::{Arg, Catalogue, Locale};
use domain::notifications::{MAX_INDIVIDUAL_EMAILS_PER_DAY, digest_due};
use lettre::Message;
use lettre::message::{Mailbox, MultiPart, SinglePart};

use super::content::{LeadLine, MailContent};
use super::invitation::InvitationContent;
use crate::db::mail_outbox::{MailKind, OutboxMail};

/// A mail's words, before it is wrapped as a message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The catalogue of one language, asked by message id through `msg`, whose ids the
/// catalogue's tests find in the code and check.
pub(super) struct Words(pub(super) &'static Catalogue);

impl Words {
    pub(super) fn msg(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        self.0.format(id, args)
    }

    /// A value of the domain's (`value-<Kind>-<Value>`), e.g. a role, in words.
    pub(super) fn value(&self, kind: &str, value: &str) -> String {
        self.0.format(&domain::i18n::value_id(kind, value), &[])
    }
}

/// The words of the outbox row `mail`, whatever its kind; links start with `public_url`.
pub fn render_outbox(mail: &OutboxMail, public_url: &str) -> Result<Rendered, String> {
    let unreadable = |e: serde_json::Error| format!("unreadable content: {e}");
    match mail.kind {
        MailKind::Lead | MailKind::Digest => {
            let content = MailContent::from_json(&mail.content).map_err(unreadable)?;
            Ok(render(mail, &content, public_url))
        }
        MailKind::Invitation => {
            let content = InvitationContent::from_json(&mail.content).map_err(unreadable)?;
            Ok(super::invitation::render(mail, &content, public_url))
        }
    }
}

/// The words of `mail`, whose links start with `public_url`.
pub fn render(mail: &OutboxMail, content: &MailContent, public_url: &str) -> Rendered {
    let words = Words(crate::i18n::catalogue(mail.locale));
    let organisation = Arg::Text(&content.organisation);
    let day = mail.day.to_string();
    let (subject, heading, intro) = match (mail.kind, content.leads.as_slice()) {
        (MailKind::Lead, [lead, ..]) => {
            let customer = Arg::Text(&lead.customer);
            (
                words.msg(
                    "email-lead-subject",
                    &[("customer", customer), ("deal", Arg::Text(&lead.deal))],
                ),
                words.msg("email-lead-heading", &[]),
                words.msg(
                    "email-lead-intro",
                    &[("customer", customer), ("organisation", organisation)],
                ),
            )
        }
        _ => {
            let count = i64::try_from(content.leads.len()).unwrap_or(i64::MAX);
            let limit = i64::try_from(MAX_INDIVIDUAL_EMAILS_PER_DAY).unwrap_or(i64::MAX);
            (
                words.msg(
                    "email-digest-subject",
                    &[("count", Arg::Count(count)), ("day", Arg::Text(&day))],
                ),
                words.msg("email-digest-heading", &[("day", Arg::Text(&day))]),
                words.msg(
                    "email-digest-intro",
                    &[("limit", Arg::Count(limit)), ("day", Arg::Text(&day))],
                ),
            )
        }
    };
    let footer = words.msg("email-footer", &[("organisation", organisation)]);
    let open = words.msg("email-open-lead", &[]);
    let leads: Vec<(Vec<(String, String)>, String)> = content
        .leads
        .iter()
        .map(|lead| {
            (
                fields(&words, lead),
                lead_url(public_url, &lead.referral_id),
            )
        })
        .collect();

    let mut text = format!("{heading}\n\n{intro}\n");
    for (fields, url) in &leads {
        text.push('\n');
        for (label, value) in fields {
            text.push_str(&format!("{label}: {value}\n"));
        }
        text.push_str(&format!("{open}: {url}\n"));
    }
    text.push_str(&format!("\n-- \n{footer}\n"));

    let mut body = format!("<p>{}</p>\n", escape(&intro));
    for (fields, url) in &leads {
        body.push_str("<table style=\"border-collapse: collapse; margin: 16px 0 4px\">\n");
        for (label, value) in fields {
            body.push_str(&format!(
                "<tr><th style=\"text-align: left; padding: 2px 12px 2px 0\">{}</th><td>{}</td></tr>\n",
                escape(label),
                escape(value)
            ));
        }
        body.push_str(&format!(
            "</table>\n<p><a href=\"{}\">{}</a></p>\n",
            escape(url),
            escape(&open)
        ));
    }
    let html = page(mail.locale, &subject, &heading, &body, &footer);
    Rendered {
        subject,
        text,
        html,
    }
}

/// A mail's HTML: `body` (HTML already) under `heading`, above `footer`, in `locale`.
pub(super) fn page(locale: Locale, title: &str, heading: &str, body: &str, footer: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head><meta charset=\"utf-8\"><title>{title}</title></head>\n\
         <body style=\"font-family: sans-serif; color: #1b1b1b\">\n<h1 style=\"font-size: 20px\">{heading}</h1>\n{body}\
         <hr>\n<p style=\"color: #555; font-size: 12px\">{footer}</p>\n</body>\n</html>\n",
        lang = locale.tag(),
        title = escape(title),
        heading = escape(heading),
        footer = escape(footer),
    )
}

/// The message as sent: the row's Message-ID, a date and MIME boundary fixed by the row,
/// the text part first (what shows when HTML does not).
pub fn message(
    mail: &OutboxMail,
    rendered: Rendered,
    from: &Mailbox,
) -> Result<Message, lettre::error::Error> {
    let to: Mailbox = mail
        .recipient
        .parse()
        .map_err(|_| lettre::error::Error::MissingTo)?;
    let sent_as_of = match mail.kind {
        MailKind::Lead | MailKind::Invitation => mail.created_at,
        MailKind::Digest => digest_due(mail.day),
    };
    Message::builder()
        .from(from.clone())
        .to(to)
        .subject(rendered.subject)
        .message_id(Some(mail.message_id.clone()))
        .date(SystemTime::from(sent_as_of))
        .multipart(
            MultiPart::alternative()
                .boundary(format!("rd-{}", mail.id))
                .singlepart(SinglePart::plain(rendered.text))
                .singlepart(SinglePart::html(rendered.html)),
        )
}

/// A lead's lines: what its page shows about it, without the customer's contacts.
fn fields(words: &Words, lead: &LeadLine) -> Vec<(String, String)> {
    let mut fields = vec![
        (
            words.msg("email-field-customer", &[]),
            lead.customer.clone(),
        ),
        (words.msg("email-field-deal", &[]), lead.deal.clone()),
    ];
    if let Some(offer) = &lead.offer {
        fields.push((words.msg("email-field-offer", &[]), offer.clone()));
    }
    fields.push((
        words.msg("email-field-country", &[]),
        super::countries::country(words.0.locale(), &lead.country),
    ));
    if let Some(call_to_action) = lead.call_to_action {
        let value = words.value("CallToAction", call_to_action.as_str());
        fields.push((words.msg("email-field-call-to-action", &[]), value));
    }
    fields.push((
        words.msg("email-field-arrived", &[]),
        lead.arrived.format("%Y-%m-%d %H:%M UTC").to_string(),
    ));
    fields
}

/// The lead's page in the app (`/referrals/:id`).
pub fn lead_url(public_url: &str, referral_id: &str) -> String {
    url_with_segment(public_url, "referrals", referral_id)
}

/// `<public_url>/<area>/<value>`, the value percent-encoded as one path segment.
pub(super) fn url_with_segment(public_url: &str, area: &str, value: &str) -> String {
    let mut url = public_url.trim_end_matches('/').to_owned();
    url.push('/');
    url.push_str(area);
    url.push('/');
    for byte in value.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) {
            url.push(char::from(byte));
        } else {
            url.push_str(&format!("%{byte:02X}"));
        }
    }
    url
}

/// Text as HTML shows it literally, also inside a quoted attribute.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, TimeZone, Utc};
    use domain::CallToAction;
    use domain::i18n::Locale;

    fn lead(id: &str, customer: &str) -> LeadLine {
        LeadLine {
            referral_id: id.into(),
            customer: customer.into(),
            deal: "ERP <rollout> & more".into(),
            offer: Some("Quickstart".into()),
            country: "DE".into(),
            call_to_action: Some(CallToAction::ContactMe),
            arrived: Utc.with_ymd_and_hms(2026, 11, 20, 9, 30, 0).unwrap(),
        }
    }

    fn mail(kind: MailKind, locale: Locale) -> OutboxMail {
        OutboxMail {
            id: "0123abcd".into(),
            recipient: "berlin@partner.example".into(),
            locale,
            kind,
            day: NaiveDate::from_ymd_opt(2026, 11, 20).unwrap(),
            content: String::new(),
            message_id: "<0123abcd@referral-desk>".into(),
            created_at: Utc.with_ymd_and_hms(2026, 11, 20, 9, 30, 0).unwrap(),
            attempts: 1,
        }
    }

    #[test]
    fn a_lead_mail_escapes_its_html_and_links_to_the_lead() {
        let content = MailContent {
            organisation: "Fabrikam \"Partners\"".into(),
            leads: vec![lead("r/1", "Contoso <script>")],
        };
        let rendered = render(
            &mail(MailKind::Lead, Locale::English),
            &content,
            "http://desk.example/",
        );
        assert_eq!(
            rendered.subject,
            "New lead: Contoso <script> – ERP <rollout> & more"
        );
        assert!(rendered.text.contains("Customer: Contoso <script>\n"));
        assert!(rendered.text.contains("Country: Germany (DE)\n"));
        assert!(
            rendered
                .text
                .contains("Open the lead: http://desk.example/referrals/r%2F1\n")
        );
        assert!(rendered.html.contains("<td>Contoso &lt;script&gt;</td>"));
        assert!(rendered.html.contains("ERP &lt;rollout&gt; &amp; more"));
        assert!(rendered.html.contains("Fabrikam &quot;Partners&quot;"));
        assert!(
            rendered
                .html
                .contains("<a href=\"http://desk.example/referrals/r%2F1\">Open the lead</a>")
        );
        assert!(!rendered.html.contains("<script>"));
    }

    #[test]
    fn a_digest_lists_every_lead_in_the_recipients_language() {
        let content = MailContent {
            organisation: "Fabrikam".into(),
            leads: vec![
                lead("r-1", "Contoso"),
                lead("r-2", "Northwind"),
                lead("r-3", "Litware"),
            ],
        };
        let rendered = render(
            &mail(MailKind::Digest, Locale::Russian),
            &content,
            "http://desk.example",
        );
        assert_eq!(rendered.subject, "Ещё 3 новых лида за 2026-11-20");
        assert_eq!(
            rendered
                .text
                .matches("Открыть лид: http://desk.example/referrals/")
                .count(),
            3
        );
        assert!(
            rendered
                .html
                .starts_with("<!DOCTYPE html>\n<html lang=\"ru\">")
        );
        assert!(rendered.text.contains("Связаться со мной"));
        assert!(
            rendered.text.contains("Германия (DE)"),
            "the country by name, in Russian"
        );
    }

    #[test]
    fn the_message_carries_the_rows_id_and_both_parts() {
        let content = MailContent {
            organisation: "Fabrikam".into(),
            leads: vec![lead("r-1", "Contoso")],
        };
        let mail = mail(MailKind::Lead, Locale::German);
        let from: Mailbox = "Referral Desk <desk@partner.example>".parse().unwrap();
        let first = message(&mail, render(&mail, &content, "http://x.example"), &from).unwrap();
        let again = message(&mail, render(&mail, &content, "http://x.example"), &from).unwrap();
        assert_eq!(
            first.formatted(),
            again.formatted(),
            "every attempt sends the same bytes"
        );
        let text = String::from_utf8(first.formatted()).unwrap();
        assert!(text.contains("Message-ID: <0123abcd@referral-desk>"));
        assert!(text.contains("multipart/alternative"));
        assert!(text.contains("text/plain"));
        assert!(text.contains("text/html"));
    }
}
