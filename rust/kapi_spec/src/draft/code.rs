// SPDX-License-Identifier: GPL-2.0

//! What a syscall's code compares its parameters with: the constants next to a parameter in
//! `p & ~X` (the bits outside `X` are refused: a mask), `p & X` (flag `X` is tested),
//! `p == X`, `p != X`, `X == p` (a value) and the `case X:` labels of `switch (p)`, in the body
//! of its `SYSCALL_DEFINE` and in that of each function of the same file it passes the
//! parameter to as it is (`do_fcntl(fd, cmd, arg, ...)`: `do_fcntl`'s own name for it).
//!
//! A heuristic for `kapi draft`: C is read as tokens ([`clex`](crate::parse::clex)), with no
//! preprocessor and no types, and only constants are kept (upper-case names and numbers, alone
//! or in parentheses with operators), never variables.

use crate::diag::Diagnostics;
use crate::parse::clex::{lex, Kind, Tok};
use crate::parse::source::Mapped;
use crate::resolve::sysdef::SyscallDef;

/// How the code uses a parameter.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Use {
    /// `p & ~X`: the bits outside `X` are refused.
    Refuses,
    /// `p & X`: flag `X` is tested.
    Tests,
    /// `p == X`, `p != X`, `X == p`: compared with the value `X`.
    Compares,
    /// `case X:` of `switch (p)`: one of the values the code knows.
    Cases,
}

/// Where a use is: the line of the comparison (of the `switch` for a `case`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Site {
    /// The file, relative to the source root.
    pub file: String,
    /// 1-based line.
    pub line: u32,
    /// The function it is in (`sys_<name>` for the `SYSCALL_DEFINE`).
    pub func: String,
    /// The line's code, whitespace collapsed.
    pub code: String,
}

impl Site {
    /// `file:line`.
    pub fn origin(&self) -> String {
        format!("{}:{}", self.file, self.line)
    }
}

/// One constant a parameter is compared with.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Index of the parameter in the definition.
    pub param: usize,
    /// How.
    pub how: Use,
    /// The constant, as a constant expression (`O_CLOEXEC | O_NONBLOCK`).
    pub expr: String,
    /// Where.
    pub site: Site,
}

/// The uses of `def`'s parameters in `text`, the file it is defined in, in the order found:
/// the `SYSCALL_DEFINE`'s body first, then the functions it calls. Nothing when the body is
/// not found.
pub fn uses(text: &str, def: &SyscallDef) -> Vec<Found> {
    let code = Code::new(&def.file, text);
    let Some(body) = code.syscall_body(def.line) else {
        return Vec::new();
    };
    let names: Vec<(&str, usize)> = def
        .params
        .iter()
        .enumerate()
        .map(|(i, p)| (p.name.as_str(), i))
        .collect();
    let mut out = Vec::new();
    code.scan(body, &names, &format!("sys_{}", def.name), &mut out);
    let mut done: Vec<(&str, usize)> = Vec::new();
    for (callee, arg, param) in code.calls(body, &names) {
        if done.contains(&(callee, arg)) {
            continue;
        }
        done.push((callee, arg));
        if let Some((params, callee_body)) = code.function(callee) {
            if let Some(local) = params.get(arg) {
                code.scan(callee_body, &[(local, param)], callee, &mut out);
            }
        }
    }
    out
}

/// Words that are followed by `(` without being calls.
const NOT_CALLS: &[&str] = &[
    "if", "for", "while", "switch", "return", "sizeof", "typeof", "likely", "unlikely",
];

/// A range of token indices, `start..end`.
type Span = (usize, usize);

/// A C file as tokens.
struct Code<'t> {
    file: &'t str,
    text: &'t str,
    toks: Vec<Tok>,
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
}

impl<'t> Code<'t> {
    fn new(file: &'t str, text: &'t str) -> Self {
        let mut m = Mapped::new();
        m.push(text, 1, 1);
        // What the lexer reports (an unterminated literal) only makes the heuristic miss.
        let toks = lex(&m, &mut Diagnostics::new(file));
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Self {
            file,
            text,
            toks,
            line_starts,
        }
    }

    /// 0-based line index of token `i`.
    fn line_index(&self, i: usize) -> usize {
        let at = self.toks.get(i).map_or(0, |t| t.start);
        self.line_starts.partition_point(|&s| s <= at) - 1
    }

    fn site(&self, i: usize, func: &str) -> Site {
        let l = self.line_index(i);
        let end = self.line_starts.get(l + 1).map_or(self.text.len(), |&e| e);
        Site {
            file: self.file.to_string(),
            line: u32::try_from(l + 1).unwrap_or(u32::MAX),
            func: func.to_string(),
            code: collapse(&self.text[self.line_starts[l]..end]),
        }
    }

    fn ident(&self, i: usize) -> Option<&str> {
        match self.toks.get(i).map(|t| &t.kind) {
            Some(Kind::Ident(s)) => Some(s),
            _ => None,
        }
    }

    fn punct(&self, i: usize, c: char) -> bool {
        matches!(self.toks.get(i).map(|t| &t.kind), Some(Kind::Punct(p)) if *p == c)
    }

    /// The source text of tokens `span`, whitespace collapsed.
    fn source(&self, (start, end): Span) -> String {
        match (
            self.toks.get(start),
            end.checked_sub(1).and_then(|e| self.toks.get(e)),
        ) {
            (Some(a), Some(b)) if start < end => collapse(&self.text[a.start..b.end]),
            _ => String::new(),
        }
    }

    /// The index of the `)` or `}` that closes the `(` or `{` at `open`.
    fn closing(&self, open: usize) -> Option<usize> {
        let (o, c) = if self.punct(open, '(') {
            ('(', ')')
        } else if self.punct(open, '{') {
            ('{', '}')
        } else {
            return None;
        };
        let mut depth = 0usize;
        for i in open..self.toks.len() {
            if self.punct(i, o) {
                depth += 1;
            } else if self.punct(i, c) {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
        }
        None
    }

    /// The tokens inside the braces of the `SYSCALL_DEFINE` on `line`.
    fn syscall_body(&self, line: u32) -> Option<Span> {
        let line = usize::try_from(line).ok()?.checked_sub(1)?;
        let at = (0..self.toks.len()).find(|&i| {
            self.ident(i)
                .is_some_and(|s| s.starts_with("SYSCALL_DEFINE"))
                && self.line_index(i) == line
        })?;
        let close = self.closing(at + 1)?;
        let end = self.closing(close + 1)?;
        Some((close + 2, end))
    }

    /// The parameter names and the body of the function `name` defined in the file.
    fn function(&self, name: &str) -> Option<(Vec<&str>, Span)> {
        let mut depth = 0usize;
        for i in 0..self.toks.len() {
            if self.punct(i, '{') {
                depth += 1;
            } else if self.punct(i, '}') {
                depth = depth.saturating_sub(1);
            } else if depth == 0 && self.ident(i) == Some(name) && self.punct(i + 1, '(') {
                let close = self.closing(i + 1)?;
                if let Some(end) = self.closing(close + 1) {
                    let params = self
                        .args((i + 2, close))
                        .into_iter()
                        .filter_map(|(s, e)| (s..e).rev().find_map(|j| self.ident(j)))
                        .filter(|&p| p != "void")
                        .collect();
                    return Some((params, (close + 2, end)));
                }
            }
        }
        None
    }

    /// The comma-separated parts of `span` (outside parentheses).
    fn args(&self, (start, end): Span) -> Vec<Span> {
        let mut out = Vec::new();
        let (mut from, mut depth) = (start, 0usize);
        for i in start..end {
            if self.punct(i, '(') {
                depth += 1;
            } else if self.punct(i, ')') {
                depth = depth.saturating_sub(1);
            } else if depth == 0 && self.punct(i, ',') {
                out.push((from, i));
                from = i + 1;
            }
        }
        if from < end {
            out.push((from, end));
        }
        out
    }

    /// The calls in `span` that pass one of `names` as an argument on its own: the function,
    /// the argument's index and the parameter's.
    fn calls(&self, (start, end): Span, names: &[(&str, usize)]) -> Vec<(&str, usize, usize)> {
        let mut out = Vec::new();
        for i in start..end {
            let Some(f) = self.ident(i) else { continue };
            if NOT_CALLS.contains(&f) || !self.punct(i + 1, '(') || self.member(i) {
                continue;
            }
            let Some(close) = self.closing(i + 1) else {
                continue;
            };
            for (a, (s, e)) in self.args((i + 2, close)).into_iter().enumerate() {
                let arg = (e == s + 1).then(|| self.ident(s)).flatten();
                if let Some(&(_, p)) = names.iter().find(|(n, _)| Some(*n) == arg) {
                    out.push((f, a, p));
                }
            }
        }
        out
    }

    /// Whether the name at `i` is a member (`x.name`, `x->name`).
    fn member(&self, i: usize) -> bool {
        let before = |n: usize, c: char| i.checked_sub(n).is_some_and(|j| self.punct(j, c));
        before(1, '.') || (before(1, '>') && before(2, '-'))
    }

    /// Adds the uses of `names` (local name, parameter index) in `span` of `func`.
    fn scan(&self, (start, end): Span, names: &[(&str, usize)], func: &str, out: &mut Vec<Found>) {
        for i in start..end {
            let Some(&(_, param)) = names.iter().find(|(n, _)| self.ident(i) == Some(*n)) else {
                continue;
            };
            if self.member(i) {
                continue;
            }
            let mut found = |how, expr: String, at| {
                out.push(Found {
                    param,
                    how,
                    expr,
                    site: self.site(at, func),
                });
            };
            let and = self.punct(i + 1, '&') && !self.punct(i + 2, '&') && !self.punct(i + 2, '=');
            let eq = (self.punct(i + 1, '=') || self.punct(i + 1, '!')) && self.punct(i + 2, '=');
            if and && self.punct(i + 2, '~') {
                // `x = p & ~X` takes bits off; only a test refuses them.
                if let Some(e) = self.constant(i + 3).filter(|_| self.in_condition(i)) {
                    found(Use::Refuses, e, i);
                }
            } else if and {
                if let Some(e) = self.constant(i + 2) {
                    found(Use::Tests, e, i);
                }
            } else if eq {
                if let Some(e) = self.constant(i + 3) {
                    found(Use::Compares, e, i);
                }
            } else if i >= 3
                && self.punct(i - 1, '=')
                && (self.punct(i - 2, '=') || self.punct(i - 2, '!'))
            {
                if let Some(e) = self.constant_span((i - 3, i - 2)) {
                    found(Use::Compares, e, i);
                }
            } else if i >= 2
                && self.ident(i - 2) == Some("switch")
                && self.punct(i - 1, '(')
                && self.punct(i + 1, ')')
            {
                for e in self.cases(i + 2) {
                    found(Use::Cases, e, i);
                }
            }
        }
    }

    /// Whether token `i` is inside the parentheses of an `if`, a `while`, or a `likely` or
    /// `unlikely` (before its statement's start).
    fn in_condition(&self, i: usize) -> bool {
        let mut depth = 0usize;
        for j in (0..i).rev() {
            if self.punct(j, ')') {
                depth += 1;
            } else if self.punct(j, '(') && depth > 0 {
                depth -= 1;
            } else if self.punct(j, '(') {
                let before = j.checked_sub(1).and_then(|b| self.ident(b));
                if matches!(before, Some("if" | "while" | "likely" | "unlikely")) {
                    return true;
                }
            } else if self.punct(j, ';') || self.punct(j, '{') || self.punct(j, '}') {
                return false;
            }
        }
        false
    }

    /// The constant that starts at token `i`: a name or number (a name with its arguments if
    /// it is a function-like macro), or a parenthesised expression of them.
    fn constant(&self, i: usize) -> Option<String> {
        let end = if self.punct(i, '(') {
            self.closing(i)? + 1
        } else if self.ident(i).is_some() && self.punct(i + 1, '(') {
            self.closing(i + 1)? + 1
        } else {
            i + 1
        };
        let e = self.constant_span((i, end))?;
        // `(A | B)` alone: the parentheses are not needed.
        Some(
            match e.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
                Some(inner) if self.closing(i) == Some(end - 1) => inner.trim().to_string(),
                _ => e,
            },
        )
    }

    /// The text of `span` if it is a constant: names are upper-case, there is at least one
    /// name or number, and nothing is a string.
    fn constant_span(&self, (start, end): Span) -> Option<String> {
        let toks = self.toks.get(start..end)?;
        let mut any = false;
        for t in toks {
            match &t.kind {
                Kind::Ident(s) if is_constant_name(s) => any = true,
                Kind::Num(_) => any = true,
                Kind::Punct(c) if !matches!(c, ';' | '{' | '}' | '=' | ',') => {}
                _ => return None,
            }
        }
        any.then(|| self.source((start, end)))
    }

    /// The constants of the `case` labels of the switch block opening at `open`, outside
    /// nested switches.
    fn cases(&self, open: usize) -> Vec<String> {
        let mut out = Vec::new();
        let Some(close) = self.closing(open) else {
            return out;
        };
        let mut i = open + 1;
        while i < close {
            match self.ident(i) {
                Some("switch") => {
                    // Past the nested switch's block.
                    let block = (i + 1..close).find(|&j| self.punct(j, '{'));
                    i = block.and_then(|b| self.closing(b)).map_or(close, |c| c + 1);
                    continue;
                }
                Some("case") => {
                    let colon = (i + 1..close).find(|&j| self.punct(j, ':'));
                    if let Some(c) = colon {
                        // `case A ... B:` ranges are left out.
                        if !(i + 1..c).any(|j| self.punct(j, '.')) {
                            out.extend(self.constant_span((i + 1, c)));
                        }
                        i = c;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        out
    }
}

/// Whether a name is written like a constant: upper-case letters, digits and `_`, with at
/// least one letter.
fn is_constant_name(s: &str) -> bool {
    s.bytes().any(|b| b.is_ascii_uppercase())
        && s.bytes()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
}

/// Whitespace collapsed to single spaces, trimmed.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::resolve::sysdef::definitions;

    const FILE: &str = "static int check(unsigned int how)
{
\tswitch (how) {
\tcase FROB_A:
\tcase FROB_B: /* a comment */
\t\tswitch (x) { case NOT_THIS: break; }
\t\treturn 1;
\tcase 1 ... 3:
\t\treturn 2;
\t}
\treturn 0;
}

SYSCALL_DEFINE3(frob, int, flags, unsigned int, cmd, long, arg)
{
\tif (flags & ~(FROB_CLOEXEC | FROB_NONBLOCK))
\t\treturn -EINVAL;
\tif (unlikely(flags & FROB_CLOEXEC) && f->flags & FROB_NOT)
\t\tflags &= ~FROB_NONBLOCK;
\tx = flags & ~FROB_TYPE_MASK;
\tif (cmd == FROB_GET || FROB_SET != cmd || arg == limit)
\t\treturn check(cmd);
\treturn arg & mask;
}
";

    #[test]
    fn finds_masks_tests_and_values() {
        let def = definitions("k/frob.c", FILE).remove(0);
        let uses = uses(FILE, &def);
        let got: Vec<(usize, Use, &str, String)> = uses
            .iter()
            .map(|f| (f.param, f.how, f.expr.as_str(), f.site.origin()))
            .collect();
        let want = [
            (
                0,
                Use::Refuses,
                "FROB_CLOEXEC | FROB_NONBLOCK",
                "k/frob.c:16",
            ),
            (0, Use::Tests, "FROB_CLOEXEC", "k/frob.c:18"),
            (1, Use::Compares, "FROB_GET", "k/frob.c:21"),
            (1, Use::Compares, "FROB_SET", "k/frob.c:21"),
            (1, Use::Cases, "FROB_A", "k/frob.c:3"),
            (1, Use::Cases, "FROB_B", "k/frob.c:3"),
        ];
        let want: Vec<(usize, Use, &str, String)> = want
            .iter()
            .map(|&(p, u, e, o)| (p, u, e, o.to_string()))
            .collect();
        assert_eq!(got, want);
        assert_eq!(uses[0].site.func, "sys_frob");
        assert_eq!(
            uses[0].site.code,
            "if (flags & ~(FROB_CLOEXEC | FROB_NONBLOCK))"
        );
        assert_eq!(uses[4].site.func, "check");
        assert_eq!(uses[4].site.code, "switch (how) {");
    }

    #[test]
    fn no_cut_of_a_file_panics() {
        let def = definitions("k/frob.c", FILE).remove(0);
        for (at, _) in FILE.char_indices() {
            let _ = uses(&FILE[..at], &def);
        }
    }

    #[test]
    fn odd_inputs_find_nothing() {
        let def = definitions("t.c", "SYSCALL_DEFINE1(x, int, a)\n{ if (a & ~").remove(0);
        for text in [
            "",
            "SYSCALL_DEFINE1(x, int, a)\n{ if (a & ~",
            "SYSCALL_DEFINE1(x, int, a);",
        ] {
            assert!(uses(text, &def).is_empty());
        }
    }
}
