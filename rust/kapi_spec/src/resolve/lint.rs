// SPDX-License-Identifier: GPL-2.0

//! The linter: checks a spec against a kernel tree and resolves it to numbers (syscall number,
//! errno values, constraint values as bit patterns of the parameter's type, the return check),
//! one part of the spec at a time ([`param`](super::param), [`ret`](super::ret)).

use kapi_checker::coverage::MAX_COVERED;
use kapi_checker::MAX_PARAMS;

use super::eval::Ctx;
use super::{param, ret, signature, test, Resolved, ResolvedError, ResolvedParam};
use crate::diag::{Diagnostic, Diagnostics};
use crate::model::Spec;
use crate::parse::kerneldoc::ParsedSpec;
use crate::resolve::ksrc::KernelInfo;

/// Checks a spec against the kernel tree and resolves it. Problems go to `diags`; `None` when
/// there was an error.
pub fn resolve(spec: &Spec, k: &KernelInfo, diags: &mut Diagnostics) -> Option<Resolved> {
    let errors_before = diags.error_count();
    let mut cx = Ctx { k, diags };
    let nr = syscall_nr(&mut cx, spec);
    if spec.params.len() > MAX_PARAMS {
        cx.diags.push(
            Diagnostic::error(spec.params[MAX_PARAMS].loc, "too many parameters")
                .expected(format!("at most {MAX_PARAMS}"))
                .found(format!("{}", spec.params.len())),
        );
    }
    let errors = declared_errors(&mut cx, spec);
    let params: Vec<ResolvedParam> = spec
        .params
        .iter()
        .filter_map(|p| param::param(&mut cx, spec, p))
        .collect();
    coverage_limit(&mut cx, spec, &params);
    let ret = ret::return_check(&mut cx, spec);
    let value_returns = ret::value_returns(&mut cx, spec, &params);
    if cx.diags.error_count() > errors_before {
        return None;
    }
    let tests = test::tests(&mut cx, spec, &params)?;
    Some(Resolved {
        name: spec.name.clone(),
        nr: nr?,
        params,
        ret: ret?,
        value_returns,
        errors,
        tests,
    })
}

/// The syscall's number in the architecture's table.
fn syscall_nr(cx: &mut Ctx<'_>, spec: &Spec) -> Option<u32> {
    if spec.name.is_empty() {
        return None;
    }
    let nr = cx.k.syscall_nr(&spec.name);
    if nr.is_none() {
        let arch = cx.k.arch;
        cx.diags.push(
            Diagnostic::error(
                spec.loc,
                format!("no syscall `{}` on {}", spec.name, arch.name),
            )
            .expected(format!(
                "a name of {} ({} rows)",
                arch.syscall_table,
                arch.abis.join("/")
            ))
            .found(format!("`sys_{}`", spec.name)),
        );
    }
    nr
}

/// The declared errors' values, each value once, at most [`MAX_COVERED`] of them.
fn declared_errors(cx: &mut Ctx<'_>, spec: &Spec) -> Vec<ResolvedError> {
    let mut errors: Vec<ResolvedError> = Vec::new();
    for e in &spec.errors {
        let Some(n) = cx.errno(&e.name) else {
            continue;
        };
        if let Some(prev) = errors.iter().find(|x| x.errno == n) {
            cx.diags.push(
                Diagnostic::error(e.name.loc, format!("errno {} ({n}) declared twice", e.name))
                    .help(format!("{} has the same value", prev.name)),
            );
        } else {
            errors.push(ResolvedError {
                name: e.name.text.clone(),
                errno: n,
            });
        }
    }
    if spec.errors.len() > MAX_COVERED {
        cx.diags.push(
            Diagnostic::error(spec.errors[MAX_COVERED].loc, "too many declared errors")
                .expected(format!("at most {MAX_COVERED}"))
                .found(format!("{}", spec.errors.len())),
        );
    }
    errors
}

/// The module tracks the coverage of at most [`MAX_COVERED`] checked constraints per spec.
fn coverage_limit(cx: &mut Ctx<'_>, spec: &Spec, params: &[ResolvedParam]) {
    let checked: usize = params.iter().map(|p| p.constraints.len()).sum();
    if checked > MAX_COVERED {
        cx.diags.push(
            Diagnostic::warning(spec.loc, "too many checked constraints for coverage")
                .expected(format!(
                    "at most {MAX_COVERED} (the module checks the others but does not track their coverage)"
                ))
                .found(format!("{checked}")),
        );
    }
}

/// Lints a parsed spec: [`resolve`]'s checks plus the ones that need the parse (annotations in
/// `@param` order) and the kernel's source (the parameters of its `SYSCALL_DEFINE`,
/// `resolve/signature.rs`). `None` when there was an error.
pub fn lint(parsed: &ParsedSpec, k: &KernelInfo, diags: &mut Diagnostics) -> Option<Resolved> {
    let errors_before = diags.error_count();
    let spec = &parsed.spec;
    let mut first_seen: Vec<bool> = vec![false; spec.params.len()];
    let mut highest: Option<usize> = None;
    for &(pi, loc) in &parsed.param_uses {
        if pi >= first_seen.len() || first_seen[pi] {
            continue;
        }
        first_seen[pi] = true;
        if let Some(h) = highest {
            if pi < h {
                diags.push(
                    Diagnostic::error(
                        loc,
                        format!(
                            "annotations of `{}` after those of `{}`",
                            spec.params[pi].name, spec.params[h].name
                        ),
                    )
                    .expected("parameter annotations in the order of the `@<param>:` lines"),
                );
            }
        }
        highest = Some(highest.map_or(pi, |h| h.max(pi)));
    }
    signature::check(&mut Ctx { k, diags }, spec);
    let resolved = resolve(spec, k, diags);
    resolved.filter(|_| diags.error_count() == errors_before)
}
