// SPDX-License-Identifier: GPL-2.0

//! Cost of judging one call: `check_entry` plus `check_exit`, as the module's `sys_enter` and
//! `sys_exit` probes run them, on the mlock2- and mlockall-like specs the tests use.
//!
//! `cargo bench -p kapi_checker` prints criterion's `time: [low estimate high]` per case, in
//! nanoseconds per entry+exit pair. These are host figures (user space, optimised, overflow
//! checks off as in cargo's bench profile); the kernel build uses `-Copt-level=s` with overflow
//! checks on.

use std::hint::black_box;
use std::time::Duration;

use criterion::{criterion_group, criterion_main, Criterion};
use kapi_checker::{check_entry, check_exit, SyscallSpec, MAX_PARAMS};

#[path = "../tests/common/mod.rs"]
mod common;

use common::{args, EINVAL, MLOCK2, MLOCKALL};

/// One call: the entry verdict, then the exit verdict; both are returned so nothing is elided.
fn judge(spec: &SyscallSpec, a: &[u64; MAX_PARAMS], ret: i64) -> (bool, bool) {
    let entry = check_entry(black_box(spec), black_box(a));
    let exit = check_exit(black_box(spec), black_box(a), black_box(ret));
    (entry.is_clean(), exit.is_clean())
}

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

    let mut group = c.benchmark_group("entry+exit");
    group
        .warm_up_time(Duration::from_millis(500))
        .measurement_time(Duration::from_secs(2));
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

criterion_group!(benches, bench);
criterion_main!(benches);
