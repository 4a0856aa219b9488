// SPDX-License-Identifier: GPL-2.0

//! A C lexer, enough for macro arguments and function bodies: identifiers, numbers, string and
//! character literals, and single punctuation characters; comments are skipped. Used by the
//! macro-form importer ([`macro_form`](super::macro_form)) and by `kapi draft`'s reading of a
//! syscall's code ([`draft::code`](crate::draft::code)).

use crate::diag::{Diagnostic, Diagnostics};
use crate::parse::source::Mapped;

/// What a token is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Kind {
    /// An identifier or keyword.
    Ident(String),
    /// A number, or a character literal as written (`0x10UL`, `'a'`).
    Num(String),
    /// A string literal, escapes resolved.
    Str(String),
    /// Any other character.
    Punct(char),
}

/// A token and where it is.
#[derive(Clone, Debug)]
pub struct Tok {
    /// What it is.
    pub kind: Kind,
    /// Byte offset of its first byte in the text.
    pub start: usize,
    /// Byte offset just past it.
    pub end: usize,
}

/// The tokens of `m`'s text; comments are dropped, and an unterminated comment or literal is
/// reported to `diags`.
pub fn lex(m: &Mapped, diags: &mut Diagnostics) -> Vec<Tok> {
    let s = m.text();
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let start = i;
        if c.is_ascii_whitespace() {
            i += 1;
        } else if c == b'/' && b.get(i + 1) == Some(&b'*') {
            match s[i + 2..].find("*/") {
                Some(p) => i += 2 + p + 2,
                None => {
                    diags.push(
                        Diagnostic::error(m.loc(i, i + 2), "unterminated comment")
                            .expected("`*/`")
                            .found("the end of the block"),
                    );
                    i = b.len();
                }
            }
        } else if c == b'/' && b.get(i + 1) == Some(&b'/') {
            i = s[i..].find('\n').map_or(b.len(), |p| i + p);
        } else if c.is_ascii_alphabetic() || c == b'_' {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push(Tok {
                kind: Kind::Ident(s[start..i].to_string()),
                start,
                end: i,
            });
        } else if c.is_ascii_digit() {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_' || b[i] == b'.') {
                i += 1;
            }
            out.push(Tok {
                kind: Kind::Num(s[start..i].to_string()),
                start,
                end: i,
            });
        } else if c == b'"' || c == b'\'' {
            let quote = c;
            let mut val = String::new();
            i += 1;
            let mut closed = false;
            let mut chars = s[i..].char_indices();
            while let Some((off, ch)) = chars.next() {
                match ch {
                    '\\' => {
                        if let Some((_, e)) = chars.next() {
                            val.push(match e {
                                'n' => '\n',
                                't' => '\t',
                                '0' => '\0',
                                other => other,
                            });
                        }
                    }
                    '\n' => {
                        i += off;
                        break;
                    }
                    c2 if c2 as u32 == u32::from(quote) => {
                        i += off + 1;
                        closed = true;
                        break;
                    }
                    c2 => val.push(c2),
                }
            }
            if !closed {
                if i == start + 1 {
                    i = b.len();
                }
                diags.push(
                    Diagnostic::error(m.loc(start, start + 1), "unterminated literal")
                        .expected(format!("a closing `{}`", quote as char))
                        .found("the end of the line"),
                );
            }
            if quote == b'"' {
                out.push(Tok {
                    kind: Kind::Str(val),
                    start,
                    end: i,
                });
            } else {
                out.push(Tok {
                    kind: Kind::Num(s[start..i].to_string()),
                    start,
                    end: i,
                });
            }
        } else {
            let ch = s[i..].chars().next().unwrap_or(' ');
            i += ch.len_utf8();
            out.push(Tok {
                kind: Kind::Punct(ch),
                start,
                end: i,
            });
        }
    }
    out
}
