// SPDX-License-Identifier: GPL-2.0

//! Cost of judging one call: `check_entry` plus `check_exit`, as the module's `sys_enter` and
//! `sys_exit` probes run them (a `Verdict` on the stack and filled only for a check that is not
//! clean), on the mlock2- and mlockall-like specs the tests use.
//!
//! `cargo bench -p kapi_checker` first prints, per case, the fastest of 300 rounds of 20000
//! pairs (ns per pair): on a shared machine noise only adds time, so this is the steadiest
//! figure. Then criterion's `time: [low estimate high]` per case. These are host figures (user
//! space, optimised, overflow checks off as in cargo's bench profile); the kernel build uses
//! `-Copt-level=s` with overflow checks on.
//!
//! Two baselines print alongside, to read the other figures against:
//!
//! - `baseline/harness`: the same `black_box`es with no checker call, the floor of the harness
//!   itself (about 1 ns best-of, a few ns under criterion).
//! - `baseline/empty_spec`: both checks on a spec with nothing to check. This is the fixed cost
//!   of a pair: two calls returning a few bytes each ([`Entry`](kapi_checker::Entry),
//!   [`Exit`](kapi_checker::Exit)) plus the errno and return checks. Everything above it is
//!   constraint evaluation: a clean call evaluates each constraint once, at entry (the exit check
//!   uses the entry's `Prediction`); a call that breaks something also builds its verdict
//!   (about 200 bytes on the stack, then one pass from the first broken constraint), and its
//!   exit tests the errno against the broken constraint's errnos.
//!
//! Measured on the 2-core shared AMD EPYC (2.45 GHz) development machine, best-of ns per pair,
//! before (8f77e43: `Verdict` returned by value, constraints evaluated again at exit) and after:
//! empty_spec 13.0 -> 6.6, mlock2/valid 35.5 -> 20.6, mlock2/bad_flags 49.7 -> 41.8,
//! mlockall/valid 37.5 -> 14.9. Then, with the entry check's plain index loops, one loop per
//! signedness and a table for a type's shift (found by `make bench`'s in-kernel profile):
//! empty_spec 8.0, mlock2/valid 18.2, mlock2/bad_flags 37.1, mlockall/valid 15.1.
//!
//! The machine is shared and noisy: compare runs made back to back, and prefer the best-of
//! figures or criterion's low estimate.

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{criterion_group, criterion_main, Criterion};
use kapi_checker::{
    check_entry, check_exit, ErrorList, ReturnCheck, SyscallSpec, Verdict, MAX_PARAMS,
};

#[path = "../tests/common/mod.rs"]
mod common;

use common::{args, EINVAL, MLOCK2, MLOCKALL};

/// One call as the probes judge it: the entry check, its verdict if it is not clean, then the
/// exit check with the entry's prediction and its verdict if it is not clean (each verdict on
/// the stack, as in the probes). Whether each is clean is returned so nothing is elided.
fn judge(spec: &SyscallSpec, a: &[u64; MAX_PARAMS], ret: i64) -> (bool, bool) {
    let (spec, a) = (black_box(spec), black_box(a));
    let entry = check_entry(spec, a);
    if !entry.is_clean() {
        let mut verdict = Verdict::new();
        entry.violations(spec, a, &mut verdict);
        black_box(&verdict);
    }
    let prediction = black_box(entry.prediction());
    let ret = black_box(ret);
    let exit = check_exit(black_box(spec), black_box(a), prediction, ret);
    if !exit.is_clean() {
        let mut verdict = Verdict::new();
        exit.violations(spec, a, ret, &mut verdict);
        black_box(&verdict);
    }
    (entry.is_clean(), exit.is_clean())
}

/// What `judge` costs without the checker: the same `black_box`es and a constant answer. The
/// floor of this harness on this machine.
fn harness(spec: &SyscallSpec, a: &[u64; MAX_PARAMS], ret: i64) -> (bool, bool) {
    let _ = (
        black_box(spec),
        black_box(a),
        black_box(spec),
        black_box(a),
        black_box(ret),
    );
    (true, true)
}

/// A spec with nothing to check: no parameters, any return, no declared errors. What the
/// checker costs before it looks at a single constraint (calls, verdicts, errno and return
/// checks).
static EMPTY: SyscallSpec = SyscallSpec {
    name: "empty",
    nr: 0,
    summary: "",
    params: &[],
    ret: ReturnCheck::Any,
    errors: ErrorList::new(&[]),
    doc: "",
    paired: false,
    value_returns: None,
};

/// One benchmarked call and the verdicts it must get.
struct Case {
    name: &'static str,
    spec: &'static SyscallSpec,
    args: [u64; MAX_PARAMS],
    ret: i64,
    /// Whether the entry and the exit verdicts are clean.
    clean: (bool, bool),
}

fn bench(c: &mut Criterion) {
    let einval = -i64::from(EINVAL);
    let page = 0x7f12_3456_7000u64;
    let cases = [
        Case {
            name: "baseline/empty_spec",
            spec: &EMPTY,
            args: args(&[]),
            ret: 0,
            clean: (true, true),
        },
        Case {
            name: "mlock2/valid",
            spec: &MLOCK2,
            args: args(&[page, 4096, 0]),
            ret: 0,
            clean: (true, true),
        },
        // flags 0x80: an arg violation at entry; the kernel's EINVAL satisfies the oracle.
        Case {
            name: "mlock2/bad_flags",
            spec: &MLOCK2,
            args: args(&[page, 4096, 0x80]),
            ret: einval,
            clean: (false, true),
        },
        // The same call succeeding: arg, then oracle_success violations.
        Case {
            name: "mlock2/bad_flags_success",
            spec: &MLOCK2,
            args: args(&[page, 4096, 0x80]),
            ret: 0,
            clean: (false, false),
        },
        // Every constraint broken (two advisory, one predicting).
        Case {
            name: "mlock2/all_broken",
            spec: &MLOCK2,
            args: args(&[u64::MAX, u64::MAX, 2]),
            ret: einval,
            clean: (false, true),
        },
        Case {
            name: "mlockall/valid",
            spec: &MLOCKALL,
            args: args(&[3]),
            ret: 0,
            clean: (true, true),
        },
        Case {
            name: "mlockall/onfault_alone",
            spec: &MLOCKALL,
            args: args(&[4]),
            ret: einval,
            clean: (false, true),
        },
    ];

    best_of(&cases);

    let mut group = c.benchmark_group("entry+exit");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
    group.bench_function("baseline/harness", |b| {
        b.iter(|| harness(&MLOCK2, &args(&[]), 0))
    });
    for case in &cases {
        assert_eq!(
            judge(case.spec, &case.args, case.ret),
            case.clean,
            "{}",
            case.name
        );
        group.bench_function(case.name, |b| {
            b.iter(|| judge(case.spec, &case.args, case.ret))
        });
    }
    group.finish();
}

/// Rounds and pairs per round of [`best_of`].
const ROUNDS: u32 = 300;
const PAIRS: u32 = 20_000;

/// The fastest round of [`ROUNDS`] of [`PAIRS`] pairs each, per case, in ns per pair. On a
/// shared machine the noise only ever adds time, so the minimum is the steadiest figure.
fn best_of(cases: &[Case]) {
    let round = |f: &dyn Fn() -> (bool, bool)| {
        let start = Instant::now();
        for _ in 0..PAIRS {
            black_box(f());
        }
        start.elapsed().as_secs_f64() * 1e9 / f64::from(PAIRS)
    };
    let best =
        |f: &dyn Fn() -> (bool, bool)| (0..ROUNDS).map(|_| round(f)).fold(f64::INFINITY, f64::min);
    let a = args(&[]);
    println!("best of {ROUNDS} rounds of {PAIRS} pairs, ns per entry+exit pair:");
    println!(
        "  {:<28} {:>6.2}",
        "baseline/harness",
        best(&|| harness(&MLOCK2, &a, 0))
    );
    for case in cases {
        let ns = best(&|| judge(case.spec, &case.args, case.ret));
        println!("  {:<28} {:>6.2}", case.name, ns);
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
