// SPDX-License-Identifier: GPL-2.0

//! specs/README.md's generated section is what the linter says it is
//! (`kapi_spec::reference::markdown`, `kapi lint --keys`), and the linter reports every
//! requirement of its table, with the severity the table gives.

mod common;

use std::path::Path;

use common::*;
use kapi_spec::reference::{markdown, requirements, section_of, BEGIN, END};
use kapi_spec::{lint, parse_kerneldoc, Diagnostics, Severity};

#[test]
fn the_readme_holds_the_generated_section() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../specs/README.md");
    let readme = std::fs::read_to_string(&path).expect("specs/README.md reads");
    let section = section_of(&readme)
        .unwrap_or_else(|| panic!("specs/README.md has no {BEGIN} ... {END} section"));
    assert!(
        section == markdown(),
        "specs/README.md's section between {BEGIN} and {END} is not what `kapi lint --keys` \
         prints; replace it with that output"
    );
}

fn lint_src(src: &str) -> Diagnostics {
    let p = parse_kerneldoc("t.kapi", src);
    let mut d = p.diags.clone();
    for ps in &p.specs {
        lint(ps, &kernel(), &mut d);
    }
    d
}

/// FROB_OK without the lines starting with one of `drop`, plus `add`.
fn frob(drop: &[&str], add: &[&str]) -> String {
    let mut lines: Vec<&str> = FROB_OK
        .iter()
        .copied()
        .filter(|l| !drop.iter().any(|d| l.starts_with(d)))
        .collect();
    lines.extend_from_slice(add);
    frob_with(&lines)
}

/// A spec that lacks the requirement `what` (as the table writes it), and a text the
/// diagnostic about it holds.
fn without(what: &str) -> Option<(String, &'static str)> {
    Some(match what {
        "`sys_<name> - <summary>`" => (
            frob(&[], &[]).replace("sys_frob - Frob", "sys_frob"),
            "first line must name the syscall",
        ),
        "`@<param>: <description>`" => (
            frob(&["param-type: mode"], &[]).replace(" * @mode: Mode\n", ""),
            "parameter `mode` of sys_frob is missing",
        ),
        "`param-type`" => (frob(&["param-type: mode"], &[]), "no type for `mode`"),
        "`param-ctype`" => (
            frob(
                &["param-type: mode"],
                &["param-type: mode, KAPI_TYPE_CUSTOM"],
            ),
            "no type for `mode`",
        ),
        "`param-size-param` or `param-size`" => (
            frob(
                &[],
                &["param-constraint-type: addr, KAPI_CONSTRAINT_BUFFER"],
            ),
            "without a size",
        ),
        "`return-check-type`" => (
            frob(&["return-check-type", "return-success"], &[]),
            "no return spec",
        ),
        "`return-type`" => (frob(&["return-type"], &[]), "no `return-type`"),
        "`return-success`" => (
            frob(
                &["return-check-type", "return-success"],
                &["return-check-type: KAPI_RETURN_EXACT"],
            ),
            "KAPI_RETURN_EXACT without a value",
        ),
        "`return-success-range`" => (
            frob(
                &["return-check-type", "return-success"],
                &["return-check-type: KAPI_RETURN_RANGE"],
            ),
            "KAPI_RETURN_RANGE without a range",
        ),
        "`error-code`" => (
            frob(
                &[],
                &[
                    "param-constraint-type: mode, nonzero",
                    "param-errno: mode, ENOMEM",
                ],
            ),
            "not declared by an `error-code` line",
        ),
        "`test-arg` or `test-skip`" => (frob(&["test-skip"], &[]), "no valid call"),
        "`test-arg`" => (
            frob(
                &["test-skip"],
                &["test-arg: addr, map:1", "test-arg: size, 4096"],
            ),
            "`mode` has no `test-arg`",
        ),
        _ => return None,
    })
}

#[test]
fn every_requirement_is_reported_as_the_table_says() {
    let base = lint_src(&frob_with(FROB_OK));
    assert!(base.is_empty(), "{base}");
    for r in requirements() {
        let (src, needle) = match without(&r.what) {
            Some(s) => s,
            None => {
                // A constraint kind's value key: the kind named without its values.
                let key = r.what.trim_matches('`');
                let kind = r
                    .when
                    .split('`')
                    .nth(1)
                    .unwrap_or_else(|| panic!("no scenario for {}", r.what));
                assert!(key.starts_with("param-"), "no scenario for {}", r.what);
                (
                    frob(&[], &[&format!("param-constraint-type: mode, {kind}")]),
                    "constraint without values",
                )
            }
        };
        let d = lint_src(&src);
        assert!(
            d.items
                .iter()
                .any(|x| x.severity == r.missing && x.one_line("").contains(needle)),
            "without {} expected a {:?} mentioning {needle:?}; got:\n{d}",
            r.what,
            r.missing
        );
        if r.missing == Severity::Warning {
            assert!(!d.has_errors(), "without {}: {d}", r.what);
        }
    }
}
