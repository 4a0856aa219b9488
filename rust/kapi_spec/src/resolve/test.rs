// SPDX-License-Identifier: GPL-2.0

//! The spec's one valid call (`test-arg:`), resolved: each parameter's recipe, its integers
//! evaluated against the kernel's headers as the parameter's type holds them; the call must
//! break none of the spec's runtime constraints.

use kapi_checker::check_entry;

use super::eval::Ctx;
use super::{ResolvedCall, ResolvedParam, ResolvedTest};
use crate::diag::{Diagnostic, Loc};
use crate::emit::cases::runtime_spec;
use crate::model::{Spec, TestSetup, Text};
use crate::parse::recipe::{self, Recipe, Written};

/// Why a spec without `test-arg` lines has no generated tests.
pub const NO_VALID_CALL: &str = "the spec has no test-arg lines (no valid call to start from)";

/// Resolves the spec's tests; `None` (reported) when a recipe is wrong.
pub(super) fn tests(
    cx: &mut Ctx<'_>,
    spec: &Spec,
    params: &[ResolvedParam],
) -> Option<ResolvedTest> {
    let t: &TestSetup = &spec.tests;
    if let Some(reason) = &t.skip {
        return Some(ResolvedTest::Skip(reason.text.clone()));
    }
    if t.args.is_empty() && !spec.params.is_empty() {
        cx.diags.push(
            Diagnostic::warning(spec.loc, "no valid call to generate the tests from")
                .expected(
                    "a `test-arg: PARAM, RECIPE` line for each parameter, or `test-skip: REASON`",
                )
                .help(format!(
                    "recipes: {} (specs/README.md)",
                    crate::parse::recipe::KINDS_HELP
                )),
        );
        return Some(ResolvedTest::Skip(NO_VALID_CALL.to_string()));
    }
    let mut valid: Vec<Option<Recipe>> = vec![None; params.len()];
    let mut ok = true;
    for a in &t.args {
        let Some(i) = params.iter().position(|p| p.name == a.param.text) else {
            cx.diags.push(
                Diagnostic::error(a.param.loc, format!("no parameter `{}`", a.param.text))
                    .did_you_mean(&a.param.text, params.iter().map(|p| p.name.as_str())),
            );
            ok = false;
            continue;
        };
        if valid[i].is_some() {
            cx.diags.push(Diagnostic::error(
                a.param.loc,
                format!("`test-arg` of `{}` given twice", a.param.text),
            ));
            ok = false;
            continue;
        }
        let p = &params[i];
        let r = match recipe::parse(&a.recipe.text) {
            Ok(Written::Recipe(r)) => Some(r),
            Ok(Written::Expr(_)) => cx
                .value(&a.recipe, p.ty, &p.name, &p.c_type)
                .map(Recipe::int),
            Err(e) => {
                let loc = Loc::new(
                    a.recipe.loc.line,
                    a.recipe.loc.col.saturating_add(e.offset as u32),
                    1,
                );
                cx.diags.push(
                    Diagnostic::error(loc, "not an argument recipe")
                        .expected(e.expected)
                        .found(format!("`{}`", a.recipe.text)),
                );
                None
            }
        };
        ok &= r.is_some();
        valid[i] = r;
    }
    for (p, v) in spec.params.iter().zip(&valid) {
        if v.is_none() && ok && !t.args.iter().any(|a| a.param.text == p.name) {
            cx.diags.push(
                Diagnostic::error(p.loc, format!("`{}` has no `test-arg`", p.name)).expected(
                    format!("`test-arg: {}, RECIPE` (the valid call's argument)", p.name),
                ),
            );
            ok = false;
        }
    }
    if !ok {
        return None;
    }
    let valid: Vec<Recipe> = valid.into_iter().flatten().collect();
    valid_call_is_valid(cx, spec, params, &valid)?;
    let classes = classes(cx, spec, params)?;
    let mut fixed = Vec::new();
    for f in &t.fixed {
        fixed.push(param_index(cx, params, &f.param)?);
    }
    Some(ResolvedTest::Call(ResolvedCall {
        valid,
        nofuzz: t.nofuzz.as_ref().map(|r| r.text.clone()),
        classes,
        fixed,
    }))
}

/// The index of the parameter `name` names (reported when there is none).
fn param_index(cx: &mut Ctx<'_>, params: &[ResolvedParam], name: &Text) -> Option<usize> {
    let i = params.iter().position(|p| p.name == name.text);
    if i.is_none() {
        cx.diags.push(
            Diagnostic::error(name.loc, format!("no parameter `{}`", name.text))
                .did_you_mean(&name.text, params.iter().map(|p| p.name.as_str())),
        );
    }
    i
}

/// `test-class` lines: each argument kind with the errnos it must give.
fn classes(
    cx: &mut Ctx<'_>,
    spec: &Spec,
    params: &[ResolvedParam],
) -> Option<Vec<(usize, Recipe, Vec<u16>)>> {
    let mut out = Vec::new();
    let mut ok = true;
    for c in &spec.tests.classes {
        let Some(p) = param_index(cx, params, &c.param) else {
            ok = false;
            continue;
        };
        let errnos: Vec<u16> = c.errnos.iter().filter_map(|e| cx.errno(e)).collect();
        ok &= errnos.len() == c.errnos.len();
        for k in &c.kinds {
            match recipe::parse(&k.text) {
                Ok(Written::Recipe(r)) => out.push((p, r, errnos.clone())),
                Ok(Written::Expr(_)) | Err(_) => {
                    cx.diags.push(
                        Diagnostic::error(k.loc, "not an argument kind")
                            .expected("a recipe such as fd:dir, path:missing, map:1+1")
                            .found(format!("`{}`", k.text)),
                    );
                    ok = false;
                }
            }
        }
    }
    ok.then_some(out)
}

/// The valid call must break no runtime constraint: every generated case is this call with
/// one argument changed.
fn valid_call_is_valid(
    cx: &mut Ctx<'_>,
    spec: &Spec,
    params: &[ResolvedParam],
    valid: &[Recipe],
) -> Option<()> {
    let runtime = runtime_spec(&super::Resolved {
        name: spec.name.clone(),
        nr: 0,
        params: params.to_vec(),
        ret: kapi_checker::ReturnCheck::Any,
        value_returns: None,
        errors: Vec::new(),
        tests: ResolvedTest::Skip(String::new()),
    });
    let mut words = [0u64; kapi_checker::MAX_PARAMS];
    for (w, r) in words.iter_mut().zip(valid) {
        *w = r.representative();
    }
    let mut verdict = kapi_checker::Verdict::new();
    check_entry(runtime, &words).violations(runtime, &words, &mut verdict);
    let Some(v) = verdict.violations.first() else {
        return Some(());
    };
    let p = usize::from(v.param.unwrap_or(0));
    let param = &params[p];
    let c = &param.constraints[usize::from(v.constraint)];
    let at = spec
        .tests
        .args
        .iter()
        .find(|a| a.param.text == param.name)
        .map_or(spec.loc, |a| a.recipe.loc);
    cx.diags.push(
        Diagnostic::error(
            at,
            format!("the valid call breaks a constraint of `{}`", param.name),
        )
        .expected(format!("a value that keeps `{}`", c.kind.name()))
        .found(format!("`{}`", valid[p])),
    );
    None
}
