// SPDX-License-Identifier: GPL-2.0

//! The probes: their registration on `sys_enter` and `sys_exit` ([`Probes`]), and their entry
//! points, called by the C probes.
//!
//! # Context
//!
//! Syscall tracepoints are faultable in 7.2: both functions run in process context of the task
//! making the syscall, preemptible, possibly migrating between CPUs. Nothing here depends on
//! the CPU: per-call state is keyed by the task (which makes at most one syscall at a time), not
//! kept per CPU. Nothing here allocates, sleeps or takes a lock, and every loop is bounded by a
//! constant or by a spec's static slices.
//!
//! # Cost
//!
//! Every syscall of every task comes through here while the validator is on, so the path of a
//! syscall without a spec is one bounds-checked table load and a return, before anything else
//! (the arguments are read from `pt_regs` only for a syscall with a spec). A call with a spec
//! costs its constraint checks plus a few single-instruction atomics: the in-flight slot is
//! claimed with one compare-and-exchange and holds the call's number and prediction in one word;
//! its arguments are stored only when a constraint was broken (only the oracle and the report
//! of such a call need them at exit).
//!
//! The slots use `core::sync::atomic`, which compiles to the same single instructions as the C
//! `atomic_*()` inlines; the kernel's `Atomic<T>` calls an out-of-line C helper per operation
//! (a call, with its return thunk) unless the kernel is built with `CONFIG_RUST_INLINE_HELPERS`
//! (clang-built kernels only), and the probes made about ten such calls per syscall. Only this
//! module touches these words.

use core::sync::atomic::{
    AtomicU64, AtomicUsize,
    Ordering::{Acquire, Relaxed, Release},
};

use kapi_checker::{check_entry, check_exit, Prediction, SyscallSpec, Verdict, MAX_PARAMS};
use kernel::{
    error::to_result,
    ffi::{c_long, c_ulong, c_void},
    prelude::*,
};

use crate::{bindings, coverage_state, report, spec_tables};

/// The probes on `sys_enter` and `sys_exit`, registered for as long as this value lives:
/// dropping it unregisters them and waits until none of them runs.
///
/// # Invariants
///
/// The probes are registered, and this is the only value that says so: only [`Probes::register`]
/// makes one, and it fails while another exists (the tracepoints refuse the same probe twice).
pub(crate) struct Probes(());

impl Probes {
    /// Registers the probes. Must not be called from a probe.
    pub(crate) fn register() -> Result<Self> {
        // No probe of this module runs while none is registered (the invariant: no `Probes`
        // exists, or this call fails below), so the in-flight table can be cleared.
        reset_inflight();
        // SAFETY: Called from process context. Registration fails with `EEXIST` if the probes
        // are already registered.
        to_result(unsafe { bindings::kapi_probes_register() })?;
        // INVARIANT: registered just now.
        Ok(Self(()))
    }
}

impl Drop for Probes {
    fn drop(&mut self) {
        // SAFETY: The probes are registered (type invariant); after this call none of them runs
        // or can start, so nothing of this module is used by them any more.
        unsafe { bindings::kapi_probes_unregister() };
    }
}

/// Slots for calls between their entry and exit; only calls of specified syscalls take one.
const SLOTS: usize = 256;
/// Slots tried per call before giving up (the call is then counted as untracked).
const PROBES: usize = 8;

/// The state of one call between `sys_enter` and `sys_exit`.
///
/// # Invariants
///
/// A slot whose `task` is non-zero is owned by that task: only the owner writes `call` and
/// `args`, between claiming the slot (setting `task`) and releasing it (clearing `task`).
struct Slot {
    task: AtomicUsize,
    /// The syscall number and the entry's prediction ([`pack`]).
    call: AtomicU64,
    /// The argument words, stored only when the prediction is not [`Prediction::NONE`].
    args: [AtomicU64; MAX_PARAMS],
}

impl Slot {
    const fn new() -> Self {
        Self {
            task: AtomicUsize::new(0),
            call: AtomicU64::new(0),
            args: [const { AtomicU64::new(0) }; MAX_PARAMS],
        }
    }
}

static INFLIGHT: [Slot; SLOTS] = [const { Slot::new() }; SLOTS];

/// One word for a slot's call: the syscall number (below `2^32` once looked up) in the high
/// half, the prediction's 16 bits in the low one.
fn pack(nr: u32, prediction: Prediction) -> u64 {
    u64::from(nr) << 32 | u64::from(prediction.to_bits())
}

/// The syscall number and the prediction of a word made by [`pack`].
fn unpack(call: u64) -> (u32, Prediction) {
    let [nr @ .., _, _, _, _] = call.to_be_bytes();
    let [.., p1, p0] = call.to_be_bytes();
    (
        u32::from_be_bytes(nr),
        Prediction::from_bits(u16::from_be_bytes([p1, p0])),
    )
}

fn slots_for(key: usize) -> impl Iterator<Item = &'static Slot> {
    // Fibonacci hashing of the task pointer spreads tasks over the table.
    let start = (key.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 56) % SLOTS;
    (0..PROBES).filter_map(move |i| INFLIGHT.get((start + i) % SLOTS))
}

/// Forgets every in-flight call. Called only while the probes are unregistered.
fn reset_inflight() {
    for slot in &INFLIGHT {
        slot.task.store(0, Release);
    }
}

/// Remembers, for its exit, the call to `nr` of the task `key`, the prediction its entry check
/// made and, if that predicts anything, its arguments.
fn remember(key: usize, nr: u32, args: &[u64; MAX_PARAMS], prediction: Prediction) -> bool {
    for slot in slots_for(key) {
        // A slot still owned by this task is stale (its exit was missed while the probes were
        // being switched); reuse it.
        let claimed = match slot.task.compare_exchange(0, key, Acquire, Relaxed) {
            Ok(_) => true,
            Err(owner) => owner == key,
        };
        if claimed {
            // INVARIANT: this task owns the slot now.
            if prediction.is_some() {
                for (dst, src) in slot.args.iter().zip(args) {
                    dst.store(*src, Relaxed);
                }
            }
            slot.call.store(pack(nr, prediction), Relaxed);
            return true;
        }
    }
    false
}

/// Takes back what [`remember`] kept of the task `key`'s call to `nr`, if anything: the
/// prediction and the arguments (all 0 when the prediction is [`Prediction::NONE`]).
fn recall(key: usize, nr: u32) -> Option<([u64; MAX_PARAMS], Prediction)> {
    let slot = slots_for(key).find(|slot| slot.task.load(Relaxed) == key)?;
    let (call_nr, prediction) = unpack(slot.call.load(Relaxed));
    let mut args = [0u64; MAX_PARAMS];
    if prediction.is_some() {
        for (dst, src) in args.iter_mut().zip(&slot.args) {
            *dst = src.load(Relaxed);
        }
    }
    // INVARIANT: the slot is free again; the owner's reads above happen before another task
    // can claim it.
    slot.task.store(0, Release);
    // A tracer may have changed the syscall number between entry and exit: no verdict then.
    (call_nr == nr).then_some((args, prediction))
}

/// Called by the C probe on `sys_enter` of every native syscall, with the number of the
/// syscall, its registers and the task making it.
///
/// # Safety
///
/// `regs` is the calling task's `pt_regs` and `task` is that task, both valid for the call.
#[no_mangle]
pub(crate) unsafe extern "C" fn kapi_validator_sys_enter(
    nr: c_long,
    regs: *mut bindings::pt_regs,
    task: *mut c_void,
) {
    let Some((idx, spec)) = spec_tables::lookup(nr) else {
        return;
    };
    // SAFETY: Forwarded from the caller.
    unsafe { enter(idx, spec, regs, task) }
}

/// The `sys_enter` of a syscall with a spec: `spec` is `ALL[idx]`.
///
/// # Safety
///
/// As for [`kapi_validator_sys_enter`].
#[inline(never)]
unsafe fn enter(idx: usize, spec: &SyscallSpec, regs: *mut bindings::pt_regs, task: *mut c_void) {
    let mut args = [0u64; MAX_PARAMS];
    // SAFETY: `task` and `regs` are the current task and its registers (the caller's
    // guarantee), and `args` has room for the `MAX_PARAMS` words the helper writes: `unsigned
    // long` is `u64` on every (64-bit) architecture this module builds for.
    unsafe {
        bindings::kapi_syscall_get_arguments(task.cast(), regs, args.as_mut_ptr().cast::<c_ulong>())
    };
    report::count_call(idx);
    let entry = check_entry(spec, &args);
    // A clean call covers no constraint and reports nothing: no verdict to build.
    if !entry.is_clean() {
        let mut verdict = Verdict::new();
        entry.violations(spec, &args, &mut verdict);
        coverage_state::entry(idx, spec, &verdict);
        report::verdict(idx, spec, &verdict);
    }
    // The task pointer is only an identity; it is never printed.
    if !remember(task.addr(), spec.nr, &args, entry.prediction()) {
        report::count_untracked(idx);
    }
}

/// Called by the C probe on `sys_exit` of every native syscall, with the number of the syscall,
/// its return value and the task that made it (an identity only; not dereferenced).
#[no_mangle]
pub(crate) extern "C" fn kapi_validator_sys_exit(nr: c_long, ret: c_long, task: *mut c_void) {
    let Some((idx, spec)) = spec_tables::lookup(nr) else {
        return;
    };
    // `long` is 64 bits wide on every architecture this module builds for: never `Err`.
    let Ok(ret) = i64::try_from(ret) else {
        return;
    };
    exit(idx, spec, ret, task.addr());
}

/// The `sys_exit` of a syscall with a spec: `spec` is `ALL[idx]`, `key` the task.
#[inline(never)]
fn exit(idx: usize, spec: &SyscallSpec, ret: i64, key: usize) {
    // An exit whose entry was not seen (the probes were registered mid-call, or seccomp or
    // ptrace skipped sys_enter) is not judged.
    let Some((args, prediction)) = recall(key, spec.nr) else {
        return;
    };
    report::count_exit(idx);
    coverage_state::exit(idx, spec, ret);
    let exit = check_exit(spec, &args, prediction, ret);
    if !exit.is_clean() {
        let mut verdict = Verdict::new();
        exit.violations(spec, &args, ret, &mut verdict);
        report::verdict(idx, spec, &verdict);
    }
}
