// SPDX-License-Identifier: GPL-2.0

//! The generated tables agree with the specs as kapi_spec parses and resolves them, and the
//! mlock2 seed (macro form, when the shared seeds are present) agrees with specs/mlock2.kapi on
//! what the runtime checks.
//!
//! They need the tables generated from the kernel source: without `KAPI_KSRC` (build.rs then
//! leaves `cfg(kapi_tables)` unset) they are ignored, and `cargo test` says why.

use std::path::{Path, PathBuf};

use kapi_checker::{ConstraintKind, SyscallSpec};
use kapi_spec::resolve::{Resolved, ResolvedConstraint};
use kapi_spec::{Diagnostics, KernelInfo, X86_64};
use proptest::prelude::*;

fn specs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs")
}

fn kernel() -> KernelInfo {
    let dir = std::env::var_os("KAPI_KSRC").expect("KAPI_KSRC is not set");
    KernelInfo::load(Path::new(&dir), &X86_64).expect("kernel tree loads")
}

fn resolved_specs() -> Vec<(kapi_spec::Spec, Resolved)> {
    let k = kernel();
    let mut out = Vec::new();
    for f in kapi_spec::emit::tables::spec_files(&specs_dir()).unwrap() {
        let src = std::fs::read_to_string(&f).unwrap();
        let p = kapi_spec::load(&f.display().to_string(), &src);
        assert!(!p.has_errors(), "{}", p.diags);
        for ps in p.specs {
            let mut d = Diagnostics::new(f.display().to_string());
            let r = kapi_spec::lint(&ps, &k, &mut d).unwrap_or_else(|| panic!("{d}"));
            out.push((ps.spec, r));
        }
    }
    out
}

fn assert_same(t: &SyscallSpec, spec: &kapi_spec::Spec, r: &Resolved) {
    assert_eq!(t.name, r.name);
    assert_eq!(t.nr, r.nr);
    assert_eq!(t.summary, spec.summary);
    assert_eq!(t.ret, r.ret, "{}", r.name);
    assert_eq!(t.params.len(), spec.params.len(), "{}", r.name);
    for (tp, rp) in t.params.iter().zip(&r.params) {
        assert_eq!(tp.name, rp.name);
        assert_eq!(tp.c_type, rp.c_type);
        assert_eq!(tp.ty, rp.ty, "{}.{}", r.name, rp.name);
        assert_eq!(
            tp.constraints.len(),
            rp.constraints.len(),
            "{}.{}",
            r.name,
            rp.name
        );
        for (tc, rc) in tp.constraints.iter().zip(&rp.constraints) {
            assert_eq!(tc.kind, rc.kind, "{}.{}", r.name, rp.name);
            assert_eq!(
                tc.errnos.as_slice(),
                rc.errnos.as_slice(),
                "{}.{}",
                r.name,
                rp.name
            );
        }
    }
    let te: Vec<(u16, &str)> = t.errors.iter().map(|e| (e.errno, e.name)).collect();
    let re: Vec<(u16, &str)> = r
        .errors
        .iter()
        .map(|e| (e.errno, e.name.as_str()))
        .collect();
    assert_eq!(te, re, "{}", r.name);
    assert!(t.doc.starts_with(&format!("sys_{} (nr {})", r.name, r.nr)));
    for e in &spec.errors {
        assert!(
            t.doc.contains(e.name.as_str()),
            "{}: doc lacks {}",
            r.name,
            e.name
        );
    }
}

#[test]
#[cfg_attr(
    not(kapi_tables),
    ignore = "needs the kernel source: set KAPI_KSRC=$(scripts/kernel.sh source)"
)]
fn tables_match_the_parsed_specs() {
    let specs = resolved_specs();
    assert_eq!(kapi_tables::NR_SPECS, specs.len());
    assert_eq!(kapi_tables::ALL.len(), specs.len());
    let max_nr = specs
        .iter()
        .map(|(_, r)| r.nr)
        .max()
        .map_or(0, |n| n as usize + 1);
    assert_eq!(kapi_tables::SPECS.len(), max_nr);
    for (spec, r) in &specs {
        let t =
            kapi_tables::spec(r.nr as usize).unwrap_or_else(|| panic!("no table for {}", r.name));
        assert_same(t, spec, r);
        assert!(kapi_tables::ALL.iter().any(|a| core::ptr::eq(*a, t)));
    }
    let listed = kapi_tables::SPECS.iter().flatten().count();
    assert_eq!(listed, specs.len(), "SPECS holds exactly the specs");
    assert!(
        kapi_tables::ALL.windows(2).all(|w| w[0].nr < w[1].nr),
        "ALL is in nr order"
    );
}

#[test]
#[cfg_attr(
    not(kapi_tables),
    ignore = "needs the kernel source: set KAPI_KSRC=$(scripts/kernel.sh source)"
)]
fn tables_work_with_the_checker() {
    // mlock2 with an unknown flag: the mask is broken and EINVAL is predicted.
    let Some(t) = kapi_tables::ALL.iter().find(|s| s.name == "mlock2") else {
        eprintln!("skipped: no mlock2 spec");
        return;
    };
    let args = [0x1000, 4096, 0x2, 0, 0, 0];
    let entry = kapi_checker::check_entry(t, &args);
    assert!(!entry.is_clean());
    let prediction = entry.prediction();
    assert!(prediction.is_some());
    assert!(kapi_checker::check_exit(t, &args, prediction, -22).is_clean());
    assert!(!kapi_checker::check_exit(t, &args, prediction, 0).is_clean());
}

/// The upstream mlock2 seed (macro form in a patch mail), if the shared folder is there.
fn seed_mlock2() -> Option<String> {
    let dir = std::env::var_os("KAPI_SEEDS").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds"),
        PathBuf::from,
    );
    std::fs::read_to_string(dir.join("001_aa2de7eba6b80050.txt")).ok()
}

/// The seed and specs/mlock2.kapi agree on the checkable content, except where
/// specs/DECISIONS.md records a correction:
/// - `start`: the seed has KAPI_CONSTRAINT_NONE; the spec adds the advisory `no_wrap(len)`
///   (the man page's EINVAL rule, §1 "mlock2"). So `start`'s constraints are not compared.
/// - `flags`: the spec ties EINVAL to the mask (`param-errno`, ours); the macro form has no
///   way to say it, so errnos are not compared, only the constraint values.
/// - errors: the same set, in another order.
#[test]
#[cfg_attr(
    not(kapi_tables),
    ignore = "needs the kernel source: set KAPI_KSRC=$(scripts/kernel.sh source)"
)]
fn mlock2_seed_and_spec_agree() {
    let Some(src) = seed_mlock2() else {
        eprintln!("skipped: no seeds");
        return;
    };
    let k = kernel();
    let p = kapi_spec::load("seed001", &src);
    assert!(!p.has_errors(), "{}", p.diags);
    let mut d = Diagnostics::new("seed001");
    let seed = kapi_spec::resolve(&p.specs[0].spec, &k, &mut d).unwrap_or_else(|| panic!("{d}"));
    let Some((_, spec)) = resolved_specs()
        .into_iter()
        .find(|(_, r)| r.name == "mlock2")
    else {
        eprintln!("skipped: no specs/mlock2.kapi");
        return;
    };
    assert_eq!(seed.nr, spec.nr);
    assert_eq!(seed.ret, spec.ret);
    let names = |r: &Resolved| {
        r.params
            .iter()
            .map(|p| (p.name.clone(), p.c_type.clone(), p.ty))
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&seed), names(&spec));
    for pname in ["len", "flags"] {
        let kinds = |r: &Resolved| -> Vec<ConstraintKind> {
            r.params
                .iter()
                .find(|p| p.name == pname)
                .unwrap()
                .constraints
                .iter()
                .map(|c| c.kind)
                .collect()
        };
        assert_eq!(kinds(&seed), kinds(&spec), "{pname}");
    }
    assert_eq!(
        seed.params[1].constraints,
        vec![ResolvedConstraint {
            kind: ConstraintKind::Range {
                min: 0,
                max: i64::MAX as u64
            },
            errnos: vec![],
            source: 0
        }]
    );
    assert_eq!(
        seed.params[2].constraints[0].kind,
        ConstraintKind::Mask { valid: 1 }
    );
    let mut se: Vec<u16> = seed.errors.iter().map(|e| e.errno).collect();
    let mut sp: Vec<u16> = spec.errors.iter().map(|e| e.errno).collect();
    se.sort_unstable();
    sp.sort_unstable();
    assert_eq!(se, sp, "declared errors");
}

/// An argument word: often one next to a constant of the spec (a range end, a mask, an enum
/// value, a page), sometimes any word.
fn arg_word(spec: &'static SyscallSpec) -> impl Strategy<Value = u64> {
    let mut near: Vec<u64> = vec![
        0,
        1,
        u64::MAX,
        4096,
        0x7fff_ffff,
        0x8000_0000,
        i64::MAX as u64,
    ];
    for p in spec.params {
        for c in p.constraints {
            near.extend(match c.kind {
                ConstraintKind::Range { min, max } => vec![min, max],
                ConstraintKind::Mask { valid } => vec![valid, !valid],
                ConstraintKind::Enum { values } | ConstraintKind::Exclude { values } => {
                    values.to_vec()
                }
                ConstraintKind::Alignment { align } => vec![align],
                _ => vec![],
            });
        }
    }
    let near: Vec<u64> = near
        .into_iter()
        .flat_map(|v| [v.wrapping_sub(1), v, v.wrapping_add(1)])
        .collect();
    prop_oneof![3 => proptest::sample::select(near), 1 => any::<u64>()]
}

proptest! {
    /// The generated per-spec entry checks (what the module runs) agree with the checker's
    /// generic `check_entry` on every spec, for arguments around its constants and any others.
    #[test]
    #[cfg_attr(
        not(kapi_tables),
        ignore = "needs the kernel source: set KAPI_KSRC=$(scripts/kernel.sh source)"
    )]
    fn check_entry_of_is_check_entry(
        (idx, args) in (0..=kapi_tables::ALL.len()).prop_flat_map(|idx| {
            let spec = kapi_tables::ALL.get(idx).copied();
            let word = spec.map_or_else(|| any::<u64>().boxed(), |s| arg_word(s).boxed());
            (Just(idx), proptest::array::uniform6(word))
        })
    ) {
        if let Some(spec) = kapi_tables::ALL.get(idx) {
            prop_assert_eq!(
                kapi_tables::check_entry_of(idx, &args),
                kapi_checker::check_entry(spec, &args),
                "{} {:x?}", spec.name, args
            );
        }
    }
}

#[test]
fn check_entry_of_is_clean_out_of_range() {
    assert_eq!(
        kapi_tables::check_entry_of(kapi_tables::NR_SPECS, &[u64::MAX; 6]),
        kapi_checker::Entry::CLEAN
    );
}
