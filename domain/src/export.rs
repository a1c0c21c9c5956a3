//! The CSV export of a (filtered) list of referrals.
//!
//! Written row by row into any [`Write`], so the server can stream a database
//! cursor of any size with constant memory (the reference product caps exports
//! at 5,000 rows; we do not), and the app can write the list it holds into memory,
//! offline too: the same rows in the same order give the same bytes.
//!
//! The file opens correctly in spreadsheet programs and is safe to open there:
//! - UTF-8 with a byte order mark, so spreadsheet programs do not guess a legacy
//!   code page and mangle accented names;
//! - RFC 4180 quoting: a cell with a comma, a double quote, CR or LF is quoted
//!   and its quotes doubled; every row ends with CRLF;
//! - CSV injection is neutralised: see [`neutralise`].
//!
//! ```
//! use domain::export::{CsvExport, file_name};
//! # fn referrals() -> Vec<domain::Referral> { Vec::new() }
//! let mut export = CsvExport::new(Vec::new())?;
//! for referral in referrals() {
//!     export.write_referral(&referral)?;
//! }
//! let bytes = export.finish()?;
//! assert!(bytes.starts_with("\u{FEFF}Referral ID,".as_bytes()));
//! let name = file_name(chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap());
//! assert_eq!(name, "referrals-2026-11-20.csv");
//! # Ok::<(), std::io::Error>(())
//! ```

use std::borrow::Cow;
use std::io::{self, Write};

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

use crate::i18n::Catalogue;
use crate::referral::{Contact, Referral};
use crate::values::{is_direction_control, is_invisible};

/// The UTF-8 byte order mark that starts the file.
pub const BOM: &str = "\u{FEFF}";

/// The media type of the file, as the server sends it and the app saves it.
pub const CONTENT_TYPE: &str = "text/csv; charset=utf-8";

/// The header row, in column order (DOMAIN.md §6).
pub const COLUMNS: [&str; 21] = [
    "Referral ID",
    "LeadCreationDateTime",
    "Updated date",
    "Customer name",
    "Country",
    "City",
    "Lead type",
    "Lead source",
    "Call to action",
    "Offer ID",
    "Offer name",
    "Currency",
    "Deal value",
    "Status",
    "Substatus",
    "Status reason",
    "Contact name",
    "Contact email",
    "Email validity",
    "Contact phone",
    "Phone validity",
];

/// The header row's message ids in the catalogue (`locales/*/lists.ftl`), in column
/// order: a partner's file is headed in their language; English's are [`COLUMNS`].
pub const COLUMN_MESSAGES: [&str; 21] = [
    "csv-referral-id",
    "csv-lead-creation-date-time",
    "csv-updated-date",
    "csv-customer-name",
    "csv-country",
    "csv-city",
    "csv-lead-type",
    "csv-lead-source",
    "csv-call-to-action",
    "csv-offer-id",
    "csv-offer-name",
    "csv-currency",
    "csv-deal-value",
    "csv-status",
    "csv-substatus",
    "csv-status-reason",
    "csv-contact-name",
    "csv-contact-email",
    "csv-email-validity",
    "csv-contact-phone",
    "csv-phone-validity",
];

/// Characters that make a spreadsheet read a cell as a formula when it starts with one.
pub const FORMULA_CHARACTERS: [char; 4] = ['=', '+', '-', '@'];

/// First characters that make a spreadsheet read a cell as a formula (or, for
/// tab and CR, that some programs strip before checking for one).
pub const DANGEROUS_FIRST_CHARACTERS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// The name of an export file made on `date`: `referrals-2026-11-20.csv`.
pub fn file_name(date: NaiveDate) -> String {
    format!("referrals-{}.csv", date.format("%Y-%m-%d"))
}

/// A CSV export in progress: the header is written, referrals follow one row each.
pub struct CsvExport<W: Write> {
    writer: W,
    rows: u64,
    // One reusable line buffer: each row is a single write, without a new allocation per row.
    line: String,
}

impl<W: Write> CsvExport<W> {
    /// Starts the file: writes the byte order mark and the English header row.
    pub fn new(writer: W) -> io::Result<Self> {
        Self::with_header(writer, COLUMNS.iter().copied())
    }

    /// Starts the file with the header row in the catalogue's language.
    pub fn in_language(writer: W, catalogue: &Catalogue) -> io::Result<Self> {
        let header = COLUMN_MESSAGES.map(|id| catalogue.format(id, &[]));
        Self::with_header(writer, header.iter().map(String::as_str))
    }

    fn with_header<'a>(mut writer: W, header: impl Iterator<Item = &'a str>) -> io::Result<Self> {
        let mut line = String::from(BOM);
        push_row(&mut line, header);
        writer.write_all(line.as_bytes())?;
        line.clear();
        Ok(CsvExport {
            writer,
            rows: 0,
            line,
        })
    }

    /// Writes one referral as one row.
    ///
    /// The contact columns show the primary contact (`Referral::primary_contact`:
    /// the one whose validities the list shows, filters and sorts by); they are empty
    /// for an Expired referral, which withholds its contact information on every read path.
    pub fn write_referral(&mut self, referral: &Referral) -> io::Result<()> {
        self.line.clear();
        push_row(&mut self.line, cells(referral).iter().map(|c| c.as_ref()));
        self.writer.write_all(self.line.as_bytes())?;
        self.rows += 1;
        Ok(())
    }

    /// The writer, so that what was written so far can be taken out of an in-memory
    /// buffer and sent on while the export goes on (streaming in chunks).
    pub fn get_mut(&mut self) -> &mut W {
        &mut self.writer
    }

    /// How many referral rows were written (the header not counted).
    pub fn rows_written(&self) -> u64 {
        self.rows
    }

    /// Flushes the writer and hands it back.
    pub fn finish(mut self) -> io::Result<W> {
        self.writer.flush()?;
        Ok(self.writer)
    }
}

/// The cells of a referral's row, in [`COLUMNS`] order, before escaping.
fn cells(referral: &Referral) -> [Cow<'_, str>; 21] {
    let profile = &referral.customer_profile;
    let details = &referral.details;
    let contact: Option<&Contact> = referral.primary_contact();
    [
        Cow::from(referral.id.as_str()),
        Cow::from(timestamp(referral.created_date_time)),
        Cow::from(timestamp(referral.updated_date_time)),
        Cow::from(profile.name.as_str()),
        Cow::from(profile.address.country.as_str()),
        text(&profile.address.city),
        Cow::from(referral.lead_type.map_or("", |v| v.as_str())),
        Cow::from(referral.lead_source.map_or("", |v| v.as_str())),
        Cow::from(referral.call_to_action.map_or("", |v| v.as_str())),
        text(&referral.offer_id),
        text(&referral.offer_name),
        text(&details.currency),
        // Decimal's Display is plain notation with the stored scale: "25000.50", never "2.5e4".
        Cow::from(
            details
                .deal_value
                .map(|v| v.to_string())
                .unwrap_or_default(),
        ),
        Cow::from(referral.status.as_str()),
        Cow::from(referral.substatus.as_str()),
        text(&referral.status_reason),
        Cow::from(contact.map(contact_name).unwrap_or_default()),
        Cow::from(contact.and_then(|c| c.email.as_deref()).unwrap_or("")),
        Cow::from(contact.map_or("", |c| c.email_validity.as_str())),
        Cow::from(
            contact
                .and_then(|c| c.phone_number.as_deref())
                .unwrap_or(""),
        ),
        Cow::from(contact.map_or("", |c| c.phone_validity.as_str())),
    ]
}

fn text(value: &Option<String>) -> Cow<'_, str> {
    Cow::from(value.as_deref().unwrap_or(""))
}

/// "First Last", or whichever of the two is given.
fn contact_name(contact: &Contact) -> String {
    match (contact.first_name.is_empty(), contact.last_name.is_empty()) {
        (false, false) => format!("{} {}", contact.first_name, contact.last_name),
        (false, true) => contact.first_name.clone(),
        (true, _) => contact.last_name.clone(),
    }
}

/// RFC 3339 in UTC with a `Z`; fractional seconds only when there are some.
fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::AutoSi, true)
}

/// Neutralises CSV injection: a cell gets a single quote in front when it starts
/// with `=`, `+`, `-`, `@`, tab or CR, or when its first character after leading
/// whitespace, control and invisible characters ([`skips_before_formula`]) is one
/// of `=`, `+`, `-`, `@`.
///
/// Spreadsheet programs run such a cell as a formula (`=HYPERLINK(…)`,
/// `@SUM(…)`, DDE payloads), so a customer name typed by anyone on the
/// internet could run in the partner's spreadsheet. Some programs drop leading
/// spaces, NULs or zero-width characters before they look for the `=`, so
/// `\0=HYPERLINK(…)` is as dangerous as `=HYPERLINK(…)`. The quote makes it text.
/// This also prefixes phone numbers (`'+4930123456`) and would prefix a
/// negative number, which is acceptable: deal values are never negative.
pub fn neutralise(cell: &str) -> Cow<'_, str> {
    let starts_a_formula = cell
        .trim_start_matches(skips_before_formula)
        .starts_with(FORMULA_CHARACTERS);
    if cell.starts_with(DANGEROUS_FIRST_CHARACTERS) || starts_a_formula {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// Characters a spreadsheet program may skip before it looks for a formula: whitespace,
/// control characters (NUL included), and characters that draw nothing (zero-width
/// spaces, the byte order mark, bidi marks and controls).
pub fn skips_before_formula(c: char) -> bool {
    c.is_whitespace() || c.is_control() || is_invisible(c) || is_direction_control(c)
}

/// Appends one cell, neutralised and quoted as RFC 4180 requires.
fn push_cell(line: &mut String, cell: &str) {
    let cell = neutralise(cell);
    if cell.contains([',', '"', '\r', '\n']) {
        line.push('"');
        for c in cell.chars() {
            if c == '"' {
                line.push('"');
            }
            line.push(c);
        }
        line.push('"');
    } else {
        line.push_str(&cell);
    }
}

/// Appends a whole row, comma-separated and ended with CRLF.
fn push_row<'a>(line: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            line.push(',');
        }
        push_cell(line, cell);
    }
    line.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fixtures;
    use crate::referral::*;
    use chrono::TimeZone;
    use proptest::prelude::*;
    use rust_decimal::Decimal;

    const HEADER_LINE: &str = "Referral ID,LeadCreationDateTime,Updated date,Customer name,Country,City,\
Lead type,Lead source,Call to action,Offer ID,Offer name,Currency,Deal value,Status,Substatus,\
Status reason,Contact name,Contact email,Email validity,Contact phone,Phone validity\r\n";

    fn referral() -> Referral {
        let mut referral = Referral {
            updated_date_time: Utc.with_ymd_and_hms(2026, 11, 21, 10, 30, 15).unwrap(),
            details: Details {
                deal_value: Some(Decimal::new(2_500_050, 2)),
                currency: Some("EUR".into()),
                ..Details::default()
            },
            offer_id: Some("contoso.erp".into()),
            offer_name: Some("Contoso ERP".into()),
            ..fixtures::referral("r-1")
        };
        referral.customer_profile.address.city = Some("Berlin".into());
        referral.customer_profile.team = vec![
            Contact {
                phone_number: Some("4930123456".into()),
                email_validity: EmailValidity::Valid,
                ..fixtures::contact("Anna", "Schmidt")
            },
            Contact {
                first_name: "Second".into(),
                last_name: "Contact".into(),
                ..Contact::default()
            },
        ];
        referral
    }

    fn export(referrals: &[Referral]) -> String {
        let mut export = CsvExport::new(Vec::new()).unwrap();
        for referral in referrals {
            export.write_referral(referral).unwrap();
        }
        assert_eq!(export.rows_written(), referrals.len() as u64);
        String::from_utf8(export.finish().unwrap()).unwrap()
    }

    /// The data rows of an export, without BOM and header.
    fn body(referrals: &[Referral]) -> String {
        export(referrals)
            .strip_prefix(BOM)
            .and_then(|rest| rest.strip_prefix(HEADER_LINE))
            .expect("BOM and header first")
            .to_owned()
    }

    #[test]
    fn an_empty_export_is_the_bom_and_the_header() {
        assert_eq!(export(&[]), format!("{BOM}{HEADER_LINE}"));
    }

    #[test]
    fn a_row_has_every_column_in_order() {
        assert_eq!(
            body(&[referral()]),
            "r-1,2026-11-20T09:00:00Z,2026-11-21T10:30:15Z,Contoso,DE,Berlin,Offer,AppSource,\
ContactMe,contoso.erp,Contoso ERP,EUR,25000.50,New,Received,,Anna Schmidt,\
anna@contoso.example,Valid,4930123456,Unknown\r\n"
        );
    }

    #[test]
    fn what_was_written_can_be_taken_out_between_rows() {
        let mut export = CsvExport::new(Vec::new()).unwrap();
        let header = std::mem::take(export.get_mut());
        export.write_referral(&referral()).unwrap();
        let row = std::mem::take(export.get_mut());
        assert!(export.finish().unwrap().is_empty());
        assert_eq!(
            String::from_utf8(header).unwrap(),
            format!("{BOM}{HEADER_LINE}")
        );
        assert!(String::from_utf8(row).unwrap().starts_with("r-1,"));
    }

    #[test]
    fn a_file_written_at_once_is_the_same_bytes_as_one_sent_in_chunks() {
        // The app writes the whole file in memory; the server sends it on in chunks.
        let mut expired = referral();
        expired.id = "r-2".into();
        expired.status = Status::Closed;
        expired.substatus = Substatus::Expired;
        let referrals = [referral(), expired, referral()];
        let mut streamed = CsvExport::new(Vec::new()).unwrap();
        let mut sent = std::mem::take(streamed.get_mut());
        for referral in &referrals {
            streamed.write_referral(referral).unwrap();
            sent.append(streamed.get_mut());
        }
        sent.append(&mut streamed.finish().unwrap());
        assert_eq!(String::from_utf8(sent).unwrap(), export(&referrals));
    }

    #[test]
    fn the_bom_is_written_once_however_many_rows() {
        let text = export(&[referral(), referral(), referral()]);
        assert!(text.starts_with(BOM));
        assert_eq!(text.matches(BOM).count(), 1);
        assert_eq!(text.matches("\r\n").count(), 4);
    }

    #[test]
    fn missing_values_are_empty_cells() {
        let mut r = referral();
        r.details = Details::default();
        r.lead_type = None;
        r.lead_source = None;
        r.call_to_action = None;
        r.offer_id = None;
        r.offer_name = None;
        r.customer_profile.address.city = None;
        r.customer_profile.team.clear();
        assert_eq!(
            body(&[r]),
            "r-1,2026-11-20T09:00:00Z,2026-11-21T10:30:15Z,Contoso,DE,,,,,,,,,New,Received,,,,,,\r\n"
        );
    }

    #[test]
    fn deal_values_are_plain_decimals_with_their_scale() {
        let mut r = referral();
        r.details.deal_value = Some(Decimal::new(1_000_000_000_000, 0));
        assert!(body(&[r.clone()]).contains(",EUR,1000000000000,"));
        r.details.deal_value = Some(Decimal::new(10, 1));
        assert!(body(&[r]).contains(",EUR,1.0,"));
    }

    #[test]
    fn an_expired_referral_has_empty_contact_columns() {
        let mut r = referral();
        r.status = Status::Closed;
        r.substatus = Substatus::Expired;
        r.status_reason = Some("Not answered within 14 days".into());
        assert_eq!(
            body(&[r]),
            "r-1,2026-11-20T09:00:00Z,2026-11-21T10:30:15Z,Contoso,DE,Berlin,Offer,AppSource,\
ContactMe,contoso.erp,Contoso ERP,EUR,25000.50,Closed,Expired,Not answered within 14 days,,,,,\r\n"
        );
    }

    #[test]
    fn the_contact_columns_show_the_primary_contact_whatever_its_place() {
        let mut r = referral();
        let primary = body(std::slice::from_ref(&r));
        r.customer_profile.team.swap(0, 1);
        assert_eq!(
            body(&[r]),
            primary,
            "the contact with the best validities speaks for the referral"
        );
    }

    #[test]
    fn of_equally_valid_contacts_the_first_is_the_primary_one() {
        let mut r = referral();
        r.customer_profile.team[0].email_validity = EmailValidity::Unknown;
        r.customer_profile.team[0].phone_validity = PhoneValidity::Unknown;
        r.customer_profile.team.swap(0, 1);
        assert!(body(&[r]).ends_with(",Second Contact,,Unknown,,Unknown\r\n"));
    }

    #[test]
    fn cells_with_commas_quotes_or_line_breaks_are_quoted_with_quotes_doubled() {
        let mut r = referral();
        r.customer_profile.name = "Contoso, \"the\" company".into();
        r.customer_profile.address.city = Some("Line\nbreak".into());
        r.offer_name = Some("Carriage\rreturn".into());
        r.offer_id = Some("plain".into());
        let row = body(&[r]);
        assert!(row.contains(",\"Contoso, \"\"the\"\" company\",DE,\"Line\nbreak\","));
        assert!(row.contains(",plain,\"Carriage\rreturn\",EUR,"));
    }

    #[test]
    fn each_dangerous_first_character_is_neutralised_with_a_single_quote() {
        for (name, cell) in [
            ("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\""),
            ("+1", "'+1"),
            ("-5", "'-5"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tTab", "'\tTab"),
            ("\rCR", "\"'\rCR\""),
        ] {
            let mut r = referral();
            r.customer_profile.name = name.into();
            let row = body(&[r]);
            assert!(
                row.contains(&format!(",{cell},DE,")),
                "{name:?} should be written as {cell:?}: {row:?}"
            );
        }
    }

    #[test]
    fn dangerous_characters_later_in_a_cell_are_left_alone() {
        assert_eq!(
            neutralise("Contoso-Fabrikam = 1+1 @home"),
            "Contoso-Fabrikam = 1+1 @home"
        );
        assert_eq!(neutralise(" Contoso =1"), " Contoso =1");
        assert_eq!(neutralise("\0Contoso"), "\0Contoso");
        assert_eq!(neutralise(""), "");
    }

    #[test]
    fn a_formula_behind_leading_nul_whitespace_or_invisible_characters_is_neutralised() {
        for cell in [
            "\0=HYPERLINK(\"http://evil.example\",\"Click\")",
            " =1+1",
            "\u{00A0}\u{3000}=1+1",
            "\n@SUM(A1)",
            "\u{200B}+49 30 901820",
            "\u{FEFF}-5",
            "\u{202E}=cmd",
            "\u{1}\u{7F}\u{9B}\u{200E}=1",
        ] {
            assert_eq!(neutralise(cell), format!("'{cell}"), "{cell:?}");
        }
    }

    #[test]
    fn a_nul_then_hyperlink_customer_name_is_exported_as_text() {
        let mut r = referral();
        r.customer_profile.name = "\0=HYPERLINK(\"http://evil.example\")".into();
        let row = body(&[r]);
        assert!(
            row.contains(",\"'\0=HYPERLINK(\"\"http://evil.example\"\")\",DE,"),
            "{row:?}"
        );
    }

    #[test]
    fn phone_numbers_are_neutralised_with_or_without_leading_spaces() {
        assert_eq!(neutralise("+4930901820"), "'+4930901820");
        assert_eq!(neutralise(" +49 30 901820"), "' +49 30 901820");
    }

    #[test]
    fn the_file_name_carries_the_date() {
        let date = NaiveDate::from_ymd_opt(2026, 1, 5).unwrap();
        assert_eq!(file_name(date), "referrals-2026-01-05.csv");
    }

    #[test]
    fn write_errors_are_returned() {
        struct Full;
        impl Write for Full {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::other("disk full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        assert!(CsvExport::new(Full).is_err());
    }

    /// Text a customer or partner could type: CSV syntax, formulas, line breaks, unicode.
    fn cell_text() -> impl Strategy<Value = String> {
        let tricky = prop::sample::select(vec![
            "=", "+", "-", "@", "\t", "\r", "\n", "\r\n", ",", "\"", "'", " ", "a", "Zürich",
            "東京", "🙂", "\u{FEFF}", ";", "\0", "\u{1}", "\u{85}", "\u{A0}", "\u{200B}",
            "\u{202E}",
        ]);
        prop_oneof![
            prop::collection::vec(tricky, 0..12).prop_map(|parts| parts.concat()),
            any::<String>(),
        ]
    }

    fn as_exported(original: &str) -> String {
        let behind_blanks = original
            .trim_start_matches(|c: char| {
                c.is_whitespace() || c.is_control() || is_invisible(c) || is_direction_control(c)
            })
            .starts_with(['=', '+', '-', '@']);
        if original.starts_with(['=', '+', '-', '@', '\t', '\r']) || behind_blanks {
            format!("'{original}")
        } else {
            original.to_owned()
        }
    }

    proptest! {
        #[test]
        fn no_cell_starts_a_formula_even_behind_blanks_unless_quoted(cell in cell_text()) {
            let written = neutralise(&cell);
            let first = written.trim_start_matches(skips_before_formula).chars().next();
            prop_assert!(
                written.starts_with('\'') || !matches!(first, Some('=' | '+' | '-' | '@')),
                "{:?} was written as {:?}", cell, written
            );
            prop_assert!(!written.starts_with(['\t', '\r']), "{:?}", written);
            // Only ever one quote in front; the rest is the cell as it was.
            prop_assert!(written == cell || written.strip_prefix('\'') == Some(cell.as_str()));
        }

        #[test]
        fn a_csv_reader_reads_back_every_cell_as_written_or_quote_prefixed(
            texts in prop::collection::vec(cell_text(), 9),
        ) {
            let mut r = referral();
            r.id = texts[0].clone();
            r.customer_profile.name = texts[1].clone();
            r.customer_profile.address.country = texts[2].clone();
            r.customer_profile.address.city = Some(texts[3].clone());
            r.offer_name = Some(texts[4].clone());
            r.status_reason = Some(texts[5].clone());
            r.customer_profile.team = vec![Contact {
                first_name: texts[6].clone(),
                last_name: String::new(),
                email: Some(texts[7].clone()),
                phone_number: Some(texts[8].clone()),
                ..Contact::default()
            }];

            let bytes = export(&[r.clone(), r]);
            let text = bytes.strip_prefix(BOM).expect("BOM first");
            let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(text.as_bytes());
            let header = reader.headers().unwrap().clone();
            prop_assert_eq!(header.iter().collect::<Vec<_>>(), COLUMNS.to_vec());
            let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
            prop_assert_eq!(rows.len(), 2);
            for row in rows {
                prop_assert_eq!(row.len(), COLUMNS.len());
                for (column, original) in [
                    (0, &texts[0]), (3, &texts[1]), (4, &texts[2]), (5, &texts[3]),
                    (10, &texts[4]), (15, &texts[5]), (16, &texts[6]), (17, &texts[7]),
                    (19, &texts[8]),
                ] {
                    let expected = as_exported(original);
                    prop_assert_eq!(&row[column], expected.as_str(), "column {}", COLUMNS[column]);
                }
            }
        }
    }
}
