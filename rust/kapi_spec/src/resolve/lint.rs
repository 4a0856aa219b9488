// SPDX-License-Identifier: GPL-2.0

//! Checks a spec against a kernel tree and resolves it to numbers: syscall number, errno
//! values, constraint values as bit patterns of the parameter's type, the return check.

use serde::Serialize;

use crate::diag::{Diagnostic, Diagnostics, Loc};
use crate::model::*;
use crate::parse::kerneldoc::ParsedSpec;
use crate::resolve::ctype;
use crate::resolve::ksrc::KernelInfo;

/// Most parameters a system call has.
pub const MAX_PARAMS: usize = 6;
/// Most declared errors per spec (the runtime's limit).
pub const MAX_ERRORS: usize = 64;
/// Most runtime-checked constraints per spec the module's coverage tracks (more are still
/// checked, but not covered).
pub const MAX_COVERED_CONSTRAINTS: usize = 64;
/// Largest errno value.
pub const MAX_ERRNO: i128 = 4095;

/// A runtime-checked constraint, resolved to numbers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum CheckKind {
    /// `min <= value <= max` (bit patterns, compared with the parameter's signedness).
    Range {
        /// Smallest allowed value.
        min: u64,
        /// Largest allowed value.
        max: u64,
    },
    /// `value & !valid == 0`.
    Mask {
        /// The bits that may be set.
        valid: u64,
    },
    /// One of `values`.
    Enum {
        /// The allowed values.
        values: Vec<u64>,
    },
    /// None of `values`.
    Exclude {
        /// The forbidden values.
        values: Vec<u64>,
    },
    /// A multiple of `align`.
    Alignment {
        /// The alignment.
        align: u64,
    },
    /// A power of two.
    PowerOfTwo,
    /// A multiple of the page size.
    PageAligned {
        /// The page size.
        page_size: u64,
    },
    /// Not zero.
    NonZero,
    /// A file descriptor or `AT_FDCWD`.
    Fd,
    /// `value + args[other]` does not wrap.
    NoWrap {
        /// Index of the other parameter.
        other: u8,
    },
}

/// A resolved runtime constraint.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResolvedConstraint {
    /// What is checked.
    #[serde(flatten)]
    pub kind: CheckKind,
    /// The errnos the kernel must fail with when it is broken (empty: advisory).
    pub errnos: Vec<u16>,
    /// Index of the constraint in the model's [`Param::constraints`].
    pub source: usize,
}

/// A resolved parameter.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResolvedParam {
    /// Name.
    pub name: String,
    /// The C type the width comes from.
    pub c_type: String,
    /// Width in bits.
    pub bits: u8,
    /// Signedness.
    pub signed: bool,
    /// Runtime-checked constraints, in spec order (documentation-only kinds left out).
    pub constraints: Vec<ResolvedConstraint>,
}

/// What a successful return must be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum ReturnRule {
    /// Any non-error value.
    Any,
    /// Exactly this value.
    Exact {
        /// The value.
        value: i64,
    },
    /// Within `min..=max`.
    Range {
        /// Smallest.
        min: i64,
        /// Largest.
        max: i64,
    },
    /// `0..=INT_MAX`.
    Fd,
    /// Never returns on success.
    NoReturn,
}

/// A declared error, resolved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ResolvedError {
    /// Name (`EINVAL`).
    pub name: String,
    /// Value on the architecture.
    pub errno: u16,
}

/// A spec resolved against a kernel tree: what the runtime tables are made of.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Resolved {
    /// Name without `sys_`.
    pub name: String,
    /// Syscall number.
    pub nr: u32,
    /// Parameters.
    pub params: Vec<ResolvedParam>,
    /// Return rule.
    pub ret: ReturnRule,
    /// Declared errors, in spec order.
    pub errors: Vec<ResolvedError>,
}

/// Truncates `v` to `bits` and sign- or zero-extends it back (as `kapi_checker::ArgType`).
pub fn normalize(v: u64, bits: u8, signed: bool) -> u64 {
    let shift = 64 - u32::from(bits.clamp(1, 64));
    if shift == 0 {
        v
    } else if signed {
        (((v << shift) as i64) >> shift) as u64
    } else {
        (v << shift) >> shift
    }
}

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
    fn value(&mut self, t: &Text, w: ctype::Width, pname: &str, ctype: &str) -> Option<u64> {
        let v = self.eval(t)?;
        let (lo, hi) = bounds(w);
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
        Some(normalize(v as i64 as u64, w.bits, w.signed))
    }

    /// Evaluates a mask: any bit pattern of the type's width (negative values are their two's
    /// complement).
    fn mask(&mut self, t: &Text, w: ctype::Width, pname: &str, ctype: &str) -> Option<u64> {
        let v = self.eval(t)?;
        let bits = u32::from(w.bits);
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
        Some(normalize(v as i64 as u64, w.bits, w.signed))
    }

    fn errno(&mut self, t: &Text) -> Option<u16> {
        match self.k.errno(&t.text) {
            Some(n) => Some(n),
            None => {
                let near: Vec<&str> = self
                    .k
                    .errnos()
                    .keys()
                    .filter(|n| {
                        n.len().abs_diff(t.text.len()) <= 1 && common_prefix(n, &t.text) >= 3
                    })
                    .map(String::as_str)
                    .take(3)
                    .collect();
                let d = Diagnostic::error(t.loc, format!("unknown errno `{}`", t.text))
                    .expected("an errno of the kernel's errno headers")
                    .found(format!("`{}`", t.text));
                let d = if near.is_empty() {
                    d
                } else {
                    d.help(format!("did you mean {}?", near.join(", ")))
                };
                self.diags.push(d);
                None
            }
        }
    }
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count()
}

/// The value range of a type.
fn bounds(w: ctype::Width) -> (i128, i128) {
    let bits = u32::from(w.bits.clamp(1, 64));
    if w.signed {
        (-(1i128 << (bits - 1)), (1i128 << (bits - 1)) - 1)
    } else {
        (0, (1i128 << bits) - 1)
    }
}

fn le(a: u64, b: u64, signed: bool) -> bool {
    if signed {
        (a as i64) <= (b as i64)
    } else {
        a <= b
    }
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
    if spec.errors.len() > MAX_ERRORS {
        cx.diags.push(
            Diagnostic::error(spec.errors[MAX_ERRORS].loc, "too many declared errors")
                .expected(format!("at most {MAX_ERRORS}"))
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
        let Some(w) = ctype::width(&ctype, arch) else {
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
                ConstraintKind::Range { min, max } => {
                    let lo = cx.value(min, w, &p.name, &ctype);
                    let hi = cx.value(max, w, &p.name, &ctype);
                    match (lo, hi) {
                        (Some(lo), Some(hi)) if !le(lo, hi, w.signed) => {
                            cx.diags.push(
                                Diagnostic::error(min.loc, format!("empty range for `{}`", p.name))
                                    .expected("min <= max")
                                    .found(format!("`{min}` > `{max}`")),
                            );
                            None
                        }
                        (Some(min), Some(max)) => Some(CheckKind::Range { min, max }),
                        _ => None,
                    }
                }
                ConstraintKind::Mask { valid } => cx
                    .mask(valid, w, &p.name, &ctype)
                    .map(|valid| CheckKind::Mask { valid }),
                ConstraintKind::Enum { values } | ConstraintKind::Exclude { values } => {
                    let vs: Vec<Option<u64>> = values
                        .iter()
                        .map(|v| cx.value(v, w, &p.name, &ctype))
                        .collect();
                    if vs.iter().all(Option::is_some) {
                        let vs: Vec<u64> = vs.into_iter().flatten().collect();
                        Some(if matches!(c.kind, ConstraintKind::Enum { .. }) {
                            CheckKind::Enum { values: vs }
                        } else {
                            CheckKind::Exclude { values: vs }
                        })
                    } else {
                        None
                    }
                }
                ConstraintKind::Alignment { align } => match cx.eval(align) {
                    Some(a)
                        if a > 0 && a <= i128::from(u64::MAX) && (a as u64).is_power_of_two() =>
                    {
                        Some(CheckKind::Alignment { align: a as u64 })
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
                ConstraintKind::PowerOfTwo => Some(CheckKind::PowerOfTwo),
                ConstraintKind::PageAligned => Some(CheckKind::PageAligned {
                    page_size: arch.page_size,
                }),
                ConstraintKind::NonZero => Some(CheckKind::NonZero),
                ConstraintKind::Fd => Some(CheckKind::Fd),
                ConstraintKind::NoWrap { other } => match spec.param_index(&other.text) {
                    Some(o) if spec.params[o].name != p.name => {
                        Some(CheckKind::NoWrap { other: o as u8 })
                    }
                    _ => {
                        cx.diags.push(
                            Diagnostic::error(
                                other.loc,
                                format!("`no_wrap` of `{}` needs another parameter", p.name),
                            )
                            .expected("the name of another parameter")
                            .found(format!("`{other}`")),
                        );
                        None
                    }
                },
                ConstraintKind::Buffer => {
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
                ConstraintKind::None
                | ConstraintKind::UserString
                | ConstraintKind::UserPath
                | ConstraintKind::UserPtr
                | ConstraintKind::Custom => continue,
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
            bits: w.bits,
            signed: w.signed,
            constraints,
        });
    }

    let checked: usize = params.iter().map(|p| p.constraints.len()).sum();
    if checked > MAX_COVERED_CONSTRAINTS {
        cx.diags.push(
            Diagnostic::warning(spec.loc, "too many checked constraints for coverage")
                .expected(format!(
                    "at most {MAX_COVERED_CONSTRAINTS} (the module checks the others but does not track their coverage)"
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

fn resolve_return(spec: &Spec, cx: &mut Ctx) -> Option<ReturnRule> {
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
    let i64_of = |cx: &mut Ctx, t: &Text| -> Option<i64> {
        let v = cx.eval(t)?;
        match i64::try_from(v) {
            Ok(v) if !(-MAX_ERRNO..=-1).contains(&i128::from(v)) => Some(v),
            _ => {
                cx.diags.push(
                    Diagnostic::error(t.loc, "success value is not a valid non-error return value")
                        .expected("a value of `long` outside -4095..-1")
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
            Some(v) => v.map(|value| ReturnRule::Exact { value }),
            None => {
                cx.diags.push(
                    Diagnostic::error(loc, "KAPI_RETURN_EXACT without a value")
                        .expected("`return-success: <value>`"),
                );
                None
            }
        },
        ReturnCheckKind::ErrorCheck => match success {
            Some(v) => v.map(|value| ReturnRule::Exact { value }),
            None => Some(ReturnRule::Any),
        },
        ReturnCheckKind::Range => match &r.success_range {
            Some((a, b)) => {
                let (a, b) = (i64_of(cx, a), i64_of(cx, b));
                match (a, b) {
                    (Some(min), Some(max)) if min <= max => Some(ReturnRule::Range { min, max }),
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
        ReturnCheckKind::Fd => Some(ReturnRule::Fd),
        ReturnCheckKind::Custom => {
            cx.diags.push(
                Diagnostic::warning(loc, "KAPI_RETURN_CUSTOM is checked as any non-error value")
                    .help("use EXACT, RANGE, ERROR_CHECK or FD for a runtime check"),
            );
            Some(ReturnRule::Any)
        }
        ReturnCheckKind::NoReturn => Some(ReturnRule::NoReturn),
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
