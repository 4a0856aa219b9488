// SPDX-License-Identifier: GPL-2.0

//! The violation report: the one line the module prints per violation, in dmesg and in its
//! trace event alike, and the parser the host tools read it back with.
//!
//! ```text
//! dmesg:  kapi_validator: violation <fields>
//! trace:  ... kapi_violation: <fields>
//! fields: syscall=<name> nr=<n> pid=<pid> comm=<comm> kind=<kind> param=<name|-> value=<hex>
//!         allowed="<text>" ret=<n|-> errno=<NAME|->
//! ```
//!
//! The keys are [`FIELDS`], always all of them, in that order, separated by one blank. `kind` is
//! a [`ViolationKind::name`]. `value` is the argument as its C type holds it (an `int` -1 is
//! `0xffffffff`), 0 for a report about the return value. `ret` is `-` for a [`ViolationKind::Arg`]
//! report (judged at entry, before the call has run) and the return value otherwise; `errno` is
//! the name of the errno returned, or `-`. `comm` and `allowed` may hold blanks: a value runs up
//! to the next ` <key>=`.
//!
//! This is the only definition of the line: the module formats it with [`Report`] (for both
//! outputs: the trace event prints the line it is given), the `kapi` tool parses it with
//! `parse` (host tools), and the guest scripts take the markers and keys from `kapi report-format`.

use core::fmt::{self, Write};

use crate::check::{errno_of, Violation, ViolationKind};
use crate::display::{AllowedDisplay, MessageBuf};
use crate::spec::{ReturnCheck, SyscallSpec};

/// What precedes the fields in dmesg: the module's name and `: ` (which the kernel's `pr_*`
/// prefix every line with) and [`DMESG_TAG`].
pub const DMESG_MARKER: &str = "kapi_validator: violation ";

/// What the module prints before the fields in dmesg.
pub const DMESG_TAG: &str = "violation ";

/// The trace event's system (`events/kapi_validator/`), `TRACE_SYSTEM` in the C header.
pub const TRACE_SYSTEM: &str = "kapi_validator";

/// The trace event (`events/kapi_validator/kapi_violation`), `TRACE_EVENT`'s name in the C
/// header.
pub const TRACE_EVENT: &str = "kapi_violation";

/// What precedes the fields in a trace buffer: [`TRACE_EVENT`] and `: `.
pub const TRACE_MARKER: &str = "kapi_violation: ";

/// The keys of a report line, in order.
pub const FIELDS: [&str; 10] = [
    "syscall", "nr", "pid", "comm", "kind", "param", "value", "allowed", "ret", "errno",
];

/// The value of a field that does not apply (`param`, `ret`, `errno`).
pub const NONE: &str = "-";

/// Bytes a formatted report line can take: every field at its longest, with `allowed` cut at
/// [`crate::MESSAGE_CAPACITY`] and `comm` at the kernel's 16 bytes.
pub const REPORT_CAPACITY: usize = 384;

/// The kernel's name of an errno a spec does not declare (`EOPNOTSUPP`), if it knows it.
pub type ErrnoNames = fn(u16) -> Option<&'static str>;

/// One violation of one call, ready to print as a report line (its [`fmt::Display`]).
pub struct Report<'a> {
    /// The spec the call was judged against.
    pub spec: &'a SyscallSpec,
    /// What broke.
    pub violation: &'a Violation,
    /// The calling task's pid.
    pub pid: i32,
    /// The calling task's name.
    pub comm: &'a str,
    /// Names of errnos the spec does not declare.
    pub errno_names: ErrnoNames,
}

impl Report<'_> {
    /// The parameter's name, or [`NONE`].
    pub fn param(&self) -> &str {
        self.violation
            .param
            .and_then(|p| self.spec.params.get(usize::from(p)))
            .map_or(NONE, |p| p.name)
    }

    /// The argument as its parameter's C type holds it: the low `bits` bits, so an `int` of -1
    /// is `0xffffffff`, not sign-extended to 64 bits.
    pub fn value(&self) -> u64 {
        let v = self.violation;
        let bits = v
            .param
            .and_then(|p| self.spec.params.get(usize::from(p)))
            .map_or(64, |p| u32::from(p.ty.bits));
        match 1u64.checked_shl(bits) {
            Some(limit) if bits < 64 => v.value & limit.wrapping_sub(1),
            _ => v.value,
        }
    }

    /// The return value, or `None` for an argument report (judged before the call ran).
    pub fn ret(&self) -> Option<i64> {
        (self.violation.kind != ViolationKind::Arg).then_some(self.violation.ret)
    }

    /// The name of the errno returned, or [`NONE`].
    pub fn errno(&self) -> &str {
        self.ret()
            .and_then(errno_of)
            .map_or(NONE, |e| self.errno_name(e))
    }

    /// The spec's own name of `errno` when declared, else the kernel's, else `E?`.
    fn errno_name(&self, errno: u16) -> &'static str {
        self.spec
            .error_name(errno)
            .or_else(|| (self.errno_names)(errno))
            .unwrap_or("E?")
    }

    /// What the spec allows, cut at [`crate::MESSAGE_CAPACITY`] bytes.
    pub fn allowed(&self) -> MessageBuf {
        let mut out = MessageBuf::new();
        // Writing to a MessageBuf truncates instead of failing.
        let _ = self.write_allowed(&mut out);
        out
    }

    fn write_allowed(&self, out: &mut MessageBuf) -> fmt::Result {
        let (spec, v) = (self.spec, self.violation);
        let param = v.param.and_then(|p| spec.params.get(usize::from(p)));
        let constraint = param.and_then(|p| p.constraints.get(usize::from(v.constraint)));
        let allowed = |p: &'static crate::ParamSpec, c| AllowedDisplay {
            spec,
            ty: p.ty,
            param: p.name,
            constraint: c,
        };
        match v.kind {
            ViolationKind::Arg => {
                if let (Some(p), Some(c)) = (param, constraint) {
                    write!(out, "{}", allowed(p, c))?;
                }
            }
            ViolationKind::UndeclaredErrno => {
                out.write_str("declared:")?;
                for e in spec.errors {
                    write!(out, " {}", e.name)?;
                }
            }
            ViolationKind::BadSuccess => match spec.ret {
                ReturnCheck::Any => out.write_str("any")?,
                ReturnCheck::Exact(v) => write!(out, "{v}")?,
                ReturnCheck::Range { min, max } => write!(out, "range [{min}, {max}]")?,
                ReturnCheck::Fd => out.write_str("fd")?,
                ReturnCheck::NoReturn => out.write_str("no return")?,
            },
            ViolationKind::OracleErrno | ViolationKind::OracleSuccess => {
                if let (Some(p), Some(c)) = (param, constraint) {
                    for (i, e) in c.errnos.iter().enumerate() {
                        let sep = if i == 0 { "" } else { "|" };
                        write!(out, "{sep}{}", self.errno_name(*e))?;
                    }
                    write!(out, " ({})", allowed(p, c))?;
                }
            }
        }
        Ok(())
    }
}

/// `value=`'s form: `0x` and lower-case hex digits, also for 0.
struct Hex(u64);

impl fmt::Display for Hex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:#x}", self.0)
    }
}

/// `allowed=`'s form: in double quotes.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "\"{}\"", self.0)
    }
}

/// `ret=`'s form: the number, or [`NONE`].
struct Ret(Option<i64>);

impl fmt::Display for Ret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(r) => write!(f, "{r}"),
            None => f.write_str(NONE),
        }
    }
}

impl fmt::Display for Report<'_> {
    /// The fields (without a marker): what follows [`DMESG_MARKER`] and [`TRACE_MARKER`].
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let allowed = self.allowed();
        let values: [&dyn fmt::Display; FIELDS.len()] = [
            &self.spec.name,
            &self.spec.nr,
            &self.pid,
            &self.comm,
            &self.violation.kind.name(),
            &self.param(),
            &Hex(self.value()),
            &Quoted(allowed.as_str()),
            &Ret(self.ret()),
            &self.errno(),
        ];
        for (i, (key, value)) in FIELDS.iter().zip(values).enumerate() {
            let sep = if i == 0 { "" } else { " " };
            write!(f, "{sep}{key}={value}")?;
        }
        Ok(())
    }
}

#[cfg(feature = "host")]
pub use reader::{parse, ParseError, ParsedReport, Source};

/// The reader of report lines: host tools only (the `host` feature; the module never reads
/// them back, and does not carry this code).
#[cfg(feature = "host")]
mod reader {
    use core::fmt;

    use super::{DMESG_MARKER, FIELDS, NONE, TRACE_MARKER};
    use crate::check::ViolationKind;

    /// Where a parsed report line came from.
    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    pub enum Source {
        /// A dmesg line ([`DMESG_MARKER`]).
        Dmesg,
        /// A trace buffer line ([`TRACE_MARKER`]).
        Trace,
    }

    impl Source {
        /// What a message calls a line from this source.
        pub const fn what(self) -> &'static str {
            match self {
                Source::Dmesg => "dmesg line",
                Source::Trace => "trace event",
            }
        }
    }

    /// A report line read back by [`parse`]: every field, borrowed from the line.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub struct ParsedReport<'a> {
        /// dmesg or trace buffer.
        pub source: Source,
        /// Syscall name.
        pub syscall: &'a str,
        /// Syscall number.
        pub nr: u32,
        /// The calling task's pid.
        pub pid: i32,
        /// The calling task's name.
        pub comm: &'a str,
        /// The kind.
        pub kind: ViolationKind,
        /// Parameter name or [`NONE`].
        pub param: &'a str,
        /// The argument's value.
        pub value: u64,
        /// What the spec allows (without the quotes).
        pub allowed: &'a str,
        /// The return value; `None` for `ret=-`.
        pub ret: Option<i64>,
        /// Errno name or [`NONE`].
        pub errno: &'a str,
    }

    /// Why a report line could not be read.
    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    pub enum ParseError<'a> {
        /// A key is missing where it is due: `key` itself, or the next key after `after`'s value.
        Missing {
            /// Which line it is.
            source: Source,
            /// The key expected.
            key: &'static str,
            /// The key whose value should end at it (`None`: expected at the start).
            after: Option<&'static str>,
            /// What is there instead.
            found: &'a str,
        },
        /// A value is not of its field's form.
        Value {
            /// The key.
            key: &'static str,
            /// What it should be.
            expected: &'static str,
            /// What it is.
            found: &'a str,
        },
        /// `kind=` is not a [`ViolationKind::name`].
        Kind {
            /// What it is.
            found: &'a str,
        },
    }

    impl fmt::Display for ParseError<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match *self {
                ParseError::Missing {
                    source,
                    key,
                    after: None,
                    found,
                } => {
                    write!(f, "expected `{key}=` in a {} (fields:", source.what())?;
                    for k in FIELDS {
                        write!(f, " {k}=")?;
                    }
                    let found = found.get(..found.len().min(24)).unwrap_or(found);
                    write!(f, "), found `{found}`")
                }
                ParseError::Missing {
                    source,
                    key,
                    after: Some(after),
                    ..
                } => write!(
                    f,
                    "expected `{key}=` after `{after}=` in a {}",
                    source.what()
                ),
                ParseError::Value {
                    key,
                    expected,
                    found,
                } => write!(f, "expected {expected} after `{key}=`, found `{found}`"),
                ParseError::Kind { found } => {
                    f.write_str("expected a kind (")?;
                    for (i, k) in ViolationKind::ALL.iter().enumerate() {
                        let sep = if i == 0 { "" } else { ", " };
                        write!(f, "{sep}{}", k.name())?;
                    }
                    write!(f, ") after `kind=`, found `{found}`")
                }
            }
        }
    }

    /// Reads a report line from dmesg or a trace buffer: `Ok(None)` if it has no marker (another
    /// line). Anything before the marker (dmesg's timestamp, the tracer's task, CPU and time
    /// columns) is ignored.
    pub fn parse(line: &str) -> Result<Option<ParsedReport<'_>>, ParseError<'_>> {
        let (source, rest) = if let Some(at) = line.find(TRACE_MARKER) {
            (Source::Trace, line.get(at + TRACE_MARKER.len()..))
        } else if let Some(at) = line.find(DMESG_MARKER) {
            (Source::Dmesg, line.get(at + DMESG_MARKER.len()..))
        } else {
            return Ok(None);
        };
        let mut values = [""; FIELDS.len()];
        split_fields(source, rest.unwrap_or("").trim_end(), &mut values)?;
        let [syscall, nr, pid, comm, kind, param, value, allowed, ret, errno] = values;
        let bad = |key, expected, found| ParseError::Value {
            key,
            expected,
            found,
        };
        if syscall.is_empty()
            || !syscall
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        {
            return Err(bad("syscall", "a syscall name", syscall));
        }
        Ok(Some(ParsedReport {
            source,
            syscall,
            nr: nr.parse().map_err(|_| bad("nr", "a number", nr))?,
            pid: pid.parse().map_err(|_| bad("pid", "a number", pid))?,
            comm,
            kind: ViolationKind::from_name(kind).ok_or(ParseError::Kind { found: kind })?,
            param,
            value: value
                .strip_prefix("0x")
                .and_then(|hex| u64::from_str_radix(hex, 16).ok())
                .ok_or(bad("value", "a hex number (0x...)", value))?,
            allowed: allowed
                .strip_prefix('"')
                .and_then(|a| a.strip_suffix('"'))
                .ok_or(bad("allowed", "a quoted text", allowed))?,
            ret: match ret {
                NONE => None,
                r => Some(r.parse().map_err(|_| bad("ret", "a number or -", r))?),
            },
            errno,
        }))
    }

    /// Splits `rest` (`k1=v1 k2=v2 ...`) into the values of [`FIELDS`], which must all come, in
    /// order. A value runs up to the next ` <key>=`, so it may hold blanks.
    fn split_fields<'a>(
        source: Source,
        mut rest: &'a str,
        out: &mut [&'a str; FIELDS.len()],
    ) -> Result<(), ParseError<'a>> {
        for (i, key) in FIELDS.iter().enumerate() {
            let value_start = rest
                .strip_prefix(key)
                .and_then(|r| r.strip_prefix('='))
                .ok_or(ParseError::Missing {
                    source,
                    key,
                    after: None,
                    found: rest,
                })?;
            let (value, next) = match FIELDS.get(i + 1) {
                Some(next_key) => {
                    let at = find_key(value_start, next_key).ok_or(ParseError::Missing {
                        source,
                        key: next_key,
                        after: Some(key),
                        found: value_start,
                    })?;
                    (
                        value_start.get(..at).unwrap_or(""),
                        value_start.get(at + 1..).unwrap_or(""),
                    )
                }
                None => (value_start, ""),
            };
            if let Some(slot) = out.get_mut(i) {
                *slot = value;
            }
            rest = next;
        }
        Ok(())
    }

    /// Where ` <key>=` starts in `s`.
    fn find_key(s: &str, key: &str) -> Option<usize> {
        let mut from = 0;
        while let Some(at) = s.get(from..)?.find(' ') {
            let at = from + at;
            let after = s.get(at + 1..)?;
            if after.strip_prefix(key).is_some_and(|r| r.starts_with('=')) {
                return Some(at);
            }
            from = at + 1;
        }
        None
    }
}
