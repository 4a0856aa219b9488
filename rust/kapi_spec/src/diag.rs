// SPDX-License-Identifier: GPL-2.0

//! Diagnostics: positioned messages about an input file, rendered with the offending line.

use std::fmt;

use annotate_snippets::{Level, Renderer, Snippet};
use serde::Serialize;

/// A position in an input file: 1-based line, 1-based byte column, and the length in bytes of
/// the text it designates (at least 1 when rendered).
///
/// Locations are bookkeeping, not content: two `Loc`s always compare equal, so model values
/// parsed from different places (or built by hand) compare by what they say.
#[derive(Clone, Copy, Debug, Default, Eq, Serialize)]
pub struct Loc {
    /// 1-based line number in the original file (0: unknown).
    pub line: u32,
    /// 1-based byte column in that line.
    pub col: u32,
    /// Length in bytes of the designated text.
    pub len: u32,
}

impl PartialEq for Loc {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl std::hash::Hash for Loc {
    fn hash<H: std::hash::Hasher>(&self, _: &mut H) {}
}

impl Loc {
    /// A location.
    pub fn new(line: u32, col: u32, len: u32) -> Self {
        Self { line, col, len }
    }

    /// Whether the location points somewhere.
    pub fn is_known(&self) -> bool {
        self.line > 0
    }
}

/// "did you mean `X`?" (or `` `X`, `Y` ``) for the names in `known` nearest to `word` by edit
/// distance, if any is near enough to be a typo of it: at most a third of its length and at
/// most 3 edits away. Ties are all named, in order, up to three.
pub fn did_you_mean<'a>(word: &str, known: impl IntoIterator<Item = &'a str>) -> Option<String> {
    // Past this a name is not a typo, and the distance is quadratic.
    const LONGEST: usize = 64;
    if word.len() > LONGEST {
        return None;
    }
    let most = (word.chars().count() / 3).clamp(1, 3);
    let mut near: Vec<(usize, &str)> = known
        .into_iter()
        .map(|k| (strsim::levenshtein(word, k), k))
        .filter(|&(d, k)| d <= most && k != word)
        .collect();
    near.sort_unstable();
    let best = near.first()?.0;
    let names: Vec<String> = near
        .iter()
        .take_while(|(d, _)| *d == best)
        .take(3)
        .map(|(_, k)| format!("`{k}`"))
        .collect();
    Some(format!("did you mean {}?", names.join(", ")))
}

/// How bad a diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Reported; does not make the input invalid.
    Warning,
    /// The input is invalid.
    Error,
}

/// One message about an input.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// Where (the location's `line` is 0 when the message is about the file as a whole).
    pub loc: Loc,
    /// What is wrong.
    pub message: String,
    /// What was expected there, if that can be said.
    pub expected: Option<String>,
    /// What was found there, if that can be said.
    pub found: Option<String>,
    /// A hint.
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error at `loc`.
    pub fn error(loc: Loc, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Error,
            loc,
            message: message.into(),
            expected: None,
            found: None,
            help: None,
        }
    }

    /// A warning at `loc`.
    pub fn warning(loc: Loc, message: impl Into<String>) -> Self {
        Self {
            severity: Severity::Warning,
            ..Self::error(loc, message)
        }
    }

    /// Adds what was expected.
    pub fn expected(mut self, what: impl Into<String>) -> Self {
        self.expected = Some(what.into());
        self
    }

    /// Adds what was found.
    pub fn found(mut self, what: impl Into<String>) -> Self {
        self.found = Some(what.into());
        self
    }

    /// Adds a hint.
    pub fn help(mut self, what: impl Into<String>) -> Self {
        self.help = Some(what.into());
        self
    }

    /// Adds "did you mean `X`?" when some of `known` is a likely typo of `word`
    /// ([`did_you_mean`]).
    pub fn did_you_mean<'a>(self, word: &str, known: impl IntoIterator<Item = &'a str>) -> Self {
        match did_you_mean(word, known) {
            Some(hint) => self.help(hint),
            None => self,
        }
    }

    /// The one-line form, `file:line:col: error: message: expected X, found Y`.
    pub fn one_line(&self, file: &str) -> String {
        let mut s = String::new();
        s.push_str(file);
        if self.loc.is_known() {
            s.push_str(&format!(":{}:{}", self.loc.line, self.loc.col));
        }
        s.push_str(match self.severity {
            Severity::Error => ": error: ",
            Severity::Warning => ": warning: ",
        });
        s.push_str(&self.message);
        if let Some(label) = self.label() {
            s.push_str(": ");
            s.push_str(&label);
        }
        s
    }

    fn label(&self) -> Option<String> {
        match (&self.expected, &self.found) {
            (Some(e), Some(f)) => Some(format!("expected {e}, found {f}")),
            (Some(e), None) => Some(format!("expected {e}")),
            (None, Some(f)) => Some(format!("found {f}")),
            (None, None) => None,
        }
    }

    /// Renders the diagnostic with the offending line of `source` (the whole original file).
    pub fn render(&self, file: &str, source: &str, color: bool) -> String {
        let level = match self.severity {
            Severity::Error => Level::Error,
            Severity::Warning => Level::Warning,
        };
        let title = if self.loc.is_known() {
            format!(
                "{} ({}:{}:{})",
                self.message, file, self.loc.line, self.loc.col
            )
        } else {
            format!("{} ({})", self.message, file)
        };
        let label = self.label().unwrap_or_default();
        let line_text = (self.loc.line as usize)
            .checked_sub(1)
            .and_then(|i| source.lines().nth(i));
        let mut message = level.title(&title);
        if let Some(text) = line_text {
            let start = (self.loc.col.saturating_sub(1) as usize).min(text.len());
            let start = floor_char_boundary(text, start);
            let end = (start + (self.loc.len.max(1) as usize)).min(text.len());
            let end = ceil_char_boundary(text, end.max(start));
            message = message.snippet(
                Snippet::source(text)
                    .line_start(self.loc.line as usize)
                    .origin(file)
                    .annotation(level.span(start..end).label(&label)),
            );
        } else if !label.is_empty() {
            message = message.footer(Level::Note.title(&label));
        }
        if let Some(help) = &self.help {
            message = message.footer(Level::Help.title(help));
        }
        let renderer = if color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let out = renderer.render(message).to_string();
        out
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char_boundary(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The diagnostics about one input file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Diagnostics {
    /// The file's name as shown to the user.
    pub file: String,
    /// The messages, in the order found.
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// No diagnostics yet about `file`.
    pub fn new(file: impl Into<String>) -> Self {
        Self {
            file: file.into(),
            items: Vec::new(),
        }
    }

    /// Adds one.
    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    /// Adds an error at `loc`.
    pub fn error(&mut self, loc: Loc, message: impl Into<String>) {
        self.push(Diagnostic::error(loc, message));
    }

    /// Adds a warning at `loc`.
    pub fn warning(&mut self, loc: Loc, message: impl Into<String>) {
        self.push(Diagnostic::warning(loc, message));
    }

    /// Appends all of `other`'s messages.
    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
    }

    /// Whether any message is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity == Severity::Error)
    }

    /// Number of errors.
    pub fn error_count(&self) -> usize {
        self.items
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    /// Whether there is no message at all.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// Messages sorted by position (stable for equal positions).
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by_key(|d| (d.loc.line, d.loc.col));
        v
    }

    /// Renders every message against `source`, the original file's text.
    pub fn render(&self, source: &str, color: bool) -> String {
        let mut out = String::new();
        for d in self.sorted() {
            out.push_str(&d.render(&self.file, source, color));
            out.push_str("\n\n");
        }
        out
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for d in self.sorted() {
            writeln!(f, "{}", d.one_line(&self.file))?;
        }
        Ok(())
    }
}

impl std::error::Error for Diagnostics {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn did_you_mean_names_near_typos_only() {
        let errnos = ["EINVAL", "ENOMEM", "ENOENT", "EPERM", "EROFS"];
        let hint = |w| did_you_mean(w, errnos);
        assert_eq!(hint("ENOMEN").as_deref(), Some("did you mean `ENOMEM`?"));
        assert_eq!(hint("EINVALL").as_deref(), Some("did you mean `EINVAL`?"));
        assert_eq!(hint("ENOMNT").as_deref(), Some("did you mean `ENOENT`?"));
        assert_eq!(
            did_you_mean("lok", ["look", "lock", "locks"]).as_deref(),
            Some("did you mean `lock`, `look`?")
        );
        assert_eq!(hint("EFROB"), None);
        assert_eq!(hint("EINVAL"), None, "a known name is no typo");
        assert_eq!(hint(&"E".repeat(1000)), None);
        assert_eq!(
            did_you_mean("param-rnage", ["param-range", "param-flags"]).as_deref(),
            Some("did you mean `param-range`?")
        );
    }
}
