// SPDX-License-Identifier: GPL-2.0

//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kapi_spec::{Diagnostics, KernelInfo, Severity, X86_64};

/// The fixtures directory.
pub fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A fixture's text.
pub fn fixture(name: &str) -> String {
    std::fs::read_to_string(fixtures().join(name)).unwrap_or_else(|e| panic!("fixture {name}: {e}"))
}

/// The facts of the test kernel tree (tests/fixtures/ksrc, not a real kernel).
pub fn kernel() -> KernelInfo {
    KernelInfo::load(&fixtures().join("ksrc"), &X86_64).expect("test kernel tree loads")
}

/// Whether there is an error on `line` whose text (message, expected, found or help)
/// contains `needle`.
pub fn has_error(d: &Diagnostics, line: u32, needle: &str) -> bool {
    d.items.iter().any(|x| {
        x.severity == Severity::Error
            && x.loc.line == line
            && [
                Some(&x.message),
                x.expected.as_ref(),
                x.found.as_ref(),
                x.help.as_ref(),
            ]
            .into_iter()
            .flatten()
            .any(|s| s.contains(needle))
    })
}

/// Panics with the diagnostics unless an error on `line` mentions `needle`.
pub fn assert_error(d: &Diagnostics, line: u32, needle: &str) {
    assert!(
        has_error(d, line, needle),
        "no error on line {line} mentioning {needle:?}; got:\n{d}"
    );
}

/// A kerneldoc spec of `sys_frob(addr, size, mode)` with `body` lines as annotations.
pub fn frob_with(body: &[&str]) -> String {
    let mut s = String::from(
        "/**\n * sys_frob - Frob\n * @addr: Address\n * @size: Size\n * @mode: Mode\n *\n",
    );
    for l in body {
        s.push_str(" * ");
        s.push_str(l);
        s.push('\n');
    }
    s.push_str(" */\n");
    s
}

/// The line of `frob_with` that holds `body[i]`.
pub fn body_line(i: usize) -> u32 {
    7 + i as u32
}

/// Annotations that make `frob_with` valid against the test kernel tree.
pub const FROB_OK: &[&str] = &[
    "param-type: addr, unsigned long",
    "param-type: size, size_t",
    "param-type: mode, int",
    "return-type: long",
    "return-check-type: KAPI_RETURN_ERROR_CHECK",
    "return-success: 0",
    "error-code: -EINVAL, EINVAL, Bad, Bad arguments.",
    "test-skip: a lint fixture",
];
