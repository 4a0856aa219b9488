// SPDX-License-Identifier: GPL-2.0

//! Renders the model in the kerneldoc form of specs/README.md. Parsing the output gives the
//! same model back (fields that cannot hold a comma in that form are reported by
//! [`lossy_fields`] and written with `;`).

use crate::diag::Loc;
use crate::model::*;
use crate::parse::kerneldoc::split_fields;

/// Longest line written (including ` * `), where text can be broken at a space.
const WIDTH: usize = 100;

/// Fields of the spec that the kerneldoc form cannot carry as they are (a comma or unbalanced
/// parenthesis in a field that is not the last of its line), with where they came from.
pub fn lossy_fields(spec: &Spec) -> Vec<(Loc, String)> {
    let mut v = Vec::new();
    let mut check = |loc: Loc, what: String, s: &str| {
        if sanitize(s) != s {
            v.push((loc, what));
        }
    };
    for e in &spec.errors {
        check(
            e.loc,
            format!("the condition of error {}", e.name),
            &e.condition,
        );
    }
    for l in &spec.locks {
        check(l.loc, format!("the name of lock `{}`", l.name), &l.name);
    }
    for c in &spec.capabilities {
        check(
            c.loc,
            format!("the action of capability {}", c.cap),
            &c.action,
        );
    }
    for s in &spec.side_effects {
        check(
            s.loc,
            format!("the target of side effect `{}`", s.target),
            &s.target,
        );
    }
    for t in &spec.state_transitions {
        for (what, s) in [
            ("object", &t.object),
            ("from-state", &t.from),
            ("to-state", &t.to),
        ] {
            check(
                t.loc,
                format!("the {what} of state transition `{}`", t.object),
                s,
            );
        }
    }
    for c in &spec.constraints {
        check(
            c.loc,
            format!("the name of constraint `{}`", c.name),
            &c.name,
        );
    }
    v
}

/// A field that is followed by others on its line: commas become `;`, and unbalanced
/// parentheses become brackets, so the field splits where it should.
pub(crate) fn sanitize(s: &str) -> String {
    let s = s.replace(',', ";").replace('\n', " ");
    let t = s.trim();
    if split_fields(&format!("{t}, x"), usize::MAX).len() == 2
        && split_fields(t, usize::MAX).len() == 1
    {
        t.to_string()
    } else {
        t.replace('(', "[").replace(')', "]")
    }
}

/// Whether a line of content would be read as something other than free text.
fn special(line: &str) -> bool {
    line.starts_with('@')
        || line.starts_with("Context:")
        || line.starts_with("Return:")
        || line.starts_with("Returns:")
        || line.starts_with("*/")
        || line.starts_with('/')
        || {
            let key_end = line.find(':');
            key_end.is_some_and(|p| {
                let key = &line[..p];
                let rest = &line[p + 1..];
                !key.is_empty()
                    && key.as_bytes()[0].is_ascii_lowercase()
                    && key
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                    && (rest.is_empty() || rest.starts_with([' ', '\t']))
            })
        }
}

/// Kerneldoc comment lines being written.
#[derive(Default)]
pub(crate) struct Out {
    /// The lines so far.
    pub(crate) s: String,
}

impl Out {
    /// One line of the comment (` *` alone when `content` is empty).
    pub(crate) fn line(&mut self, content: &str) {
        if content.is_empty() {
            self.s.push_str(" *\n");
        } else {
            self.s.push_str(" * ");
            self.s.push_str(content);
            self.s.push('\n');
        }
    }

    /// Writes `first` followed by `text`, wrapped; continuation lines are indented by
    /// `indent` (and always when they would read as a key, section or parameter line).
    /// Paragraphs (`\n\n`) become blank lines; single newlines are kept as line breaks.
    pub(crate) fn text(&mut self, first: &str, text: &str, indent: &str) {
        let text = text.trim();
        let mut lead = first.to_string();
        let mut started = false;
        for (pi, para) in text.split("\n\n").enumerate() {
            if pi > 0 {
                if !started {
                    self.line(lead.trim_end());
                    started = true;
                }
                self.line("");
            }
            for l in para.split('\n') {
                let l = l.trim();
                if l.is_empty() {
                    continue;
                }
                let used = if started {
                    indent.len().max(2)
                } else {
                    lead.len()
                };
                let first_width = WIDTH.saturating_sub(3 + used);
                for chunk in wrap(
                    l,
                    first_width,
                    WIDTH.saturating_sub(3 + indent.len().max(2)),
                ) {
                    let content = if !started {
                        started = true;
                        format!("{lead}{chunk}")
                    } else if indent.is_empty() && special(chunk) {
                        format!("  {chunk}")
                    } else {
                        format!("{indent}{chunk}")
                    };
                    self.line(&content);
                }
                lead.clear();
            }
        }
        if !started {
            self.line(first.trim_end());
        }
    }
}

/// Splits `s` into chunks of at most `width` bytes at single spaces (a space between two
/// non-spaces), so that joining the chunks with one space gives `s` back.
fn wrap(s: &str, first_width: usize, width: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = s;
    loop {
        let width = if out.is_empty() { first_width } else { width }.max(20);
        if rest.len() <= width {
            break;
        }
        let b = rest.as_bytes();
        let mut cut = None;
        for i in (1..rest.len() - 1).rev() {
            if b[i] == b' ' && b[i - 1] != b' ' && b[i + 1] != b' ' && rest.is_char_boundary(i) {
                if i <= width {
                    cut = Some(i);
                    break;
                }
                cut = Some(i);
            }
        }
        match cut {
            Some(i) if i < rest.len() => {
                let (head, tail) = (&rest[..i], &rest[i + 1..]);
                out.push(head);
                rest = tail;
            }
            _ => break,
        }
    }
    out.push(rest);
    out
}

fn join<T: std::fmt::Display>(v: &[T], sep: &str) -> String {
    v.iter()
        .map(|x| x.to_string())
        .collect::<Vec<_>>()
        .join(sep)
}

/// The `key: value` annotations of a spec, in writing order.
#[derive(Default)]
struct Annotations(Vec<(String, String)>);

impl Annotations {
    fn add(&mut self, key: &str, value: String) {
        self.0.push((key.to_string(), value));
    }
}

/// Renders a spec in the kerneldoc form (a complete `.kapi` file).
pub fn write_kerneldoc(spec: &Spec) -> String {
    let mut o = Out {
        s: String::from("/**\n"),
    };
    o.line(&format!(
        "sys_{} - {}",
        spec.name,
        spec.summary.replace('\n', " ").trim()
    ));
    for p in &spec.params {
        o.text(
            &format!("@{}: ", p.name),
            &p.description.replace("\n", " "),
            "  ",
        );
    }
    if !spec.description.trim().is_empty() {
        o.line("");
        o.text("", &spec.description, "");
    }
    let mut a = Annotations::default();
    if let Some(v) = &spec.long_desc {
        a.add("long-desc", v.clone());
    }
    if !spec.context_flags.is_empty() {
        a.add("context-flags", join(&spec.context_flags, " | "));
    }
    if let Some(v) = &spec.since_version {
        a.add("since-version", v.clone());
    }
    for p in &spec.params {
        param_annotations(&mut a, p);
    }
    return_annotations(&mut a, &spec.ret);
    for e in &spec.errors {
        a.add(
            "error-code",
            format!(
                "-{0}, {0}, {1},\n{2}",
                e.name,
                sanitize(&e.condition),
                e.description.replace('\n', " ")
            ),
        );
    }
    behaviour_annotations(&mut a, spec);
    if let Some(v) = &spec.examples {
        a.add("examples", v.clone());
    }
    if let Some(v) = &spec.notes {
        a.add("notes", v.clone());
    }
    for t in &spec.tests.args {
        a.add("test-arg", format!("{}, {}", t.param, t.recipe));
    }
    if let Some(v) = &spec.tests.skip {
        a.add("test-skip", v.text.clone());
    }
    if let Some(v) = &spec.tests.nofuzz {
        a.add("test-nofuzz", v.text.clone());
    }
    for c in &spec.tests.classes {
        let kinds: Vec<&str> = c.kinds.iter().map(|k| k.text.as_str()).collect();
        let errnos: Vec<&str> = c.errnos.iter().map(|e| e.text.as_str()).collect();
        a.add(
            "test-class",
            format!("{}, {}, {}", c.param, kinds.join(" "), errnos.join("|")),
        );
    }
    for t in &spec.tests.fixed {
        a.add("test-fixed", format!("{}, {}", t.param, t.recipe));
    }
    write_annotations(&mut o, &a);
    if let Some(c) = &spec.context_section {
        o.line("");
        o.text("Context: ", c, "  ");
    }
    if let Some(r) = &spec.return_section {
        o.line("");
        o.text("Return: ", r, "  ");
    }
    o.s.push_str(" */\n");
    o.s
}

/// The `param-*` annotations of a parameter.
fn param_annotations(a: &mut Annotations, p: &Param) {
    let n = &p.name;
    match (p.kapi_type, &p.c_type) {
        (Some(k), c) => {
            a.add("param-type", format!("{n}, {k}"));
            if let Some(c) = c {
                a.add("param-ctype", format!("{n}, {c}"));
            }
        }
        (None, Some(c)) => a.add("param-type", format!("{n}, {c}")),
        (None, None) => {}
    }
    if !p.flags.is_empty() {
        a.add("param-flags", format!("{n}, {}", join(&p.flags, " | ")));
    }
    for c in &p.constraints {
        let tag = c.kind.tag();
        a.add("param-constraint-type", format!("{n}, {}", tag.kapi_name()));
        if let Some(key) = tag.value_key() {
            a.add(key, format!("{n}, {}", join(&c.kind.values(), ", ")));
        }
    }
    if let Some(t) = &p.constraint_text {
        a.add("param-constraint", format!("{n}, {t}"));
    }
    if let Some(s) = &p.size {
        a.add("param-size", format!("{n}, {s}"));
    }
    if let Some(s) = &p.size_param {
        a.add("param-size-param", format!("{n}, {s}"));
    }
    if !p.errnos.is_empty() {
        a.add("param-errno", format!("{n}, {}", join(&p.errnos, " | ")));
    }
}

/// The `return-*` annotations.
fn return_annotations(a: &mut Annotations, r: &ReturnSpec) {
    match (r.kapi_type, &r.c_type) {
        (Some(k), c) => {
            a.add("return-type", k.kapi_name());
            if let Some(c) = c {
                a.add("return-ctype", c.to_string());
            }
        }
        (None, Some(c)) => a.add("return-type", c.to_string()),
        (None, None) => {}
    }
    if let Some(c) = r.check {
        a.add("return-check-type", c.kapi_name());
    }
    if let Some(s) = &r.success {
        a.add("return-success", s.to_string());
    }
    if let Some((min, max)) = &r.success_range {
        a.add("return-success-range", format!("{min}, {max}"));
    }
    if let Some((param, values)) = &r.value_when {
        let values: Vec<String> = values.iter().map(ToString::to_string).collect();
        a.add(
            "return-value-when",
            format!("{param}, {}", values.join(", ")),
        );
    }
}

/// What the call does besides returning: locks, signals, side effects, state transitions,
/// capabilities and free-text constraints.
fn behaviour_annotations(a: &mut Annotations, spec: &Spec) {
    for l in &spec.locks {
        a.add("lock", format!("{}, {}", sanitize(&l.name), l.lock_type));
        for (k, v) in l.fields() {
            a.add(k, v.to_string());
        }
    }
    for s in &spec.signals {
        a.add("signal", s.name.clone());
        for (k, v) in s.fields() {
            a.add(k, v.to_string());
        }
    }
    for e in &spec.side_effects {
        let types = if e.types.is_empty() {
            EffectType::None.kapi_name()
        } else {
            join(&e.types, " | ")
        };
        let mut v = format!(
            "{types}, {}, {}",
            sanitize(&e.target),
            e.description.replace('\n', " ")
        );
        if e.reversible {
            v.push_str(", reversible=yes");
        }
        if let Some(c) = &e.condition {
            v.push_str(&format!(", condition={c}"));
        }
        a.add("side-effect", v);
    }
    for t in &spec.state_transitions {
        a.add(
            "state-trans",
            format!(
                "{}, {}, {}, {}",
                sanitize(&t.object),
                sanitize(&t.from),
                sanitize(&t.to),
                t.description
            ),
        );
        if let Some(c) = &t.condition {
            a.add("state-trans-cond", c.clone());
        }
    }
    for c in &spec.capabilities {
        a.add(
            "capability",
            format!(
                "{}, {}, {}",
                sanitize(&c.cap),
                sanitize(&c.action),
                c.display_name
            ),
        );
        for (k, v) in c.fields() {
            a.add(k, v.to_string());
        }
    }
    for c in &spec.constraints {
        a.add(
            "constraint",
            format!("{}, {}", sanitize(&c.name), c.description),
        );
        if let Some(e) = &c.expr {
            a.add("constraint-expr", format!("{}, {}", sanitize(&c.name), e));
        }
    }
}

/// The annotations, after a blank line: wrapped, except the examples' lines.
fn write_annotations(o: &mut Out, a: &Annotations) {
    if !a.0.is_empty() {
        o.line("");
    }
    for (k, v) in &a.0 {
        if k == "examples" {
            // Keep the examples' lines as they are (no wrapping).
            let mut lines = v.trim().split('\n');
            o.line(format!("{k}: {}", lines.next().unwrap_or("").trim()).trim_end());
            for l in lines {
                let l = l.trim();
                if l.is_empty() {
                    o.line("");
                } else {
                    o.line(&format!("  {l}"));
                }
            }
        } else {
            o.text(&format!("{k}: "), v, "  ");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_keeps_text() {
        let s = "word ".repeat(50);
        let s = s.trim();
        let chunks = wrap(s, 30, 30);
        assert!(chunks.iter().all(|c| c.len() <= 30));
        assert_eq!(chunks.join(" "), s);
        let s = "a  b".repeat(30);
        assert_eq!(wrap(&s, 20, 25).join(" "), s);
        assert_eq!(wrap("x".repeat(200).as_str(), 20, 20), ["x".repeat(200)]);
    }

    #[test]
    fn sanitize_fields() {
        assert_eq!(sanitize("a, b"), "a; b");
        assert_eq!(sanitize("f(x)"), "f(x)");
        assert_eq!(sanitize("f(x"), "f[x");
        assert_eq!(sanitize("x)"), "x)");
        assert_eq!(split_fields("x), f(a, b)", 9), ["x)", "f(a, b)"]);
    }
}
