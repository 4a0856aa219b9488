// SPDX-License-Identifier: GPL-2.0

//! The probes: their registration on `sys_enter` and `sys_exit` ([`Probes`]), and their entry
//! points, called by the C probes.
//!
//! # Context
//!
//! Syscall tracepoints are faultable in 7.2: both functions run in process context of the task
//! making the syscall, preemptible, possibly migrating between CPUs. Nothing here allocates,
//! sleeps or takes a lock, and every loop is bounded by a constant or by a spec's static slices.
//!
//! # Judging an exit without state
//!
//! On x86_64 the `sys_exit` tracepoint hands over the task's `pt_regs`, and for nearly every
//! call they still hold, at exit, the syscall number (`orig_ax`) and the argument registers as
//! the entry saw them: the kernel's syscall code reads its arguments, it does not write the
//! registers. The entry's prediction is a pure function of spec and arguments, so the exit
//! recomputes it from the registers: no state is kept between entry and exit, for any number of
//! calls blocked at once. What runs between `sys_enter` and `sys_exit`
//! (`kernel/entry/`, `arch/x86/entry/`, Linux 7.2), case by case:
//!
//! - signal delivery and syscall restart (`arch_do_signal_or_restart()`: `ax = orig_ax`,
//!   `ip -= 2`) run after `sys_exit`, which sees the raw `-ERESTART*` value
//!   ([`check_exit`] treats `-ERESTARTNOINTR` as a restart; the call is judged again when it
//!   runs again); `restart_syscall` is a syscall of its own;
//! - a tracer's entry stop and seccomp run before `sys_enter`: a tracer that rewrites the
//!   arguments or the number does so before the entry sees them, and the exit sees the same;
//!   a tracer that sets the number to -1 skips the call, and neither probe finds a spec;
//! - a call that seccomp skips (`RET_ERRNO`, `RET_TRAP`, `RET_TRACE` without a tracer, a
//!   `USER_NOTIF` reply) reaches `sys_exit` with the filter's result and no entry. Nothing in
//!   the registers tells it from a call that ran, so for a task under seccomp
//!   (`SYSCALL_WORK_SECCOMP`, which is never cleared) the entry keeps its call in a small
//!   table ([`remember`]) and the exit judges only a call found there; more than [`SLOTS`]
//!   such calls in flight are counted as `untracked`;
//! - under `PTRACE_SYSEMU` no syscall runs and `sys_enter` never fires: its exits are not
//!   judged;
//! - a fatal signal at a tracer's entry stop skips the call too: it exits with the initial
//!   `-ENOSYS` and no entry, and the task dies; such an exit is not judged;
//! - `execve`/`execveat` past the point of no return and the clone family (a child's first
//!   return has no entry) rewrite or lack the registers: [`kapi_checker::PAIRED`] lists them,
//!   and their calls are kept in the table like a seccomp task's;
//! - `rt_sigreturn` and the uprobe syscalls reload the registers and set `orig_ax` to -1: no
//!   spec is found; compat syscalls are skipped by the C probes; io_uring and vsyscall
//!   emulation fire neither tracepoint.
//!
//! An exit whose entry came before the probes were registered is judged like any other (the
//! registers are the same): `exits` can exceed `calls` by the calls in flight at that moment.
//!
//! # Cost
//!
//! Every syscall of every task goes through the C probes while the validator is on; they look
//! it up in [`spec_tables::kapi_spec_index`] inline, so only a syscall with a spec reaches
//! Rust, with its argument words. Such a call costs its constraint checks, twice (at entry for
//! its reports, at exit for its prediction), and two counters.
//!
//! The counters and slots use `core::sync::atomic`, which compiles to the same single
//! instructions as the C `atomic_*()` inlines; the kernel's `Atomic<T>` calls an out-of-line C
//! helper per operation (a call, with its return thunk) unless the kernel is built with
//! `CONFIG_RUST_INLINE_HELPERS` (clang-built kernels only). Only this module touches these
//! words.

use core::sync::atomic::{
    AtomicU64, AtomicUsize,
    Ordering::{Acquire, Relaxed, Release},
};

use kapi_checker::{
    check_exit, Entry, Exit, Prediction, ReturnCheck, SyscallSpec, Verdict, MAX_PARAMS,
};
use kernel::{
    error::to_result,
    ffi::{c_long, c_ulong},
    prelude::*,
};

use crate::{
    bindings, coverage_state, report,
    spec_tables::{self, ALL, NR_SPECS, SPECS},
};

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

/// Slots for the calls whose exit needs what their entry saw (see the module documentation):
/// only the [`kapi_checker::PAIRED`] syscalls and the calls of tasks under seccomp take one.
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

/// Takes back what [`remember`] kept of the task `key`'s call, if anything: the syscall number
/// its entry saw, the prediction and the arguments (all 0 when the prediction is
/// [`Prediction::NONE`]). The number can differ from the one at exit: a successful `execveat`
/// exits as `execve`.
fn recall(key: usize) -> Option<(u32, [u64; MAX_PARAMS], Prediction)> {
    let slot = slots_for(key).find(|slot| slot.task.load(Relaxed) == key)?;
    let (nr, prediction) = unpack(slot.call.load(Relaxed));
    let mut args = [0u64; MAX_PARAMS];
    if prediction.is_some() {
        for (dst, src) in args.iter_mut().zip(&slot.args) {
            *dst = src.load(Relaxed);
        }
    }
    // INVARIANT: the slot is free again; the owner's reads above happen before another task
    // can claim it.
    slot.task.store(0, Release);
    Some((nr, args, prediction))
}

/// How the exit of a call is judged.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Pairing {
    /// From the registers at exit.
    Registers,
    /// From what the entry kept ([`remember`]).
    Entry,
    /// Not at all.
    None,
}

impl Pairing {
    /// How the exit of a call to `spec` is judged, given what the C probe read of the task's
    /// syscall work flags.
    fn of(spec: &SyscallSpec, pairing: bindings::kapi_pairing) -> Self {
        match pairing {
            bindings::kapi_pairing_KAPI_PAIRING_REGS if !spec.paired => Self::Registers,
            bindings::kapi_pairing_KAPI_PAIRING_REGS
            | bindings::kapi_pairing_KAPI_PAIRING_ENTRY => Self::Entry,
            bindings::kapi_pairing_KAPI_PAIRING_NONE => Self::None,
            // No other value is passed.
            _ => Self::None,
        }
    }
}

/// The six argument words the C probe read from the registers, for as long as `'a`.
///
/// # Safety
///
/// `args` points to [`MAX_PARAMS`] words, valid and unchanged for `'a`.
unsafe fn arguments<'a>(args: *const c_ulong) -> &'a [u64; MAX_PARAMS] {
    // SAFETY: `args` points to `MAX_PARAMS` words valid for `'a` (the caller's guarantee), and
    // `unsigned long` is `u64` on every (64-bit) architecture this module builds for.
    unsafe { &*args.cast::<[u64; MAX_PARAMS]>() }
}

/// The probes of each spec: `sys_enter::<IDX>` and `sys_exit::<IDX>` for every position `IDX`
/// of [`ALL`], one copy per spec, in which the spec's tables are constants (its checks inline,
/// its counters at fixed addresses). The C probes find them by syscall number in
/// [`kapi_sys_enter`] and [`kapi_sys_exit`].
macro_rules! probe_tables {
    ($($idx:literal)*) => {
        const SYS_ENTER: [bindings::kapi_enter_fn; NR_SPECS] = [$(Some(sys_enter::<$idx>)),*];
        const SYS_EXIT: [bindings::kapi_exit_fn; NR_SPECS] = [$(Some(sys_exit::<$idx>)),*];
    };
}
spec_tables::with_spec_positions!(probe_tables);

/// `kapi_sys_enter[nr]`: the `sys_enter` probe of syscall `nr`'s spec, or NULL; the C probe
/// looks every syscall up here, inline, so that a syscall without a spec costs a bounds check
/// and a load. It has [`kapi_sys_probes_len`] entries, as has [`kapi_sys_exit`].
#[no_mangle]
#[allow(non_upper_case_globals)]
pub(crate) static kapi_sys_enter: [bindings::kapi_enter_fn; SPECS.len()] =
    spec_tables::by_nr!(|i| SYS_ENTER[i], None);

/// `kapi_sys_exit[nr]`: the `sys_exit` probe of syscall `nr`'s spec, or NULL.
#[no_mangle]
#[allow(non_upper_case_globals)]
pub(crate) static kapi_sys_exit: [bindings::kapi_exit_fn; SPECS.len()] =
    spec_tables::by_nr!(|i| SYS_EXIT[i], None);

/// The length of [`kapi_sys_enter`] and [`kapi_sys_exit`].
#[no_mangle]
#[allow(non_upper_case_globals)]
pub(crate) static kapi_sys_probes_len: usize = SPECS.len();

/// The `sys_enter` probe of the spec at position `IDX` of [`ALL`], called by the C probe with
/// the syscall's argument words, how its exit is judged and the task making it.
///
/// # Safety
///
/// `args` points to six words, valid for the call, and `task` is the current task.
unsafe extern "C" fn sys_enter<const IDX: usize>(
    args: *const c_ulong,
    pairing: bindings::kapi_pairing,
    task: *mut bindings::task_struct,
) {
    let Some(&spec) = ALL.get(IDX) else {
        return;
    };
    // SAFETY: Forwarded from the caller (the words live on the C probe's stack until this
    // function returns).
    let args = unsafe { arguments(args) };
    enter(IDX, spec, args, Pairing::of(spec, pairing), task.addr());
}

/// The `sys_enter` of a syscall with a spec: `spec` is `ALL[idx]`, `key` the task.
#[inline(always)]
fn enter(idx: usize, spec: &SyscallSpec, args: &[u64; MAX_PARAMS], pairing: Pairing, key: usize) {
    report::count_call(idx);
    if spec.ret == ReturnCheck::NoReturn {
        // No exit will show its success (exit, exit_group): the entry is all there is.
        coverage_state::no_return(idx);
    }
    let entry = spec_tables::check_entry_of(idx, args);
    // A clean call of a task whose exit needs no kept entry is done: the common case, with no
    // call left to make.
    if !entry.is_clean() || pairing == Pairing::Entry {
        enter_slow(idx, spec, args, entry, pairing, key);
    }
}

/// The rest of [`enter`]: the verdict and reports of an entry that broke something, and what
/// an exit that needs it must find ([`remember`]).
#[inline(never)]
fn enter_slow(
    idx: usize,
    spec: &SyscallSpec,
    args: &[u64; MAX_PARAMS],
    entry: Entry,
    pairing: Pairing,
    key: usize,
) {
    if !entry.is_clean() {
        report_entry(idx, spec, args, entry);
    }
    // The task pointer is only an identity; it is never printed.
    if pairing == Pairing::Entry && !remember(key, spec.nr, args, entry.prediction()) {
        report::count_untracked(idx);
    }
}

/// The verdict and reports of an entry that broke something.
#[cold]
#[inline(never)]
fn report_entry(idx: usize, spec: &SyscallSpec, args: &[u64; MAX_PARAMS], entry: Entry) {
    // One broken constraint (most bad calls): its violation is the whole verdict.
    if let Some(v) = entry.single(spec, args) {
        coverage_state::entry_violation(idx, spec, &v);
        report::violation(idx, spec, &v);
        return;
    }
    let mut verdict = Verdict::new();
    entry.violations(spec, args, &mut verdict);
    coverage_state::entry(idx, spec, &verdict);
    report::verdict(idx, spec, &verdict);
}

/// The `sys_exit` probe of the spec at position `IDX` of [`ALL`], called by the C probe with
/// the syscall's argument words as the registers hold them at exit, its return value, how its
/// exit is judged and the task that made it.
///
/// # Safety
///
/// `args` points to six words, valid for the call, and `task` is the current task.
unsafe extern "C" fn sys_exit<const IDX: usize>(
    args: *const c_ulong,
    ret: c_long,
    pairing: bindings::kapi_pairing,
    task: *mut bindings::task_struct,
) {
    let Some(&spec) = ALL.get(IDX) else {
        return;
    };
    // `long` is 64 bits wide on every architecture this module builds for: never `Err`.
    let Ok(ret) = i64::try_from(ret) else {
        return;
    };
    match Pairing::of(spec, pairing) {
        Pairing::None => {}
        Pairing::Registers => {
            // A call that a tracer's entry stop refused because the task is being killed
            // exits with the initial -ENOSYS and no entry.
            if ret == -i64::from(kernel::bindings::ENOSYS) {
                // SAFETY: `task` is the current task (the caller's guarantee).
                if unsafe { bindings::kapi_fatal_signal_pending(task) } {
                    return;
                }
            }
            // SAFETY: Forwarded from the caller (the words live on the C probe's stack until
            // this function returns).
            let args = unsafe { arguments(args) };
            let prediction = spec_tables::check_entry_of(IDX, args).prediction();
            exit(IDX, spec, args, prediction, ret);
        }
        Pairing::Entry => exit_kept(task.addr(), ret),
    }
}

/// The `sys_exit` of a call whose entry kept what it saw ([`remember`]), by the task `key`.
#[inline(never)]
fn exit_kept(key: usize, ret: i64) {
    // An exit without a kept entry (seccomp skipped the call, or the entry could not be kept
    // and was counted as untracked) is not judged.
    let Some((nr, args, prediction)) = recall(key) else {
        return;
    };
    // Judged as the syscall its entry saw.
    if let Some((idx, spec)) = spec_tables::lookup(nr) {
        exit(idx, spec, &args, prediction, ret);
    }
}

/// The `sys_exit` of a syscall with a spec: `spec` is `ALL[idx]`, `prediction` what its
/// arguments `args` predict.
#[inline(always)]
fn exit(
    idx: usize,
    spec: &SyscallSpec,
    args: &[u64; MAX_PARAMS],
    prediction: Prediction,
    ret: i64,
) {
    report::count_exit(idx);
    coverage_state::exit(idx, spec, ret);
    let exit = check_exit(spec, args, prediction, ret);
    if !exit.is_clean() {
        report_exit(idx, spec, args, ret, exit);
    }
}

/// The verdict and reports of an exit that broke something.
#[cold]
#[inline(never)]
fn report_exit(idx: usize, spec: &SyscallSpec, args: &[u64; MAX_PARAMS], ret: i64, exit: Exit) {
    let mut verdict = Verdict::new();
    exit.violations(spec, args, ret, &mut verdict);
    report::verdict(idx, spec, &verdict);
}
