// SPDX-License-Identifier: GPL-2.0

//! The kerneldoc annotation form (specs/README.md): parser.

use std::collections::HashMap;

use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::model::*;
use crate::parse::expr;
use crate::parse::source::{Mapped, SrcLine};

/// Keys that are not about a parameter, each allowed once.
const SINGLE_KEYS: &[&str] = &[
    "long-desc",
    "context-flags",
    "since-version",
    "return-type",
    "return-ctype",
    "return-check-type",
    "return-success",
    "return-success-range",
    "return-value-when",
    "examples",
    "notes",
    "param-count",
    "test-skip",
    "test-nofuzz",
];

/// Keys that open or extend a record, or may repeat.
const LIST_KEYS: &[&str] = &[
    "error-code",
    "lock",
    "signal",
    "capability",
    "side-effect",
    "state-trans",
    "state-trans-cond",
    "constraint",
    "constraint-expr",
    "test-arg",
    "test-class",
    "test-fixed",
];

/// Keys about a parameter (first field: its name).
const PARAM_KEYS: &[&str] = &[
    "param-type",
    "param-ctype",
    "param-flags",
    "param-constraint-type",
    "param-constraint",
    "param-range",
    "param-valid-mask",
    "param-mask",
    "param-enum-values",
    "param-exclude-values",
    "param-alignment",
    "param-no-wrap",
    "param-size-param",
    "param-size",
    "param-errno",
];

/// Every key the format knows.
pub fn known_keys() -> Vec<&'static str> {
    let mut v: Vec<&str> = SINGLE_KEYS
        .iter()
        .chain(LIST_KEYS)
        .chain(PARAM_KEYS)
        .copied()
        .collect();
    v.extend(Lock::KEYS);
    v.extend(Signal::KEYS);
    v.extend(Capability::KEYS);
    v
}

/// A parsed spec with what the linter needs beyond the model.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParsedSpec {
    /// The spec.
    pub spec: Spec,
    /// For each annotation about a parameter, in the order written: the parameter's index and
    /// where the annotation is.
    pub param_uses: Vec<(usize, Loc)>,
}

/// The outcome of parsing one input: the specs it holds (possibly incomplete when there are
/// errors) and the diagnostics.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    /// The specs, in input order.
    pub specs: Vec<ParsedSpec>,
    /// What was wrong.
    pub diags: Diagnostics,
}

impl Parsed {
    /// Whether there was an error.
    pub fn has_errors(&self) -> bool {
        self.diags.has_errors()
    }

    /// The specs, dropping the linter's extra data.
    pub fn into_specs(self) -> Vec<Spec> {
        self.specs.into_iter().map(|p| p.spec).collect()
    }
}

/// Parses a `.kapi` file: one kerneldoc comment.
pub fn parse_kerneldoc(file: &str, source: &str) -> Parsed {
    let lines = SrcLine::plain(source);
    let mut diags = Diagnostics::new(file);
    let specs = parse_lines(&lines, &mut diags, true).into_iter().collect();
    Parsed { specs, diags }
}

/// Whether a line's content starts an annotation; returns the key and the value.
fn annotation(content: &str) -> Option<(&str, &str)> {
    let colon = content.find(':')?;
    let key = &content[..colon];
    let first = key.bytes().next()?;
    if !first.is_ascii_lowercase()
        || !key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
    {
        return None;
    }
    let rest = &content[colon + 1..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    Some((key, rest.trim()))
}

/// Whether a line's content starts a kerneldoc section we keep (`Context:`, `Return:`).
fn section(content: &str) -> Option<(&'static str, &str)> {
    for (name, key) in [
        ("Context:", "Context"),
        ("Returns:", "Return"),
        ("Return:", "Return"),
    ] {
        if let Some(rest) = content.strip_prefix(name) {
            return Some((key, rest.trim()));
        }
    }
    None
}

/// One content line of the comment.
struct Content<'a> {
    src: &'a SrcLine,
    text: &'a str,
}

impl Content<'_> {
    fn loc_of(&self, sub: &str) -> Loc {
        self.src.loc_of(sub)
    }
}

/// What the text being accumulated belongs to.
enum Open {
    Description,
    Section(&'static str, Loc),
    Annotation(String, Loc),
}

/// Parses the lines of a comment (from a file or extracted from a mail). With `standalone`,
/// only blank lines may surround the comment.
pub fn parse_lines(
    lines: &[SrcLine],
    diags: &mut Diagnostics,
    standalone: bool,
) -> Option<ParsedSpec> {
    let (open, start) = find_open(lines, diags, standalone)?;
    let (body, end) = comment_body(lines, start, diags);
    if end.is_none() {
        let loc = lines.last().map_or(open.loc(), |l| l.loc());
        diags.push(
            Diagnostic::error(loc, "unterminated kerneldoc comment")
                .expected("` */`")
                .found("the end of the input"),
        );
    }
    if standalone {
        text_after(&lines[end.unwrap_or(lines.len())..], diags);
    }
    let mut b = Builder::new(diags);
    b.spec.loc = open.loc();
    let i = b.head(&body, open.loc())?;
    b.items(&body[i..]);
    Some(b.finish())
}

/// Finds the `/**` line; returns it and the index of the line after it. Before it, a
/// standalone comment may only have blank lines and `//` comments; a quoted one skips other
/// text (reported).
fn find_open<'l>(
    lines: &'l [SrcLine],
    diags: &mut Diagnostics,
    standalone: bool,
) -> Option<(&'l SrcLine, usize)> {
    for (idx, l) in lines.iter().enumerate() {
        let t = l.text.trim_start();
        if t.is_empty() || (standalone && t.starts_with("//")) {
            continue;
        }
        if let Some(rest) = t.strip_prefix("/**") {
            if !rest.trim().is_empty() {
                diags.push(
                    Diagnostic::error(l.loc_of(rest.trim()), "text after `/**`")
                        .expected("the end of the line")
                        .found(format!("`{}`", rest.trim())),
                );
            }
            return Some((l, idx + 1));
        }
        diags.push(
            Diagnostic::error(l.loc_of(t), "expected the kerneldoc comment")
                .expected("`/**`")
                .found(format!("`{}`", clip(t))),
        );
        if standalone {
            return None;
        }
    }
    let loc = lines.last().map_or(Loc::new(1, 1, 1), |l| l.loc());
    diags.push(
        Diagnostic::error(loc, "no kerneldoc comment")
            .expected("`/**`")
            .found("the end of the input"),
    );
    None
}

/// The content of the comment's lines from `start` up to `*/`, without the leading ` * `;
/// and the index of the line after the `*/` (`None`: unterminated).
fn comment_body<'l>(
    lines: &'l [SrcLine],
    start: usize,
    diags: &mut Diagnostics,
) -> (Vec<Content<'l>>, Option<usize>) {
    let mut body: Vec<Content> = Vec::new();
    for (idx, l) in lines.iter().enumerate().skip(start) {
        let t = l.text.trim_start();
        if t.trim_end() == "*/" {
            return (body, Some(idx + 1));
        }
        if let Some(after) = t.strip_prefix('*') {
            if after.starts_with('/') {
                return (body, Some(idx + 1));
            }
            let text = after.strip_prefix(' ').unwrap_or(after);
            let text = text.trim_end();
            if let Some(p) = text.find("*/") {
                diags.push(
                    Diagnostic::error(
                        l.loc_of(&text[p..p + 2]),
                        "`*/` must be on a line of its own",
                    )
                    .expected("` */`")
                    .found("text before `*/`"),
                );
                body.push(Content {
                    src: l,
                    text: &text[..p],
                });
                return (body, Some(idx + 1));
            }
            body.push(Content { src: l, text });
        } else if t.is_empty() {
            body.push(Content { src: l, text: t });
        } else {
            diags.push(
                Diagnostic::error(l.loc_of(t), "comment line does not start with ` * `")
                    .expected("` * `")
                    .found(format!("`{}`", clip(t))),
            );
            body.push(Content {
                src: l,
                text: t.trim_end(),
            });
        }
    }
    (body, None)
}

/// A standalone comment is the whole file: reports the first text after it.
fn text_after(lines: &[SrcLine], diags: &mut Diagnostics) {
    if let Some((l, t)) = lines
        .iter()
        .map(|l| (l, l.text.trim()))
        .find(|(_, t)| !t.is_empty())
    {
        diags.push(
            Diagnostic::error(l.loc_of(t), "text after the comment")
                .expected("one kerneldoc comment per file")
                .found(format!("`{}`", clip(t))),
        );
    }
}

impl Builder<'_> {
    /// The header (`sys_<name> - <summary>`, the summary's continuation lines) and the
    /// `@<param>:` lines; returns the index of the first line after them.
    fn head(&mut self, body: &[Content<'_>], open: Loc) -> Option<usize> {
        let mut i = 0;
        while body.get(i).is_some_and(|c| c.text.trim().is_empty()) {
            i += 1;
        }
        let Some(head) = body.get(i) else {
            self.diags.push(
                Diagnostic::error(open, "empty kerneldoc comment")
                    .expected("`sys_<name> - <summary>`")
                    .found("nothing"),
            );
            return None;
        };
        i += 1;
        self.header(head);
        while let Some(c) = body.get(i) {
            if let Some(rest) = c.text.strip_prefix('@') {
                self.param_line(c, rest);
                i += 1;
                // Continuation lines of the description.
                while let Some(t) = body.get(i).map(|n| n.text) {
                    if t.trim().is_empty()
                        || t.starts_with('@')
                        || annotation(t).is_some()
                        || section(t).is_some()
                    {
                        break;
                    }
                    if let Some(p) = self.spec.params.last_mut() {
                        p.description.push(' ');
                        p.description.push_str(t.trim());
                    }
                    i += 1;
                }
            } else if self.spec.params.is_empty()
                && !c.text.trim().is_empty()
                && annotation(c.text).is_none()
                && section(c.text).is_none()
            {
                // Continuation of the summary.
                self.spec.summary.push(' ');
                self.spec.summary.push_str(c.text.trim());
                i += 1;
            } else {
                break;
            }
        }
        Some(i)
    }

    /// The rest of the comment: the description, then annotations and sections, each with
    /// its continuation lines.
    fn items(&mut self, body: &[Content<'_>]) {
        let mut open_item = Open::Description;
        let mut value = Mapped::new();
        let mut blanks = 0usize;
        for c in body {
            let t = c.text;
            if t.trim().is_empty() {
                blanks += 1;
                continue;
            }
            if t.starts_with('@') {
                self.diags.push(
                    Diagnostic::error(c.loc_of(t), "parameter line after the description")
                        .expected("`@<param>:` lines right after the first line")
                        .found(format!("`{}`", clip(t))),
                );
                blanks = 0;
                continue;
            }
            let new = if let Some((key, rest)) = annotation(t) {
                let rest = self.unchecked(key, c, rest);
                Some((Open::Annotation(key.to_string(), c.loc_of(key)), rest))
            } else if let Some((name, rest)) = section(t) {
                Some((Open::Section(name, c.loc_of(t)), rest))
            } else {
                None
            };
            match new {
                Some((item, rest)) => {
                    self.close(std::mem::replace(&mut open_item, item), &value);
                    value = Mapped::new();
                    if !rest.is_empty() {
                        value.push_from(c.src, rest);
                    }
                }
                None => {
                    let sep = if value.is_empty() {
                        ""
                    } else if blanks > 0 {
                        "\n\n"
                    } else if matches!(&open_item, Open::Annotation(k, _) if k == "examples") {
                        "\n"
                    } else {
                        " "
                    };
                    value.push_sep(sep);
                    value.push_from(c.src, t.trim());
                }
            }
            blanks = 0;
        }
        self.close(open_item, &value);
    }
}

/// The word of the mark `kapi draft` puts at the start of the value of each line it guessed:
/// `[unchecked]` or `[unchecked: <where it came from>]`.
pub const UNCHECKED: &str = "unchecked";

/// The mark `[unchecked: <origin>]` (`[unchecked]` without an origin).
pub fn unchecked_mark(origin: &str) -> String {
    if origin.is_empty() {
        format!("[{UNCHECKED}]")
    } else {
        format!("[{UNCHECKED}: {origin}]")
    }
}

/// Splits an annotation's value into its `[unchecked...]` mark and the rest, if it starts with
/// one. A mark left open takes the whole line.
fn split_unchecked(value: &str) -> Option<(&str, &str)> {
    let after = value.strip_prefix('[')?.strip_prefix(UNCHECKED)?;
    if !(after.starts_with([']', ':', ' ', '\t']) || after.is_empty()) {
        return None;
    }
    let end = value.find(']').map_or(value.len(), |p| p + 1);
    Some((&value[..end], value[end..].trim_start()))
}

/// `text` (a `.kapi` file) with the `[unchecked]` marks of its annotation lines removed, the
/// lines kept: what a review that finds every guess right leaves.
pub fn remove_unchecked_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let content = line.strip_prefix(" * ").unwrap_or("");
        match annotation(content.trim_end()).and_then(|(key, v)| Some((key, split_unchecked(v)?))) {
            Some((key, (_, after))) => {
                out.push_str(&format!(" * {key}: {after}"));
                out.push_str(&line[line.trim_end().len()..]);
            }
            None => out.push_str(line),
        }
    }
    out
}

/// The form of a `param-*` annotation's value, for messages.
fn param_form(key: &str) -> &'static str {
    match key {
        "param-range" => "<param>, <min>, <max>",
        "param-enum-values" | "param-exclude-values" => "<param>, <value>, ...",
        "param-flags" => "<param>, KAPI_PARAM_IN | ...",
        "param-errno" => "<param>, <ERRNO> | ...",
        "param-no-wrap" | "param-size-param" => "<param>, <other param>",
        "param-type" => "<param>, <KAPI_TYPE_* or C type>",
        "param-ctype" => "<param>, <C type>",
        "param-constraint-type" => "<param>, <KAPI_CONSTRAINT_* or short form>",
        _ => "<param>, <value>",
    }
}

fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(60).collect();
    if out.len() < s.len() {
        out.push('…');
    }
    out
}

/// Splits a value at top-level commas (not inside parentheses) into at most `max` fields; the
/// last field takes the rest. Fields are trimmed.
pub fn split_fields(s: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    for (i, ch) in s.char_indices() {
        match ch {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            ',' if depth == 0 && out.len() + 1 < max => {
                out.push(s[start..i].trim());
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(s[start..].trim());
    out
}

/// A constraint given by `param-constraint-type`, maybe with its values inline.
struct PendingConstraint {
    tag: ConstraintTag,
    kind: Option<ConstraintKind>,
    loc: Loc,
}

/// Values given by a value key (`param-range`, ...).
struct PendingValues {
    tag: ConstraintTag,
    kind: ConstraintKind,
    key: String,
    loc: Loc,
}

#[derive(Default)]
struct PendingParam {
    constraints: Vec<PendingConstraint>,
    values: Vec<PendingValues>,
    seen: HashMap<String, Loc>,
}

struct Builder<'d> {
    spec: Spec,
    diags: &'d mut Diagnostics,
    params: Vec<PendingParam>,
    seen: HashMap<String, Loc>,
    param_uses: Vec<(usize, Loc)>,
    param_count: Option<(usize, Loc)>,
}

impl<'d> Builder<'d> {
    fn new(diags: &'d mut Diagnostics) -> Self {
        Self {
            spec: Spec::default(),
            diags,
            params: Vec::new(),
            seen: HashMap::new(),
            param_uses: Vec::new(),
            param_count: None,
        }
    }

    fn err(&mut self, loc: Loc, msg: impl Into<String>) -> &mut Diagnostic {
        self.diags.error(loc, msg);
        let n = self.diags.items.len() - 1;
        &mut self.diags.items[n]
    }

    /// Reports the `[unchecked]` mark at the start of `rest`, the value on an annotation's line,
    /// and returns the value after it: a guess of `kapi draft` that nobody checked yet. The
    /// rest of the line is read as usual.
    fn unchecked<'a>(&mut self, key: &str, c: &Content, rest: &'a str) -> &'a str {
        let Some((mark, after)) = split_unchecked(rest) else {
            return rest;
        };
        self.diags.push(
            Diagnostic::error(
                c.loc_of(mark),
                format!("`{key}` line still marked unchecked"),
            )
            .expected(
                "the line checked against the kernel source (and the man page), then its \
                     mark removed",
            )
            .found(format!("`{mark}`"))
            .help(
                "`kapi draft` marks each line it guessed; a spec is read only once they are \
                     all checked",
            ),
        );
        after
    }

    fn header(&mut self, c: &Content) {
        let t = c.text.trim();
        let (name, summary) = match t.find(" - ") {
            Some(p) => (t[..p].trim(), t[p + 3..].trim()),
            None => {
                self.diags.push(
                    Diagnostic::error(c.loc_of(t), "first line must name the syscall")
                        .expected("`sys_<name> - <summary>`")
                        .found(format!("`{}`", clip(t))),
                );
                return;
            }
        };
        let bare = name.strip_suffix("()").unwrap_or(name);
        match bare.strip_prefix("sys_") {
            Some(n)
                if !n.is_empty()
                    && n.bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_') =>
            {
                self.spec.name = n.to_string();
            }
            _ => {
                self.diags.push(
                    Diagnostic::error(c.loc_of(name), "bad syscall name")
                        .expected("`sys_<name>` (lower-case letters, digits, `_`)")
                        .found(format!("`{name}`")),
                );
            }
        }
        self.spec.summary = summary.to_string();
    }

    fn param_line(&mut self, c: &Content, rest: &str) {
        let Some(colon) = rest.find(':') else {
            self.diags.push(
                Diagnostic::error(c.loc_of(c.text), "parameter line without `:`")
                    .expected("`@<param>: <description>`")
                    .found(format!("`{}`", clip(c.text))),
            );
            return;
        };
        let name = &rest[..colon];
        let loc = c.loc_of(name);
        if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            self.diags.push(
                Diagnostic::error(loc, "bad parameter name")
                    .expected("a C identifier")
                    .found(format!("`{name}`")),
            );
            return;
        }
        if let Some(p) = self.spec.params.iter().find(|p| p.name == name) {
            let first = p.loc.line;
            self.diags.push(
                Diagnostic::error(loc, format!("duplicate parameter `{name}`"))
                    .help(format!("first declared on line {first}")),
            );
            return;
        }
        self.spec.params.push(Param {
            name: name.to_string(),
            description: rest[colon + 1..].trim().to_string(),
            loc,
            ..Param::default()
        });
        self.params.push(PendingParam::default());
    }

    /// Handles a finished item.
    fn close(&mut self, item: Open, value: &Mapped) {
        let text = value.text().trim().to_string();
        match item {
            Open::Description => self.spec.description = text,
            Open::Section(name, loc) => {
                let slot = if name == "Context" {
                    &mut self.spec.context_section
                } else {
                    &mut self.spec.return_section
                };
                if slot.is_some() {
                    self.err(loc, format!("duplicate `{name}:` section"));
                } else {
                    *slot = Some(text);
                }
            }
            Open::Annotation(key, loc) => self.annotation(&key, loc, value),
        }
    }

    fn once(&mut self, key: &str, loc: Loc) -> bool {
        if let Some(first) = self.seen.get(key) {
            let line = first.line;
            self.diags.push(
                Diagnostic::error(loc, format!("duplicate `{key}`"))
                    .help(format!("first given on line {line}; it may be given once")),
            );
            return false;
        }
        self.seen.insert(key.to_string(), loc);
        true
    }

    fn expr(&mut self, value: &Mapped, s: &str) -> Text {
        let loc = value.loc_of(s);
        if let Err(e) = expr::parse(s) {
            let l = Loc::new(
                loc.line,
                loc.col.saturating_add(e.offset as u32),
                e.len as u32,
            );
            self.diags.push(
                Diagnostic::error(l, "bad constant expression")
                    .expected("a number, constant or expression of them")
                    .found(e.message),
            );
        }
        Text::new(s, loc)
    }

    fn fields<'v>(
        &mut self,
        key: &str,
        loc: Loc,
        value: &'v Mapped,
        n: usize,
        min: usize,
        form: &str,
    ) -> Option<Vec<&'v str>> {
        let f = split_fields(value.text(), n);
        let nonempty = f.iter().take(min).all(|x| !x.is_empty());
        if f.len() < min || !nonempty {
            let found = if value.text().trim().is_empty() {
                "nothing".to_string()
            } else {
                format!("`{}`", clip(value.text().trim()))
            };
            let at = if value.is_empty() {
                loc
            } else {
                value.loc_of(value.text())
            };
            self.diags.push(
                Diagnostic::error(at, format!("too few values for `{key}`"))
                    .expected(format!("`{key}: {form}`"))
                    .found(found),
            );
            return None;
        }
        Some(f)
    }

    fn annotation(&mut self, key: &str, loc: Loc, value: &Mapped) {
        if key.starts_with("param-") && key != "param-count" {
            if PARAM_KEYS.contains(&key) {
                self.param_annotation(key, loc, value);
            } else {
                self.unknown_key(key, loc);
            }
            return;
        }
        if SINGLE_KEYS.contains(&key) && !self.once(key, loc) {
            return;
        }
        match key {
            "long-desc" | "since-version" | "examples" | "notes" | "param-count"
            | "context-flags" => self.spec_annotation(key, value),
            "return-type"
            | "return-ctype"
            | "return-check-type"
            | "return-success"
            | "return-success-range"
            | "return-value-when" => self.return_annotation(key, loc, value),
            "error-code" => self.error_code(loc, value),
            "lock" | "signal" | "capability" => self.record(key, loc, value),
            "side-effect" => self.side_effect(loc, value),
            "state-trans" | "state-trans-cond" => self.state_trans(key, loc, value),
            "constraint" | "constraint-expr" => self.free_constraint(key, loc, value),
            "test-arg" | "test-skip" | "test-nofuzz" | "test-class" | "test-fixed" => {
                self.test_annotation(key, loc, value);
            }
            _ => self.sub_key(key, loc, value.text().trim()),
        }
    }

    /// `long-desc`, `since-version`, `examples`, `notes`, `param-count`, `context-flags`.
    fn spec_annotation(&mut self, key: &str, value: &Mapped) {
        let text = value.text().trim();
        match key {
            "long-desc" => self.spec.long_desc = Some(text.to_string()),
            "since-version" => self.spec.since_version = Some(text.to_string()),
            "examples" => self.spec.examples = Some(text.to_string()),
            "notes" => self.spec.notes = Some(text.to_string()),
            "param-count" => match text.parse::<usize>() {
                Ok(n) => self.param_count = Some((n, value.loc_of(text))),
                Err(_) => {
                    self.diags.push(
                        Diagnostic::error(value.loc_of(text), "bad `param-count`")
                            .expected("a number")
                            .found(format!("`{text}`")),
                    );
                }
            },
            "context-flags" => {
                for tok in text.split('|').map(str::trim) {
                    match ContextFlag::parse(tok) {
                        Some(f) => self.spec.context_flags.push(f),
                        None => {
                            self.diags.push(
                            Diagnostic::error(value.loc_of(tok), "unknown context flag")
                                .expected("KAPI_CTX_PROCESS, _SOFTIRQ, _HARDIRQ, _NMI, _ATOMIC, _SLEEPABLE, _PREEMPT_DISABLED or _IRQ_DISABLED")
                                .found(format!("`{tok}`")),
                        );
                        }
                    }
                }
            }
            _ => {}
        }
    }

    /// `return-*`.
    fn return_annotation(&mut self, key: &str, loc: Loc, value: &Mapped) {
        let text = value.text().trim();
        match key {
            "return-type" => {
                let (k, c) = type_value(text, value);
                self.spec.ret.kapi_type = k;
                if let Some(c) = c {
                    self.spec.ret.c_type = Some(c);
                }
            }
            "return-ctype" => {
                if self.spec.ret.c_type.is_some() {
                    self.err(
                        loc,
                        "C type of the return value given twice (`return-type` gave one)",
                    );
                } else {
                    self.spec.ret.c_type = Some(Text::new(text, value.loc_of(text)));
                }
            }
            "return-check-type" => match ReturnCheckKind::parse(text) {
                Some(k) => {
                    self.spec.ret.check = Some(k);
                    self.spec.ret.loc = value.loc_of(text);
                }
                None => {
                    self.diags.push(
                    Diagnostic::error(value.loc_of(text), "unknown return check type")
                        .expected("KAPI_RETURN_EXACT, _RANGE, _ERROR_CHECK, _FD, _CUSTOM or _NO_RETURN")
                        .found(format!("`{text}`")),
                );
                }
            },
            "return-success" => {
                let e = self.expr(value, text);
                self.spec.ret.success = Some(e);
            }
            "return-success-range" => {
                if let Some(f) = self.fields(key, loc, value, 2, 2, "<min>, <max>") {
                    let min = self.expr(value, f[0]);
                    let max = self.expr(value, f[1]);
                    self.spec.ret.success_range = Some((min, max));
                }
            }
            "return-value-when" => {
                if let Some(f) =
                    self.fields(key, loc, value, usize::MAX, 2, "<param>, <value>, ...")
                {
                    let param = Text::new(f[0], value.loc_of(f[0]));
                    let values = f[1..].iter().map(|v| self.expr(value, v)).collect();
                    self.spec.ret.value_when = Some((param, values));
                }
            }
            _ => {}
        }
    }

    /// `lock:`, `signal:`, `capability:`: starts a record that `lock-*` (...) lines fill in.
    fn record(&mut self, key: &str, loc: Loc, value: &Mapped) {
        match key {
            "lock" => {
                if let Some(f) = self.fields(key, loc, value, 2, 2, "<name>, <KAPI_LOCK_type>") {
                    self.spec.locks.push(Lock {
                        name: f[0].to_string(),
                        lock_type: f[1].to_string(),
                        loc,
                        ..Lock::default()
                    });
                }
            }
            "signal" => {
                if let Some(f) = self.fields(key, loc, value, 1, 1, "<name>") {
                    self.spec.signals.push(Signal {
                        name: f[0].to_string(),
                        loc,
                        ..Signal::default()
                    });
                }
            }
            "capability" => {
                if let Some(f) =
                    self.fields(key, loc, value, 3, 3, "<CAP_*>, <KAPI_CAP_action>, <name>")
                {
                    self.spec.capabilities.push(Capability {
                        cap: f[0].to_string(),
                        action: f[1].to_string(),
                        display_name: f[2].to_string(),
                        loc,
                        ..Capability::default()
                    });
                }
            }
            _ => {}
        }
    }

    /// `state-trans:` and the `state-trans-cond:` of the latest one.
    fn state_trans(&mut self, key: &str, loc: Loc, value: &Mapped) {
        let text = value.text().trim();
        match key {
            "state-trans" => {
                if let Some(f) = self.fields(
                    key,
                    loc,
                    value,
                    4,
                    4,
                    "<object>, <from>, <to>, <description>",
                ) {
                    self.spec.state_transitions.push(StateTrans {
                        object: f[0].to_string(),
                        from: f[1].to_string(),
                        to: f[2].to_string(),
                        description: f[3].to_string(),
                        condition: None,
                        loc,
                    });
                }
            }
            "state-trans-cond" => match self.spec.state_transitions.last_mut() {
                Some(t) if t.condition.is_none() => t.condition = Some(text.to_string()),
                Some(_) => {
                    self.err(loc, "duplicate `state-trans-cond` for one `state-trans`");
                }
                None => {
                    self.diags.push(
                        Diagnostic::error(loc, "`state-trans-cond` without a `state-trans`")
                            .expected("a `state-trans:` line before it"),
                    );
                }
            },
            _ => {}
        }
    }

    /// `constraint:` (a free-text constraint) and `constraint-expr:` (its formula).
    /// `test-arg`, `test-skip`, `test-nofuzz`: the generated tests' valid call.
    fn test_annotation(&mut self, key: &str, loc: Loc, value: &Mapped) {
        if key == "test-arg" || key == "test-fixed" {
            let form = if key == "test-arg" {
                "<param>, <recipe>"
            } else {
                "<param>, <reason>"
            };
            if let Some(f) = self.fields(key, loc, value, 2, 2, form) {
                let arg = TestArg {
                    param: Text::new(f[0], value.loc_of(f[0])),
                    recipe: Text::new(f[1], value.loc_of(f[1])),
                };
                match key {
                    "test-arg" => self.spec.tests.args.push(arg),
                    _ => self.spec.tests.fixed.push(arg),
                }
            }
            return;
        }
        if key == "test-class" {
            let form = "<param>, <kind> [<kind> ...], <ERRNO>[|<ERRNO> ...]";
            if let Some(f) = self.fields(key, loc, value, 3, 3, form) {
                let words = |s: &str, sep: &[char]| -> Vec<Text> {
                    s.split(sep)
                        .map(str::trim)
                        .filter(|w| !w.is_empty())
                        .map(|w| Text::new(w, value.loc_of(w)))
                        .collect()
                };
                let class = TestClass {
                    param: Text::new(f[0], value.loc_of(f[0])),
                    kinds: words(f[1], &[' ', '\t']),
                    errnos: words(f[2], &['|']),
                };
                self.spec.tests.classes.push(class);
            }
            return;
        }
        let text = value.text().trim();
        if text.is_empty() {
            self.diags.push(
                Diagnostic::error(loc, format!("`{key}` without a reason"))
                    .expected(format!("`{key}: <why>`")),
            );
            return;
        }
        let reason = Some(Text::new(text, value.loc_of(text)));
        match key {
            "test-skip" => self.spec.tests.skip = reason,
            _ => self.spec.tests.nofuzz = reason,
        }
    }

    fn free_constraint(&mut self, key: &str, loc: Loc, value: &Mapped) {
        match key {
            "constraint" => {
                if let Some(f) = self.fields(key, loc, value, 2, 2, "<name>, <description>") {
                    self.spec.constraints.push(FreeConstraint {
                        name: f[0].to_string(),
                        description: f[1].to_string(),
                        expr: None,
                        loc,
                    });
                }
            }
            "constraint-expr" => {
                if let Some(f) = self.fields(key, loc, value, 2, 2, "<name>, <expression>") {
                    let (name, e) = (f[0], f[1]);
                    match self.spec.constraints.iter_mut().find(|c| c.name == name) {
                        Some(c) if c.expr.is_none() => c.expr = Some(e.to_string()),
                        Some(_) => {
                            self.err(
                                value.loc_of(name),
                                format!("duplicate `constraint-expr` for `{name}`"),
                            );
                        }
                        None => {
                            self.diags.push(
                                Diagnostic::error(
                                    value.loc_of(name),
                                    "`constraint-expr` names an undeclared constraint",
                                )
                                .expected("the name of an earlier `constraint:` line")
                                .found(format!("`{name}`")),
                            );
                        }
                    }
                }
            }
            _ => {}
        }
    }

    fn unknown_key(&mut self, key: &str, loc: Loc) {
        self.diags.push(
            Diagnostic::error(loc, format!("unknown key `{key}`"))
                .expected("a key of specs/README.md")
                .found(format!("`{key}`"))
                .did_you_mean(key, known_keys()),
        );
    }

    /// `lock-*`, `signal-*`, `capability-*`: sets a field of the latest record.
    fn sub_key(&mut self, key: &str, loc: Loc, text: &str) {
        let (kind, slot) = if Lock::KEYS.contains(&key) {
            (
                "lock",
                self.spec.locks.last_mut().and_then(|r| r.field_mut(key)),
            )
        } else if Signal::KEYS.contains(&key) {
            (
                "signal",
                self.spec.signals.last_mut().and_then(|r| r.field_mut(key)),
            )
        } else if Capability::KEYS.contains(&key) {
            (
                "capability",
                self.spec
                    .capabilities
                    .last_mut()
                    .and_then(|r| r.field_mut(key)),
            )
        } else {
            self.unknown_key(key, loc);
            return;
        };
        match slot {
            Some(s) if s.is_none() => *s = Some(text.to_string()),
            Some(_) => {
                self.err(loc, format!("duplicate `{key}` for one `{kind}`"));
            }
            None => {
                self.diags.push(
                    Diagnostic::error(loc, format!("`{key}` without a `{kind}`"))
                        .expected(format!("a `{kind}:` line before it")),
                );
            }
        }
    }

    fn error_code(&mut self, loc: Loc, value: &Mapped) {
        let form = "-E<NAME>, E<NAME>, <condition>, <description>";
        let Some(f) = self.fields("error-code", loc, value, 4, 2, form) else {
            return;
        };
        if f.len() < 3 {
            self.diags.push(
                Diagnostic::error(
                    value.loc_of(value.text()),
                    "too few values for `error-code`",
                )
                .expected(format!("`error-code: {form}`"))
                .found(format!("`{}`", clip(value.text().trim()))),
            );
            return;
        }
        let (code, name) = (f[0], f[1]);
        let code_name = code.strip_prefix('-');
        let valid = |n: &str| {
            n.starts_with('E')
                && n.len() > 1
                && n.bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
        };
        let Some(code_name) = code_name.filter(|n| valid(n)) else {
            self.diags.push(
                Diagnostic::error(value.loc_of(code), "bad error code")
                    .expected("`-E<NAME>`")
                    .found(format!("`{code}`")),
            );
            return;
        };
        if !valid(name) {
            self.diags.push(
                Diagnostic::error(value.loc_of(name), "bad errno name")
                    .expected("`E<NAME>`")
                    .found(format!("`{name}`")),
            );
            return;
        }
        if code_name != name {
            self.diags.push(
                Diagnostic::error(value.loc_of(name), "error code and name disagree")
                    .expected(format!("`{code_name}` (as in `{code}`)"))
                    .found(format!("`{name}`")),
            );
            return;
        }
        if let Some(prev) = self.spec.errors.iter().find(|e| e.name.text == name) {
            let line = prev.loc.line;
            self.diags.push(
                Diagnostic::error(value.loc_of(name), format!("duplicate error `{name}`"))
                    .help(format!("first declared on line {line}")),
            );
            return;
        }
        self.spec.errors.push(ErrorCode {
            name: Text::new(name, value.loc_of(name)),
            condition: f[2].to_string(),
            description: f.get(3).copied().unwrap_or("").to_string(),
            loc,
        });
    }

    fn side_effect(&mut self, loc: Loc, value: &Mapped) {
        let Some(f) = self.fields(
            "side-effect",
            loc,
            value,
            3,
            3,
            "<KAPI_EFFECT_types>, <target>, <description>[, reversible=yes][, condition=<text>]",
        ) else {
            return;
        };
        let mut types = Vec::new();
        for tok in f[0].split('|').map(str::trim) {
            match EffectType::parse(tok) {
                Some(t) => types.push(t),
                None => {
                    self.diags.push(
                        Diagnostic::error(value.loc_of(tok), "unknown side-effect type")
                            .expected("a KAPI_EFFECT_* type")
                            .found(format!("`{tok}`")),
                    );
                }
            }
        }
        // The rest: description, then options `reversible=`/`condition=` (which may hold commas).
        let rest = f[2];
        let mut cuts: Vec<(usize, &str)> = Vec::new();
        for opt in ["reversible=", "condition="] {
            let mut from = 0;
            while let Some(p) = rest[from..].find(opt) {
                let at = from + p;
                let before = rest[..at].trim_end();
                if before.ends_with(',') {
                    cuts.push((at, opt));
                }
                from = at + opt.len();
            }
        }
        cuts.sort();
        let desc_end = cuts.first().map_or(rest.len(), |c| c.0);
        let description = rest[..desc_end].trim_end().trim_end_matches(',').trim_end();
        let mut effect = SideEffect {
            types,
            target: f[1].to_string(),
            description: description.to_string(),
            condition: None,
            reversible: false,
            loc,
        };
        for (i, (at, opt)) in cuts.iter().enumerate() {
            let end = cuts.get(i + 1).map_or(rest.len(), |c| c.0);
            let v = rest[at + opt.len()..end]
                .trim_end()
                .trim_end_matches(',')
                .trim();
            if *opt == "reversible=" {
                match v {
                    "yes" | "true" => effect.reversible = true,
                    "no" | "false" => effect.reversible = false,
                    _ => {
                        self.diags.push(
                            Diagnostic::error(value.loc_of(v), "bad `reversible=` value")
                                .expected("`yes` or `no`")
                                .found(format!("`{v}`")),
                        );
                    }
                }
            } else if effect.condition.is_some() {
                self.err(value.loc_of(v), "duplicate `condition=`");
            } else {
                effect.condition = Some(v.to_string());
            }
        }
        self.spec.side_effects.push(effect);
    }

    fn param_annotation(&mut self, key: &str, loc: Loc, value: &Mapped) {
        let all = split_fields(value.text(), 2);
        let name = all[0];
        let Some(pi) = self.annotated_param(key, loc, value, name) else {
            return;
        };
        let Some(f) = self.fields(key, loc, value, 2, 2, param_form(key)) else {
            return;
        };
        let v = f[1];
        match key {
            "param-type" => {
                let (k, c) = type_value(v, value);
                let p = &mut self.spec.params[pi];
                p.kapi_type = k;
                p.type_loc = value.loc_of(v);
                if c.is_some() {
                    p.c_type = c;
                }
            }
            "param-ctype" => {
                if self.spec.params[pi].c_type.is_some() {
                    self.err(
                        value.loc_of(v),
                        format!("C type of `{name}` given twice (`param-type` gave one)"),
                    );
                } else {
                    self.spec.params[pi].c_type = Some(Text::new(v, value.loc_of(v)));
                }
            }
            "param-flags" => self.param_flags(pi, value, v),
            "param-constraint" => self.spec.params[pi].constraint_text = Some(v.to_string()),
            "param-errno" => self.param_errnos(pi, value, v),
            "param-size" => {
                let e = self.expr(value, v);
                self.spec.params[pi].size = Some(e);
            }
            "param-size-param" => {
                let t = self.ident(value, v);
                self.spec.params[pi].size_param = Some(t);
            }
            "param-constraint-type" => self.constraint_type(pi, value, v),
            _ => self.param_values(pi, key, loc, value, v),
        }
    }

    /// The parameter a `param-*` annotation names (reported if none), recorded as used; `None`
    /// also for a second annotation of a key that is allowed once per parameter.
    fn annotated_param(
        &mut self,
        key: &str,
        loc: Loc,
        value: &Mapped,
        name: &str,
    ) -> Option<usize> {
        let Some(pi) = self.spec.param_index(name) else {
            let declared: Vec<String> = self
                .spec
                .params
                .iter()
                .map(|p| format!("`{}`", p.name))
                .collect();
            let at = if name.is_empty() {
                loc
            } else {
                value.loc_of(name)
            };
            self.diags.push(
                Diagnostic::error(
                    at,
                    format!("`{key}` names a parameter that no `@{name}:` line declares"),
                )
                .expected(if declared.is_empty() {
                    "a parameter declared by an `@<param>:` line".to_string()
                } else {
                    format!("one of {}", declared.join(", "))
                })
                .found(format!("`{name}`")),
            );
            return None;
        };
        self.param_uses.push((pi, loc));
        let single = !matches!(
            key,
            "param-constraint-type"
                | "param-range"
                | "param-valid-mask"
                | "param-mask"
                | "param-enum-values"
                | "param-exclude-values"
                | "param-alignment"
                | "param-no-wrap"
        );
        if single {
            if let Some(first) = self.params[pi].seen.get(key) {
                let line = first.line;
                self.diags.push(
                    Diagnostic::error(loc, format!("duplicate `{key}` for `{name}`"))
                        .help(format!("first given on line {line}")),
                );
                return None;
            }
            self.params[pi].seen.insert(key.to_string(), loc);
        }
        Some(pi)
    }

    /// `param-flags`: `KAPI_PARAM_*` flags separated by `|`.
    fn param_flags(&mut self, pi: usize, value: &Mapped, v: &str) {
        for tok in v.split('|').map(str::trim) {
            match ParamFlag::parse(tok) {
                Some(fl) => self.spec.params[pi].flags.push(fl),
                None => {
                    self.diags.push(
                        Diagnostic::error(value.loc_of(tok), "unknown parameter flag")
                            .expected("KAPI_PARAM_IN, _OUT, _INOUT, _OPTIONAL, _CONST, _VOLATILE, _USER, _DMA or _ALIGNED")
                            .found(format!("`{tok}`")),
                    );
                }
            }
        }
    }

    /// `param-errno`: errno names separated by `|`.
    fn param_errnos(&mut self, pi: usize, value: &Mapped, v: &str) {
        for tok in v.split('|').map(str::trim) {
            let ok = tok.starts_with('E')
                && tok.len() > 1
                && tok
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
            if ok {
                self.spec.params[pi]
                    .errnos
                    .push(Text::new(tok, value.loc_of(tok)));
            } else {
                self.diags.push(
                    Diagnostic::error(value.loc_of(tok), "bad errno name")
                        .expected("`E<NAME>` (without `-`), separated by `|`")
                        .found(format!("`{tok}`")),
                );
            }
        }
    }

    /// A key that gives a constraint's values (`param-range`, ...): kept until the constraint
    /// type they go with is known.
    fn param_values(&mut self, pi: usize, key: &str, loc: Loc, value: &Mapped, v: &str) {
        let tag = match key {
            "param-range" => ConstraintTag::Range,
            "param-valid-mask" | "param-mask" => ConstraintTag::Mask,
            "param-enum-values" => ConstraintTag::Enum,
            "param-exclude-values" => ConstraintTag::Exclude,
            "param-alignment" => ConstraintTag::Alignment,
            _ => ConstraintTag::NoWrap,
        };
        let args = split_fields(v, usize::MAX);
        if let Some(kind) = self.values(tag, key, value, &args) {
            self.params[pi].values.push(PendingValues {
                tag,
                kind,
                key: key.to_string(),
                loc,
            });
        }
    }

    fn ident(&mut self, value: &Mapped, s: &str) -> Text {
        let loc = value.loc_of(s);
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
            self.diags.push(
                Diagnostic::error(loc, "bad parameter name")
                    .expected("a parameter name")
                    .found(format!("`{s}`")),
            );
        }
        Text::new(s, loc)
    }

    /// Builds a constraint of `tag` from its values.
    fn values(
        &mut self,
        tag: ConstraintTag,
        what: &str,
        value: &Mapped,
        args: &[&str],
    ) -> Option<ConstraintKind> {
        let need = match tag {
            ConstraintTag::Range => (2, 2),
            ConstraintTag::Mask
            | ConstraintTag::Alignment
            | ConstraintTag::NoWrap
            | ConstraintTag::Buffer => (1, 1),
            ConstraintTag::Enum | ConstraintTag::Exclude => (1, usize::MAX),
            _ => (0, 0),
        };
        let n = args.iter().filter(|a| !a.is_empty()).count();
        if n != args.len() || n < need.0 || n > need.1 {
            let expected = match tag {
                ConstraintTag::Range => "2 values: <min>, <max>".to_string(),
                ConstraintTag::Enum | ConstraintTag::Exclude => "one or more values".to_string(),
                ConstraintTag::NoWrap | ConstraintTag::Buffer => "one parameter name".to_string(),
                _ if need.1 == 0 => "no values".to_string(),
                _ => "one value".to_string(),
            };
            let joined = args.join(", ");
            let at = args.first().map_or(Loc::default(), |a| value.loc_of(a));
            self.diags.push(
                Diagnostic::error(at, format!("wrong number of values for `{what}`"))
                    .expected(expected)
                    .found(format!("{n} ({})", clip(&joined))),
            );
            return None;
        }
        Some(match tag {
            ConstraintTag::Range => ConstraintKind::Range {
                min: self.expr(value, args[0]),
                max: self.expr(value, args[1]),
            },
            ConstraintTag::Mask => ConstraintKind::Mask {
                valid: self.expr(value, args[0]),
            },
            ConstraintTag::Alignment => ConstraintKind::Alignment {
                align: self.expr(value, args[0]),
            },
            ConstraintTag::Enum => ConstraintKind::Enum {
                values: args.iter().map(|a| self.expr(value, a)).collect(),
            },
            ConstraintTag::Exclude => ConstraintKind::Exclude {
                values: args.iter().map(|a| self.expr(value, a)).collect(),
            },
            ConstraintTag::NoWrap => ConstraintKind::NoWrap {
                other: self.ident(value, args[0]),
            },
            _ => return ConstraintKind::without_values(tag),
        })
    }

    fn constraint_type(&mut self, pi: usize, value: &Mapped, v: &str) {
        let loc = value.loc_of(v);
        let (name, args) = match v.find('(') {
            Some(p) if v.ends_with(')') => (v[..p].trim(), Some(&v[p + 1..v.len() - 1])),
            Some(_) => {
                self.diags.push(
                    Diagnostic::error(loc, "bad constraint type")
                        .expected("`<kind>(<values>)`")
                        .found(format!("`{v}`")),
                );
                return;
            }
            None => (v, None),
        };
        let Some(tag) = ConstraintTag::parse(name) else {
            self.diags.push(
                Diagnostic::error(value.loc_of(name), "unknown constraint type")
                    .expected(format!(
                        "a KAPI_CONSTRAINT_* kind or short token ({})",
                        ConstraintTag::ALL
                            .iter()
                            .map(|t| t.short_form())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                    .found(format!("`{name}`")),
            );
            return;
        };
        let kind = match args {
            Some(a) => {
                let args = split_fields(a, usize::MAX);
                if tag == ConstraintTag::Buffer {
                    if args.len() == 1 && !args[0].is_empty() {
                        let t = self.ident(value, args[0]);
                        let p = &mut self.spec.params[pi];
                        match &p.size_param {
                            Some(old) if old.text != t.text => {
                                let msg = format!(
                                    "`buffer({})` disagrees with `param-size-param: {}, {}`",
                                    t.text, p.name, old.text
                                );
                                self.err(loc, msg);
                            }
                            _ => p.size_param = Some(t),
                        }
                    } else {
                        self.values(tag, tag.short(), value, &args);
                    }
                    Some(ConstraintKind::Buffer)
                } else {
                    match self.values(tag, tag.short(), value, &args) {
                        Some(k) => Some(k),
                        None => return,
                    }
                }
            }
            None => ConstraintKind::without_values(tag),
        };
        self.params[pi]
            .constraints
            .push(PendingConstraint { tag, kind, loc });
    }

    fn finish(mut self) -> ParsedSpec {
        if let Some((n, loc)) = self.param_count {
            let have = self.spec.params.len();
            if n != have {
                self.diags.push(
                    Diagnostic::error(loc, "parameter count mismatch")
                        .expected(format!("{have} (the `@<param>:` lines)"))
                        .found(format!("{n}")),
                );
            }
        }
        let pending = std::mem::take(&mut self.params);
        for (pi, pp) in pending.into_iter().enumerate() {
            let mut cons = pp.constraints;
            for v in pp.values {
                if let Some(c) = cons.iter_mut().find(|c| c.tag == v.tag && c.kind.is_none()) {
                    c.kind = Some(v.kind);
                } else if cons.iter().any(|c| c.tag == v.tag) {
                    self.diags.push(
                        Diagnostic::error(v.loc, format!("`{}` gives values a second time", v.key))
                            .expected(format!(
                                "one `{}` per `{}` constraint",
                                v.key,
                                v.tag.kapi_name()
                            )),
                    );
                } else {
                    let pname = self.spec.params[pi].name.clone();
                    self.diags.push(
                        Diagnostic::error(
                            v.loc,
                            format!("`{}` without the matching constraint type", v.key),
                        )
                        .expected(format!(
                            "`param-constraint-type: {pname}, {}` before or after it",
                            v.tag.kapi_name()
                        ))
                        .found(format!("no {} constraint on `{pname}`", v.tag.upper())),
                    );
                }
            }
            let p = &mut self.spec.params[pi];
            for c in cons {
                match c.kind {
                    Some(kind) => p.constraints.push(Constraint { kind, loc: c.loc }),
                    None => {
                        let key = c.tag.value_key().unwrap_or("param-range");
                        let pname = p.name.clone();
                        self.diags.push(
                            Diagnostic::error(
                                c.loc,
                                format!("{} constraint without values", c.tag.kapi_name()),
                            )
                            .expected(format!(
                                "`{key}: {pname}, ...` or the short form `{}(...)`",
                                c.tag.short()
                            )),
                        );
                    }
                }
            }
        }
        ParsedSpec {
            spec: self.spec,
            param_uses: self.param_uses,
        }
    }
}

/// Interprets a `param-type`/`return-type` value: a `KAPI_TYPE_*`/short token, or a C type.
/// `int` is the C type.
fn type_value(v: &str, value: &Mapped) -> (Option<KapiType>, Option<Text>) {
    if v != "int" {
        if let Some(k) = KapiType::parse(v) {
            return (Some(k), None);
        }
    }
    (None, Some(Text::new(v, value.loc_of(v))))
}
