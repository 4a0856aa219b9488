// SPDX-License-Identifier: GPL-2.0

//! The probes' entry points, called by the C probes on `sys_enter` and `sys_exit`.
//!
//! # Context
//!
//! Syscall tracepoints are faultable in 7.2: both functions run in process context of the task
//! making the syscall, preemptible, possibly migrating between CPUs. Nothing here depends on
//! the CPU: per-call state is keyed by the task (which makes at most one syscall at a time), not
//! kept per CPU. Nothing here allocates, sleeps or takes a lock, and every loop is bounded by a
//! constant or by a spec's static slices.

use kapi_checker::{check_entry, check_exit, Prediction, Verdict, MAX_PARAMS};
use kernel::{
    ffi::{c_long, c_ulong},
    sync::atomic::{Acquire, Atomic, Full, Relaxed, Release},
    task::Task,
};

use crate::{coverage, report, spec_tables};

/// Slots for calls between their entry and exit; only calls of specified syscalls take one.
const SLOTS: usize = 256;
/// Slots tried per call before giving up (the call is then counted as untracked).
const PROBES: usize = 8;

/// The state of one call between `sys_enter` and `sys_exit`.
///
/// # Invariants
///
/// A slot whose `task` is non-zero is owned by that task: only the owner writes `nr`, `args` and
/// `prediction`, between claiming the slot (setting `task`) and releasing it (clearing `task`).
struct Slot {
    task: Atomic<usize>,
    nr: Atomic<i64>,
    args: [Atomic<u64>; MAX_PARAMS],
    /// What the entry check predicted for the outcome ([`Prediction::to_bits`]).
    prediction: Atomic<u32>,
}

impl Slot {
    const fn new() -> Self {
        Self {
            task: Atomic::new(0),
            nr: Atomic::new(-1),
            args: [const { Atomic::new(0) }; MAX_PARAMS],
            prediction: Atomic::new(0),
        }
    }
}

static INFLIGHT: [Slot; SLOTS] = [const { Slot::new() }; SLOTS];

fn current_key() -> usize {
    // The task pointer is only used as an identity; it is never printed.
    Task::current_raw() as usize
}

fn slots_for(key: usize) -> impl Iterator<Item = &'static Slot> {
    // Fibonacci hashing of the task pointer spreads tasks over the table.
    let start = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) % SLOTS;
    (0..PROBES).filter_map(move |i| INFLIGHT.get((start + i) % SLOTS))
}

/// Forgets every in-flight call. Called only while the probes are unregistered.
pub(crate) fn reset_inflight() {
    for slot in &INFLIGHT {
        slot.task.store(0, Release);
    }
}

/// Remembers the arguments of the current task's call to `nr`, and what the entry check
/// predicted from them, for its exit.
fn remember(nr: i64, args: &[u64; MAX_PARAMS], prediction: Prediction) -> bool {
    let key = current_key();
    for slot in slots_for(key) {
        // A slot still owned by this task is stale (its exit was missed while the probes were
        // being switched); reuse it.
        let owned = slot.task.load(Relaxed) == key;
        if owned || slot.task.cmpxchg(0, key, Full).is_ok() {
            // INVARIANT: this task owns the slot now.
            slot.nr.store(nr, Relaxed);
            for (dst, src) in slot.args.iter().zip(args) {
                dst.store(*src, Relaxed);
            }
            slot.prediction.store(u32::from(prediction.to_bits()), Relaxed);
            return true;
        }
    }
    false
}

/// Takes back the arguments and the prediction remembered at the current task's entry into `nr`,
/// if any.
fn recall(nr: i64) -> Option<([u64; MAX_PARAMS], Prediction)> {
    let key = current_key();
    let slot = slots_for(key).find(|slot| slot.task.load(Acquire) == key)?;
    let mut args = [0u64; MAX_PARAMS];
    for (dst, src) in args.iter_mut().zip(&slot.args) {
        *dst = src.load(Relaxed);
    }
    // Only `remember` stores it, from a `u16`.
    let prediction = u16::try_from(slot.prediction.load(Relaxed))
        .map_or(Prediction::NONE, Prediction::from_bits);
    let same_call = slot.nr.load(Relaxed) == nr;
    // INVARIANT: the slot is free again.
    slot.task.store(0, Release);
    // A tracer may have changed the syscall number between entry and exit: no verdict then.
    same_call.then_some((args, prediction))
}

/// Called by the C probe on `sys_enter` of every native syscall.
///
/// # Safety
///
/// `args` points to `MAX_PARAMS` readable argument words.
#[no_mangle]
pub(crate) unsafe extern "C" fn kapi_validator_sys_enter(nr: c_long, args: *const c_ulong) {
    // `long` is 64 bits wide on every architecture this module builds for.
    let nr = nr as i64;
    let Some((idx, spec)) = spec_tables::lookup(nr) else {
        return;
    };
    // SAFETY: The caller guarantees `args` points to `MAX_PARAMS` argument words, and
    // `c_ulong` is `u64` on every 64-bit architecture this module builds for.
    let args: [u64; MAX_PARAMS] = unsafe { args.cast::<[u64; MAX_PARAMS]>().read() };
    report::count_call(idx);
    let entry = check_entry(spec, &args);
    // A clean call covers no constraint and reports nothing: no verdict to build.
    if !entry.is_clean() {
        let mut verdict = Verdict::new();
        entry.violations(spec, &args, &mut verdict);
        coverage::entry(idx, spec, &verdict);
        report::verdict(idx, spec, &args, &verdict);
    }
    if !remember(nr, &args, entry.prediction()) {
        report::count_untracked(idx);
    }
}

/// Called by the C probe on `sys_exit` of every native syscall.
#[no_mangle]
pub(crate) extern "C" fn kapi_validator_sys_exit(nr: c_long, ret: c_long) {
    // `long` is 64 bits wide on every architecture this module builds for.
    let (nr, ret) = (nr as i64, ret as i64);
    let Some((idx, spec)) = spec_tables::lookup(nr) else {
        return;
    };
    // An exit whose entry was not seen (the probes were registered mid-call, or seccomp or
    // ptrace skipped sys_enter) is not judged.
    let Some((args, prediction)) = recall(nr) else {
        return;
    };
    report::count_exit(idx, ret);
    coverage::exit(idx, spec, ret);
    let exit = check_exit(spec, &args, prediction, ret);
    if !exit.is_clean() {
        let mut verdict = Verdict::new();
        exit.violations(spec, &args, ret, &mut verdict);
        report::verdict(idx, spec, &args, &verdict);
    }
}
