// SPDX-License-Identifier: GPL-2.0

//! The human-readable rendering of a spec: everything the model holds, with the numbers of a
//! resolution when there is one (`kapi show`, the runtime tables' `doc` field).

use std::fmt::Write;

use crate::model::*;
use kapi_checker::ValuesDisplay;

use crate::resolve::{Resolved, ResolvedParam};

fn block(out: &mut String, indent: &str, text: &str) {
    for line in text.trim().lines() {
        if line.trim().is_empty() {
            out.push('\n');
        } else {
            let _ = writeln!(out, "{indent}{}", line.trim_end());
        }
    }
}

fn constraint_values(kind: &ConstraintKind) -> String {
    let values: Vec<&str> = kind.values().into_iter().map(Text::as_str).collect();
    let values = values.join(", ");
    match kind {
        ConstraintKind::Range { .. } => format!("[{values}]"),
        ConstraintKind::Enum { .. } | ConstraintKind::Exclude { .. } => format!("{{{values}}}"),
        ConstraintKind::NoWrap { .. } => format!("{values} (sum must not wrap)"),
        _ => values,
    }
}

/// Renders a spec as text.
pub fn render(spec: &Spec, resolved: Option<&Resolved>) -> String {
    let mut o = String::new();
    match resolved {
        Some(r) => {
            let _ = writeln!(o, "sys_{} (nr {}): {}", spec.name, r.nr, spec.summary);
        }
        None => {
            let _ = writeln!(o, "sys_{}: {}", spec.name, spec.summary);
        }
    }
    if !spec.description.is_empty() {
        o.push_str("\nDescription:\n");
        block(&mut o, "  ", &spec.description);
    }
    if let Some(d) = &spec.long_desc {
        o.push_str("\nLong description:\n");
        block(&mut o, "  ", d);
    }
    if !spec.context_flags.is_empty() {
        let flags: Vec<&str> = spec.context_flags.iter().map(|f| f.upper()).collect();
        let _ = writeln!(o, "\nContext flags: {}", flags.join(" | "));
    }
    if let Some(v) = &spec.since_version {
        let _ = writeln!(o, "Since: {v}");
    }

    params(&mut o, spec, resolved);
    return_value(&mut o, spec, resolved);
    errors(&mut o, spec, resolved);
    behaviour(&mut o, spec);
    if let Some(e) = &spec.examples {
        o.push_str("\nExamples:\n");
        block(&mut o, "  ", e);
    }
    if let Some(n) = &spec.notes {
        o.push_str("\nNotes:\n");
        block(&mut o, "  ", n);
    }
    if let Some(c) = &spec.context_section {
        o.push_str("\nContext:\n");
        block(&mut o, "  ", c);
    }
    o
}

/// The parameters, with their widths and constraint values when resolved.
fn params(o: &mut String, spec: &Spec, resolved: Option<&Resolved>) {
    let _ = writeln!(o, "\nParameters ({}):", spec.params.len());
    for (i, p) in spec.params.iter().enumerate() {
        let rp = resolved
            .and_then(|r| r.params.get(i))
            .filter(|rp| rp.name == p.name);
        param(o, i, p, rp);
    }
}

/// One parameter.
fn param(o: &mut String, i: usize, p: &Param, rp: Option<&ResolvedParam>) {
    let mut ty = Vec::new();
    if let Some(c) = &p.c_type {
        ty.push(c.text.clone());
    }
    if let Some(k) = p.kapi_type {
        ty.push(k.kapi_name());
    }
    if let Some(rp) = rp {
        ty.push(format!(
            "{}-bit {}",
            rp.ty.bits,
            if rp.ty.signed { "signed" } else { "unsigned" }
        ));
    }
    let _ = writeln!(o, "  [{i}] {}: {}", p.name, ty.join(", "));
    if !p.description.is_empty() {
        block(o, "      ", &p.description);
    }
    if !p.flags.is_empty() {
        let f: Vec<&str> = p.flags.iter().map(|f| f.upper()).collect();
        let _ = writeln!(o, "      flags: {}", f.join(" | "));
    }
    for (ci, c) in p.constraints.iter().enumerate() {
        o.push_str(&constraint_line(ci, c, rp));
        o.push('\n');
    }
    if let Some(t) = &p.constraint_text {
        let _ = writeln!(o, "      constraint text: {t}");
    }
    if let Some(s) = &p.size {
        let _ = writeln!(o, "      size: {s}");
    }
    if let Some(s) = &p.size_param {
        let _ = writeln!(o, "      size given by: {s}");
    }
    if !p.errnos.is_empty() {
        let e: Vec<&str> = p.errnos.iter().map(|t| t.text.as_str()).collect();
        let _ = writeln!(
            o,
            "      errno when a constraint is broken: {}",
            e.join(" | ")
        );
    }
}

/// The line of constraint `ci` of a parameter: its kind, its values as written and, when
/// resolved, as numbers.
fn constraint_line(ci: usize, c: &Constraint, rp: Option<&ResolvedParam>) -> String {
    let tag = c.kind.tag();
    let mut line = format!("      constraint: {}", tag.upper());
    let vals = constraint_values(&c.kind);
    if !vals.is_empty() {
        let _ = write!(line, " {vals}");
    }
    let numbers = rp.and_then(|rp| {
        let rc = rp.constraints.iter().find(|rc| rc.source == ci)?;
        Some(ValuesDisplay {
            ty: rp.ty,
            kind: &rc.kind,
        })
    });
    if let Some(numbers) = numbers {
        let num = numbers.to_string();
        if !num.is_empty() && num != vals {
            let _ = write!(line, " = {num}");
        }
    } else if !tag.is_checked() {
        line.push_str(" (documentation)");
    }
    line
}

/// The return value.
fn return_value(o: &mut String, spec: &Spec, resolved: Option<&Resolved>) {
    let r = &spec.ret;
    let mut ret = Vec::new();
    if let Some(k) = r.kapi_type {
        ret.push(k.kapi_name());
    }
    if let Some(c) = &r.c_type {
        ret.push(c.text.clone());
    }
    if let Some(c) = r.check {
        ret.push(format!("check {}", c.upper()));
    }
    if let Some(s) = &r.success {
        ret.push(format!("success {s}"));
    }
    if let Some((a, b)) = &r.success_range {
        ret.push(format!("success in [{a}, {b}]"));
    }
    if let Some((param, values)) = &r.value_when {
        let values: Vec<String> = values.iter().map(ToString::to_string).collect();
        ret.push(format!(
            "any return is a value when {param} is {}",
            values.join(" or ")
        ));
    }
    if let Some(r) = resolved {
        ret.push(r.ret.to_string());
    }
    let _ = writeln!(o, "\nReturn: {}", ret.join(", "));
    if let Some(s) = &spec.return_section {
        block(o, "  ", s);
    }
}

/// The declared errors, with their values when resolved.
fn errors(o: &mut String, spec: &Spec, resolved: Option<&Resolved>) {
    let _ = writeln!(o, "\nErrors ({}):", spec.errors.len());
    for e in &spec.errors {
        let num = resolved
            .and_then(|r| r.errors.iter().find(|x| x.name == e.name.text))
            .map_or(String::new(), |x| format!(" ({})", x.errno));
        let _ = writeln!(o, "  {}{num}: {}", e.name, e.condition);
        if !e.description.is_empty() {
            block(o, "      ", &e.description);
        }
    }
}

/// Locks, signals, side effects, state transitions, capabilities and free-text constraints.
fn behaviour(o: &mut String, spec: &Spec) {
    if !spec.locks.is_empty() {
        let _ = writeln!(o, "\nLocks ({}):", spec.locks.len());
        for l in &spec.locks {
            let _ = writeln!(o, "  {} ({})", l.name, l.lock_type);
            for (k, v) in l.fields() {
                let _ = writeln!(o, "      {}: {v}", k.trim_start_matches("lock-"));
            }
        }
    }
    if !spec.signals.is_empty() {
        let _ = writeln!(o, "\nSignals ({}):", spec.signals.len());
        for s in &spec.signals {
            let _ = writeln!(o, "  {}", s.name);
            for (k, v) in s.fields() {
                let _ = writeln!(o, "      {}: {v}", k.trim_start_matches("signal-"));
            }
        }
    }
    if !spec.side_effects.is_empty() {
        let _ = writeln!(o, "\nSide effects ({}):", spec.side_effects.len());
        for e in &spec.side_effects {
            let t: Vec<&str> = e.types.iter().map(|t| t.upper()).collect();
            let _ = writeln!(o, "  {} [{}]: {}", e.target, t.join(" | "), e.description);
            if let Some(c) = &e.condition {
                let _ = writeln!(o, "      condition: {c}");
            }
            if e.reversible {
                o.push_str("      reversible\n");
            }
        }
    }
    if !spec.state_transitions.is_empty() {
        let _ = writeln!(o, "\nState transitions ({}):", spec.state_transitions.len());
        for t in &spec.state_transitions {
            let _ = writeln!(
                o,
                "  {}: {} -> {}: {}",
                t.object, t.from, t.to, t.description
            );
            if let Some(c) = &t.condition {
                let _ = writeln!(o, "      condition: {c}");
            }
        }
    }
    if !spec.capabilities.is_empty() {
        let _ = writeln!(o, "\nCapabilities ({}):", spec.capabilities.len());
        for c in &spec.capabilities {
            let _ = writeln!(o, "  {} ({}): {}", c.cap, c.action, c.display_name);
            for (k, v) in c.fields() {
                let _ = writeln!(o, "      {}: {v}", k.trim_start_matches("capability-"));
            }
        }
    }
    if !spec.constraints.is_empty() {
        let _ = writeln!(o, "\nConstraints ({}):", spec.constraints.len());
        for c in &spec.constraints {
            let _ = writeln!(o, "  {}", c.name);
            block(o, "      ", &c.description);
            if let Some(e) = &c.expr {
                let _ = writeln!(o, "      expression: {e}");
            }
        }
    }
}
