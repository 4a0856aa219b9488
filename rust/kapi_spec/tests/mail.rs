// SPDX-License-Identifier: GPL-2.0

//! Kerneldoc quoted in a review mail.

mod common;

use common::*;
use kapi_spec::{load, parse_mail, Form, Severity};

#[test]
fn parses_the_quoted_comment_and_skips_the_reviewer() {
    let src = fixture("frob_review.txt");
    assert_eq!(kapi_spec::detect_form(&src), Form::Mail);
    let p = parse_mail("frob_review.txt", &src);
    assert!(!p.has_errors(), "{}", p.diags);
    // The reply cut the comment before `*/`: a warning, not an error.
    assert!(p
        .diags
        .items
        .iter()
        .all(|d| d.severity == Severity::Warning));
    assert_eq!(p.diags.items.len(), 1, "{}", p.diags);
    let s = &p.specs[0].spec;
    assert_eq!(s.name, "frob");
    assert_eq!(s.params.len(), 3);
    assert_eq!(s.description, "Frobnicates every byte of the range.");
    // The reviewer's line between the error-code and its continuation is not part of it.
    assert_eq!(s.errors[0].description, "mode has unknown bits.");
    assert_eq!(s.errors[1].description, "No memory for the frob tables.");
    assert_eq!(
        s.notes.as_deref(),
        Some("Frobnication is idempotent, and a long note can wrap over a line.")
    );
    assert_eq!(
        s.context_section.as_deref(),
        Some("Process context. May sleep.")
    );
    assert_eq!(load("x", &src).specs.len(), 1);
}

#[test]
fn errors_point_at_the_mail_lines() {
    let src = fixture("frob_review.txt").replace("param-valid-mask", "param-valid-mak");
    let p = parse_mail("frob_review.txt", &src);
    // Line 26 of the mail, after the `> * ` prefix.
    assert_error(&p.diags, 26, "unknown key `param-valid-mak`");
    let d = p
        .diags
        .items
        .iter()
        .find(|d| d.severity == Severity::Error)
        .unwrap();
    assert_eq!(d.loc.col, 5);
}
