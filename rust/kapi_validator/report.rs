// SPDX-License-Identifier: GPL-2.0

//! Reporting: per-syscall counters, one dmesg line per violation (rate-limited) and one trace
//! event per violation (`events/kapi_validator/kapi_violation`).
//!
//! The dmesg line is stable and greppable:
//!
//! ```text
//! kapi_validator: violation syscall=mlock2 nr=325 pid=42 comm=prog kind=arg param=flags value=0x80 allowed="mask 0x1" ret=0 errno=-
//! ```
//!
//! Counters are exact; only dmesg is rate-limited. No kernel address is ever printed.

use core::fmt::{self, Write};

use kapi_checker::{
    errno_of, AllowedDisplay, MessageBuf, ReturnCheck, SyscallSpec, Verdict, Violation, ViolationKind,
    MAX_PARAMS,
};
use core::sync::atomic::{AtomicU64, Ordering::Relaxed};
use kernel::prelude::*;

use crate::{bindings, spec_tables::{ALL, NR_SPECS}};

const NR_KINDS: usize = ViolationKind::ALL.len();

/// Counters of one syscall.
struct Stats {
    /// Calls whose entry was checked.
    calls: AtomicU64,
    /// Calls whose exit was checked.
    exits: AtomicU64,
    /// Calls whose exit could not be followed (no free in-flight slot).
    untracked: AtomicU64,
    /// Violations by [`ViolationKind`].
    violations: [AtomicU64; NR_KINDS],
    /// Violations that did not fit in one call's verdict.
    dropped: AtomicU64,
}

impl Stats {
    const fn new() -> Self {
        Self {
            calls: AtomicU64::new(0),
            exits: AtomicU64::new(0),
            untracked: AtomicU64::new(0),
            violations: [const { AtomicU64::new(0) }; NR_KINDS],
            dropped: AtomicU64::new(0),
        }
    }

    fn reset(&self) {
        self.calls.store(0, Relaxed);
        self.exits.store(0, Relaxed);
        self.untracked.store(0, Relaxed);
        for v in &self.violations {
            v.store(0, Relaxed);
        }
        self.dropped.store(0, Relaxed);
    }
}

static STATS: [Stats; NR_SPECS] = [const { Stats::new() }; NR_SPECS];

fn stats(idx: usize) -> Option<&'static Stats> {
    STATS.get(idx)
}

pub(crate) fn count_call(idx: usize) {
    if let Some(s) = stats(idx) {
        s.calls.fetch_add(1, Relaxed);
    }
}

pub(crate) fn count_exit(idx: usize, _ret: i64) {
    if let Some(s) = stats(idx) {
        s.exits.fetch_add(1, Relaxed);
    }
}

pub(crate) fn count_untracked(idx: usize) {
    if let Some(s) = stats(idx) {
        s.untracked.fetch_add(1, Relaxed);
    }
}

/// Zeroes every counter.
pub(crate) fn reset() {
    for s in &STATS {
        s.reset();
    }
}

/// Writes the statistics table: one line per syscall.
pub(crate) fn write_stats(f: &mut fmt::Formatter<'_>) -> fmt::Result {
    write!(f, "{:<16} {:>5} {:>10} {:>10} {:>9}", "syscall", "nr", "calls", "exits", "untracked")?;
    for kind in ViolationKind::ALL {
        write!(f, " {:>16}", kind.name())?;
    }
    writeln!(f, " {:>8}", "dropped")?;
    for (spec, s) in ALL.iter().zip(&STATS) {
        write!(
            f,
            "{:<16} {:>5} {:>10} {:>10} {:>9}",
            spec.name,
            spec.nr,
            s.calls.load(Relaxed),
            s.exits.load(Relaxed),
            s.untracked.load(Relaxed)
        )?;
        for v in &s.violations {
            write!(f, " {:>16}", v.load(Relaxed))?;
        }
        writeln!(f, " {:>8}", s.dropped.load(Relaxed))?;
    }
    Ok(())
}

/// Name of an errno for reports: the spec's own name when declared, else the kernel's.
fn errno_name(spec: &SyscallSpec, errno: u16) -> &'static str {
    spec.error_name(errno)
        .or_else(|| crate::spec_tables::errno_name(errno))
        .unwrap_or("E?")
}

/// Writes what the spec allows for violation `v`.
fn write_allowed(out: &mut MessageBuf, spec: &SyscallSpec, v: &Violation) -> fmt::Result {
    let param = v.param.and_then(|p| spec.params.get(usize::from(p)));
    let constraint = param.and_then(|p| p.constraints.get(usize::from(v.constraint)));
    match v.kind {
        ViolationKind::Arg => {
            if let (Some(p), Some(c)) = (param, constraint) {
                write!(out, "{}", AllowedDisplay { spec, ty: p.ty, param: p.name, constraint: c })?;
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
                    write!(out, "{sep}{}", errno_name(spec, *e))?;
                }
                write!(out, " ({})", AllowedDisplay { spec, ty: p.ty, param: p.name, constraint: c })?;
            }
        }
    }
    Ok(())
}

fn kapi_str(s: &str) -> bindings::kapi_str {
    bindings::kapi_str {
        ptr: s.as_ptr().cast(),
        len: u32::try_from(s.len()).unwrap_or(u32::MAX),
    }
}

/// Counts and reports every violation of a verdict.
pub(crate) fn verdict(idx: usize, spec: &SyscallSpec, _args: &[u64; MAX_PARAMS], verdict: &Verdict) {
    if verdict.is_clean() {
        return;
    }
    let Some(s) = stats(idx) else {
        return;
    };
    if verdict.dropped != 0 {
        s.dropped.fetch_add(u64::from(verdict.dropped), Relaxed);
    }
    for v in &verdict.violations {
        if let Some(counter) = s.violations.get(v.kind as usize) {
            counter.fetch_add(1, Relaxed);
        }
        report(spec, v);
    }
}

fn report(spec: &SyscallSpec, v: &Violation) {
    // A flood of bad calls is counted in full, but formatted only for an output that takes it:
    // the trace event when someone enabled it, dmesg within its rate limit.
    // SAFETY: Always safe to call; reads a static key.
    let tracing = unsafe { bindings::kapi_trace_enabled() };
    // SAFETY: Always safe to call; takes a raw spinlock only.
    let printing = unsafe { bindings::kapi_report_ratelimit() };
    if !tracing && !printing {
        return;
    }
    let mut allowed = MessageBuf::new();
    // Writing to a MessageBuf truncates instead of failing.
    let _ = write_allowed(&mut allowed, spec, v);
    let param = v
        .param
        .and_then(|p| spec.params.get(usize::from(p)))
        .map_or("-", |p| p.name);
    let err = errno_of(v.ret).map_or("-", |e| errno_name(spec, e));
    let kind = v.kind.name();
    let value = shown_value(spec, v);

    let record = bindings::kapi_report {
        syscall: kapi_str(spec.name),
        kind: kapi_str(kind),
        param: kapi_str(param),
        allowed: kapi_str(allowed.as_str()),
        err: kapi_str(err),
        value,
        ret: v.ret,
        nr: i32::try_from(spec.nr).unwrap_or(-1),
    };
    if tracing {
        // SAFETY: `record` and the strings it points to are valid for the duration of the call;
        // the trace event copies them.
        unsafe { bindings::kapi_trace_violation(&record) };
    }
    if !printing {
        return;
    }
    let mut comm = [0u8; 16];
    // SAFETY: `comm` is writable for its whole length; the C side NUL-terminates within it.
    unsafe { bindings::kapi_current_comm(comm.as_mut_ptr().cast(), comm.len() as u32) };
    let comm_len = comm.iter().position(|&b| b == 0).unwrap_or(comm.len());
    let comm = core::str::from_utf8(comm.get(..comm_len).unwrap_or(&[])).unwrap_or("?");
    let pid = kernel::current!().pid();
    // An argument is judged at entry, before the call has run: it has no return value yet.
    let mut ret = MessageBuf::new();
    let _ = if v.kind == ViolationKind::Arg {
        ret.write_str("-")
    } else {
        write!(ret, "{}", v.ret)
    };
    pr_warn!(
        "violation syscall={} nr={} pid={} comm={} kind={} param={} value={:#x} allowed=\"{}\" ret={} errno={}\n",
        spec.name,
        spec.nr,
        pid,
        comm,
        kind,
        param,
        value,
        allowed.as_str(),
        ret.as_str(),
        err
    );
}

/// The value of a violation as its parameter's C type holds it: the low `bits` bits, so an
/// `int` of -1 shows as `0xffffffff`, not sign-extended to 64 bits.
fn shown_value(spec: &SyscallSpec, v: &Violation) -> u64 {
    let bits = v
        .param
        .and_then(|p| spec.params.get(usize::from(p)))
        .map_or(64, |p| u32::from(p.ty.bits));
    match 1u64.checked_shl(bits) {
        Some(limit) if bits < 64 => v.value & limit.wrapping_sub(1),
        _ => v.value,
    }
}
