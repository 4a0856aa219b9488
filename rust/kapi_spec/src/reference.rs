// SPDX-License-Identifier: GPL-2.0

//! The part of the format's reference that is the linter's own: the keys a spec must have
//! ([`requirements`]) and the numbers and constant expressions it accepts, rendered from the
//! tables the parser and linter use ([`markdown`]). `kapi lint --keys` prints it; specs/README.md
//! holds it between `<!-- kapi lint --keys: begin -->` and `<!-- kapi lint --keys: end -->`, and
//! a test keeps the two equal.

use std::fmt::Write;

use crate::diag::Severity;
use crate::model::ConstraintTag;
use crate::parse::expr::{BINARY_OPS, INT_SUFFIXES, RADIX_PREFIXES, UNARY_OPS};
use crate::resolve::ksrc::{Arch, LIMITS, X86_64};

/// The line before the generated section of specs/README.md.
pub const BEGIN: &str = "<!-- kapi lint --keys: begin -->";
/// The line after it.
pub const END: &str = "<!-- kapi lint --keys: end -->";

/// Something a spec must have, when, and what the linter reports without it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Requirement {
    /// The line or key (Markdown).
    pub what: String,
    /// When it is required (Markdown).
    pub when: String,
    /// What its absence is.
    pub missing: Severity,
}

/// The requirements before the constraint values.
const HEAD: &[(&str, &str, Severity)] = &[
    (
        "`sys_<name> - <summary>`",
        "the first line",
        Severity::Error,
    ),
    (
        "`@<param>: <description>`",
        "one per parameter of the kernel's `SYSCALL_DEFINE<n>` of the syscall, with its name, \
         in its order",
        Severity::Error,
    ),
    ("`param-type`", "for every parameter", Severity::Error),
    (
        "`param-ctype`",
        "with `param-type: <param>, KAPI_TYPE_VOID` or `KAPI_TYPE_CUSTOM`",
        Severity::Error,
    ),
];

/// The requirements after the constraint values.
const TAIL: &[(&str, &str, Severity)] = &[
    (
        "`param-size-param` or `param-size`",
        "with `KAPI_CONSTRAINT_BUFFER`",
        Severity::Error,
    ),
    ("`return-check-type`", "always", Severity::Error),
    ("`return-type`", "always", Severity::Warning),
    (
        "`return-success`",
        "with `KAPI_RETURN_EXACT`",
        Severity::Error,
    ),
    (
        "`return-success-range`",
        "with `KAPI_RETURN_RANGE`",
        Severity::Error,
    ),
    (
        "`error-code`",
        "for every errno a `param-errno` names",
        Severity::Error,
    ),
    (
        "`test-arg` or `test-skip`",
        "always (without either, no generated tests)",
        Severity::Warning,
    ),
    (
        "`test-arg`",
        "for every parameter, once a parameter has one",
        Severity::Error,
    ),
];

/// Everything a spec must have, in the order of a spec.
pub fn requirements() -> Vec<Requirement> {
    let req = |&(what, when, missing): &(&str, &str, Severity)| Requirement {
        what: what.to_string(),
        when: when.to_string(),
        missing,
    };
    let values = ConstraintTag::ALL.iter().filter_map(|t| {
        t.value_key().map(|key| Requirement {
            what: format!("`{key}`"),
            when: format!(
                "with `{}`, unless the values are inline (`{}`)",
                t.kapi_name(),
                t.short_form()
            ),
            missing: Severity::Error,
        })
    });
    HEAD.iter()
        .map(req)
        .chain(values)
        .chain(TAIL.iter().map(req))
        .collect()
}

/// The integer literal forms, each with the literal of 4096 in it.
pub fn number_forms() -> Vec<(String, String)> {
    let mut forms = vec![("decimal".to_string(), "4096".to_string())];
    let mut radixes: Vec<u32> = RADIX_PREFIXES.iter().map(|p| p.1).collect();
    radixes.dedup();
    for radix in radixes {
        let prefixes: Vec<&str> = RADIX_PREFIXES
            .iter()
            .filter(|p| p.1 == radix)
            .map(|p| p.0)
            .collect();
        let name = match radix {
            16 => "hexadecimal",
            2 => "binary",
            _ => "radix",
        };
        let shown: Vec<String> = prefixes.iter().map(|p| format!("`{p}`")).collect();
        forms.push((
            format!("{name} after {}", shown.join(" or ")),
            format!("{}{}", prefixes[0], in_radix(4096, radix)),
        ));
    }
    forms.push((
        "octal: a `0` before more digits".to_string(),
        format!("0{}", in_radix(4096, 8)),
    ));
    forms
}

fn in_radix(mut v: u64, radix: u32) -> String {
    let mut digits = Vec::new();
    loop {
        digits.push(char::from_digit((v % u64::from(radix)) as u32, radix).unwrap_or('?'));
        v /= u64::from(radix);
        if v == 0 {
            break;
        }
    }
    digits.iter().rev().collect()
}

/// The generated section of specs/README.md, without the markers.
pub fn markdown() -> String {
    markdown_for(&X86_64)
}

fn markdown_for(arch: &Arch) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "## Required keys\n");
    let _ = writeln!(
        o,
        "What `kapi lint` reports when a spec lacks one of these (this section and the next are \
         `kapi lint --keys`):\n"
    );
    let _ = writeln!(o, "| line or key | required | without it |\n|---|---|---|");
    for r in requirements() {
        let missing = match r.missing {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        let _ = writeln!(o, "| {} | {} | {missing} |", r.what, r.when);
    }
    let _ = writeln!(o, "\n## Numbers and constant expressions\n");
    let _ = writeln!(
        o,
        "Values, masks, sizes, return values and `test-arg` integers are constant expressions; \
         every intermediate result must lie in `-2^63 .. 2^64-1` (and nothing is divided by \
         zero), and the result must fit the type that holds it:\n"
    );
    let forms: Vec<String> = number_forms()
        .iter()
        .map(|(name, example)| format!("{name} (`{example}`)"))
        .collect();
    let suffixes: Vec<String> = INT_SUFFIXES.iter().map(|c| format!("`{c}`")).collect();
    let _ = writeln!(
        o,
        "- numbers: {}; any of the letters {} may follow, in any number and order (`4096UL`)",
        forms.join(", "),
        suffixes.join(" ")
    );
    let unary: Vec<String> = UNARY_OPS.iter().map(|u| format!("`{}`", u.0)).collect();
    let _ = writeln!(o, "- prefix operators {}", unary.join(" "));
    let mut levels: Vec<(u8, Vec<String>)> = Vec::new();
    for &(op, _, prec) in BINARY_OPS {
        match levels.iter_mut().find(|l| l.0 == prec) {
            Some(l) => l.1.push(format!("`{op}`")),
            None => levels.push((prec, vec![format!("`{op}`")])),
        }
    }
    levels.sort_by_key(|l| std::cmp::Reverse(l.0));
    let levels: Vec<String> = levels.into_iter().map(|l| l.1.join(" ")).collect();
    let _ = writeln!(
        o,
        "- binary operators, as in C, tightest first: {}; parentheses",
        levels.join(", then ")
    );
    let limits: Vec<String> = LIMITS.iter().map(|l| format!("`{l}`")).collect();
    let headers: Vec<String> = arch.uapi_headers.iter().map(|h| format!("`{h}`")).collect();
    let _ = writeln!(
        o,
        "- names: the limits {} (their values on {}), then the object-like `#define`s and the \
         `enum` constants of {}, whose values are constant expressions too (sparse casts such as \
         `(__force __kernel_rwf_t)` dropped)",
        limits.join(" "),
        arch.name,
        headers.join(", ")
    );
    o
}

/// The text between [`BEGIN`] and [`END`] in `readme`, without the marker lines.
pub fn section_of(readme: &str) -> Option<&str> {
    let start = readme.find(BEGIN)? + BEGIN.len();
    let len = readme[start..].find(END)?;
    Some(readme[start..start + len].trim_start_matches('\n'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::expr::{parse, parse_int_literal};

    #[test]
    fn every_number_form_is_4096() {
        for (name, example) in number_forms() {
            assert_eq!(parse_int_literal(&example), Some(4096), "{name}");
        }
        for s in ["4096UL", "4096ull", "0x1000Lu", "010000U"] {
            assert_eq!(parse_int_literal(s), Some(4096), "{s}");
        }
        for s in ["0x", "08", "1f", "4096.0", "0b2", "u"] {
            assert_eq!(parse_int_literal(s), None, "{s}");
        }
    }

    #[test]
    fn every_operator_parses() {
        for &(op, _, _) in BINARY_OPS {
            assert!(parse(&format!("1 {op} 1")).is_ok(), "{op}");
        }
        for &(op, _) in UNARY_OPS {
            assert!(parse(&format!("{op}1")).is_ok(), "{op}");
        }
    }

    #[test]
    fn the_section_names_what_it_must() {
        let md = markdown();
        for needle in [
            "| `return-check-type` | always | error |",
            "| `param-range` | with `KAPI_CONSTRAINT_RANGE`, unless the values are inline (`range(min, max)`) | error |",
            "octal: a `0` before more digits (`010000`)",
            "hexadecimal after `0x` or `0X` (`0x1000`)",
            "`*` `/` `%`, then `+` `-`, then `<<` `>>`, then `&`, then `^`, then `|`",
            "`INT_MIN`",
        ] {
            assert!(md.contains(needle), "{needle} in\n{md}");
        }
        let readme = format!("x\n{BEGIN}\n{md}{END}\ny");
        assert_eq!(section_of(&readme), Some(md.as_str()));
        assert_eq!(section_of("no markers"), None);
    }
}
