// SPDX-License-Identifier: GPL-2.0

//! Spec coverage: per spec, whether a success was seen, which declared errnos were returned and
//! which constraints arguments were seen breaking, since load or the last reset.
//!
//! The bits are chosen by [`kapi_checker::coverage`] (bit `i` of the errno word is
//! `spec.errors[i]`, bit `i` of the constraint word the spec's `i`-th constraint; at most
//! [`MAX_COVERED`] of each). Here they are kept in three words per spec, set with `fetch_or`:
//! no lock, no allocation, no loop beyond the spec's bounded slices. The words are `core`
//! atomics because the kernel's `Atomic<T>` has no bitwise read-modify-write yet; they are only
//! ever read whole, by the debugfs file, so `Relaxed` is enough. A reset racing with a call may
//! lose that call's bits, as a statistics reset may lose a count.
//!
//! The debugfs file `coverage` has one line per item, four fields separated by one space:
//!
//! ```text
//! mlock2 success - seen
//! mlock2 errno EINVAL seen
//! mlock2 errno EPERM unseen
//! mlock2 constraint flags:mask seen
//! ```
//!
//! For each spec in syscall-number order: the `success` line, one `errno` line per declared
//! errno in spec order, one `constraint` line per constraint (`<param>:<kind>`, see
//! [`kapi_checker::coverage::ConstraintLabel`]) in spec order.

use core::{
    fmt,
    sync::atomic::{AtomicU64, Ordering::Relaxed},
};

use kapi_checker::{
    coverage::{
        broken_constraint, broken_constraints, covered_constraints, covered_errors, exit_outcome,
        Outcome, MAX_COVERED,
    },
    SyscallSpec, Verdict, Violation,
};

use crate::spec_tables::{ALL, NR_SPECS};

// The bitmaps are one word each.
const _: () = assert!(MAX_COVERED == u64::BITS as usize);

/// The coverage of one spec.
struct Coverage {
    /// Bit 0: a call succeeded.
    success: AtomicU64,
    /// Declared errnos returned, by position in `spec.errors`.
    errnos: AtomicU64,
    /// Constraints seen broken at entry, numbered through the parameters.
    constraints: AtomicU64,
}

impl Coverage {
    const fn new() -> Self {
        Self {
            success: AtomicU64::new(0),
            errnos: AtomicU64::new(0),
            constraints: AtomicU64::new(0),
        }
    }
}

static COVERAGE: [Coverage; NR_SPECS] = [const { Coverage::new() }; NR_SPECS];

/// Sets `bits` in `word`. Most calls cover what earlier ones did: the load keeps that case free
/// of writes to the shared cache line.
fn set(word: &AtomicU64, bits: u64) {
    if bits != 0 && word.load(Relaxed) & bits != bits {
        word.fetch_or(bits, Relaxed);
    }
}

/// Records the constraints the entry verdict of a call to spec `idx` shows broken.
pub(crate) fn entry(idx: usize, spec: &SyscallSpec, verdict: &Verdict) {
    if let Some(c) = COVERAGE.get(idx) {
        set(&c.constraints, broken_constraints(spec, verdict));
    }
}

/// Records the one constraint an entry of a call to spec `idx` broke ([`Violation`] of
/// `Entry::single`).
pub(crate) fn entry_violation(idx: usize, spec: &SyscallSpec, v: &Violation) {
    if let (Some(c), Some(bit)) = (COVERAGE.get(idx), broken_constraint(spec, v)) {
        set(&c.constraints, bit);
    }
}

/// Records what the return value of a call to spec `idx` covers.
pub(crate) fn exit(idx: usize, spec: &SyscallSpec, ret: i64) {
    let Some(c) = COVERAGE.get(idx) else {
        return;
    };
    match exit_outcome(spec, ret) {
        Outcome::Success => set(&c.success, 1),
        Outcome::Errno(bit) => set(&c.errnos, bit),
        Outcome::Untracked => {}
    }
}

/// Records the call of a spec `idx` that does not return on success (`ReturnCheck::NoReturn`):
/// made, it succeeded as far as anything at `sys_exit` can tell.
pub(crate) fn no_return(idx: usize) {
    if let Some(c) = COVERAGE.get(idx) {
        set(&c.success, 1);
    }
}

/// Forgets everything covered.
pub(crate) fn reset() {
    for c in &COVERAGE {
        c.success.store(0, Relaxed);
        c.errnos.store(0, Relaxed);
        c.constraints.store(0, Relaxed);
    }
}

fn state(word: u64, bit: u64) -> &'static str {
    if word & bit != 0 {
        "seen"
    } else {
        "unseen"
    }
}

/// Writes the coverage file (format in the module documentation).
pub(crate) fn write(f: &mut fmt::Formatter<'_>) -> fmt::Result {
    for (spec, c) in ALL.iter().zip(&COVERAGE) {
        let name = spec.name;
        writeln!(f, "{name} success - {}", state(c.success.load(Relaxed), 1))?;
        let errnos = c.errnos.load(Relaxed);
        for (bit, e) in covered_errors(spec) {
            writeln!(f, "{name} errno {} {}", e.name, state(errnos, bit))?;
        }
        let constraints = c.constraints.load(Relaxed);
        for k in covered_constraints(spec) {
            writeln!(
                f,
                "{name} constraint {} {}",
                k.label,
                state(constraints, k.bit)
            )?;
        }
    }
    Ok(())
}
