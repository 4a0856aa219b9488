// SPDX-License-Identifier: GPL-2.0

//! The return value: `return-check-type` and its values to a [`ReturnCheck`].

use kapi_checker::{ReturnCheck, ValueReturns, MAX_ERRNO};

use super::eval::Ctx;
use super::ResolvedParam;
use crate::diag::Diagnostic;
use crate::model::{ReturnCheckKind, ReturnSpec, Spec, Text};

/// What a successful return of `spec` must be (`return-check-type` and its values).
pub(super) fn return_check(cx: &mut Ctx<'_>, spec: &Spec) -> Option<ReturnCheck> {
    let r = &spec.ret;
    let Some(check) = r.check else {
        cx.diags.push(
            Diagnostic::error(spec.loc, "no return spec")
                .expected("`return-check-type: KAPI_RETURN_*`"),
        );
        return None;
    };
    let loc = r.loc;
    if r.kapi_type.is_none() && r.c_type.is_none() {
        cx.diags.push(
            Diagnostic::warning(loc, "no `return-type`")
                .help("add `return-type: KAPI_TYPE_INT` (or a C type)"),
        );
    }
    let success = r.success.as_ref().map(|t| success_value(cx, t));
    values_match_the_check(cx, r, check);
    match check {
        ReturnCheckKind::Exact => match success {
            Some(v) => v.map(ReturnCheck::Exact),
            None => {
                cx.diags.push(
                    Diagnostic::error(loc, "KAPI_RETURN_EXACT without a value")
                        .expected("`return-success: <value>`"),
                );
                None
            }
        },
        ReturnCheckKind::ErrorCheck => match success {
            Some(v) => v.map(ReturnCheck::Exact),
            None => Some(ReturnCheck::Any),
        },
        ReturnCheckKind::Range => match &r.success_range {
            Some((a, b)) => {
                let (a, b) = (success_value(cx, a), success_value(cx, b));
                match (a, b) {
                    (Some(min), Some(max)) if min <= max => Some(ReturnCheck::Range { min, max }),
                    (Some(min), Some(max)) => {
                        cx.diags.push(
                            Diagnostic::error(loc, "empty success range")
                                .expected("min <= max")
                                .found(format!("{min} > {max}")),
                        );
                        None
                    }
                    _ => None,
                }
            }
            None => {
                cx.diags.push(
                    Diagnostic::error(loc, "KAPI_RETURN_RANGE without a range")
                        .expected("`return-success-range: <min>, <max>`"),
                );
                None
            }
        },
        ReturnCheckKind::Fd => Some(ReturnCheck::Fd),
        ReturnCheckKind::Custom => {
            cx.diags.push(
                Diagnostic::warning(loc, "KAPI_RETURN_CUSTOM is checked as any non-error value")
                    .help("use EXACT, RANGE, ERROR_CHECK or FD for a runtime check"),
            );
            Some(ReturnCheck::Any)
        }
        ReturnCheckKind::NoReturn => Some(ReturnCheck::NoReturn),
    }
}

/// `return-value-when: <param>, <value>, ...`: the parameter's index and its values, as bit
/// patterns of its type.
pub(super) fn value_returns(
    cx: &mut Ctx<'_>,
    spec: &Spec,
    params: &[ResolvedParam],
) -> Option<ValueReturns> {
    let (param, values) = spec.ret.value_when.as_ref()?;
    let Some((i, p)) = params
        .iter()
        .enumerate()
        .find(|(_, p)| p.name == param.text)
    else {
        let names: Vec<&str> = params.iter().map(|p| p.name.as_str()).collect();
        cx.diags.push(
            Diagnostic::error(param.loc, "`return-value-when` names no parameter")
                .expected(format!("one of: {}", names.join(", ")))
                .found(format!("`{param}`")),
        );
        return None;
    };
    let values: Option<Vec<u64>> = values
        .iter()
        .map(|v| cx.value(v, p.ty, &p.name, &p.c_type))
        .collect();
    Some(ValueReturns {
        param: u8::try_from(i).ok()?,
        values: values?.leak(),
    })
}

/// A success value: a `long` that is not an error.
fn success_value(cx: &mut Ctx<'_>, t: &Text) -> Option<i64> {
    let v = cx.eval(t)?;
    match i64::try_from(v) {
        Ok(v) if !(-MAX_ERRNO..=-1).contains(&v) => Some(v),
        _ => {
            cx.diags.push(
                Diagnostic::error(t.loc, "success value is not a valid non-error return value")
                    .expected(format!("a value of `long` outside -{MAX_ERRNO}..-1"))
                    .found(format!("`{t}` = {v}")),
            );
            None
        }
    }
}

/// `return-success` and `return-success-range` go with the check types that use them.
fn values_match_the_check(cx: &mut Ctx<'_>, r: &ReturnSpec, check: ReturnCheckKind) {
    if r.success.is_some() && !matches!(check, ReturnCheckKind::Exact | ReturnCheckKind::ErrorCheck)
    {
        let t = r.success.as_ref().map_or(r.loc, |t| t.loc);
        cx.diags.push(
            Diagnostic::error(t, "`return-success` without the matching check type")
                .expected("KAPI_RETURN_EXACT or KAPI_RETURN_ERROR_CHECK")
                .found(check.kapi_name()),
        );
    }
    if r.success_range.is_some() && check != ReturnCheckKind::Range {
        let t = r.success_range.as_ref().map_or(r.loc, |t| t.0.loc);
        cx.diags.push(
            Diagnostic::error(t, "`return-success-range` without the matching check type")
                .expected("KAPI_RETURN_RANGE")
                .found(check.kapi_name()),
        );
    }
}
