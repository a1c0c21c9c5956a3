//! The messages of one language: parsed once from Fluent text, then formatted with
//! arguments.

use std::fmt;

use super::{Locale, group_digits, plural_category};

/// An argument of a message.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arg<'a> {
    /// Shown as given; a selector matches it against its keys.
    Text(&'a str),
    /// Shown with the language's digit grouping; a selector picks its plural category.
    Count(i64),
    /// A domain value in the API's spelling (`kind` "Substatus", `value` "Won"): shown in
    /// the language's words for it (`value-<kind>-<value>`, as `values.ftl` has them), while
    /// a selector matches the API's spelling, which is the same in every language.
    Value { kind: &'a str, value: &'a str },
}

/// The messages of one language, by id.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalogue {
    locale: Locale,
    /// Sorted by id: looked up by binary search (smaller in the wasm than a hash map).
    messages: Vec<(String, Pattern)>,
}

/// What a message says: text and placeables in order.
type Pattern = Vec<Element>;

#[derive(Debug, Clone, PartialEq)]
enum Element {
    Text(String),
    Variable(String),
    Select {
        variable: String,
        variants: Vec<(String, Pattern)>,
        /// The variant marked `*`, used when no key matches.
        default: usize,
    },
}

/// Why a catalogue file could not be read, with the line it happened on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    pub line: usize,
    pub problem: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}: {}", self.line, self.problem)
    }
}

impl std::error::Error for ParseError {}

impl Catalogue {
    /// An empty catalogue: every message shows as its id.
    pub fn empty(locale: Locale) -> Catalogue {
        Catalogue {
            locale,
            messages: Vec::new(),
        }
    }

    /// Reads the files of one language; an id written twice is an error (line 0: the
    /// files together), never a message silently replaced.
    pub fn parse(locale: Locale, sources: &[&str]) -> Result<Catalogue, ParseError> {
        let mut messages = Vec::new();
        for source in sources {
            parse_file(source, &mut messages)?;
        }
        messages.sort_by(|a: &(String, Pattern), b| a.0.cmp(&b.0));
        if let Some(pair) = messages.windows(2).find(|pair| pair[0].0 == pair[1].0) {
            return Err(ParseError {
                line: 0,
                problem: format!("message {} is written twice", pair[0].0),
            });
        }
        Ok(Catalogue { locale, messages })
    }

    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// Every message id, sorted.
    pub fn ids(&self) -> impl Iterator<Item = &str> {
        self.messages.iter().map(|(id, _)| id.as_str())
    }

    pub fn contains(&self, id: &str) -> bool {
        self.find(id).is_some()
    }

    /// The variables a message uses, sorted and without repeats.
    pub fn variables(&self, id: &str) -> Vec<String> {
        let mut names = Vec::new();
        if let Some(pattern) = self.find(id) {
            collect_variables(pattern, &mut names);
        }
        names.sort();
        names.dedup();
        names
    }

    /// The keys of every selector of a message, in order (for the plural checks).
    pub fn selector_keys(&self, id: &str) -> Vec<Vec<String>> {
        let mut keys = Vec::new();
        if let Some(pattern) = self.find(id) {
            collect_selectors(pattern, &mut keys);
        }
        keys
    }

    /// The message with its arguments; its id when the catalogue lacks it (a test
    /// keeps every id in every language), `{$name}` for an argument not given.
    pub fn format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        match self.find(id) {
            Some(pattern) => {
                let mut out = String::new();
                self.write(pattern, args, &mut out);
                out
            }
            None => id.to_owned(),
        }
    }

    fn find(&self, id: &str) -> Option<&Pattern> {
        self.messages
            .binary_search_by(|(key, _)| key.as_str().cmp(id))
            .ok()
            .map(|at| &self.messages[at].1)
    }

    fn write(&self, pattern: &Pattern, args: &[(&str, Arg<'_>)], out: &mut String) {
        for element in pattern {
            match element {
                Element::Text(text) => out.push_str(text),
                Element::Variable(name) => match argument(args, name) {
                    Some(Arg::Text(text)) => out.push_str(text),
                    Some(Arg::Count(n)) => out.push_str(&group_digits(self.locale, n)),
                    Some(Arg::Value { kind, value }) => {
                        let id = super::value_id(kind, value);
                        match self.find(&id) {
                            Some(words) => self.write(words, &[], out),
                            // A value newer than this catalogue still reads, as the API spells it.
                            None => out.push_str(value),
                        }
                    }
                    None => {
                        out.push_str("{$");
                        out.push_str(name);
                        out.push('}');
                    }
                },
                Element::Select {
                    variable,
                    variants,
                    default,
                } => {
                    let chosen = argument(args, variable)
                        .and_then(|arg| self.matching_variant(variants, arg))
                        .unwrap_or(*default);
                    self.write(&variants[chosen].1, args, out);
                }
            }
        }
    }

    /// An exact key first (`[0]`, `[Won]`), then a count's plural category.
    fn matching_variant(&self, variants: &[(String, Pattern)], arg: Arg<'_>) -> Option<usize> {
        let position = |key: &str| variants.iter().position(|(k, _)| k == key);
        match arg {
            Arg::Text(text) | Arg::Value { value: text, .. } => position(text),
            Arg::Count(n) => {
                position(&n.to_string()).or_else(|| position(plural_category(self.locale, n).key()))
            }
        }
    }
}

fn argument<'a>(args: &[(&str, Arg<'a>)], name: &str) -> Option<Arg<'a>> {
    args.iter().find(|(n, _)| *n == name).map(|(_, arg)| *arg)
}

fn collect_variables(pattern: &Pattern, names: &mut Vec<String>) {
    for element in pattern {
        match element {
            Element::Text(_) => {}
            Element::Variable(name) => names.push(name.clone()),
            Element::Select {
                variable, variants, ..
            } => {
                names.push(variable.clone());
                for (_, inner) in variants {
                    collect_variables(inner, names);
                }
            }
        }
    }
}

fn collect_selectors(pattern: &Pattern, keys: &mut Vec<Vec<String>>) {
    for element in pattern {
        if let Element::Select { variants, .. } = element {
            keys.push(variants.iter().map(|(k, _)| k.clone()).collect());
            for (_, inner) in variants {
                collect_selectors(inner, keys);
            }
        }
    }
}

/// One file: messages (`id = value`, the value going on over indented lines), comments
/// and blank lines.
fn parse_file(source: &str, messages: &mut Vec<(String, Pattern)>) -> Result<(), ParseError> {
    let lines: Vec<&str> = source.lines().collect();
    let mut at = 0;
    while at < lines.len() {
        let line = lines[at];
        let first = at + 1;
        at += 1;
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let error = |problem: &str| ParseError {
            line: first,
            problem: problem.to_owned(),
        };
        if line.starts_with([' ', '\t']) {
            return Err(error("an indented line outside a message"));
        }
        let (id, value) = line
            .split_once('=')
            .ok_or_else(|| error("expected `id = value`"))?;
        let id = id.trim();
        let valid_id = id.starts_with(|c: char| c.is_ascii_alphabetic())
            && id
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        if !valid_id {
            return Err(error(&format!("{id:?} is not a message id")));
        }
        let mut text = value.trim_start().to_owned();
        while at < lines.len() && lines[at].starts_with([' ', '\t']) && !lines[at].trim().is_empty()
        {
            if lines[at].trim_start().starts_with('.') {
                return Err(error("attributes are not supported"));
            }
            if !text.is_empty() {
                text.push('\n');
            }
            text.push_str(lines[at].trim());
            at += 1;
        }
        let text = text.trim_end();
        if text.is_empty() {
            return Err(error(&format!("message {id} has no value")));
        }
        let mut parser = Parser {
            chars: text.chars().collect(),
            at: 0,
        };
        let pattern = parser
            .pattern(Stop::End)
            .map_err(|problem| error(&format!("message {id}: {problem}")))?;
        messages.push((id.to_owned(), pattern));
    }
    Ok(())
}

#[derive(Clone, Copy, PartialEq)]
enum Stop {
    /// The whole message value.
    End,
    /// A selector's variant: up to the end of its line.
    LineEnd,
}

struct Parser {
    chars: Vec<char>,
    at: usize,
}

impl Parser {
    fn peek(&self) -> Option<char> {
        self.chars.get(self.at).copied()
    }

    fn skip_blank(&mut self) {
        while matches!(self.peek(), Some(' ' | '\t' | '\n')) {
            self.at += 1;
        }
    }

    fn expect(&mut self, wanted: char) -> Result<(), String> {
        self.skip_blank();
        match self.peek() {
            Some(c) if c == wanted => {
                self.at += 1;
                Ok(())
            }
            Some(c) => Err(format!("expected `{wanted}`, found `{c}`")),
            None => Err(format!("expected `{wanted}`, found the end")),
        }
    }

    fn pattern(&mut self, stop: Stop) -> Result<Pattern, String> {
        let mut pattern = Vec::new();
        let mut text = String::new();
        while let Some(c) = self.peek() {
            match c {
                '\n' if stop == Stop::LineEnd => break,
                '}' => return Err("a `}` without its `{` (write `{ \"}\" }`)".to_owned()),
                '{' => {
                    self.at += 1;
                    if !text.is_empty() {
                        pattern.push(Element::Text(std::mem::take(&mut text)));
                    }
                    match self.placeable()? {
                        Element::Text(literal) => text.push_str(&literal),
                        other => pattern.push(other),
                    }
                }
                _ => {
                    text.push(c);
                    self.at += 1;
                }
            }
        }
        let text = if stop == Stop::LineEnd {
            text.trim_end().to_owned()
        } else {
            text
        };
        if !text.is_empty() {
            pattern.push(Element::Text(text));
        }
        Ok(pattern)
    }

    /// After a `{`: a variable, a string literal or a selector, up to its `}`.
    fn placeable(&mut self) -> Result<Element, String> {
        self.skip_blank();
        match self.peek() {
            Some('"') => {
                self.at += 1;
                let mut literal = String::new();
                loop {
                    match self.peek() {
                        Some('"') => break,
                        Some('\\') => {
                            return Err("escapes in string literals are not supported".to_owned());
                        }
                        Some('\n') | None => {
                            return Err("an unterminated string literal".to_owned());
                        }
                        Some(c) => literal.push(c),
                    }
                    self.at += 1;
                }
                self.at += 1;
                self.expect('}')?;
                Ok(Element::Text(literal))
            }
            Some('$') => {
                self.at += 1;
                let name = self.identifier()?;
                self.skip_blank();
                if self.peek() == Some('-') && self.chars.get(self.at + 1) == Some(&'>') {
                    self.at += 2;
                    self.selector(name)
                } else {
                    self.expect('}')?;
                    Ok(Element::Variable(name))
                }
            }
            _ => Err(
                "only `{ $variable }`, `{ \"literal\" }` and selectors are supported".to_owned(),
            ),
        }
    }

    fn identifier(&mut self) -> Result<String, String> {
        let start = self.at;
        while matches!(self.peek(), Some(c) if c.is_ascii_alphanumeric() || c == '-' || c == '_') {
            self.at += 1;
        }
        if start == self.at {
            return Err("a `$` without a variable name".to_owned());
        }
        Ok(self.chars[start..self.at].iter().collect())
    }

    /// After `$name ->`: `[key] value` lines, one of them `*[key]`, then `}`.
    fn selector(&mut self, variable: String) -> Result<Element, String> {
        let mut variants = Vec::new();
        let mut default = None;
        loop {
            self.skip_blank();
            match self.peek() {
                Some('}') => {
                    self.at += 1;
                    break;
                }
                Some('*') => {
                    if default.is_some() {
                        return Err("a selector with two default variants".to_owned());
                    }
                    default = Some(variants.len());
                    self.at += 1;
                }
                Some('[') => {}
                _ => {
                    return Err("expected a variant `[key] value` or the selector's `}`".to_owned());
                }
            }
            self.expect('[')?;
            let start = self.at;
            while matches!(self.peek(), Some(c) if c != ']' && c != '\n') {
                self.at += 1;
            }
            let key: String = self.chars[start..self.at]
                .iter()
                .collect::<String>()
                .trim()
                .to_owned();
            self.expect(']')?;
            while self.peek() == Some(' ') {
                self.at += 1;
            }
            variants.push((key, self.pattern(Stop::LineEnd)?));
        }
        let default = default.ok_or("a selector needs a default variant `*[other]`")?;
        Ok(Element::Select {
            variable,
            variants,
            default,
        })
    }
}
