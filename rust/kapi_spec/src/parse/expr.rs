// SPDX-License-Identifier: GPL-2.0

//! Constant expressions: numbers (decimal, [`RADIX_PREFIXES`], octal, with [`INT_SUFFIXES`]),
//! identifiers, [`UNARY_OPS`] `- + ~ !`, [`BINARY_OPS`] `* / % + - << >> & ^ |` with C
//! precedence, and parentheses. The tables are what the lexer and parser use, and what
//! specs/README.md lists ([`crate::reference`]).
//!
//! Values are computed in `i128`; an intermediate result outside `i64::MIN..=u64::MAX` is an
//! overflow. Whether a value fits a parameter's type is decided by the caller.

use std::fmt;

/// Deepest nesting accepted (parentheses and unary operators), so no input overflows the stack.
const MAX_DEPTH: usize = 64;

/// An operator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Op {
    /// `-x` or `a - b`.
    Minus,
    /// `+x` or `a + b`.
    Plus,
    /// `~x`.
    Not,
    /// `!x`.
    LogicalNot,
    /// `*`.
    Mul,
    /// `/`.
    Div,
    /// `%`.
    Rem,
    /// `<<`.
    Shl,
    /// `>>`.
    Shr,
    /// `&`.
    And,
    /// `^`.
    Xor,
    /// `|`.
    Or,
}

/// A parsed expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    /// A number.
    Num(i128),
    /// A name, with its byte offset in the source text.
    Ident(String, usize),
    /// A unary operation.
    Unary(Op, Box<Expr>),
    /// A binary operation.
    Binary(Op, Box<Expr>, Box<Expr>),
}

/// An error in an expression, at a byte range of its text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExprError {
    /// Byte offset in the expression's text.
    pub offset: usize,
    /// Length in bytes.
    pub len: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for ExprError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ExprError {}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Num(i128),
    Ident(String),
    Op(&'static str),
    LParen,
    RParen,
}

fn err(offset: usize, len: usize, message: impl Into<String>) -> ExprError {
    ExprError {
        offset,
        len: len.max(1),
        message: message.into(),
    }
}

/// Prefixes of integer literals in a radix other than 10, with the radix. Without one, a
/// literal of more than one digit that starts with `0` is octal, any other decimal.
pub const RADIX_PREFIXES: &[(&str, u32)] = &[("0x", 16), ("0X", 16), ("0b", 2), ("0B", 2)];

/// Letters an integer literal may end with, any number of them in any order (C's `U`, `L`,
/// `UL`, `ULL`); they do not change the value.
pub const INT_SUFFIXES: &[char] = &['u', 'U', 'l', 'L'];

/// Binary operators, with their C precedence (higher binds tighter; equal ones group to the
/// left).
pub const BINARY_OPS: &[(&str, Op, u8)] = &[
    ("*", Op::Mul, 10),
    ("/", Op::Div, 10),
    ("%", Op::Rem, 10),
    ("+", Op::Plus, 9),
    ("-", Op::Minus, 9),
    ("<<", Op::Shl, 8),
    (">>", Op::Shr, 8),
    ("&", Op::And, 7),
    ("^", Op::Xor, 6),
    ("|", Op::Or, 5),
];

/// Unary (prefix) operators.
pub const UNARY_OPS: &[(&str, Op)] = &[
    ("-", Op::Minus),
    ("+", Op::Plus),
    ("~", Op::Not),
    ("!", Op::LogicalNot),
];

/// Parses a C integer literal ([`RADIX_PREFIXES`], octal, decimal, [`INT_SUFFIXES`]), if `s`
/// is one.
pub fn parse_int_literal(s: &str) -> Option<u64> {
    let body = s.trim_end_matches(INT_SUFFIXES);
    if body.is_empty() {
        return None;
    }
    let prefixed = RADIX_PREFIXES
        .iter()
        .find_map(|&(p, radix)| body.strip_prefix(p).map(|d| (d, radix)));
    let (digits, radix) = if let Some(p) = prefixed {
        p
    } else if body.len() > 1 && body.starts_with('0') {
        (&body[1..], 8)
    } else {
        (body, 10)
    };
    if digits.is_empty() || !digits.chars().all(|c| c.is_digit(radix)) {
        return None;
    }
    u64::from_str_radix(digits, radix).ok()
}

fn lex(s: &str) -> Result<Vec<(Tok, usize, usize)>, ExprError> {
    let b = s.as_bytes();
    let mut i = 0;
    let mut out = Vec::new();
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        if c.is_ascii_digit() {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            let lit = &s[start..i];
            let v = parse_int_literal(lit)
                .ok_or_else(|| err(start, i - start, format!("invalid number `{lit}`")))?;
            out.push((Tok::Num(i128::from(v)), start, i - start));
        } else if c.is_ascii_alphabetic() || c == b'_' {
            while i < b.len() && (b[i].is_ascii_alphanumeric() || b[i] == b'_') {
                i += 1;
            }
            out.push((Tok::Ident(s[start..i].to_string()), start, i - start));
        } else if let Some(op) = operator_at(&s[i..]) {
            out.push((Tok::Op(op), start, op.len()));
            i += op.len();
        } else {
            let t = match c {
                b'(' => Tok::LParen,
                b')' => Tok::RParen,
                _ => {
                    let ch = s[i..].chars().next().unwrap_or('?');
                    return Err(err(
                        start,
                        ch.len_utf8(),
                        format!("unexpected character `{ch}` in constant expression"),
                    ));
                }
            };
            out.push((t, start, 1));
            i += 1;
        }
    }
    Ok(out)
}

struct Parser<'a> {
    toks: Vec<(Tok, usize, usize)>,
    pos: usize,
    src: &'a str,
}

/// The longest operator `rest` starts with.
fn operator_at(rest: &str) -> Option<&'static str> {
    BINARY_OPS
        .iter()
        .map(|o| o.0)
        .chain(UNARY_OPS.iter().map(|o| o.0))
        .filter(|o| rest.starts_with(o))
        .max_by_key(|o| o.len())
}

fn binop(s: &str) -> Option<(Op, u8)> {
    BINARY_OPS
        .iter()
        .find(|o| o.0 == s)
        .map(|&(_, op, prec)| (op, prec))
}

impl Parser<'_> {
    fn peek(&self) -> Option<&(Tok, usize, usize)> {
        self.toks.get(self.pos)
    }

    fn end_err(&self, what: &str) -> ExprError {
        err(
            self.src.len(),
            1,
            format!("expected {what}, found the end of the expression"),
        )
    }

    fn expr(&mut self, min_prec: u8, depth: usize) -> Result<Expr, ExprError> {
        let mut lhs = self.unary(depth)?;
        while let Some((Tok::Op(o), _, _)) = self.peek() {
            let Some((op, prec)) = binop(o) else { break };
            if prec < min_prec {
                break;
            }
            self.pos += 1;
            let rhs = self.expr(prec + 1, depth + 1)?;
            lhs = Expr::Binary(op, Box::new(lhs), Box::new(rhs));
        }
        Ok(lhs)
    }

    fn unary(&mut self, depth: usize) -> Result<Expr, ExprError> {
        if depth > MAX_DEPTH {
            let off = self.peek().map_or(self.src.len(), |t| t.1);
            return Err(err(off, 1, "constant expression nested too deeply"));
        }
        let Some((tok, off, len)) = self.peek().cloned() else {
            return Err(self.end_err("a value"));
        };
        self.pos += 1;
        match tok {
            Tok::Num(v) => Ok(Expr::Num(v)),
            Tok::Ident(name) => Ok(Expr::Ident(name, off)),
            Tok::LParen => {
                let e = self.expr(0, depth + 1)?;
                match self.peek() {
                    Some((Tok::RParen, _, _)) => {
                        self.pos += 1;
                        Ok(e)
                    }
                    Some((_, o, l)) => Err(err(*o, *l, "expected `)`")),
                    None => Err(self.end_err("`)`")),
                }
            }
            Tok::Op(o) => {
                let Some(&(_, op)) = UNARY_OPS.iter().find(|u| u.0 == o) else {
                    return Err(err(off, len, format!("expected a value, found `{o}`")));
                };
                let e = self.unary(depth + 1)?;
                Ok(Expr::Unary(op, Box::new(e)))
            }
            Tok::RParen => Err(err(off, len, "expected a value, found `)`")),
        }
    }
}

/// Parses a constant expression.
pub fn parse(s: &str) -> Result<Expr, ExprError> {
    let toks = lex(s)?;
    if toks.is_empty() {
        return Err(err(
            0,
            s.len(),
            "expected a constant expression, found nothing",
        ));
    }
    let mut p = Parser {
        toks,
        pos: 0,
        src: s,
    };
    let e = p.expr(0, 0)?;
    if let Some((_, off, len)) = p.peek() {
        return Err(err(
            *off,
            *len,
            format!(
                "expected an operator or the end, found `{}`",
                &s[*off..*off + *len]
            ),
        ));
    }
    Ok(e)
}

impl Expr {
    /// The identifiers used, with their offsets.
    pub fn idents(&self) -> Vec<(&str, usize)> {
        let mut v = Vec::new();
        self.collect(&mut v);
        v
    }

    fn collect<'a>(&'a self, v: &mut Vec<(&'a str, usize)>) {
        match self {
            Expr::Num(_) => {}
            Expr::Ident(n, o) => v.push((n, *o)),
            Expr::Unary(_, e) => e.collect(v),
            Expr::Binary(_, a, b) => {
                a.collect(v);
                b.collect(v);
            }
        }
    }

    /// Evaluates, asking `lookup` for the value of each identifier (`Err(message)` if it has
    /// none).
    pub fn eval(
        &self,
        lookup: &mut dyn FnMut(&str) -> Result<i128, String>,
    ) -> Result<i128, ExprError> {
        const LO: i128 = i64::MIN as i128;
        const HI: i128 = u64::MAX as i128;
        let v = match self {
            Expr::Num(v) => *v,
            Expr::Ident(name, off) => lookup(name).map_err(|m| err(*off, name.len(), m))?,
            Expr::Unary(op, e) => {
                let x = e.eval(lookup)?;
                match op {
                    Op::Minus => -x,
                    Op::Plus => x,
                    Op::Not => !x,
                    _ => i128::from(x == 0),
                }
            }
            Expr::Binary(op, a, b) => {
                let x = a.eval(lookup)?;
                let y = b.eval(lookup)?;
                let off = self.first_offset();
                let r = match op {
                    Op::Mul => x.checked_mul(y),
                    Op::Div => x.checked_div(y),
                    Op::Rem => x.checked_rem(y),
                    Op::Plus => x.checked_add(y),
                    Op::Minus => x.checked_sub(y),
                    Op::Shl => u32::try_from(y)
                        .ok()
                        .filter(|s| *s < 127)
                        .and_then(|s| x.checked_mul(1i128 << s)),
                    Op::Shr => u32::try_from(y).ok().filter(|s| *s < 127).map(|s| x >> s),
                    Op::And => Some(x & y),
                    Op::Xor => Some(x ^ y),
                    Op::Or => Some(x | y),
                    Op::Not | Op::LogicalNot => None,
                };
                r.ok_or_else(|| {
                    err(
                        off,
                        1,
                        format!(
                            "constant expression overflows or divides by zero ({x} {op:?} {y})"
                        ),
                    )
                })?
            }
        };
        if !(LO..=HI).contains(&v) {
            return Err(err(
                self.first_offset(),
                1,
                format!("value {v} does not fit in 64 bits"),
            ));
        }
        Ok(v)
    }

    fn first_offset(&self) -> usize {
        match self {
            Expr::Ident(_, o) => *o,
            Expr::Unary(_, e) => e.first_offset(),
            Expr::Binary(_, a, _) => a.first_offset(),
            Expr::Num(_) => 0,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ev(s: &str) -> Result<i128, ExprError> {
        parse(s)?.eval(&mut |n| match n {
            "A" => Ok(1),
            "B" => Ok(4),
            _ => Err(format!("unknown constant `{n}`")),
        })
    }

    #[test]
    fn precedence_and_literals() {
        assert_eq!(ev("1 | 2 << 3").unwrap(), 17);
        assert_eq!(ev("(1 | 2) << 3").unwrap(), 24);
        assert_eq!(ev("0x10 + 010 + 1ULL").unwrap(), 16 + 8 + 1);
        assert_eq!(ev("-1").unwrap(), -1);
        assert_eq!(ev("~0").unwrap(), -1);
        assert_eq!(ev("A | B").unwrap(), 5);
        assert_eq!(ev("B & ~A").unwrap(), 4);
        assert_eq!(ev("0xffffffffffffffff").unwrap(), u64::MAX as i128);
    }

    #[test]
    fn errors_point_at_the_problem() {
        let e = ev("A | C").unwrap_err();
        assert_eq!((e.offset, e.len), (4, 1));
        assert!(e.message.contains("`C`"));
        let e = ev("1 +").unwrap_err();
        assert!(e.message.contains("end of the expression"));
        assert!(ev("1 $ 2").is_err());
        assert!(ev("(1").is_err());
        assert!(ev("1 / 0").is_err());
        assert!(ev("1 << 200").is_err());
        assert!(ev("0xffffffffffffffff + 1").is_err());
        assert!(ev("").is_err());
        assert!(ev("09").is_err());
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let s = "(".repeat(10_000) + "1" + &")".repeat(10_000);
        assert!(parse(&s).is_err());
        let s = "-".repeat(10_000) + "1";
        assert!(parse(&s).is_err());
    }
}
