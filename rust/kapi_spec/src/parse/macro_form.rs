// SPDX-License-Identifier: GPL-2.0

//! Importer for the upstream `DEFINE_KERNEL_API_SPEC(sys_x) ... KAPI_END_SPEC;` C macro form,
//! as found in C source or in a patch mail.
//!
//! Tolerated: diff prefixes (`+`, ` `), lines broken by the mail's line wrapping (a line that
//! ends inside a string literal, or that lacks the diff prefix, continues the previous one),
//! C comments, adjacent string literals, and designated initializers (`.check_type = ...,`).

use std::collections::BTreeMap;

use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::model::*;
use crate::parse::clex::{lex, Kind, Tok};
use crate::parse::expr::parse_int_literal;
use crate::parse::kerneldoc::{Parsed, ParsedSpec};
use crate::parse::source::{line_no, Mapped};

const DEFINE: &str = "DEFINE_KERNEL_API_SPEC";
const END: &str = "KAPI_END_SPEC";
/// Largest index accepted in `KAPI_*(idx, ...)`.
const MAX_INDEX: u64 = 63;

/// Imports every `DEFINE_KERNEL_API_SPEC` block of a text.
pub fn import_macro(file: &str, source: &str) -> Parsed {
    let mut diags = Diagnostics::new(file);
    let lines: Vec<&str> = source.lines().collect();
    let mut specs = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !lines[i].contains(DEFINE) || lines[i].trim_start().starts_with("#define") {
            i += 1;
            continue;
        }
        let (text, next) = join_region(&lines, i);
        i = next.max(i + 1);
        let toks = lex(&text, &mut diags);
        if let Some(spec) = Importer::new(&text, &toks, &mut diags).run() {
            specs.push(ParsedSpec {
                spec,
                param_uses: Vec::new(),
            });
        }
    }
    if specs.is_empty() && !diags.has_errors() {
        diags.push(
            Diagnostic::error(Loc::new(1, 1, 1), "no API specification found")
                .expected(format!("`{DEFINE}(sys_<name>)`"))
                .found("none"),
        );
    }
    Parsed { specs, diags }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum LexState {
    Code,
    Str,
    Chr,
    Comment,
}

/// The lexer state after `s`, starting in `state` (a line comment ends with the line).
fn scan(s: &str, mut state: LexState) -> LexState {
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        match state {
            LexState::Code => match c {
                b'"' => state = LexState::Str,
                b'\'' => state = LexState::Chr,
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    state = LexState::Comment;
                    i += 1;
                }
                b'/' if b.get(i + 1) == Some(&b'/') => return LexState::Code,
                _ => {}
            },
            LexState::Str | LexState::Chr => match c {
                b'\\' => i += 1,
                b'"' if state == LexState::Str => state = LexState::Code,
                b'\'' if state == LexState::Chr => state = LexState::Code,
                _ => {}
            },
            LexState::Comment => {
                if c == b'*' && b.get(i + 1) == Some(&b'/') {
                    state = LexState::Code;
                    i += 1;
                }
            }
        }
        i += 1;
    }
    state
}

/// Joins the lines of the block starting at `start` into one text, mapping back to the file.
/// Returns the text and the index of the first line after the block.
fn join_region(lines: &[&str], start: usize) -> (Mapped, usize) {
    let first = lines[start];
    let diff = first.starts_with('+');
    let mut m = Mapped::new();
    let mut state = LexState::Code;
    let mut prev_ends_space = true;
    let mut j = start;
    while j < lines.len() {
        let raw = lines[j];
        let line = line_no(j);
        let continuation = if j == start {
            false
        } else if matches!(state, LexState::Str | LexState::Chr) {
            true
        } else if diff {
            !(raw.starts_with('+') || raw.starts_with(' ') || raw.is_empty())
        } else {
            false
        };
        if !continuation
            && j > start
            && diff
            && (raw.starts_with("-- ") || raw.starts_with("diff --git"))
        {
            break; // end of the patch
        }
        let (piece, col) = if continuation {
            if !prev_ends_space {
                m.push_sep(" ");
            }
            (raw, 1)
        } else {
            if j > start {
                m.push_sep("\n");
            }
            // A string cannot span lines: a real line resets the string state.
            if matches!(state, LexState::Str | LexState::Chr) {
                state = LexState::Code;
            }
            if diff && (raw.starts_with('+') || raw.starts_with(' ')) {
                (&raw[1..], 2)
            } else {
                (raw, 1)
            }
        };
        m.push(piece, line, col);
        let before = state;
        state = scan(piece, state);
        prev_ends_space = piece.ends_with([' ', '\t']);
        j += 1;
        if state == LexState::Code && before != LexState::Comment && contains_code_word(piece, END)
        {
            break;
        }
    }
    (m, j)
}

/// Whether `word` occurs in `s` as an identifier outside strings and comments.
fn contains_code_word(s: &str, word: &str) -> bool {
    let mut state = LexState::Code;
    let mut from = 0;
    while let Some(p) = s[from..].find(word) {
        let at = from + p;
        state = scan(&s[from..at], state);
        let before_ok = at == 0
            || !s.as_bytes()[at - 1].is_ascii_alphanumeric() && s.as_bytes()[at - 1] != b'_';
        let after = s.as_bytes().get(at + word.len());
        let after_ok = after.is_none_or(|c| !c.is_ascii_alphanumeric() && *c != b'_');
        if state == LexState::Code && before_ok && after_ok {
            return true;
        }
        state = scan(word, state);
        from = at + word.len();
    }
    false
}

/// One argument of a macro call: a range of tokens.
type Arg<'t> = &'t [Tok];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Block {
    Top,
    Param(u64),
    Return,
    Signal(u64),
    Effect(u64),
    Trans(u64),
    Lock(u64),
    Cap(u64),
    Constraint(u64),
}

impl Block {
    fn opener(self) -> &'static str {
        match self {
            Block::Top => DEFINE,
            Block::Param(_) => "KAPI_PARAM",
            Block::Return => "KAPI_RETURN",
            Block::Signal(_) => "KAPI_SIGNAL",
            Block::Effect(_) => "KAPI_SIDE_EFFECT",
            Block::Trans(_) => "KAPI_STATE_TRANS",
            Block::Lock(_) => "KAPI_LOCK",
            Block::Cap(_) => "KAPI_CAPABILITY",
            Block::Constraint(_) => "KAPI_CONSTRAINT",
        }
    }
}

/// What a parameter block gave about constraints.
#[derive(Default)]
struct ParamExtra {
    tag: Option<(ConstraintTag, Loc)>,
    range: (Option<Text>, Option<Text>, Loc),
    mask: Option<(Text, Loc)>,
    enums: Option<(Vec<Text>, Loc)>,
    align: Option<(Text, Loc)>,
    size_param_idx: Option<(u64, Loc)>,
}

struct Importer<'a> {
    m: &'a Mapped,
    toks: &'a [Tok],
    pos: usize,
    diags: &'a mut Diagnostics,
    spec: Spec,
    block: Block,
    block_loc: Loc,
    params: BTreeMap<u64, (Param, ParamExtra)>,
    errors: BTreeMap<u64, ErrorCode>,
    signals: BTreeMap<u64, Signal>,
    effects: BTreeMap<u64, SideEffect>,
    transs: BTreeMap<u64, StateTrans>,
    locks: BTreeMap<u64, Lock>,
    caps: BTreeMap<u64, Capability>,
    constraints: BTreeMap<u64, FreeConstraint>,
    counts: BTreeMap<&'static str, (u64, Loc)>,
    set: BTreeMap<String, Loc>,
}

fn count_kind(name: &str) -> Option<&'static str> {
    Some(match name {
        "KAPI_PARAM_COUNT" => "KAPI_PARAM",
        "KAPI_ERROR_COUNT" => "KAPI_ERROR",
        "KAPI_SIGNAL_COUNT" => "KAPI_SIGNAL",
        "KAPI_SIDE_EFFECT_COUNT" => "KAPI_SIDE_EFFECT",
        "KAPI_STATE_TRANS_COUNT" => "KAPI_STATE_TRANS",
        "KAPI_LOCK_COUNT" => "KAPI_LOCK",
        "KAPI_CAPABILITY_COUNT" => "KAPI_CAPABILITY",
        "KAPI_CONSTRAINT_COUNT" => "KAPI_CONSTRAINT",
        "KAPI_SIGNAL_MASK_COUNT" => "KAPI_SIGNAL_MASK",
        "KAPI_STRUCT_SPEC_COUNT" => "KAPI_STRUCT_SPEC",
        _ => return None,
    })
}

impl<'a> Importer<'a> {
    fn new(m: &'a Mapped, toks: &'a [Tok], diags: &'a mut Diagnostics) -> Self {
        Self {
            m,
            toks,
            pos: 0,
            diags,
            spec: Spec::default(),
            block: Block::Top,
            block_loc: Loc::default(),
            params: BTreeMap::new(),
            errors: BTreeMap::new(),
            signals: BTreeMap::new(),
            effects: BTreeMap::new(),
            transs: BTreeMap::new(),
            locks: BTreeMap::new(),
            caps: BTreeMap::new(),
            constraints: BTreeMap::new(),
            counts: BTreeMap::new(),
            set: BTreeMap::new(),
        }
    }

    fn loc(&self, t: &Tok) -> Loc {
        self.m.loc(t.start, t.end)
    }

    fn loc_arg(&self, a: Arg) -> Loc {
        match (a.first(), a.last()) {
            (Some(f), Some(l)) => self.m.loc(f.start, l.end),
            _ => self.here(),
        }
    }

    fn here(&self) -> Loc {
        match self.toks.get(self.pos).or(self.toks.last()) {
            Some(t) => self.loc(t),
            None => Loc::new(1, 1, 1),
        }
    }

    fn error(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    /// The source text of an argument, whitespace and comments collapsed to single spaces.
    fn arg_text(&self, a: Arg) -> String {
        let mut s = String::new();
        for (i, t) in a.iter().enumerate() {
            if i > 0 && a[i - 1].end != t.start {
                s.push(' ');
            }
            s.push_str(self.m.text().get(t.start..t.end).unwrap_or(""));
        }
        s
    }

    /// A string argument (adjacent literals concatenated).
    fn arg_str(&mut self, a: Arg, what: &str) -> String {
        let mut s = String::new();
        if a.is_empty() || !a.iter().all(|t| matches!(t.kind, Kind::Str(_))) {
            let found = if a.is_empty() {
                "nothing".to_string()
            } else {
                format!("`{}`", self.arg_text(a))
            };
            let d = Diagnostic::error(self.loc_arg(a), format!("bad {what}"))
                .expected("a string literal")
                .found(found);
            self.error(d);
            return self.arg_text(a);
        }
        for t in a {
            if let Kind::Str(v) = &t.kind {
                s.push_str(v);
            }
        }
        s
    }

    /// A string or any other argument's text.
    fn arg_any(&self, a: Arg) -> String {
        if !a.is_empty() && a.iter().all(|t| matches!(t.kind, Kind::Str(_))) {
            a.iter()
                .filter_map(|t| match &t.kind {
                    Kind::Str(v) => Some(v.as_str()),
                    _ => None,
                })
                .collect()
        } else {
            self.arg_text(a)
        }
    }

    fn arg_expr(&mut self, a: Arg) -> Text {
        let text = self.arg_text(a);
        let loc = self.loc_arg(a);
        if let Err(e) = crate::parse::expr::parse(&text) {
            let d = Diagnostic::error(loc, "bad constant expression")
                .expected("a number, constant or expression of them")
                .found(e.message);
            self.error(d);
        }
        Text::new(text, loc)
    }

    fn arg_index(&mut self, a: Arg, what: &str) -> Option<u64> {
        let v = match a {
            [Tok {
                kind: Kind::Num(n), ..
            }] => parse_int_literal(n),
            _ => None,
        };
        match v {
            Some(v) if v <= MAX_INDEX => Some(v),
            _ => {
                let d = Diagnostic::error(self.loc_arg(a), format!("bad {what}"))
                    .expected(format!("a number from 0 to {MAX_INDEX}"))
                    .found(format!("`{}`", self.arg_text(a)));
                self.error(d);
                None
            }
        }
    }

    /// Parses `( args )` after a macro name; returns the arguments.
    fn args(&mut self) -> Option<Vec<Arg<'a>>> {
        let toks = self.toks;
        let open = self.pos;
        debug_assert!(matches!(
            toks.get(open).map(|t| &t.kind),
            Some(Kind::Punct('('))
        ));
        let mut depth = 0i32;
        let mut args = Vec::new();
        let mut start = open + 1;
        let mut i = open;
        while let Some(t) = toks.get(i) {
            match t.kind {
                Kind::Punct('(') | Kind::Punct('{') | Kind::Punct('[') => depth += 1,
                Kind::Punct(')') | Kind::Punct('}') | Kind::Punct(']') => {
                    depth -= 1;
                    if depth == 0 {
                        if i > start || !args.is_empty() {
                            args.push(&toks[start..i]);
                        }
                        self.pos = i + 1;
                        return Some(args);
                    }
                }
                Kind::Punct(',') if depth == 1 => {
                    args.push(&toks[start..i]);
                    start = i + 1;
                }
                Kind::Ident(ref n) if n == END => break,
                _ => {}
            }
            i += 1;
        }
        let loc = self.loc(&toks[open]);
        self.error(
            Diagnostic::error(loc, "unclosed macro arguments")
                .expected("`)`")
                .found(if i < toks.len() {
                    format!("`{END}`")
                } else {
                    "the end of the block".into()
                }),
        );
        self.pos = i;
        None
    }

    fn want_args(&mut self, name: &str, loc: Loc, args: &[Arg], n: usize) -> bool {
        if args.len() == n {
            return true;
        }
        self.error(
            Diagnostic::error(loc, format!("wrong number of arguments to `{name}`"))
                .expected(format!("{n}"))
                .found(format!("{}", args.len())),
        );
        false
    }

    fn run(mut self) -> Option<Spec> {
        // DEFINE_KERNEL_API_SPEC ( name )
        let toks = self.toks;
        let def = toks.first()?;
        let def_loc = self.loc(def);
        self.spec.loc = def_loc;
        let name_ok = matches!(
            (
                toks.get(1).map(|t| &t.kind),
                toks.get(2).map(|t| &t.kind),
                toks.get(3).map(|t| &t.kind)
            ),
            (
                Some(Kind::Punct('(')),
                Some(Kind::Ident(_)),
                Some(Kind::Punct(')'))
            )
        );
        if !name_ok || !matches!(&def.kind, Kind::Ident(n) if n == DEFINE) {
            self.error(
                Diagnostic::error(def_loc, "bad spec header")
                    .expected(format!("`{DEFINE}(sys_<name>)`"))
                    .found(format!("`{}`", self.arg_text(&toks[..toks.len().min(4)]))),
            );
            return None;
        }
        if let Kind::Ident(n) = &toks[2].kind {
            match n.strip_prefix("sys_") {
                Some(bare) if !bare.is_empty() => self.spec.name = bare.to_string(),
                _ => {
                    let loc = self.loc(&toks[2]);
                    self.error(
                        Diagnostic::error(loc, "not a system call")
                            .expected("`sys_<name>`")
                            .found(format!("`{n}`")),
                    );
                }
            }
        }
        self.pos = 4;
        let mut ended = false;
        while let Some(t) = toks.get(self.pos) {
            let loc = self.loc(t);
            match &t.kind {
                Kind::Ident(n) if n == END => {
                    ended = true;
                    self.pos += 1;
                    break;
                }
                Kind::Ident(n) => {
                    let n = n.clone();
                    self.pos += 1;
                    let args =
                        if matches!(toks.get(self.pos).map(|t| &t.kind), Some(Kind::Punct('('))) {
                            match self.args() {
                                Some(a) => Some(a),
                                None => continue,
                            }
                        } else {
                            None
                        };
                    self.item(&n, loc, args);
                }
                Kind::Punct('.') => self.designated(),
                Kind::Punct(';') | Kind::Punct(',') => {
                    self.pos += 1;
                }
                _ => {
                    self.pos += 1;
                    let found = self.arg_text(std::slice::from_ref(t));
                    self.error(
                        Diagnostic::error(loc, "unexpected token")
                            .expected("a KAPI_* macro or `.field = value,`")
                            .found(format!("`{found}`")),
                    );
                }
            }
        }
        if !ended {
            let loc = self.here();
            self.error(
                Diagnostic::error(loc, format!("`{DEFINE}` block without `{END}`"))
                    .expected(format!("`{END};`"))
                    .found("the end of the input"),
            );
        }
        if self.block != Block::Top {
            let (opener, bl) = (self.block.opener(), self.block_loc);
            self.error(
                Diagnostic::error(bl, format!("`{opener}` block not closed"))
                    .expected(format!("`{opener}_END`")),
            );
        }
        Some(self.finish())
    }

    /// Records that a field was set; warns when it is set again (C keeps the last value).
    fn set_once(&mut self, key: String, loc: Loc, name: &str) {
        if let Some(prev) = self.set.insert(key, loc) {
            self.diags.push(
                Diagnostic::warning(
                    loc,
                    format!("`{name}` given twice in one block; C keeps this later value"),
                )
                .help(format!("the earlier one is on line {}", prev.line)),
            );
        }
    }

    fn open(&mut self, block: Block, loc: Loc, name: &str) -> bool {
        if self.block != Block::Top {
            let opener = self.block.opener();
            self.error(
                Diagnostic::error(loc, format!("`{name}` inside a `{opener}` block"))
                    .expected(format!("`{opener}_END` first")),
            );
        }
        self.block = block;
        self.block_loc = loc;
        self.set.retain(|k, _| !k.starts_with("block:"));
        true
    }

    fn close(&mut self, name: &str, loc: Loc) {
        let want = format!("{}_END", self.block.opener());
        if self.block == Block::Top || want != name {
            let expected = if self.block == Block::Top {
                "a block to close".to_string()
            } else {
                format!("`{want}`")
            };
            self.error(
                Diagnostic::error(loc, format!("`{name}` does not close the open block"))
                    .expected(expected)
                    .found(format!("`{name}`")),
            );
        }
        self.block = Block::Top;
    }

    fn dup_index(&mut self, exists: bool, idx: u64, loc: Loc, name: &str) -> bool {
        if exists {
            self.error(
                Diagnostic::error(loc, format!("duplicate index {idx} in `{name}`"))
                    .expected("each index once"),
            );
            return true;
        }
        false
    }

    /// A macro at the block level: a count, a top-level field, a block opener or closer, or
    /// (through [`Importer::block_item`]) a field of the open block.
    fn item(&mut self, name: &str, loc: Loc, args: Option<Vec<Arg<'a>>>) {
        let a = args.unwrap_or_default();
        if let Some(kind) = count_kind(name) {
            return self.count(name, kind, loc, &a);
        }
        match name {
            "KAPI_DESCRIPTION" | "KAPI_LONG_DESC" | "KAPI_EXAMPLES" | "KAPI_NOTES"
            | "KAPI_SINCE_VERSION" | "KAPI_CONTEXT" => self.top_field(name, loc, &a),
            "KAPI_PARAM" => self.param_block(name, loc, &a),
            "KAPI_RETURN" => self.return_block(name, loc, &a),
            "KAPI_ERROR" => self.error_item(name, loc, &a),
            "KAPI_SIGNAL" => self.signal_block(name, loc, &a),
            "KAPI_SIDE_EFFECT" => self.effect_block(name, loc, &a),
            "KAPI_STATE_TRANS" => self.trans_block(name, loc, &a),
            "KAPI_LOCK" => self.lock_block(name, loc, &a),
            "KAPI_CAPABILITY" => self.cap_block(name, loc, &a),
            "KAPI_CONSTRAINT" => self.constraint_block(name, loc, &a),
            n if n.ends_with("_END") => self.close(n, loc),
            _ => self.block_item(name, loc, &a),
        }
    }

    /// `KAPI_*_COUNT(n)`: checked against the items in [`Importer::finish`].
    fn count(&mut self, name: &str, kind: &'static str, loc: Loc, a: &[Arg<'a>]) {
        if !self.want_args(name, loc, a, 1) {
            return;
        }
        let n = match a[0] {
            [Tok {
                kind: Kind::Num(n), ..
            }] => parse_int_literal(n),
            _ => None,
        };
        let Some(n) = n else {
            let d = Diagnostic::error(self.loc_arg(a[0]), format!("bad `{name}`"))
                .expected("a number")
                .found(format!("`{}`", self.arg_text(a[0])));
            self.error(d);
            return;
        };
        if self.counts.insert(kind, (n, loc)).is_some() {
            self.error(Diagnostic::error(loc, format!("duplicate `{name}`")));
        }
    }

    /// `KAPI_DESCRIPTION("...")` and the other top-level fields.
    fn top_field(&mut self, name: &str, loc: Loc, a: &[Arg<'a>]) {
        self.top_only(name, loc);
        if !self.want_args(name, loc, a, 1) {
            return;
        }
        self.set_once(name.to_string(), loc, name);
        if name == "KAPI_CONTEXT" {
            let text = self.arg_text(a[0]);
            self.spec.context_flags.clear();
            for tok in text.split('|').map(str::trim) {
                match ContextFlag::parse(tok) {
                    Some(f) => self.spec.context_flags.push(f),
                    None => {
                        let d = Diagnostic::error(self.loc_arg(a[0]), "unknown context flag")
                            .expected("KAPI_CTX_*")
                            .found(format!("`{tok}`"));
                        self.error(d);
                    }
                }
            }
            return;
        }
        let v = self.arg_str(a[0], name);
        match name {
            "KAPI_DESCRIPTION" => self.spec.summary = v,
            "KAPI_LONG_DESC" => self.spec.long_desc = Some(v),
            "KAPI_EXAMPLES" => self.spec.examples = Some(v),
            "KAPI_NOTES" => self.spec.notes = Some(v),
            _ => self.spec.since_version = Some(v),
        }
    }

    /// The start of an indexed block, `KAPI_<X>(idx, ...)`, whose arguments have been
    /// counted: opens `block(idx)`. `None` (reported) when the block is to be skipped: a bad
    /// index, or one already `taken`.
    fn open_indexed(
        &mut self,
        name: &str,
        loc: Loc,
        index: Arg<'a>,
        what: &str,
        block: fn(u64) -> Block,
        taken: fn(&Self, u64) -> bool,
    ) -> Option<u64> {
        let idx = self.arg_index(index, what)?;
        self.open(block(idx), loc, name);
        if self.dup_index(taken(self, idx), idx, loc, name) {
            self.block = Block::Top;
            return None;
        }
        Some(idx)
    }

    /// `KAPI_PARAM(idx, name, type, desc)`.
    fn param_block(&mut self, name: &str, loc: Loc, a: &[Arg<'a>]) {
        if !self.want_args(name, loc, a, 4) {
            return;
        }
        let Some(idx) =
            self.open_indexed(name, loc, a[0], "parameter index", Block::Param, |s, i| {
                s.params.contains_key(&i)
            })
        else {
            return;
        };
        let pname = self.arg_str(a[1], "parameter name");
        let ctype = self.arg_str(a[2], "parameter type name");
        let desc = self.arg_str(a[3], "parameter description");
        let p = Param {
            name: pname,
            description: desc,
            c_type: Some(Text::new(ctype, self.loc_arg(a[2]))),
            loc,
            ..Param::default()
        };
        self.params.insert(idx, (p, ParamExtra::default()));
    }

    /// `KAPI_RETURN(type, desc)`.
    fn return_block(&mut self, name: &str, loc: Loc, a: &[Arg<'a>]) {
        if !self.want_args(name, loc, a, 2) {
            return;
        }
        self.open(Block::Return, loc, name);
        self.set_once("KAPI_RETURN".into(), loc, name);
        let ctype = self.arg_str(a[0], "return type name");
        self.spec.ret.c_type = Some(Text::new(ctype, self.loc_arg(a[0])));
        self.spec.ret.loc = loc;
        let desc = self.arg_str(a[1], "return description");
        self.spec.return_section = Some(desc);
    }

    /// `KAPI_ERROR(idx, -ENAME, "ENAME", condition, desc)` (not a block).
    fn error_item(&mut self, name: &str, loc: Loc, a: &[Arg<'a>]) {
        self.top_only(name, loc);
        if !self.want_args(name, loc, a, 5) {
            return;
        }
        let Some(idx) = self.arg_index(a[0], "error index") else {
            return;
        };
        if self.dup_index(self.errors.contains_key(&idx), idx, loc, name) {
            return;
        }
        let code = self.arg_text(a[1]);
        let ename = self.arg_str(a[2], "errno name");
        let code_name = code.strip_prefix('-').map(str::trim).unwrap_or("");
        if code_name != ename {
            let d = Diagnostic::error(self.loc_arg(a[2]), "error code and name disagree")
                .expected(format!("`{code_name}` (as in `{code}`)"))
                .found(format!("`{ename}`"));
            self.error(d);
            return;
        }
        if let Some(prev) = self.errors.values().find(|e| e.name.text == ename) {
            let line = prev.loc.line;
            self.error(
                Diagnostic::error(loc, format!("duplicate error `{ename}`"))
                    .help(format!("first declared on line {line}")),
            );
            return;
        }
        let cond = self.arg_str(a[3], "error condition");
        let desc = self.arg_str(a[4], "error description");
        let nloc = self.loc_arg(a[2]);
        self.errors.insert(
            idx,
            ErrorCode {
                name: Text::new(ename, nloc),
                condition: cond,
                description: desc,
                loc,
            },
        );
    }

    /// `KAPI_SIGNAL(idx, number, name, direction, action)`.
    fn signal_block(&mut self, name: &str, loc: Loc, a: &[Arg<'a>]) {
        if !self.want_args(name, loc, a, 5) {
            return;
        }
        let Some(idx) =
            self.open_indexed(name, loc, a[0], "signal index", Block::Signal, |s, i| {
                s.signals.contains_key(&i)
            })
        else {
            return;
        };
        let s = Signal {
            number: Some(self.arg_text(a[1])),
            name: self.arg_str(a[2], "signal name"),
            direction: Some(self.arg_text(a[3])),
            action: Some(self.arg_text(a[4])),
            loc,
            ..Signal::default()
        };
        self.signals.insert(idx, s);
    }

    /// `KAPI_SIDE_EFFECT(idx, types, target, desc)`.
    fn effect_block(&mut self, name: &str, loc: Loc, a: &[Arg<'a>]) {
        if !self.want_args(name, loc, a, 4) {
            return;
        }
        let Some(idx) = self.open_indexed(
            name,
            loc,
            a[0],
            "side-effect index",
            Block::Effect,
            |s, i| s.effects.contains_key(&i),
        ) else {
            return;
        };
        let mut types = Vec::new();
        let text = self.arg_text(a[1]);
        for tok in text.split('|').map(str::trim) {
            match EffectType::parse(tok) {
                Some(t) => types.push(t),
                None => {
                    let d = Diagnostic::error(self.loc_arg(a[1]), "unknown side-effect type")
                        .expected("KAPI_EFFECT_*")
                        .found(format!("`{tok}`"));
                    self.error(d);
                }
            }
        }
        let e = SideEffect {
            types,
            target: self.arg_str(a[2], "side-effect target"),
            description: self.arg_str(a[3], "side-effect description"),
            loc,
            ..SideEffect::default()
        };
        self.effects.insert(idx, e);
    }

    /// `KAPI_STATE_TRANS(idx, object, from, to, desc)`.
    fn trans_block(&mut self, name: &str, loc: Loc, a: &[Arg<'a>]) {
        if !self.want_args(name, loc, a, 5) {
            return;
        }
        let Some(idx) = self.open_indexed(
            name,
            loc,
            a[0],
            "state-transition index",
            Block::Trans,
            |s, i| s.transs.contains_key(&i),
        ) else {
            return;
        };
        let t = StateTrans {
            object: self.arg_str(a[1], "object"),
            from: self.arg_str(a[2], "from-state"),
            to: self.arg_str(a[3], "to-state"),
            description: self.arg_str(a[4], "description"),
            condition: None,
            loc,
        };
        self.transs.insert(idx, t);
    }

    /// `KAPI_LOCK(idx, name, type)`.
    fn lock_block(&mut self, name: &str, loc: Loc, a: &[Arg<'a>]) {
        if !self.want_args(name, loc, a, 3) {
            return;
        }
        let Some(idx) = self.open_indexed(name, loc, a[0], "lock index", Block::Lock, |s, i| {
            s.locks.contains_key(&i)
        }) else {
            return;
        };
        let l = Lock {
            name: self.arg_str(a[1], "lock name"),
            lock_type: self.arg_text(a[2]),
            loc,
            ..Lock::default()
        };
        self.locks.insert(idx, l);
    }

    /// `KAPI_CAPABILITY(idx, CAP_X, name, action)`.
    fn cap_block(&mut self, name: &str, loc: Loc, a: &[Arg<'a>]) {
        if !self.want_args(name, loc, a, 4) {
            return;
        }
        let Some(idx) =
            self.open_indexed(name, loc, a[0], "capability index", Block::Cap, |s, i| {
                s.caps.contains_key(&i)
            })
        else {
            return;
        };
        let c = Capability {
            cap: self.arg_text(a[1]),
            display_name: self.arg_str(a[2], "capability name"),
            action: self.arg_text(a[3]),
            loc,
            ..Capability::default()
        };
        self.caps.insert(idx, c);
    }

    /// `KAPI_CONSTRAINT(idx, name, desc)`.
    fn constraint_block(&mut self, name: &str, loc: Loc, a: &[Arg<'a>]) {
        if !self.want_args(name, loc, a, 3) {
            return;
        }
        let Some(idx) = self.open_indexed(
            name,
            loc,
            a[0],
            "constraint index",
            Block::Constraint,
            |s, i| s.constraints.contains_key(&i),
        ) else {
            return;
        };
        let c = FreeConstraint {
            name: self.arg_str(a[1], "constraint name"),
            description: self.arg_str(a[2], "constraint description"),
            expr: None,
            loc,
        };
        self.constraints.insert(idx, c);
    }

    fn top_only(&mut self, name: &str, loc: Loc) {
        if self.block != Block::Top {
            let opener = self.block.opener();
            self.error(
                Diagnostic::error(loc, format!("`{name}` inside a `{opener}` block"))
                    .expected(format!("`{opener}_END` before it")),
            );
        }
    }

    fn unknown(&mut self, name: &str, loc: Loc) {
        let block = self.block.opener();
        self.error(
            Diagnostic::error(loc, format!("unknown or misplaced macro `{name}`"))
                .expected(format!("a macro allowed in a `{block}` block"))
                .found(format!("`{name}`")),
        );
    }

    /// A macro inside a block.
    fn block_item(&mut self, name: &str, loc: Loc, a: &[Arg<'a>]) {
        match self.block {
            Block::Param(idx) => self.param_item(idx, name, loc, a),
            Block::Return => self.return_item(name, loc, a),
            Block::Signal(idx) => self.signal_item(idx, name, loc, a),
            Block::Lock(idx) => self.lock_item(idx, name, loc, a),
            Block::Cap(idx) => self.cap_item(idx, name, loc, a),
            Block::Effect(idx) => match name {
                "KAPI_EFFECT_REVERSIBLE" => {
                    self.set_once(format!("block:{name}"), loc, name);
                    if let Some(e) = self.effects.get_mut(&idx) {
                        e.reversible = true;
                    }
                }
                "KAPI_EFFECT_CONDITION" => self.text_field(name, loc, a, "condition", |s| {
                    s.effects.get_mut(&idx).map(|e| &mut e.condition)
                }),
                _ => self.unknown(name, loc),
            },
            Block::Trans(idx) => match name {
                "KAPI_STATE_TRANS_COND" => self.text_field(name, loc, a, "condition", |s| {
                    s.transs.get_mut(&idx).map(|t| &mut t.condition)
                }),
                _ => self.unknown(name, loc),
            },
            Block::Constraint(idx) => match name {
                "KAPI_CONSTRAINT_EXPR" => self.text_field(name, loc, a, "expression", |s| {
                    s.constraints.get_mut(&idx).map(|c| &mut c.expr)
                }),
                _ => self.unknown(name, loc),
            },
            Block::Top => {
                if matches!(name, "KAPI_STRUCT_SPEC" | "KAPI_SIGNAL_MASK") {
                    self.error(
                        Diagnostic::error(loc, format!("`{name}` is not supported"))
                            .help("struct specs and signal masks have no kerneldoc form in specs/README.md"),
                    );
                } else {
                    self.unknown(name, loc);
                }
            }
        }
    }

    /// A macro of one string argument that sets `slot` of the open block's item.
    fn text_field(
        &mut self,
        name: &str,
        loc: Loc,
        a: &[Arg<'a>],
        what: &str,
        slot: impl FnOnce(&mut Self) -> Option<&mut Option<String>>,
    ) {
        if !self.want_args(name, loc, a, 1) {
            return;
        }
        self.set_once(format!("block:{name}"), loc, name);
        let v = self.arg_str(a[0], what);
        if let Some(slot) = slot(self) {
            *slot = Some(v);
        }
    }

    /// A macro inside a `KAPI_RETURN` block.
    fn return_item(&mut self, name: &str, loc: Loc, a: &[Arg<'a>]) {
        match name {
            "KAPI_RETURN_TYPE"
            | "KAPI_RETURN_CHECK_TYPE"
            | "KAPI_RETURN_SUCCESS"
            | "KAPI_RETURN_SUCCESS_RANGE" => {
                let n = if name == "KAPI_RETURN_SUCCESS_RANGE" {
                    2
                } else {
                    1
                };
                if !self.want_args(name, loc, a, n) {
                    return;
                }
                self.set_once(format!("block:{name}"), loc, name);
                match name {
                    "KAPI_RETURN_TYPE" => self.ret_type(a[0]),
                    "KAPI_RETURN_CHECK_TYPE" => self.ret_check(a[0]),
                    "KAPI_RETURN_SUCCESS" => self.spec.ret.success = Some(self.arg_expr(a[0])),
                    _ => {
                        let min = self.arg_expr(a[0]);
                        let max = self.arg_expr(a[1]);
                        self.spec.ret.success_range = Some((min, max));
                    }
                }
            }
            "KAPI_RETURN_ERROR_VALUES" | "KAPI_RETURN_ERROR_COUNT" => {
                self.diags.push(
                    Diagnostic::warning(loc, format!("`{name}` is not imported")).help(
                        "declared errors come from KAPI_ERROR; error_values only repeats them",
                    ),
                );
            }
            _ => self.unknown(name, loc),
        }
    }

    /// A macro inside a `KAPI_SIGNAL` block: one `signal-*` field.
    fn signal_item(&mut self, idx: u64, name: &str, loc: Loc, a: &[Arg<'a>]) {
        let field = match name {
            "KAPI_SIGNAL_TARGET" => "signal-target",
            "KAPI_SIGNAL_CONDITION" => "signal-condition",
            "KAPI_SIGNAL_DESC" => "signal-desc",
            "KAPI_SIGNAL_RESTARTABLE" => "signal-restartable",
            "KAPI_SIGNAL_SA_FLAGS_REQ" => "signal-sa-flags-req",
            "KAPI_SIGNAL_SA_FLAGS_FORBID" => "signal-sa-flags-forbid",
            "KAPI_SIGNAL_ERROR" => "signal-error",
            "KAPI_SIGNAL_TRANSFORM" => "signal-transform",
            "KAPI_SIGNAL_TIMING" => "signal-timing",
            "KAPI_SIGNAL_PRIORITY" => "signal-priority",
            "KAPI_SIGNAL_INTERRUPTIBLE" => "signal-interruptible",
            "KAPI_SIGNAL_QUEUE" => "signal-queue",
            "KAPI_SIGNAL_STATE_REQ" => "signal-state-req",
            "KAPI_SIGNAL_STATE_FORBID" => "signal-state-forbid",
            _ => return self.unknown(name, loc),
        };
        let bare = matches!(
            name,
            "KAPI_SIGNAL_RESTARTABLE" | "KAPI_SIGNAL_INTERRUPTIBLE"
        );
        self.record_field(name, loc, a, bare.then_some("yes"), |s| {
            s.signals.get_mut(&idx).and_then(|r| r.field_mut(field))
        });
    }

    /// A macro inside a `KAPI_LOCK` block: one `lock-*` field.
    fn lock_item(&mut self, idx: u64, name: &str, loc: Loc, a: &[Arg<'a>]) {
        let field = match name {
            "KAPI_LOCK_DESC" => "lock-desc",
            "KAPI_LOCK_ACQUIRED" => "lock-acquired",
            "KAPI_LOCK_RELEASED" => "lock-released",
            "KAPI_LOCK_HELD_ENTRY" => "lock-held-entry",
            "KAPI_LOCK_HELD_EXIT" => "lock-held-exit",
            _ => return self.unknown(name, loc),
        };
        let bare = name != "KAPI_LOCK_DESC";
        self.record_field(name, loc, a, bare.then_some("true"), |s| {
            s.locks.get_mut(&idx).and_then(|r| r.field_mut(field))
        });
    }

    /// A macro inside a `KAPI_CAPABILITY` block: one `capability-*` field.
    fn cap_item(&mut self, idx: u64, name: &str, loc: Loc, a: &[Arg<'a>]) {
        let field = match name {
            "KAPI_CAP_ALLOWS" => "capability-allows",
            "KAPI_CAP_WITHOUT" => "capability-without",
            "KAPI_CAP_CONDITION" => "capability-condition",
            "KAPI_CAP_PRIORITY" => "capability-priority",
            "KAPI_CAP_ALTERNATIVE" => "capability-alternative",
            _ => return self.unknown(name, loc),
        };
        self.record_field(name, loc, a, None, |s| {
            s.caps.get_mut(&idx).and_then(|r| r.field_mut(field))
        });
    }

    /// Sets a field of a record (`slot`) from a macro: its one argument, or `bare` for a bare
    /// flag macro (which takes no argument).
    fn record_field(
        &mut self,
        name: &str,
        loc: Loc,
        a: &[Arg<'a>],
        bare: Option<&str>,
        slot: impl FnOnce(&mut Self) -> Option<&mut Option<String>>,
    ) {
        let v = match bare {
            Some(_) if !a.is_empty() => {
                self.want_args(name, loc, a, 0);
                return;
            }
            Some(v) => v.to_string(),
            None if !self.want_args(name, loc, a, 1) => return,
            None => self.arg_any(a[0]),
        };
        self.set_once(format!("block:{name}"), loc, name);
        if let Some(slot) = slot(self) {
            *slot = Some(v);
        }
    }

    fn ret_type(&mut self, a: Arg) {
        let text = self.arg_text(a);
        match KapiType::parse(&text) {
            Some(k) if text.starts_with(KapiType::PREFIX) => self.spec.ret.kapi_type = Some(k),
            _ => {
                let d = Diagnostic::error(self.loc_arg(a), "bad return type")
                    .expected("KAPI_TYPE_*")
                    .found(format!("`{text}`"));
                self.error(d);
            }
        }
    }

    fn ret_check(&mut self, a: Arg) {
        let text = self.arg_text(a);
        match ReturnCheckKind::parse(&text) {
            Some(k) => {
                self.spec.ret.check = Some(k);
                self.spec.ret.loc = self.loc_arg(a);
            }
            None => {
                let d = Diagnostic::error(self.loc_arg(a), "unknown return check type")
                    .expected("KAPI_RETURN_EXACT, _RANGE, _ERROR_CHECK, _FD, _CUSTOM or _NO_RETURN")
                    .found(format!("`{text}`"));
                self.error(d);
            }
        }
    }

    fn param_item(&mut self, idx: u64, name: &str, loc: Loc, a: &[Arg<'a>]) {
        let n = match name {
            "KAPI_PARAM_RANGE" => 2,
            "KAPI_PARAM_ENUM_VALUES" => a.len().max(1),
            "KAPI_PARAM_TYPE"
            | "KAPI_PARAM_FLAGS"
            | "KAPI_PARAM_SIZE"
            | "KAPI_PARAM_ALIGNMENT"
            | "KAPI_PARAM_CONSTRAINT_TYPE"
            | "KAPI_PARAM_CONSTRAINT"
            | "KAPI_PARAM_VALID_MASK"
            | "KAPI_PARAM_SIZE_PARAM" => 1,
            _ => return self.unknown(name, loc),
        };
        if !self.want_args(name, loc, a, n) {
            return;
        }
        self.set_once(format!("block:{name}"), loc, name);
        let field = match name {
            "KAPI_PARAM_TYPE" => ".type",
            "KAPI_PARAM_FLAGS" => ".flags",
            "KAPI_PARAM_SIZE" => ".size",
            "KAPI_PARAM_ALIGNMENT" => ".alignment",
            "KAPI_PARAM_CONSTRAINT_TYPE" => ".constraint_type",
            "KAPI_PARAM_CONSTRAINT" => ".constraints",
            "KAPI_PARAM_VALID_MASK" => ".valid_mask",
            "KAPI_PARAM_SIZE_PARAM" => ".size_param_idx",
            "KAPI_PARAM_ENUM_VALUES" => ".enum_values",
            _ => "range",
        };
        if field == "range" {
            let min = self.arg_expr(a[0]);
            let max = self.arg_expr(a[1]);
            if let Some((_, x)) = self.params.get_mut(&idx) {
                x.range = (Some(min), Some(max), loc);
            }
            return;
        }
        if field == ".enum_values" {
            let vals: Vec<Text> = a.iter().map(|x| self.arg_expr(x)).collect();
            if let Some((_, x)) = self.params.get_mut(&idx) {
                x.enums = Some((vals, loc));
            }
            return;
        }
        self.param_field(idx, field, loc, a[0]);
    }

    /// Sets a parameter field (from a macro or a designated initializer).
    fn param_field(&mut self, idx: u64, field: &str, loc: Loc, a: Arg) {
        let text = self.arg_text(a);
        let aloc = self.loc_arg(a);
        match field {
            ".type" => match KapiType::parse(&text) {
                Some(k) => {
                    if let Some((p, _)) = self.params.get_mut(&idx) {
                        p.kapi_type = Some(k);
                    }
                }
                None => self.error(
                    Diagnostic::error(aloc, "bad parameter type")
                        .expected("KAPI_TYPE_*")
                        .found(format!("`{text}`")),
                ),
            },
            ".flags" => {
                let mut flags = Vec::new();
                for tok in text.split('|').map(str::trim) {
                    match ParamFlag::parse(tok) {
                        Some(f) => flags.push(f),
                        None => self.error(
                            Diagnostic::error(aloc, "unknown parameter flag")
                                .expected("KAPI_PARAM_*")
                                .found(format!("`{tok}`")),
                        ),
                    }
                }
                if let Some((p, _)) = self.params.get_mut(&idx) {
                    p.flags = flags;
                }
            }
            ".size" => {
                let e = self.arg_expr(a);
                if let Some((p, _)) = self.params.get_mut(&idx) {
                    p.size = Some(e);
                }
            }
            ".alignment" => {
                let e = self.arg_expr(a);
                if let Some((_, x)) = self.params.get_mut(&idx) {
                    x.align = Some((e, loc));
                }
            }
            ".constraint_type" => match ConstraintTag::parse(&text) {
                Some(t) => {
                    if let Some((_, x)) = self.params.get_mut(&idx) {
                        x.tag = Some((t, aloc));
                    }
                }
                None => self.error(
                    Diagnostic::error(aloc, "unknown constraint type")
                        .expected("KAPI_CONSTRAINT_*")
                        .found(format!("`{text}`")),
                ),
            },
            ".constraints" | ".description" | ".type_name" => {
                let v = self.arg_str(a, field);
                if let Some((p, _)) = self.params.get_mut(&idx) {
                    match field {
                        ".constraints" => p.constraint_text = Some(v),
                        ".description" => p.description = v,
                        _ => p.c_type = Some(Text::new(v, aloc)),
                    }
                }
            }
            ".valid_mask" => {
                let e = self.arg_expr(a);
                if let Some((_, x)) = self.params.get_mut(&idx) {
                    x.mask = Some((e, loc));
                }
            }
            ".min_value" | ".max_value" => {
                let e = self.arg_expr(a);
                if let Some((_, x)) = self.params.get_mut(&idx) {
                    if field == ".min_value" {
                        x.range.0 = Some(e);
                    } else {
                        x.range.1 = Some(e);
                    }
                    x.range.2 = loc;
                }
            }
            ".size_param_idx" => {
                let v = match a {
                    [Tok { kind: Kind::Num(n), .. }] => parse_int_literal(n),
                    _ => None,
                };
                match v {
                    Some(v) => {
                        if let Some((_, x)) = self.params.get_mut(&idx) {
                            x.size_param_idx = Some((v, aloc));
                        }
                    }
                    None => self.error(
                        Diagnostic::error(aloc, "bad size parameter index")
                            .expected("a parameter index")
                            .found(format!("`{text}`")),
                    ),
                }
            }
            _ => self.error(
                Diagnostic::error(loc, format!("unknown parameter field `{field}`"))
                    .expected(".type, .flags, .size, .alignment, .min_value, .max_value, .valid_mask, .constraint_type, .constraints, .size_param_idx, .description or .type_name")
                    .found(format!("`{field}`")),
            ),
        }
    }

    /// `.field = value,` inside a block.
    fn designated(&mut self) {
        let toks = self.toks;
        let dot = &toks[self.pos];
        let loc = self.loc(dot);
        let (
            Some(Tok {
                kind: Kind::Ident(field),
                ..
            }),
            Some(Tok {
                kind: Kind::Punct('='),
                ..
            }),
        ) = (toks.get(self.pos + 1), toks.get(self.pos + 2))
        else {
            self.pos += 1;
            self.error(
                Diagnostic::error(loc, "bad designated initializer").expected("`.field = value,`"),
            );
            return;
        };
        let field = format!(".{field}");
        let start = self.pos + 3;
        let mut i = start;
        let mut depth = 0i32;
        while let Some(t) = toks.get(i) {
            match &t.kind {
                Kind::Punct('(') | Kind::Punct('{') => depth += 1,
                Kind::Punct(')') | Kind::Punct('}') => depth -= 1,
                Kind::Punct(',') if depth <= 0 => break,
                Kind::Ident(n)
                    if depth <= 0
                        && n.starts_with("KAPI_")
                        && i > start
                        && !n.starts_with("KAPI_RETURN_")
                        && !n.starts_with("KAPI_TYPE_")
                        && !n.starts_with("KAPI_CONSTRAINT_")
                        && !n.starts_with("KAPI_PARAM_") =>
                {
                    break
                }
                _ => {}
            }
            i += 1;
        }
        let value = &toks[start..i];
        self.pos = if matches!(toks.get(i).map(|t| &t.kind), Some(Kind::Punct(','))) {
            i + 1
        } else {
            i
        };
        if value.is_empty() {
            self.error(
                Diagnostic::error(loc, format!("`{field} =` without a value")).expected("a value"),
            );
            return;
        }
        self.set_once(format!("block:{field}"), loc, &field);
        match self.block {
            Block::Param(idx) => self.param_field(idx, &field, loc, value),
            Block::Return => match field.as_str() {
                ".check_type" => self.ret_check(value),
                ".type" => self.ret_type(value),
                ".success_value" => self.spec.ret.success = Some(self.arg_expr(value)),
                ".success_min" | ".success_max" => {
                    let e = self.arg_expr(value);
                    let (mut min, mut max) = self.spec.ret.success_range.take().unwrap_or_default();
                    if field == ".success_min" {
                        min = e;
                    } else {
                        max = e;
                    }
                    self.spec.ret.success_range = Some((min, max));
                }
                ".type_name" => {
                    let v = self.arg_str(value, "return type name");
                    self.spec.ret.c_type = Some(Text::new(v, loc));
                }
                ".description" => {
                    let v = self.arg_str(value, "return description");
                    self.spec.return_section = Some(v);
                }
                _ => self.error(
                    Diagnostic::error(loc, format!("unknown return field `{field}`"))
                        .expected(".check_type, .type, .success_value, .success_min, .success_max, .type_name or .description")
                        .found(format!("`{field}`")),
                ),
            },
            b => {
                let opener = b.opener();
                self.error(
                    Diagnostic::error(loc, format!("designated initializer `{field}` not supported in a `{opener}` block"))
                        .expected("a KAPI_* macro"),
                );
            }
        }
    }

    fn check_indexes<T>(
        &mut self,
        kind: &'static str,
        map: &BTreeMap<u64, T>,
        loc_of: impl Fn(&T) -> Loc,
    ) {
        for (i, (idx, v)) in map.iter().enumerate() {
            if *idx != i as u64 {
                self.error(
                    Diagnostic::error(loc_of(v), format!("`{kind}` indexes are not contiguous"))
                        .expected(format!("index {i}"))
                        .found(format!("{idx}")),
                );
                break;
            }
        }
        let n = map.len() as u64;
        match self.counts.get(kind).copied() {
            Some((c, loc)) if c != n => self.error(
                Diagnostic::error(
                    loc,
                    format!("`{kind}_COUNT({c})` does not match the {n} `{kind}` entries"),
                )
                .expected(format!("{kind}_COUNT({n})"))
                .found(format!("{kind}_COUNT({c})")),
            ),
            None if n > 0 => {
                let loc = map.values().next().map(&loc_of).unwrap_or_default();
                self.diags
                    .push(
                        Diagnostic::warning(loc, format!("no `{kind}_COUNT`")).help(format!(
                            "upstream sees 0 entries without `{kind}_COUNT({n})`"
                        )),
                    );
            }
            _ => {}
        }
    }

    /// A parameter's constraint from its block: the constraint type and the values given
    /// for it (values must match the type), and its size parameter.
    fn finish_param(
        &mut self,
        names: &[String],
        name: &str,
        mut p: Param,
        mut x: ParamExtra,
    ) -> Param {
        let tag = x.tag.map(|t| t.0);
        let tloc = x.tag.map(|t| t.1).unwrap_or(p.loc);
        let given = self.given_values(name, &mut x);
        let mut kind = tag.and_then(ConstraintKind::without_values);
        for (gtag, gkind, gloc, macro_name) in given {
            if Some(gtag) == tag {
                kind = Some(gkind);
            } else {
                self.error(
                    Diagnostic::error(
                        gloc,
                        format!("`{macro_name}` without the matching constraint type"),
                    )
                    .expected(format!("KAPI_PARAM_CONSTRAINT_TYPE({})", gtag.kapi_name()))
                    .found(match tag {
                        Some(t) => t.kapi_name(),
                        None => "no constraint type".into(),
                    }),
                );
            }
        }
        match (tag, kind) {
            (Some(_), Some(kind)) => p.constraints.push(Constraint { kind, loc: tloc }),
            (Some(t), None) => self.error(
                Diagnostic::error(tloc, format!("{} constraint without values", t.kapi_name()))
                    .expected(format!(
                        "`{}` in the block",
                        match t {
                            ConstraintTag::Range => "KAPI_PARAM_RANGE(min, max)",
                            ConstraintTag::Mask => "KAPI_PARAM_VALID_MASK(mask)",
                            ConstraintTag::Enum => "KAPI_PARAM_ENUM_VALUES(...)",
                            ConstraintTag::Alignment => "KAPI_PARAM_ALIGNMENT(n)",
                            _ => "the constraint's values",
                        }
                    )),
            ),
            _ => {}
        }
        if let Some((i, loc)) = x.size_param_idx {
            match names.get(i as usize) {
                Some(other) => p.size_param = Some(Text::new(other.clone(), loc)),
                None => self.error(
                    Diagnostic::error(
                        loc,
                        format!("size parameter index {i} of `{name}` names no parameter"),
                    )
                    .expected(format!("an index below {}", names.len())),
                ),
            }
        }
        p
    }

    /// The constraint values a parameter block gave, each with the type it goes with, where
    /// and by which macro.
    fn given_values(
        &mut self,
        name: &str,
        x: &mut ParamExtra,
    ) -> Vec<(ConstraintTag, ConstraintKind, Loc, &'static str)> {
        let mut given = Vec::new();
        if let (Some(min), Some(max)) = (x.range.0.clone(), x.range.1.clone()) {
            given.push((
                ConstraintTag::Range,
                ConstraintKind::Range { min, max },
                x.range.2,
                "KAPI_PARAM_RANGE",
            ));
        } else if x.range.0.is_some() || x.range.1.is_some() {
            self.error(
                Diagnostic::error(
                    x.range.2,
                    format!("only one bound of the range of `{name}`"),
                )
                .expected("both .min_value and .max_value"),
            );
        }
        if let Some((valid, loc)) = x.mask.take() {
            given.push((
                ConstraintTag::Mask,
                ConstraintKind::Mask { valid },
                loc,
                "KAPI_PARAM_VALID_MASK",
            ));
        }
        if let Some((values, loc)) = x.enums.take() {
            given.push((
                ConstraintTag::Enum,
                ConstraintKind::Enum { values },
                loc,
                "KAPI_PARAM_ENUM_VALUES",
            ));
        }
        if let Some((align, loc)) = x.align.take() {
            given.push((
                ConstraintTag::Alignment,
                ConstraintKind::Alignment { align },
                loc,
                "KAPI_PARAM_ALIGNMENT",
            ));
        }
        given
    }

    fn finish(mut self) -> Spec {
        let params = std::mem::take(&mut self.params);
        self.check_indexes("KAPI_PARAM", &params, |p| p.0.loc);
        let errors = std::mem::take(&mut self.errors);
        self.check_indexes("KAPI_ERROR", &errors, |e| e.loc);
        let signals = std::mem::take(&mut self.signals);
        self.check_indexes("KAPI_SIGNAL", &signals, |e| e.loc);
        let effects = std::mem::take(&mut self.effects);
        self.check_indexes("KAPI_SIDE_EFFECT", &effects, |e| e.loc);
        let transs = std::mem::take(&mut self.transs);
        self.check_indexes("KAPI_STATE_TRANS", &transs, |e| e.loc);
        let locks = std::mem::take(&mut self.locks);
        self.check_indexes("KAPI_LOCK", &locks, |e| e.loc);
        let caps = std::mem::take(&mut self.caps);
        self.check_indexes("KAPI_CAPABILITY", &caps, |e| e.loc);
        let constraints = std::mem::take(&mut self.constraints);
        self.check_indexes("KAPI_CONSTRAINT", &constraints, |e| e.loc);
        for kind in ["KAPI_SIGNAL_MASK", "KAPI_STRUCT_SPEC"] {
            if let Some((n, loc)) = self.counts.get(kind).copied() {
                if n != 0 {
                    self.error(
                        Diagnostic::error(
                            loc,
                            format!("`{kind}_COUNT({n})` does not match the 0 `{kind}` entries"),
                        )
                        .expected(format!("{kind}_COUNT(0)")),
                    );
                }
            }
        }

        let names: Vec<String> = params.values().map(|(p, _)| p.name.clone()).collect();
        for (name, (p, x)) in names.iter().zip(params.into_values()) {
            let p = self.finish_param(&names, name, p, x);
            self.spec.params.push(p);
        }
        self.spec.errors = errors.into_values().collect();
        self.spec.signals = signals.into_values().collect();
        self.spec.side_effects = effects.into_values().collect();
        self.spec.state_transitions = transs.into_values().collect();
        self.spec.locks = locks.into_values().collect();
        self.spec.capabilities = caps.into_values().collect();
        self.spec.constraints = constraints.into_values().collect();
        for (loc, what) in crate::emit::writer::lossy_fields(&self.spec) {
            self.diags.push(
                Diagnostic::warning(loc, format!("{what} contains a comma")).help(
                    "in the kerneldoc form the comma would end the field; it is written as `;`",
                ),
            );
        }
        self.spec
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_wrapped_strings_in_a_diff() {
        let src =
            "+DEFINE_KERNEL_API_SPEC(sys_x)\n+\tKAPI_DESCRIPTION(\"a b \nc d\")\n+KAPI_END_SPEC;\n";
        let p = import_macro("t", src);
        assert!(!p.has_errors(), "{}", p.diags);
        assert_eq!(p.specs[0].spec.summary, "a b c d");
    }

    #[test]
    fn code_word() {
        assert!(contains_code_word("KAPI_END_SPEC;", END));
        assert!(!contains_code_word("\"KAPI_END_SPEC\"", END));
        assert!(!contains_code_word("/* KAPI_END_SPEC */", END));
        assert!(!contains_code_word("XKAPI_END_SPEC", END));
    }
}
