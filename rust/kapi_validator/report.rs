// SPDX-License-Identifier: GPL-2.0

//! Reporting: per-syscall counters, and per violation one report line in dmesg (rate-limited)
//! and in the trace event `events/kapi_validator/kapi_violation`: the same line in both, as
//! `kapi_checker::report` defines it, e.g.
//!
//! ```text
//! kapi_validator: violation syscall=mlock2 nr=325 pid=42 comm=prog kind=arg param=flags value=0x80 allowed="mask 0x1" ret=- errno=-
//! ```
//!
//! Counters are exact; only dmesg is limited: to the kinds chosen (module parameter and debugfs
//! file `dmesg_kinds`), each kind within its own rate limit, `arg` reports (the kernel rejecting
//! a caller's bad argument, as it should) at `KERN_INFO` and disagreements with the kernel at
//! `KERN_WARNING`. No kernel address is ever printed.

use core::{
    fmt,
    sync::atomic::{AtomicU32, AtomicU64, Ordering::Relaxed},
};

use kapi_checker::{
    report::{self, Report, REPORT_CAPACITY},
    MessageBuf, SyscallSpec, Verdict, Violation, ViolationKind,
};
use kernel::prelude::*;

use crate::{
    bindings,
    spec_tables::{self, ALL, NR_SPECS},
};

const NR_KINDS: usize = ViolationKind::ALL.len();

// The C file keeps one dmesg rate limit per kind.
const _: () = assert!(bindings::KAPI_NR_KINDS as usize == NR_KINDS);

/// Every kind of report, as a [`dmesg_kinds`] mask: bit `i` is `ViolationKind::ALL[i]`.
pub(crate) const ALL_KINDS: u32 = (1 << NR_KINDS) - 1;

/// The kinds of report printed to dmesg (a mask of [`ALL_KINDS`]).
static DMESG_KINDS: AtomicU32 = AtomicU32::new(ALL_KINDS);

/// The bit of `kind` in a [`dmesg_kinds`] mask.
pub(crate) fn kind_bit(kind: ViolationKind) -> u32 {
    1 << (kind as u32)
}

/// The kinds of report printed to dmesg.
pub(crate) fn dmesg_kinds() -> u32 {
    DMESG_KINDS.load(Relaxed)
}

/// Chooses the kinds of report printed to dmesg; `EINVAL` for a bit that is no kind.
pub(crate) fn set_dmesg_kinds(mask: u32) -> Result {
    if mask & !ALL_KINDS != 0 {
        return Err(EINVAL);
    }
    DMESG_KINDS.store(mask, Relaxed);
    Ok(())
}

/// Counters of one syscall.
struct Stats {
    /// Calls whose entry was checked.
    calls: AtomicU64,
    /// Calls whose exit was checked.
    exits: AtomicU64,
    /// Calls whose exit needed their entry kept (see `probes.rs`) and found no free slot.
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

pub(crate) fn count_exit(idx: usize) {
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
    write!(
        f,
        "{:<16} {:>5} {:>10} {:>10} {:>9}",
        "syscall", "nr", "calls", "exits", "untracked"
    )?;
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

fn kapi_str(s: &str) -> bindings::kapi_str {
    bindings::kapi_str {
        ptr: s.as_ptr().cast(),
        len: u32::try_from(s.len()).unwrap_or(u32::MAX),
    }
}

/// Counts and reports every violation of a verdict.
pub(crate) fn verdict(idx: usize, spec: &SyscallSpec, verdict: &Verdict) {
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
        count_and_report(s, spec, v);
    }
}

/// Counts and reports one violation of a call to spec `idx`.
pub(crate) fn violation(idx: usize, spec: &SyscallSpec, v: &Violation) {
    if let Some(s) = stats(idx) {
        count_and_report(s, spec, v);
    }
}

fn count_and_report(s: &Stats, spec: &SyscallSpec, v: &Violation) {
    if let Some(counter) = s.violations.get(usize::from(v.kind as u8)) {
        counter.fetch_add(1, Relaxed);
    }
    report(spec, v);
}

/// The current task's name (`comm`), up to its NUL, in `buf`.
fn current_comm(buf: &mut [u8; TASK_COMM_LEN]) -> &str {
    // SAFETY: `buf` is writable for its whole length; the C side NUL-terminates within it.
    unsafe { bindings::kapi_current_comm(buf.as_mut_ptr().cast(), buf.len()) };
    let len = buf.iter().position(|&b| b == 0).unwrap_or(buf.len());
    core::str::from_utf8(buf.get(..len).unwrap_or(&[])).unwrap_or("?")
}

/// The size of a task's name with its NUL (`TASK_COMM_LEN`; a longer name would be cut).
const TASK_COMM_LEN: usize = 16;

/// Prints one violation as a report line (`kapi_checker::report`) to the trace event, if it is
/// enabled, and to dmesg, within its rate limit.
fn report(spec: &SyscallSpec, v: &Violation) {
    // A flood of bad calls is counted in full, but formatted only for an output that takes it:
    // the trace event when someone enabled it, dmesg for a chosen kind within its rate limit.
    // SAFETY: Always safe to call; reads a static key.
    let tracing = unsafe { bindings::kapi_trace_enabled() };
    let printing = dmesg_kinds() & kind_bit(v.kind) != 0
        // SAFETY: Always safe to call; takes a raw spinlock only.
        && unsafe { bindings::kapi_report_ratelimit(v.kind as u32) };
    if !tracing && !printing {
        return;
    }
    let mut comm = [0u8; TASK_COMM_LEN];
    let r = Report {
        spec,
        violation: v,
        pid: kernel::current!().pid(),
        comm: current_comm(&mut comm),
        errno_names: spec_tables::errno_name,
    };
    let line = MessageBuf::<REPORT_CAPACITY>::format_into(format_args!("{r}"));
    if tracing {
        let record = bindings::kapi_report {
            line: kapi_str(line.as_str()),
            syscall: kapi_str(spec.name),
            kind: kapi_str(v.kind.name()),
            param: kapi_str(r.param()),
            err: kapi_str(r.errno()),
            value: r.value(),
            ret: r.ret().unwrap_or(0),
            nr: spec.nr,
        };
        // SAFETY: `record` and the strings it points to are valid for the duration of the call;
        // the trace event copies them.
        unsafe { bindings::kapi_trace_violation(&record) };
    }
    if printing {
        // A bad argument that the kernel rejects is the kernel doing its job; a disagreement
        // with the spec is what the validator is for.
        if v.kind == ViolationKind::Arg {
            pr_info!("{}{}\n", report::DMESG_TAG, line.as_str());
        } else {
            pr_warn!("{}{}\n", report::DMESG_TAG, line.as_str());
        }
    }
}
