//! Where the app may send the user back to after sign-in (the `next` of
//! `/sign-in?next=…`): only a path on this site, judged as a browser would read it.
//!
//! A check on the text as given is not enough: a browser's URL parser resolves
//! dot segments (also `%2e`), reads `\` as `/` and drops tabs and newlines, so
//! `/.//evil.example`, `/..//evil.example`, `/\evil.example` or `/\t/evil.example`
//! all become `//evil.example`, which is another site. So the candidate is first
//! normalised the way a browser would (and then some: every percent-encoding in
//! the path is decoded, `%252F` too), and only then judged.
//!
//! ```
//! use domain::ReturnPath;
//! assert_eq!(ReturnPath::parse("/a/../accepted?country=DE").unwrap().as_str(), "/accepted?country=DE");
//! assert!(ReturnPath::parse("/..//evil.example").is_err());
//! ```

use std::fmt;

/// Longest return path taken, in bytes, before and after normalisation; real ones are
/// a path and a filter query, far shorter.
pub const RETURN_PATH_MAX_BYTES: usize = 2_000;

/// A path on this site (with its query and fragment) that is safe to navigate to: it
/// starts with exactly one `/`, has no dot segments, no backslash, no control
/// characters or whitespace, and parsing it again gives it back unchanged.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ReturnPath(String);

/// Why a candidate return path was refused; the caller goes to its home page instead.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RefusedReturnPath {
    Empty,
    TooLong,
    /// Not an absolute path: a scheme (`javascript:`, `https:`) or a relative reference.
    NotAPath,
    /// A control character or whitespace, raw or percent-encoded.
    ControlOrWhitespace,
    /// Percent-encoding that does not decode to UTF-8.
    BadEncoding,
    /// After normalisation it starts with `//`: a browser reads that as another host.
    OtherSite,
}

impl fmt::Display for RefusedReturnPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            RefusedReturnPath::Empty => "the return path is empty",
            RefusedReturnPath::TooLong => "the return path is too long",
            RefusedReturnPath::NotAPath => "the return path is not a path on this site",
            RefusedReturnPath::ControlOrWhitespace => {
                "the return path contains control characters or spaces"
            }
            RefusedReturnPath::BadEncoding => "the return path's percent-encoding is not UTF-8",
            RefusedReturnPath::OtherSite => "the return path leads to another site",
        })
    }
}

impl std::error::Error for RefusedReturnPath {}

impl ReturnPath {
    /// The normalised path to navigate to, or why `candidate` is refused.
    pub fn parse(candidate: &str) -> Result<ReturnPath, RefusedReturnPath> {
        if candidate.is_empty() {
            return Err(RefusedReturnPath::Empty);
        }
        if candidate.len() > RETURN_PATH_MAX_BYTES {
            return Err(RefusedReturnPath::TooLong);
        }
        // URL parsers strip tabs and newlines anywhere and spaces at the ends:
        // refused rather than guessed at.
        if candidate.chars().any(is_control_or_whitespace) {
            return Err(RefusedReturnPath::ControlOrWhitespace);
        }
        let end_of_path = candidate.find(['?', '#']).unwrap_or(candidate.len());
        let (path, rest) = candidate.split_at(end_of_path);
        if !path.starts_with('/') {
            return Err(RefusedReturnPath::NotAPath);
        }
        let mut normalised = normalised_path(path)?;
        // The query and fragment cannot change the origin; only a backslash is encoded,
        // so the result never holds one.
        normalised.push_str(&rest.replace('\\', "%5C"));
        if normalised.len() > RETURN_PATH_MAX_BYTES {
            return Err(RefusedReturnPath::TooLong);
        }
        Ok(ReturnPath(normalised))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }
}

impl fmt::Display for ReturnPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

fn is_control_or_whitespace(c: char) -> bool {
    c.is_control() || c.is_whitespace()
}

/// The path fully percent-decoded (so `%2F`, `%5C`, `%2E` and `%252F` count for what
/// they may become), backslashes read as slashes, dot segments resolved, then each
/// segment encoded again in one canonical way.
fn normalised_path(path: &str) -> Result<String, RefusedReturnPath> {
    let decoded = fully_decoded(path.as_bytes());
    let decoded = String::from_utf8(decoded).map_err(|_| RefusedReturnPath::BadEncoding)?;
    if decoded.chars().any(is_control_or_whitespace) {
        return Err(RefusedReturnPath::ControlOrWhitespace);
    }
    let decoded = decoded.replace('\\', "/");
    let segments = without_dot_segments(decoded.strip_prefix('/').unwrap_or(&decoded));
    // An empty first segment followed by more is `//host/…`.
    if segments.len() > 1 && segments[0].is_empty() {
        return Err(RefusedReturnPath::OtherSite);
    }
    let mut normalised = String::with_capacity(path.len());
    for segment in &segments {
        normalised.push('/');
        encode_segment(segment, &mut normalised);
    }
    Ok(normalised)
}

/// Percent-decodes until nothing changes: `%252F` → `%2F` → `/`. Each round that
/// changes anything makes the text shorter, so this ends.
fn fully_decoded(text: &[u8]) -> Vec<u8> {
    let mut current = text.to_vec();
    loop {
        let next = decoded_once(&current);
        if next.len() == current.len() {
            return current;
        }
        current = next;
    }
}

fn decoded_once(text: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        if text[i] == b'%'
            && let (Some(high), Some(low)) = (
                text.get(i + 1).and_then(|&b| hex(b)),
                text.get(i + 2).and_then(|&b| hex(b)),
            )
        {
            out.push((high << 4) | low);
            i += 3;
        } else {
            out.push(text[i]);
            i += 1;
        }
    }
    out
}

fn hex(byte: u8) -> Option<u8> {
    char::from(byte).to_digit(16).map(|d| d as u8)
}

/// RFC 3986's remove_dot_segments over the segments after the leading `/`:
/// `a/./b/../c` → `a/c`; a trailing `.` or `..` leaves a trailing slash. Never empty
/// (the last segment always leaves one), so the path built from it starts with `/`.
fn without_dot_segments(path: &str) -> Vec<&str> {
    let segments: Vec<&str> = path.split('/').collect();
    let mut kept = Vec::with_capacity(segments.len());
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        match *segment {
            "." => {}
            ".." => {
                kept.pop();
            }
            other => {
                kept.push(other);
                continue;
            }
        }
        if last {
            kept.push("");
        }
    }
    kept
}

/// Keeps RFC 3986's unreserved characters, sub-delimiters, `:` and `@`; encodes the
/// rest, `%` included, so decoding the result gives the segment back exactly.
fn encode_segment(segment: &str, out: &mut String) {
    for byte in segment.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~!$&'()*+,;=:@".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn parsed(candidate: &str) -> Result<String, RefusedReturnPath> {
        ReturnPath::parse(candidate).map(ReturnPath::into_string)
    }

    #[test]
    fn a_path_on_this_site_is_kept_as_it_is() {
        for good in [
            "/referrals/abc?stage=Inbox#x",
            "/accepted?country=DE",
            "/archived?q=acme%20corp&sort=created&dir=desc",
            "/inbox",
            "/",
            "/inbox/",
            "/referrals/3f2a9c1e-0b7d-4c55-9a1e-2b6f0d8e7c41",
        ] {
            assert_eq!(parsed(good).as_deref(), Ok(good), "{good}");
        }
    }

    #[test]
    fn dot_segments_are_resolved() {
        assert_eq!(
            parsed("/a/../accepted?country=DE"),
            Ok("/accepted?country=DE".into())
        );
        assert_eq!(parsed("/./inbox"), Ok("/inbox".into()));
        assert_eq!(parsed("/../../inbox"), Ok("/inbox".into()));
        assert_eq!(parsed("/a/%2e%2E/inbox"), Ok("/inbox".into()));
        assert_eq!(parsed("/a/.%2e/inbox"), Ok("/inbox".into()));
        assert_eq!(parsed("/inbox/."), Ok("/inbox/".into()));
        assert_eq!(parsed("/inbox/.."), Ok("/".into()));
    }

    #[test]
    fn a_path_that_resolves_to_another_host_is_refused() {
        for elsewhere in [
            "//evil.example",
            "///evil.example",
            "/.//evil.example",
            "/..//evil.example",
            "/a/..//evil.example",
            "/%2e%2e//evil.example",
            "/%2E//evil.example",
            "/a/%2e%2e/%2Fevil.example",
            "/%2F/evil.example",
            "/%2Fevil.example",
        ] {
            assert_eq!(
                parsed(elsewhere),
                Err(RefusedReturnPath::OtherSite),
                "{elsewhere}"
            );
        }
    }

    #[test]
    fn backslashes_count_as_slashes_as_browsers_read_them() {
        assert_eq!(parsed("/\\evil.example"), Err(RefusedReturnPath::OtherSite));
        assert_eq!(parsed("\\\\evil.example"), Err(RefusedReturnPath::NotAPath));
        assert_eq!(
            parsed("/%5Cevil.example"),
            Err(RefusedReturnPath::OtherSite)
        );
        assert_eq!(
            parsed("/%5cevil.example"),
            Err(RefusedReturnPath::OtherSite)
        );
        assert_eq!(
            parsed("/a\\..\\\\evil.example"),
            Err(RefusedReturnPath::OtherSite)
        );
        assert_eq!(parsed("/a\\b"), Ok("/a/b".into()));
    }

    #[test]
    fn double_encoding_is_judged_by_what_it_decodes_to() {
        assert_eq!(
            parsed("/%252F%252Fevil.example"),
            Err(RefusedReturnPath::OtherSite)
        );
        assert_eq!(
            parsed("/%255Cevil.example"),
            Err(RefusedReturnPath::OtherSite)
        );
        assert_eq!(
            parsed("/%25252e%25252e//evil.example"),
            Err(RefusedReturnPath::OtherSite)
        );
        // What the query map hands over after decoding `next=%252F%252Fevil.example` once.
        assert_eq!(
            parsed("%2F%2Fevil.example"),
            Err(RefusedReturnPath::NotAPath)
        );
    }

    #[test]
    fn a_scheme_or_a_relative_reference_is_refused() {
        for elsewhere in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "https://evil.example/",
            "http:evil.example",
            "data:text/html,hi",
            "evil.example",
            "inbox",
            "?next=x",
            "#x",
        ] {
            assert_eq!(
                parsed(elsewhere),
                Err(RefusedReturnPath::NotAPath),
                "{elsewhere}"
            );
        }
    }

    #[test]
    fn control_characters_and_whitespace_are_refused_raw_or_encoded() {
        for tricky in [
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            " //evil.example",
            "/inbox ",
            "/\u{0}inbox",
            "/\u{7f}inbox",
            "/\u{85}inbox",
            "/\u{a0}/evil.example",
            "/\u{2028}inbox",
            "/inbox?q=a\tb",
            "/%09/evil.example",
            "/%0A/evil.example",
            "/%2509/evil.example",
            "/%20/inbox",
        ] {
            assert_eq!(
                parsed(tricky),
                Err(RefusedReturnPath::ControlOrWhitespace),
                "{tricky:?}"
            );
        }
    }

    #[test]
    fn empty_over_long_and_undecodable_are_refused() {
        assert_eq!(parsed(""), Err(RefusedReturnPath::Empty));
        let longest = format!("/{}", "a".repeat(RETURN_PATH_MAX_BYTES - 1));
        assert_eq!(parsed(&longest), Ok(longest.clone()));
        assert_eq!(
            parsed(&format!("{longest}a")),
            Err(RefusedReturnPath::TooLong)
        );
        // Within the limit as given, over it once encoded.
        let grows = format!("/{}", "é".repeat(RETURN_PATH_MAX_BYTES / 2 - 1));
        assert_eq!(parsed(&grows), Err(RefusedReturnPath::TooLong));
        assert_eq!(parsed("/%FF"), Err(RefusedReturnPath::BadEncoding));
    }

    #[test]
    fn the_path_is_encoded_one_canonical_way_and_the_query_is_left_alone() {
        assert_eq!(parsed("/referrals/%61bc"), Ok("/referrals/abc".into()));
        assert_eq!(parsed("/referrals/a%3Fb"), Ok("/referrals/a%3Fb".into()));
        assert_eq!(parsed("/referrals/a%2523b"), Ok("/referrals/a%23b".into()));
        assert_eq!(parsed("/referrals/100%"), Ok("/referrals/100%25".into()));
        assert_eq!(parsed("/Müller"), Ok("/M%C3%BCller".into()));
        assert_eq!(
            parsed("/inbox?q=%2F%2Fx#/..//y"),
            Ok("/inbox?q=%2F%2Fx#/..//y".into())
        );
        assert_eq!(parsed("/inbox?q=a\\b"), Ok("/inbox?q=a%5Cb".into()));
    }

    fn candidate() -> impl Strategy<Value = String> {
        // Mostly the pieces that matter, so the interesting cases come up often.
        let piece = prop_oneof![
            Just("/".to_owned()),
            Just("\\".to_owned()),
            Just(".".to_owned()),
            Just("..".to_owned()),
            Just("%2e".to_owned()),
            Just("%2F".to_owned()),
            Just("%5C".to_owned()),
            Just("%25".to_owned()),
            Just("%".to_owned()),
            Just("?".to_owned()),
            Just("#".to_owned()),
            Just(":".to_owned()),
            Just("\t".to_owned()),
            "[a-z]{1,3}",
            "%[0-9a-fA-F]{2}",
            any::<char>().prop_map(String::from),
        ];
        // Most start like a path, so most get past the first check.
        let start = prop_oneof![4 => Just("/"), 1 => Just("")];
        (start, prop::collection::vec(piece, 0..12))
            .prop_map(|(start, pieces)| format!("{start}{}", pieces.concat()))
    }

    proptest! {
        // Cheap cases, and most are refused early: many of them.
        #![proptest_config(ProptestConfig::with_cases(2_048))]

        #[test]
        fn whatever_goes_in_what_comes_out_is_a_stable_path_on_this_site(
            input in prop_oneof![candidate(), any::<String>()],
        ) {
            let Ok(path) = ReturnPath::parse(&input) else {
                return Ok(());
            };
            let path = path.as_str();
            prop_assert!(path.starts_with('/'), "{path:?}");
            prop_assert!(!path.starts_with("//"), "{path:?}");
            prop_assert!(!path.contains('\\'), "{path:?}");
            prop_assert!(!path.chars().any(is_control_or_whitespace), "{path:?}");
            let path_part = &path[..path.find(['?', '#']).unwrap_or(path.len())];
            prop_assert!(
                path_part.split('/').all(|segment| segment != "." && segment != ".."),
                "{path:?}"
            );
            prop_assert_eq!(ReturnPath::parse(path).map(ReturnPath::into_string), Ok(path.to_owned()));
        }
    }
}
