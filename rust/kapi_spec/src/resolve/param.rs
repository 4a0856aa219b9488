// SPDX-License-Identifier: GPL-2.0

//! Parameters: the C type to a width ([`ArgType`]), `param-errno`, each constraint to the
//! runtime's [`ConstraintKind`] with its values as bit patterns of that type, and the size
//! annotations.

use kapi_checker::{ArgType, ConstraintKind};

use super::eval::Ctx;
use super::{ResolvedConstraint, ResolvedParam};
use crate::diag::{Diagnostic, Loc};
use crate::model::{self, Param, Spec, Text};
use crate::resolve::ctype;

/// The parameter being resolved, and the type its values are read in.
struct Target<'s> {
    spec: &'s Spec,
    param: &'s Param,
    c_type: &'s str,
    ty: ArgType,
}

impl Target<'_> {
    /// A value of the parameter's type, as a bit pattern.
    fn value(&self, cx: &mut Ctx<'_>, t: &Text) -> Option<u64> {
        cx.value(t, self.ty, &self.param.name, self.c_type)
    }

    /// The index of another parameter named by `other`.
    fn other_param(&self, other: &Text) -> Option<usize> {
        self.spec
            .param_index(&other.text)
            .filter(|&i| self.spec.params[i].name != self.param.name)
    }
}

/// Resolves parameter `p` of `spec`; `None` (reported) when its width is unknown.
pub(super) fn param(cx: &mut Ctx<'_>, spec: &Spec, p: &Param) -> Option<ResolvedParam> {
    let (c_type, ty) = arg_type(cx, p)?;
    let errnos = param_errnos(cx, spec, p);
    let target = Target {
        spec,
        param: p,
        c_type: &c_type,
        ty,
    };
    let mut constraints = Vec::new();
    for (source, c) in p.constraints.iter().enumerate() {
        if let Some(kind) = constraint(cx, &target, c) {
            constraints.push(ResolvedConstraint {
                kind,
                errnos: errnos.clone(),
                source,
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
    sizes(cx, &target);
    Some(ResolvedParam {
        name: p.name.clone(),
        c_type,
        ty,
        constraints,
    })
}

/// The C type a parameter is declared with (given, or the one its `KAPI_TYPE_*` stands for),
/// and where it was given.
pub(super) fn declared_ctype(p: &Param) -> Option<(String, Loc)> {
    match (&p.c_type, p.kapi_type) {
        (Some(c), _) => Some((c.text.clone(), c.loc)),
        (None, Some(k)) => {
            let loc = if p.type_loc.is_known() {
                p.type_loc
            } else {
                p.loc
            };
            ctype::default_ctype(k).map(|c| (c.to_string(), loc))
        }
        (None, None) => None,
    }
}

/// The C type of a parameter ([`declared_ctype`]) and its width.
fn arg_type(cx: &mut Ctx<'_>, p: &Param) -> Option<(String, ArgType)> {
    let Some((c_type, loc)) = declared_ctype(p) else {
        cx.diags.push(
            Diagnostic::error(p.loc, format!("no type for `{}`", p.name))
                .expected(format!("`param-type: {}, <C type or KAPI_TYPE_*>`", p.name))
                .help("for KAPI_TYPE_VOID/CUSTOM add `param-ctype`"),
        );
        return None;
    };
    let Some(ty) = ctype::width(&c_type, cx.k.arch) else {
        cx.diags.push(
            Diagnostic::error(loc, format!("width of C type `{c_type}` of `{}` cannot be determined", p.name))
                .expected("an integer or pointer C type (int, unsigned int, long, unsigned long, size_t, u32, __u64, pid_t, umode_t, `T *`, ...)")
                .found(format!("`{c_type}`")),
        );
        return None;
    };
    Some((c_type, ty))
}

/// The `param-errno` values, each once; each must also be declared by an `error-code` line.
fn param_errnos(cx: &mut Ctx<'_>, spec: &Spec, p: &Param) -> Vec<u16> {
    let mut errnos = Vec::new();
    for e in &p.errnos {
        let Some(n) = cx.errno(e) else {
            continue;
        };
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
    errnos
}

/// The runtime check of a constraint; `None` for a documentation-only kind and for one whose
/// values are wrong (reported).
fn constraint(cx: &mut Ctx<'_>, t: &Target<'_>, c: &model::Constraint) -> Option<ConstraintKind> {
    match &c.kind {
        model::ConstraintKind::Range { min, max } => range(cx, t, min, max),
        model::ConstraintKind::Mask { valid } => cx
            .mask(valid, t.ty, &t.param.name, t.c_type)
            .map(|valid| ConstraintKind::Mask { valid }),
        model::ConstraintKind::Enum { values } => {
            value_list(cx, t, values).map(|values| ConstraintKind::Enum { values })
        }
        model::ConstraintKind::Exclude { values } => {
            value_list(cx, t, values).map(|values| ConstraintKind::Exclude { values })
        }
        model::ConstraintKind::Alignment { align } => alignment(cx, align),
        model::ConstraintKind::PowerOfTwo => Some(ConstraintKind::PowerOfTwo),
        model::ConstraintKind::PageAligned => Some(ConstraintKind::PageAligned {
            page_size: cx.k.arch.page_size,
        }),
        model::ConstraintKind::NonZero => Some(ConstraintKind::NonZero),
        model::ConstraintKind::Fd => Some(ConstraintKind::Fd),
        model::ConstraintKind::NoWrap { other } => match t.other_param(other) {
            Some(o) => Some(ConstraintKind::NoWrap { other: o as u8 }),
            None => {
                cx.diags.push(
                    Diagnostic::error(
                        other.loc,
                        format!(
                            "`{}` of `{}` needs another parameter",
                            c.kind.tag().short(),
                            t.param.name
                        ),
                    )
                    .expected("the name of another parameter")
                    .found(format!("`{other}`")),
                );
                None
            }
        },
        model::ConstraintKind::Buffer => {
            buffer_has_a_size(cx, t.param, c.loc);
            None
        }
        model::ConstraintKind::None
        | model::ConstraintKind::UserString
        | model::ConstraintKind::UserPath
        | model::ConstraintKind::UserPtr
        | model::ConstraintKind::Custom => None,
    }
}

/// `range(min, max)`: both values of the type, `min <= max` in its signedness.
fn range(cx: &mut Ctx<'_>, t: &Target<'_>, min: &Text, max: &Text) -> Option<ConstraintKind> {
    let (lo, hi) = (t.value(cx, min), t.value(cx, max));
    match (lo?, hi?) {
        (lo, hi) if !t.ty.le(lo, hi) => {
            cx.diags.push(
                Diagnostic::error(min.loc, format!("empty range for `{}`", t.param.name))
                    .expected("min <= max")
                    .found(format!("`{min}` > `{max}`")),
            );
            None
        }
        (min, max) => Some(ConstraintKind::Range { min, max }),
    }
}

/// The values of `enum(...)` or `exclude(...)`, every one of the type.
///
/// The runtime kind holds a `&'static` list, as the generated tables do: a host tool resolves
/// each spec once per run, so the list is leaked (a few bytes) rather than kept in a second,
/// owning copy of the type.
fn value_list(cx: &mut Ctx<'_>, t: &Target<'_>, values: &[Text]) -> Option<&'static [u64]> {
    let values: Vec<Option<u64>> = values.iter().map(|v| t.value(cx, v)).collect();
    let values: Vec<u64> = values.into_iter().collect::<Option<_>>()?;
    Some(values.leak())
}

/// `alignment(n)`: a power of two.
fn alignment(cx: &mut Ctx<'_>, align: &Text) -> Option<ConstraintKind> {
    let a = cx.eval(align)?;
    match u64::try_from(a) {
        Ok(a) if a.is_power_of_two() => Some(ConstraintKind::Alignment { align: a }),
        _ => {
            cx.diags.push(
                Diagnostic::error(align.loc, "alignment is not a power of two")
                    .expected("1, 2, 4, 8, ...")
                    .found(format!("`{align}` = {a}")),
            );
            None
        }
    }
}

/// `buffer`: documentation, but its size must be given.
fn buffer_has_a_size(cx: &mut Ctx<'_>, p: &Param, loc: Loc) {
    if p.size_param.is_none() && p.size.is_none() {
        cx.diags.push(
            Diagnostic::error(
                loc,
                format!("BUFFER constraint of `{}` without a size", p.name),
            )
            .expected(format!(
                "`param-size-param: {}, <param>` or `param-size`",
                p.name
            )),
        );
    }
}

/// `param-size-param` names another parameter; `param-size` is not negative.
fn sizes(cx: &mut Ctx<'_>, t: &Target<'_>) {
    let p = t.param;
    if let Some(sp) = &p.size_param {
        if t.other_param(sp).is_none() {
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
}
