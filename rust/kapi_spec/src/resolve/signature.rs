// SPDX-License-Identifier: GPL-2.0

//! A spec against the kernel's own definition of its syscall, `SYSCALL_DEFINE<n>(name, type1,
//! arg1, ...)` ([`sysdef`](super::sysdef)): the same parameters, in the same order, with the
//! same names, each declared with a type of the kernel's type's width and signedness.
//!
//! A syscall defined more than once (per-config variants under `#ifdef`) matches when one of
//! its definitions does; otherwise the errors are those against the closest one, and say which
//! it is. A syscall without a `SYSCALL_DEFINE` in the sources read, and a kernel type whose
//! width is not known, are warnings.

use super::eval::Ctx;
use super::param::declared_ctype;
use super::sysdef::{SyscallDef, SyscallDefs};
use crate::diag::{Diagnostic, Loc, Severity};
use crate::model::Spec;
use crate::resolve::ctype::{self, describe};
use crate::resolve::ksrc::Arch;

/// Checks `spec` against the kernel's definition of its syscall. Nothing is checked when the
/// kernel facts have no sources or the syscall is not in the table (reported elsewhere).
pub(super) fn check(cx: &mut Ctx<'_>, spec: &Spec) {
    let Some(defs) = cx.k.definitions() else {
        return;
    };
    if spec.name.is_empty() || cx.k.syscall_nr(&spec.name).is_none() {
        return;
    }
    let entry = cx.k.entry_point(&spec.name);
    let candidates = entry.map_or(&[][..], |e| defs.get(e));
    if candidates.is_empty() {
        cx.diags.push(no_definition(cx.k.arch, spec, entry, defs));
        return;
    }
    let compared: Vec<Vec<Diagnostic>> = candidates
        .iter()
        .map(|def| compare(cx.k.arch, spec, def))
        .collect();
    let errors = |ds: &[Diagnostic]| ds.iter().filter(|d| d.severity == Severity::Error).count();
    let matching = compared.iter().position(|ds| errors(ds) == 0);
    let closest = matching.unwrap_or_else(|| {
        (0..compared.len())
            .min_by_key(|&i| errors(&compared[i]))
            .unwrap_or(0)
    });
    let Some(def) = candidates.get(closest) else {
        return;
    };
    let mut help = format!("the kernel's definition ({}): {def}", def.origin());
    if matching.is_none() && candidates.len() > 1 {
        let others: Vec<String> = candidates
            .iter()
            .enumerate()
            .filter(|&(i, _)| i != closest)
            .map(|(_, d)| d.origin())
            .collect();
        help.push_str(&format!(
            "; the closest of its {} definitions, none of which matches (also {})",
            candidates.len(),
            others.join(", ")
        ));
    }
    for d in compared.into_iter().nth(closest).unwrap_or_default() {
        cx.diags.push(d.help(help.clone()));
    }
}

/// The warning for a syscall without a `SYSCALL_DEFINE` of its entry point `entry`.
fn no_definition(arch: &Arch, spec: &Spec, entry: Option<&str>, defs: &SyscallDefs) -> Diagnostic {
    let mut d = Diagnostic::warning(
        spec.loc,
        format!(
            "no `SYSCALL_DEFINE` of sys_{} in the kernel source",
            spec.name
        ),
    )
    .expected(format!(
        "`SYSCALL_DEFINE<n>({}, ...)` at the start of a line of a .c file under {}",
        entry.unwrap_or(&spec.name),
        arch.syscall_sources.join(", ")
    ))
    .help(
        "the parameters are not checked against the kernel's (COMPAT_SYSCALL_DEFINE and \
         other macros are not read)",
    );
    if entry.is_none() {
        d = d.found(format!("no entry point in {}", arch.syscall_table));
    } else if !defs.unreadable.is_empty() {
        d = d.found(format!(
            "{} unreadable file(s): {}",
            defs.unreadable.len(),
            defs.unreadable.join("; ")
        ));
    }
    d
}

/// The differences between `spec` and one definition: names and order, then types.
fn compare(arch: &Arch, spec: &Spec, def: &SyscallDef) -> Vec<Diagnostic> {
    let mut out = names(spec, def);
    out.extend(types(arch, spec, def));
    out
}

/// Missing, extra, renamed and reordered parameters.
fn names(spec: &Spec, def: &SyscallDef) -> Vec<Diagnostic> {
    let ours: Vec<&str> = spec.params.iter().map(|p| p.name.as_str()).collect();
    let theirs: Vec<&str> = def.params.iter().map(|p| p.name.as_str()).collect();
    let kernel_has = |n: &str| theirs.contains(&n);
    let spec_has = |n: &str| ours.contains(&n);
    let at = def.origin();
    // Where a parameter at index `i` would be written.
    let loc_at = |i: usize| {
        spec.params
            .get(i)
            .or(spec.params.last())
            .map_or(spec.loc, |p| p.loc)
    };
    let mut out = Vec::new();
    // A parameter the kernel does not know, where the kernel has one the spec does not know.
    let renamed = |i: usize| {
        i < theirs.len() && i < ours.len() && !kernel_has(ours[i]) && !spec_has(theirs[i])
    };
    for (i, p) in spec.params.iter().enumerate() {
        if renamed(i) {
            out.push(
                Diagnostic::error(
                    p.loc,
                    format!(
                        "parameter {} of sys_{} is `{}` in the kernel",
                        i + 1,
                        spec.name,
                        theirs[i]
                    ),
                )
                .expected(format!("`@{}:`, the kernel's name ({at})", theirs[i]))
                .found(format!("`@{}:`", p.name)),
            );
        } else if !kernel_has(&p.name) {
            out.push(
                Diagnostic::error(
                    p.loc,
                    format!(
                        "sys_{} has no parameter `{}` in the kernel",
                        spec.name, p.name
                    ),
                )
                .expected(format!(
                    "only the kernel's parameters, {} ({at})",
                    list(&theirs)
                ))
                .found(format!("`@{}:`", p.name)),
            );
        }
    }
    for (j, name) in theirs.iter().enumerate() {
        if !spec_has(name) && !renamed(j) {
            out.push(
                Diagnostic::error(
                    loc_at(j),
                    format!("parameter `{name}` of sys_{} is missing", spec.name),
                )
                .expected(format!("`@{name}:` as parameter {} ({at})", j + 1))
                .found(match ours.get(j) {
                    Some(n) => format!("`@{n}:` there"),
                    None => format!("{} parameter(s)", ours.len()),
                }),
            );
        }
    }
    let ours_common: Vec<(usize, &str)> = ours
        .iter()
        .enumerate()
        .filter(|(_, n)| kernel_has(n))
        .map(|(i, n)| (i, *n))
        .collect();
    let theirs_common = theirs.iter().filter(|n| spec_has(n));
    for (&(i, mine), kernel_name) in ours_common.iter().zip(theirs_common) {
        if mine != *kernel_name {
            out.push(
                Diagnostic::error(
                    spec.params[i].loc,
                    format!("parameter `{mine}` of sys_{} is out of order", spec.name),
                )
                .expected(format!(
                    "`@{kernel_name}:` here: the kernel's order is {} ({at})",
                    list(&theirs)
                ))
                .found(format!("`@{mine}:`")),
            );
        }
    }
    out
}

/// `a, b, c`, or `none`.
fn list(names: &[&str]) -> String {
    if names.is_empty() {
        "none".into()
    } else {
        names.join(", ")
    }
}

/// Each parameter the kernel also has, declared with a type of the kernel's width and
/// signedness.
fn types(arch: &Arch, spec: &Spec, def: &SyscallDef) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for p in &spec.params {
        let Some((_, kp)) = def.param(&p.name) else {
            continue;
        };
        // A parameter without a type, or a type without a width, is reported by `param`.
        let Some((c_type, loc)) = declared_ctype(p) else {
            continue;
        };
        let Some(ours) = ctype::width(&c_type, arch) else {
            continue;
        };
        let kernel = format!("`{} {}` ({})", kp.c_type, kp.name, def.origin());
        let Some(theirs) = ctype::width(&kp.c_type, arch) else {
            out.push(
                Diagnostic::warning(
                    loc,
                    format!(
                        "the width of the kernel's type of `{}` is not known",
                        p.name
                    ),
                )
                .expected(format!("a C type the linter knows, in {kernel}"))
                .found(format!(
                    "`{}`; the type of `{}` is not checked",
                    kp.c_type, p.name
                )),
            );
            continue;
        };
        if ours == theirs {
            continue;
        }
        let found = match (&p.c_type, p.kapi_type) {
            (None, Some(k)) => format!(
                "`{}`, taken as `{c_type}` ({}): add `param-ctype: {}, {}`",
                k.kapi_name(),
                describe(ours),
                p.name,
                kp.c_type
            ),
            _ => format!("`{c_type}` ({})", describe(ours)),
        };
        out.push(
            Diagnostic::error(
                loc_or(loc, p.loc),
                format!("type of `{}` does not match the kernel's", p.name),
            )
            .expected(format!(
                "a {} type like the kernel's {kernel}",
                describe(theirs)
            ))
            .found(found),
        );
    }
    out
}

fn loc_or(loc: Loc, fallback: Loc) -> Loc {
    if loc.is_known() {
        loc
    } else {
        fallback
    }
}
