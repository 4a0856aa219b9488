// SPDX-License-Identifier: GPL-2.0

//! The calls that prove a spec's runtime rules, derived from the spec alone (`kapi cases`), and
//! the pools its arguments are fuzzed from.
//!
//! From the spec's one valid call (its `test-arg:` recipes) the generator makes:
//!
//! - the valid call itself;
//! - for every runtime constraint, its boundary values on both sides, at the C type's width and
//!   signedness, each in a call whose other arguments are the valid ones ([`probes`]): range
//!   `min-1`, `min`, `max`, `max+1`; every bit outside a mask, all of them, the mask and 0; each
//!   enum member, the values next to it and one far away; each excluded value; misalignment by 1
//!   and by half the alignment; `0` for nonzero; `-1` (and a word beyond `int`) for a
//!   descriptor; the wrap point of `no_wrap` and the word before it;
//! - argument classes: a descriptor of every other kind, a path of every other kind, where the
//!   valid call takes one.
//!
//! Each call carries what the validator must report, worked out by `kapi_checker` itself (the
//! code the module runs) on the call's words, and what the call must return: one of the errnos
//! the broken constraints name (`param-errno`), or anything the validator accepts (its exit
//! check then judges the errno). The generator checks its own work: a value meant to break its
//! constraint must break it, and one meant to keep it must keep it.

use std::collections::BTreeSet;
use std::fmt::Write;

use kapi_checker::probes::ProbeValue;
use kapi_checker::{
    check_entry, ArgType, Constraint, ConstraintKind, ErrorList, ErrorSpec, ParamSpec, SyscallSpec,
    ViolationKind, AT_FDCWD, MAX_PARAMS,
};

use crate::parse::recipe::{FdKind, PathKind, PidKind, Recipe};
use crate::resolve::{Resolved, ResolvedCall};

/// What a generated call must return.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Anything the validator accepts (an undeclared errno is its own report).
    Any,
    /// Failure with one of these errnos (names).
    Errno(Vec<String>),
}

/// One generated call.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// Unique name: `syscall.param.kind.label` (`mlock2.flags.mask.bit7`).
    pub name: String,
    /// The argument recipes.
    pub args: Vec<Recipe>,
    /// The validator's reports, in order.
    pub reports: Reports,
    /// What the call must return.
    pub outcome: Outcome,
    /// What the case is about.
    pub why: String,
    /// The constraints the case breaks on purpose, as (parameter, constraint) indices.
    pub targets: Vec<(usize, usize)>,
}

impl Generated {
    /// The constraints a generated call breaks on purpose, as (parameter, constraint) indices.
    pub fn broken(&self) -> BTreeSet<(usize, usize)> {
        self.cases
            .iter()
            .flat_map(|c| c.targets.iter().copied())
            .collect()
    }
}

/// A case the generator cannot make, with the reason.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Skipped {
    /// The case's name.
    pub name: String,
    /// Why.
    pub reason: String,
}

/// Everything generated from one spec.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Generated {
    /// The calls.
    pub cases: Vec<Case>,
    /// The calls that could not be made.
    pub skipped: Vec<Skipped>,
    /// Per argument, the fuzz pool (recipe texts and `rand`/`rand32`); empty if not fuzzed.
    pub pools: Vec<Vec<String>>,
    /// Why the syscall is not fuzzed, if it is not.
    pub nofuzz: Option<String>,
}

/// One value to try for a constraint: its label, its recipe and whether it breaks the
/// constraint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Probe {
    /// `min-1`, `bit7`, ...
    pub label: String,
    /// The argument.
    pub recipe: Recipe,
    /// Whether it must break the constraint.
    pub breaks: bool,
}

/// The runtime form of a resolved spec (leaked: a host tool makes a few of them per run), so
/// that the checker judges generated calls exactly as the module will.
pub fn runtime_spec(r: &Resolved) -> &'static SyscallSpec {
    let leak = |s: &str| -> &'static str { Box::leak(s.to_string().into_boxed_str()) };
    let params: Vec<ParamSpec> = r
        .params
        .iter()
        .map(|p| ParamSpec {
            name: leak(&p.name),
            c_type: leak(&p.c_type),
            ty: p.ty,
            constraints: Vec::leak(
                p.constraints
                    .iter()
                    .map(|c| Constraint::new(c.kind, Vec::leak(c.errnos.clone())))
                    .collect(),
            ),
        })
        .collect();
    let errors: Vec<ErrorSpec> = r
        .errors
        .iter()
        .map(|e| ErrorSpec {
            errno: e.errno,
            name: leak(&e.name),
        })
        .collect();
    Box::leak(Box::new(SyscallSpec {
        name: leak(&r.name),
        nr: r.nr,
        summary: "",
        params: Vec::leak(params),
        ret: r.ret,
        errors: ErrorList::new(Vec::leak(errors)),
        doc: "",
        paired: kapi_checker::PAIRED.contains(&r.name.as_str()),
        value_returns: r.value_returns,
    }))
}

/// `base` moved by `delta` bytes, if it is a mapping or an integer its type can hold moved.
fn offset(base: &Recipe, ty: ArgType, delta: i64) -> Option<Recipe> {
    match *base {
        Recipe::Int { value } => {
            let v = value.checked_add_signed(delta)?;
            (ty.normalize(v) == v).then_some(Recipe::int(v))
        }
        Recipe::Map { pages, off } => Some(Recipe::Map {
            pages,
            off: off.checked_add(delta)?,
        }),
        _ => None,
    }
}

/// The values to try for constraint `kind` of a parameter of type `ty` whose valid argument is
/// `base` (the kind's boundaries are `kapi_checker::probes`'); `other` is the valid argument of
/// the parameter a `no_wrap` names. `Err` says why none can be made.
pub fn probes(
    kind: &ConstraintKind,
    ty: ArgType,
    base: &Recipe,
    other: Option<&Recipe>,
) -> Result<Vec<Probe>, String> {
    let other = match (kind, other) {
        (ConstraintKind::NoWrap { .. }, Some(&Recipe::Int { value })) => Some(value),
        // An address is not known before the guest maps it, but it is not 0.
        (ConstraintKind::NoWrap { .. }, Some(r)) if r.is_runtime() && r.representative() != 0 => {
            None
        }
        (ConstraintKind::NoWrap { .. }, _) => {
            return Err("the other parameter's valid argument is not known".into())
        }
        _ => None,
    };
    let mut out = Vec::new();
    let mut unplaced = false;
    kapi_checker::probes::probes(kind, ty, other, |label, value, breaks| {
        let recipe = match value {
            // AT_FDCWD as the descriptor recipe, which is the argument class of the same name.
            ProbeValue::Word(v)
                if matches!(kind, ConstraintKind::Fd) && v == ty.normalize(AT_FDCWD as u64) =>
            {
                Some(Recipe::Fd {
                    fd: FdKind::Atfdcwd,
                })
            }
            ProbeValue::Word(v) => Some(Recipe::int(v)),
            ProbeValue::Valid => Some(base.clone()),
            ProbeValue::FromValid(d) => offset(base, ty, d),
        };
        match recipe {
            Some(recipe) => out.push(Probe {
                label: label.to_string(),
                recipe,
                breaks,
            }),
            None => unplaced |= !matches!(base, Recipe::Int { .. } | Recipe::Map { .. }),
        }
    });
    if unplaced {
        return Err("the valid argument is not an integer or a mapping".into());
    }
    if out.iter().all(|p| !p.breaks) {
        return Err(format!(
            "no value of `{}` breaks it next to the valid argument",
            kind.name()
        ));
    }
    Ok(out)
}

/// The validator's reports of a call, in order: `(kind, param)`.
pub type Reports = Vec<(ViolationKind, Option<String>)>;

/// The generator's verdict of a call to `spec` with `args`: the validator's reports, the
/// outcome the call must have, and the (parameter, constraint) pairs it breaks. `errno_name`
/// names an errno.
fn judge(
    spec: &SyscallSpec,
    args: &[Recipe],
    errno_name: &dyn Fn(u16) -> String,
) -> (Reports, Outcome, Vec<(u8, u8)>) {
    let mut words = [0u64; MAX_PARAMS];
    for (w, r) in words.iter_mut().zip(args) {
        *w = r.representative();
    }
    let entry = check_entry(spec, &words);
    let mut verdict = kapi_checker::Verdict::new();
    entry.violations(spec, &words, &mut verdict);
    let mut reports = Vec::new();
    let mut broken = Vec::new();
    let mut errnos = BTreeSet::new();
    for v in &verdict.violations {
        let Some(p) = v.param else { continue };
        broken.push((p, v.constraint));
        let param = spec.params.get(usize::from(p));
        reports.push((v.kind, param.map(|p| p.name.to_string())));
        if let Some(c) = param.and_then(|p| p.constraints.get(usize::from(v.constraint))) {
            errnos.extend(c.errnos.iter().copied());
        }
    }
    let outcome = if errnos.is_empty() {
        Outcome::Any
    } else {
        Outcome::Errno(errnos.into_iter().map(errno_name).collect())
    };
    (reports, outcome, broken)
}

/// Generates the cases and pools of one spec from its valid arguments (`valid[i]` for
/// parameter `i`). `Err` is a bug in the generator: a probe that does not do what it says.
pub fn generate(
    r: &Resolved,
    call: &ResolvedCall,
    errno_name: &dyn Fn(u16) -> String,
) -> Result<Generated, String> {
    let valid = &call.valid[..];
    let spec = runtime_spec(r);
    let mut g = Generated::default();
    let mut seen = std::collections::HashMap::new();
    // A call already made under another name (a mask's 0 is also nonzero's 0) is not made
    // again; it still counts for the constraint it breaks.
    let mut add = |g: &mut Generated, name: String, args: Vec<Recipe>, why: String| {
        let (reports, outcome, broken) = judge(spec, &args, errno_name);
        if let Some(i) = seen.get(&args) {
            return Some((broken, *i));
        }
        seen.insert(args.clone(), g.cases.len());
        g.cases.push(Case {
            name,
            args,
            reports,
            outcome,
            why,
            targets: Vec::new(),
        });
        Some((broken, g.cases.len() - 1))
    };
    let (reports, _, _) = judge(spec, valid, errno_name);
    if !reports.is_empty() {
        return Err(format!("{}: the valid call breaks a constraint", r.name));
    }
    add(
        &mut g,
        format!("{}.valid", r.name),
        valid.to_vec(),
        "the valid call".into(),
    );
    let mut pools: Vec<BTreeSet<String>> = valid
        .iter()
        .map(|v| BTreeSet::from([v.to_string()]))
        .collect();
    for (p, param) in r.params.iter().enumerate() {
        for (c, constraint) in param.constraints.iter().enumerate() {
            let kind_name = constraint.kind.name();
            let other = match constraint.kind {
                ConstraintKind::NoWrap { other } => valid.get(usize::from(other)),
                _ => None,
            };
            let base = &valid[p];
            let probes = match probes(&constraint.kind, param.ty, base, other) {
                Ok(probes) => probes,
                Err(reason) => {
                    g.skipped.push(Skipped {
                        name: format!("{}.{}.{kind_name}", r.name, param.name),
                        reason,
                    });
                    continue;
                }
            };
            for probe in probes {
                let mut args = valid.to_vec();
                args[p] = probe.recipe.clone();
                pools[p].insert(probe.recipe.to_string());
                let name = format!("{}.{}.{kind_name}.{}", r.name, param.name, probe.label);
                let why = format!(
                    "{} = {} ({} {kind_name})",
                    param.name,
                    probe.recipe,
                    if probe.breaks { "breaks" } else { "keeps" }
                );
                let Some((broken, at)) = add(&mut g, name.clone(), args, why) else {
                    continue;
                };
                let is_broken = broken.contains(&(p as u8, c as u8));
                if is_broken != probe.breaks {
                    return Err(format!(
                        "{name}: {} {} the constraint, but the checker says it {}",
                        probe.recipe,
                        if probe.breaks {
                            "should break"
                        } else {
                            "should keep"
                        },
                        if is_broken { "breaks it" } else { "keeps it" },
                    ));
                }
                if is_broken {
                    g.cases[at].targets.push((p, c));
                }
            }
        }
    }
    classes(&mut g, r, call, &mut pools, &mut add);
    declared_classes(&mut g, r, call, errno_name, &mut add);
    for &p in &call.fixed {
        if let Some(pool) = pools.get_mut(p) {
            *pool = BTreeSet::from([valid[p].to_string()]);
        }
    }
    g.nofuzz.clone_from(&call.nofuzz);
    g.pools = pools
        .into_iter()
        .zip(&r.params)
        .enumerate()
        .map(|(p, (pool, param))| {
            if call.fixed.contains(&p) {
                return pool.into_iter().collect();
            }
            let mut pool: Vec<String> = pool.into_iter().collect();
            pool.push(
                if param.ty.bits <= 32 {
                    "rand32"
                } else {
                    "rand"
                }
                .to_string(),
            );
            pool
        })
        .collect();
    Ok(g)
}

type Add<'a> =
    dyn FnMut(&mut Generated, String, Vec<Recipe>, String) -> Option<(Vec<(u8, u8)>, usize)> + 'a;

/// The argument kinds the spec names errnos for (`test-class`): the case of each (made here
/// if [`classes`] did not) must fail with one of them, unless it also breaks a constraint (then
/// the constraint's errnos rule).
fn declared_classes(
    g: &mut Generated,
    r: &Resolved,
    call: &ResolvedCall,
    errno_name: &dyn Fn(u16) -> String,
    add: &mut Add<'_>,
) {
    for (p, recipe, errnos) in &call.classes {
        let Some(param) = r.params.get(*p) else {
            continue;
        };
        let mut args = call.valid.clone();
        args[*p] = recipe.clone();
        let label = recipe.to_string().replace(':', "-");
        let why = format!("{} = {recipe} (argument class)", param.name);
        let name = format!("{}.{}.class.{label}", r.name, param.name);
        if let Some((_, at)) = add(g, name, args, why) {
            let case = &mut g.cases[at];
            if case.reports.is_empty() {
                case.outcome = Outcome::Errno(errnos.iter().map(|&e| errno_name(e)).collect());
            }
        }
    }
}

/// Argument classes: every other descriptor or path kind where the valid call takes one.
fn classes(
    g: &mut Generated,
    r: &Resolved,
    call: &ResolvedCall,
    pools: &mut [BTreeSet<String>],
    add: &mut Add<'_>,
) {
    let valid = &call.valid[..];
    for (p, param) in r.params.iter().enumerate() {
        let others: Vec<Recipe> = match valid[p] {
            Recipe::Fd { fd } => FdKind::ALL
                .iter()
                .filter(|&&k| k != fd)
                .map(|&fd| Recipe::Fd { fd })
                .collect(),
            Recipe::Path { path } => PathKind::ALL
                .iter()
                .filter(|&&k| k != path)
                .map(|&path| Recipe::Path { path })
                .collect(),
            Recipe::Pid { pid } => PidKind::ALL
                .iter()
                .filter(|&&k| k != pid)
                .map(|&pid| Recipe::Pid { pid })
                .collect(),
            _ => continue,
        };
        for recipe in others {
            let mut args = valid.to_vec();
            args[p] = recipe.clone();
            pools[p].insert(recipe.to_string());
            let label = recipe.to_string().replace(':', "-");
            let why = format!("{} = {recipe} (argument class)", param.name);
            add(
                g,
                format!("{}.{}.class.{label}", r.name, param.name),
                args,
                why,
            );
        }
    }
}

/// The cases file the guest runner reads (`selftests/kapi_conform.c`): one tab-separated line
/// per case, and per skip.
pub fn write_cases(out: &mut String, r: &Resolved, g: &Generated) {
    for c in &g.cases {
        let mut args: Vec<String> = c.args.iter().map(Recipe::to_string).collect();
        args.resize(MAX_PARAMS, "0".into());
        let reports = if c.reports.is_empty() {
            "-".to_string()
        } else {
            c.reports
                .iter()
                .map(|(k, p)| match p {
                    Some(p) => format!("{}:{p}", k.name()),
                    None => k.name().to_string(),
                })
                .collect::<Vec<_>>()
                .join(",")
        };
        let outcome = match &c.outcome {
            Outcome::Any => "any".to_string(),
            Outcome::Errno(e) => format!("errno:{}", e.join("|")),
        };
        let _ = writeln!(
            out,
            "case\t{}\t{}\t{}\t{}\t{reports}\t{outcome}\t{}",
            c.name,
            r.name,
            r.nr,
            args.join("\t"),
            c.why
        );
    }
    for s in &g.skipped {
        let _ = writeln!(out, "skip\t{}\t{}", s.name, s.reason);
    }
}

/// The fuzz pools file the guest fuzzer reads (`selftests/kapi_fuzz.c`).
pub fn write_pools(out: &mut String, r: &Resolved, g: &Generated) {
    if let Some(reason) = &g.nofuzz {
        let _ = writeln!(out, "nofuzz\t{}\t{reason}", r.name);
        return;
    }
    let mut pools: Vec<String> = g.pools.iter().map(|p| p.join(" ")).collect();
    pools.resize(MAX_PARAMS, "0".into());
    let _ = writeln!(out, "fuzz\t{}\t{}\t{}", r.name, r.nr, pools.join("\t"));
}
