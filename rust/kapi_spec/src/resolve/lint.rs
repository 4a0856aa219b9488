// SPDX-License-Identifier: GPL-2.0

//! Checks a spec against a kernel tree and resolves it to numbers: syscall number, errno
//! values, constraint values as bit patterns of the parameter's type, the return check.

use kapi_checker::coverage::MAX_COVERED;
use kapi_checker::{ArgType, ConstraintKind, ReturnCheck, MAX_ERRNO, MAX_PARAMS};

use super::{Resolved, ResolvedConstraint, ResolvedError, ResolvedParam};
use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::model::{self, ReturnCheckKind, Spec, Text};
use crate::parse::kerneldoc::ParsedSpec;
use crate::resolve::ctype;
use crate::resolve::ksrc::KernelInfo;

struct Ctx<'a> {
    k: &'a KernelInfo,
    diags: &'a mut Diagnostics,
}

impl Ctx<'_> {
    fn eval(&mut self, t: &Text) -> Option<i128> {
        match self.k.eval(&t.text) {
            Ok(v) => Some(v),
            Err(e) => {
                let loc = if t.loc.is_known() {
                    Loc::new(
                        t.loc.line,
                        t.loc.col.saturating_add(e.offset as u32),
                        e.len as u32,
                    )
                } else {
                    t.loc
                };
                self.diags.push(
                    Diagnostic::error(loc, "cannot evaluate constant expression")
                        .expected(
                            "numbers, limits (INT_MAX, LONG_MAX, PAGE_SIZE, ...) and uapi #defines",
                        )
                        .found(e.message),
                );
                None
            }
        }
    }

    /// Evaluates a value that must lie in the type's range; returns its bit pattern.
    fn value(&mut self, t: &Text, ty: ArgType, pname: &str, ctype: &str) -> Option<u64> {
        let v = self.eval(t)?;
        let (lo, hi) = bounds(ty);
        if v < lo || v > hi {
            self.diags.push(
                Diagnostic::error(
                    t.loc,
                    format!("value does not fit `{pname}`'s type `{ctype}`"),
                )
                .expected(format!("a value from {lo} to {hi}"))
                .found(format!("`{}` = {v}", t.text)),
            );
            return None;
        }
        Some(ty.normalize(v as i64 as u64))
    }

    /// Evaluates a mask: any bit pattern of the type's width (negative values are their two's
    /// complement).
    fn mask(&mut self, t: &Text, ty: ArgType, pname: &str, ctype: &str) -> Option<u64> {
        let v = self.eval(t)?;
        let bits = u32::from(ty.bits);
        let lo = -(1i128 << (bits - 1));
        let hi = (1i128 << bits) - 1;
        if v < lo || v > hi {
            self.diags.push(
                Diagnostic::error(
                    t.loc,
                    format!("mask does not fit `{pname}`'s type `{ctype}`"),
                )
                .expected(format!("a {bits}-bit pattern"))
                .found(format!("`{}` = {v:#x}", t.text)),
            );
            return None;
        }
        Some(ty.normalize(v as i64 as u64))
    }

    fn errno(&mut self, t: &Text) -> Option<u16> {
        match self.k.errno(&t.text) {
            Some(n) => Some(n),
            None => {
                self.diags.push(
                    Diagnostic::error(t.loc, format!("unknown errno `{}`", t.text))
                        .expected("an errno of the kernel's errno headers")
                        .found(format!("`{}`", t.text))
                        .did_you_mean(&t.text, self.k.errnos().keys().map(String::as_str)),
                );
                None
            }
        }
    }
}

/// The value range of a type.
fn bounds(ty: ArgType) -> (i128, i128) {
    let value = |v: u64| {
        if ty.signed {
            i128::from(v as i64)
        } else {
            i128::from(v)
        }
    };
    (value(ty.min_value()), value(ty.max_value()))
}

/// Checks a spec against the kernel tree and resolves it. Problems go to `diags`; `None` when
/// there was an error.
pub fn resolve(spec: &Spec, k: &KernelInfo, diags: &mut Diagnostics) -> Option<Resolved> {
    let errors_before = diags.error_count();
    let mut cx = Ctx { k, diags };
    let arch = k.arch;

    let nr = if spec.name.is_empty() {
        None
    } else {
        let nr = k.syscall_nr(&spec.name);
        if nr.is_none() {
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
    };

    if spec.params.len() > MAX_PARAMS {
        let loc = spec.params[MAX_PARAMS].loc;
        cx.diags.push(
            Diagnostic::error(loc, "too many parameters")
                .expected(format!("at most {MAX_PARAMS}"))
                .found(format!("{}", spec.params.len())),
        );
    }

    // Errors.
    let mut errors = Vec::new();
    for e in &spec.errors {
        if let Some(n) = cx.errno(&e.name) {
            if let Some(prev) = errors.iter().find(|x: &&ResolvedError| x.errno == n) {
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
    }
    if spec.errors.len() > MAX_COVERED {
        cx.diags.push(
            Diagnostic::error(spec.errors[MAX_COVERED].loc, "too many declared errors")
                .expected(format!("at most {MAX_COVERED}"))
                .found(format!("{}", spec.errors.len())),
        );
    }

    // Parameters.
    let mut params = Vec::new();
    for p in &spec.params {
        let ctype_text = match (&p.c_type, p.kapi_type) {
            (Some(c), _) => Some((c.text.clone(), c.loc)),
            (None, Some(k)) => ctype::default_ctype(k).map(|c| (c.to_string(), p.loc)),
            (None, None) => None,
        };
        let Some((ctype, cloc)) = ctype_text else {
            cx.diags.push(
                Diagnostic::error(p.loc, format!("no type for `{}`", p.name))
                    .expected(format!("`param-type: {}, <C type or KAPI_TYPE_*>`", p.name))
                    .help("for KAPI_TYPE_VOID/CUSTOM add `param-ctype`"),
            );
            continue;
        };
        let Some(ty) = ctype::width(&ctype, arch) else {
            cx.diags.push(
                Diagnostic::error(cloc, format!("width of C type `{ctype}` of `{}` cannot be determined", p.name))
                    .expected("an integer or pointer C type (int, unsigned int, long, unsigned long, size_t, u32, __u64, pid_t, umode_t, `T *`, ...)")
                    .found(format!("`{ctype}`")),
            );
            continue;
        };
        let mut errnos = Vec::new();
        for e in &p.errnos {
            if let Some(n) = cx.errno(e) {
                if !spec.errors.iter().any(|x| x.name.text == e.text) {
                    cx.diags.push(
                        Diagnostic::error(
                            e.loc,
                            format!(
                                "`param-errno` {} of `{}` is not declared by an `error-code` line",
                                e.text, p.name
                            ),
                        )
                        .expected(format!(
                            "`error-code: -{0}, {0}, <condition>, <description>`",
                            e.text
                        )),
                    );
                }
                if !errnos.contains(&n) {
                    errnos.push(n);
                }
            }
        }
        let mut constraints = Vec::new();
        for (ci, c) in p.constraints.iter().enumerate() {
            let kind = match &c.kind {
                model::ConstraintKind::Range { min, max } => {
                    let lo = cx.value(min, ty, &p.name, &ctype);
                    let hi = cx.value(max, ty, &p.name, &ctype);
                    match (lo, hi) {
                        (Some(lo), Some(hi)) if !ty.le(lo, hi) => {
                            cx.diags.push(
                                Diagnostic::error(min.loc, format!("empty range for `{}`", p.name))
                                    .expected("min <= max")
                                    .found(format!("`{min}` > `{max}`")),
                            );
                            None
                        }
                        (Some(min), Some(max)) => Some(ConstraintKind::Range { min, max }),
                        _ => None,
                    }
                }
                model::ConstraintKind::Mask { valid } => cx
                    .mask(valid, ty, &p.name, &ctype)
                    .map(|valid| ConstraintKind::Mask { valid }),
                model::ConstraintKind::Enum { values }
                | model::ConstraintKind::Exclude { values } => {
                    let vs: Vec<Option<u64>> = values
                        .iter()
                        .map(|v| cx.value(v, ty, &p.name, &ctype))
                        .collect();
                    if vs.iter().all(Option::is_some) {
                        // The runtime type holds a `&'static` list, as the generated tables
                        // do: a host tool resolves each spec once per run, so the resolver
                        // leaks the few bytes of each list rather than keep a second type.
                        let values: &'static [u64] =
                            vs.into_iter().flatten().collect::<Vec<_>>().leak();
                        Some(if matches!(c.kind, model::ConstraintKind::Enum { .. }) {
                            ConstraintKind::Enum { values }
                        } else {
                            ConstraintKind::Exclude { values }
                        })
                    } else {
                        None
                    }
                }
                model::ConstraintKind::Alignment { align } => match cx.eval(align) {
                    Some(a)
                        if a > 0 && a <= i128::from(u64::MAX) && (a as u64).is_power_of_two() =>
                    {
                        Some(ConstraintKind::Alignment { align: a as u64 })
                    }
                    Some(a) => {
                        cx.diags.push(
                            Diagnostic::error(align.loc, "alignment is not a power of two")
                                .expected("1, 2, 4, 8, ...")
                                .found(format!("`{align}` = {a}")),
                        );
                        None
                    }
                    None => None,
                },
                model::ConstraintKind::PowerOfTwo => Some(ConstraintKind::PowerOfTwo),
                model::ConstraintKind::PageAligned => Some(ConstraintKind::PageAligned {
                    page_size: arch.page_size,
                }),
                model::ConstraintKind::NonZero => Some(ConstraintKind::NonZero),
                model::ConstraintKind::Fd => Some(ConstraintKind::Fd),
                model::ConstraintKind::NoWrap { other } => match spec.param_index(&other.text) {
                    Some(o) if spec.params[o].name != p.name => {
                        Some(ConstraintKind::NoWrap { other: o as u8 })
                    }
                    _ => {
                        cx.diags.push(
                            Diagnostic::error(
                                other.loc,
                                format!(
                                    "`{}` of `{}` needs another parameter",
                                    c.kind.tag().short(),
                                    p.name
                                ),
                            )
                            .expected("the name of another parameter")
                            .found(format!("`{other}`")),
                        );
                        None
                    }
                },
                model::ConstraintKind::Buffer => {
                    if p.size_param.is_none() && p.size.is_none() {
                        cx.diags.push(
                            Diagnostic::error(
                                c.loc,
                                format!("BUFFER constraint of `{}` without a size", p.name),
                            )
                            .expected(format!(
                                "`param-size-param: {}, <param>` or `param-size`",
                                p.name
                            )),
                        );
                    }
                    continue;
                }
                model::ConstraintKind::None
                | model::ConstraintKind::UserString
                | model::ConstraintKind::UserPath
                | model::ConstraintKind::UserPtr
                | model::ConstraintKind::Custom => continue,
            };
            if let Some(kind) = kind {
                constraints.push(ResolvedConstraint {
                    kind,
                    errnos: errnos.clone(),
                    source: ci,
                });
            }
        }
        if !p.errnos.is_empty() && !p.constraints.iter().any(|c| c.kind.tag().is_checked()) {
            cx.diags.push(
                Diagnostic::warning(
                    p.errnos[0].loc,
                    format!(
                        "`param-errno` of `{}` has no checked constraint to apply to",
                        p.name
                    ),
                )
                .help("param-errno predicts the errno for a broken range/mask/enum/... constraint"),
            );
        }
        if let Some(sp) = &p.size_param {
            if spec
                .param_index(&sp.text)
                .is_none_or(|i| spec.params[i].name == p.name)
            {
                cx.diags.push(
                    Diagnostic::error(
                        sp.loc,
                        format!("size parameter of `{}` is not another parameter", p.name),
                    )
                    .expected("the name of another parameter")
                    .found(format!("`{sp}`")),
                );
            }
        }
        if let Some(sz) = &p.size {
            if let Some(v) = cx.eval(sz) {
                if v < 0 {
                    cx.diags.push(
                        Diagnostic::error(sz.loc, format!("negative size for `{}`", p.name))
                            .expected("a size >= 0")
                            .found(format!("{v}")),
                    );
                }
            }
        }
        params.push(ResolvedParam {
            name: p.name.clone(),
            c_type: ctype,
            ty,
            constraints,
        });
    }

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

    let ret = resolve_return(spec, &mut cx);

    if cx.diags.error_count() > errors_before {
        return None;
    }
    Some(Resolved {
        name: spec.name.clone(),
        nr: nr?,
        params,
        ret: ret?,
        errors,
    })
}

fn resolve_return(spec: &Spec, cx: &mut Ctx<'_>) -> Option<ReturnCheck> {
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
    let i64_of = |cx: &mut Ctx<'_>, t: &Text| -> Option<i64> {
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
    };
    let success = r.success.as_ref().map(|t| i64_of(cx, t));
    if r.success.is_some() && !matches!(check, ReturnCheckKind::Exact | ReturnCheckKind::ErrorCheck)
    {
        let t = r.success.as_ref().map_or(loc, |t| t.loc);
        cx.diags.push(
            Diagnostic::error(t, "`return-success` without the matching check type")
                .expected("KAPI_RETURN_EXACT or KAPI_RETURN_ERROR_CHECK")
                .found(check.kapi_name()),
        );
    }
    if r.success_range.is_some() && check != ReturnCheckKind::Range {
        let t = r.success_range.as_ref().map_or(loc, |t| t.0.loc);
        cx.diags.push(
            Diagnostic::error(t, "`return-success-range` without the matching check type")
                .expected("KAPI_RETURN_RANGE")
                .found(check.kapi_name()),
        );
    }
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
                let (a, b) = (i64_of(cx, a), i64_of(cx, b));
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

/// Lints a parsed spec: [`resolve`]'s checks plus the ones that need the parse (annotations in
/// `@param` order).
pub fn lint(parsed: &ParsedSpec, k: &KernelInfo, diags: &mut Diagnostics) -> Option<Resolved> {
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
    resolve(spec, k, diags)
}
