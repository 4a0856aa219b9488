// SPDX-License-Identifier: GPL-2.0

//! The DEFINE_KERNEL_API_SPEC form: importing a patch mail, and its diagnostics.

mod common;

use common::*;
use kapi_spec::model::*;
use kapi_spec::{import_macro, parse_kerneldoc, resolve, write_kerneldoc, Diagnostics, Severity};

fn zap() -> (Spec, Diagnostics) {
    let p = import_macro("zap_patch.txt", &fixture("zap_patch.txt"));
    assert!(!p.has_errors(), "{}", p.diags);
    let d = p.diags.clone();
    (p.into_specs().remove(0), d)
}

#[test]
fn imports_the_patch_mail() {
    let (s, d) = zap();
    assert_eq!(s.name, "zap");
    assert_eq!(s.summary, "Zap a region");
    // Adjacent literals are concatenated and the mail-wrapped literal is joined.
    assert_eq!(
        s.long_desc.as_deref(),
        Some("Zaps every page of the region. Pages that were never touched are skipped without error.")
    );
    assert_eq!(
        s.params[0].description,
        "Start address of the region to zap"
    );
    assert_eq!(s.params[0].c_type, Some(Text::bare("unsigned long")));
    assert_eq!(s.params[0].kapi_type, Some(KapiType::Uint));
    assert_eq!(s.params[0].constraints[0].kind, ConstraintKind::None);
    assert_eq!(
        s.params[0].constraint_text.as_deref(),
        Some("Rounded down to a page")
    );
    assert_eq!(
        s.params[1].constraints[0].kind,
        ConstraintKind::Range {
            min: Text::bare("0"),
            max: Text::bare("LONG_MAX")
        }
    );
    // The comment inside the argument is dropped.
    assert_eq!(
        s.params[2].constraints[0].kind,
        ConstraintKind::Mask {
            valid: Text::bare("FROB_FAST | FROB_SLOW")
        }
    );
    // Designated initializers in the return block.
    assert_eq!(s.ret.check, Some(ReturnCheckKind::ErrorCheck));
    assert_eq!(s.ret.success, Some(Text::bare("0")));
    assert_eq!(s.ret.c_type, Some(Text::bare("long")));
    assert_eq!(
        s.return_section.as_deref(),
        Some("0 on success, negative error code on failure")
    );
    let errs: Vec<&str> = s.errors.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(errs, ["EINVAL", "ENOMEM", "EINTR"]);
    assert_eq!(
        s.errors[1].description,
        "The zap list could not be allocated."
    );
    // A wrapped line that starts with '-' is a continuation, not a removed line.
    assert_eq!(
        s.signals[0].desc.as_deref(),
        Some("A fatal signal stops the zap, causing -EINTR")
    );
    assert_eq!(s.signals[0].restartable.as_deref(), Some("yes"));
    assert_eq!(s.signals[0].number.as_deref(), Some("0"));
    assert_eq!(
        s.side_effects[0].description,
        "Frees the pages of the region"
    );
    assert_eq!(
        s.side_effects[0].condition.as_deref(),
        Some("Pages present")
    );
    assert_eq!(
        s.state_transitions[0].condition.as_deref(),
        Some("Region mapped")
    );
    // C keeps the later of two KAPI_LOCK_DESC, with a warning.
    assert_eq!(s.locks[0].desc.as_deref(), Some("Protects the zap list"));
    assert!(d
        .items
        .iter()
        .any(|x| x.severity == Severity::Warning && x.message.contains("KAPI_LOCK_DESC")));
    assert_eq!(s.capabilities[0].priority.as_deref(), Some("0"));
    assert_eq!(s.since_version.as_deref(), Some("6.2"));
    assert_eq!(
        s.examples.as_deref(),
        Some("zap(addr, len, 0);         // slow zap\nzap(addr, len, FROB_FAST); // fast zap")
    );
    assert_eq!(
        s.notes.as_deref(),
        Some("Zapping is final. There is no unzap.")
    );
}

#[test]
fn import_then_kerneldoc_round_trips() {
    let (s, _) = zap();
    let text = write_kerneldoc(&s);
    let p = parse_kerneldoc("imported", &text);
    assert!(!p.has_errors(), "{}\n{text}", p.diags);
    assert_eq!(p.into_specs().remove(0), s, "{text}");
}

#[test]
fn macro_and_kerneldoc_forms_agree_on_what_is_checked() {
    let k = kernel();
    let (m, _) = zap();
    let kd = parse_kerneldoc("zap.kapi", &fixture("zap.kapi"))
        .into_specs()
        .remove(0);
    let mut d = Diagnostics::new("t");
    let rm = resolve(&m, &k, &mut d).expect("macro form resolves");
    let rk = resolve(&kd, &k, &mut d).expect("kerneldoc form resolves");
    assert!(!d.has_errors(), "{d}");
    assert_eq!(rm.nr, rk.nr);
    assert_eq!(rm.ret, rk.ret);
    assert_eq!(rm.errors, rk.errors);
    for (a, b) in rm.params.iter().zip(&rk.params) {
        assert_eq!((&a.name, &a.c_type, a.ty), (&b.name, &b.c_type, b.ty));
        let ka: Vec<_> = a.constraints.iter().map(|c| &c.kind).collect();
        let kb: Vec<_> = b.constraints.iter().map(|c| &c.kind).collect();
        assert_eq!(ka, kb, "{}", a.name);
    }
    // Only the kerneldoc form can tie errnos to a constraint (param-errno is ours).
    assert!(rm.params[2].constraints[0].errnos.is_empty());
    assert_eq!(rk.params[2].constraints[0].errnos, [22]);
}

fn spec_src(body: &str) -> String {
    format!(
        "DEFINE_KERNEL_API_SPEC(sys_zap)\n\tKAPI_DESCRIPTION(\"Zap\")\n\tKAPI_PARAM(0, \"addr\", \"unsigned long\", \"A\")\n\tKAPI_PARAM_END\n{body}\tKAPI_PARAM_COUNT(1)\nKAPI_END_SPEC;\n"
    )
}

#[test]
fn count_mismatch_and_duplicate_index() {
    let p = import_macro("t.c", &spec_src("\tKAPI_PARAM(1, \"len\", \"size_t\", \"L\")\n\tKAPI_PARAM_END\n\tKAPI_PARAM(2, \"how\", \"int\", \"H\")\n\tKAPI_PARAM_END\n"));
    assert_error(&p.diags, 9, "KAPI_PARAM_COUNT(1)` does not match the 3");
    let p = import_macro(
        "t.c",
        &spec_src("\tKAPI_PARAM(0, \"len\", \"size_t\", \"L\")\n\tKAPI_PARAM_END\n"),
    );
    assert_error(&p.diags, 5, "duplicate index 0");
    let p = import_macro(
        "t.c",
        &spec_src("\tKAPI_PARAM(2, \"len\", \"size_t\", \"L\")\n\tKAPI_PARAM_END\n"),
    );
    assert_error(&p.diags, 5, "not contiguous");
    let p = import_macro(
        "t.c",
        &spec_src("\tKAPI_ERROR(0, -EINVAL, \"EINVAL\", \"c\", \"d\")\n\tKAPI_ERROR_COUNT(2)\n"),
    );
    assert_error(&p.diags, 6, "KAPI_ERROR_COUNT(2)");
}

#[test]
fn block_and_macro_errors() {
    let p = import_macro("t.c", &spec_src("\tKAPI_FROBNICATE(1)\n"));
    assert_error(&p.diags, 5, "unknown or misplaced macro `KAPI_FROBNICATE`");
    let p = import_macro(
        "t.c",
        &spec_src("\tKAPI_LOCK(0, \"l\", KAPI_LOCK_MUTEX)\n\tKAPI_SIGNAL_END\n"),
    );
    assert_error(&p.diags, 6, "does not close the open block");
    let p = import_macro(
        "t.c",
        &spec_src("\tKAPI_ERROR(0, -EINVAL, \"EPERM\", \"c\", \"d\")\n"),
    );
    assert_error(&p.diags, 5, "disagree");
    let p = import_macro(
        "t.c",
        "DEFINE_KERNEL_API_SPEC(sys_zap)\n KAPI_PARAM(0, \"a\", \"int\", \"A\")\n  KAPI_PARAM_RANGE(0, 5)\n KAPI_PARAM_END\n KAPI_PARAM_COUNT(1)\nKAPI_END_SPEC;\n",
    );
    assert_error(&p.diags, 3, "without the matching constraint type");
    let p = import_macro(
        "t.c",
        "DEFINE_KERNEL_API_SPEC(sys_zap)\n KAPI_DESCRIPTION(\"x\")\n",
    );
    assert!(
        p.diags
            .items
            .iter()
            .any(|d| d.message.contains("without `KAPI_END_SPEC`")),
        "{}",
        p.diags
    );
    let p = import_macro(
        "t.c",
        "DEFINE_KERNEL_API_SPEC(sys_zap)\n KAPI_DESCRIPTION(\"x)\nKAPI_END_SPEC;\n",
    );
    assert!(p.has_errors());
    let p = import_macro("t.c", "no spec here\n");
    assert!(p.has_errors());
}

#[test]
fn wrapped_string_positions_map_to_the_mail() {
    // The second error is wrapped inside its description; an error in it is reported on the
    // physical line where the token starts.
    let src = "+DEFINE_KERNEL_API_SPEC(sys_zap)\n+\tKAPI_PARAM(0, \"addr\", \"unsigned long\", \"The \nwrapped\")\n+\tKAPI_PARAM_END\n+\tKAPI_PARAM_COUNT(1)\n+\tKAPI_FROB(\"x\")\n+KAPI_END_SPEC;\n";
    let p = import_macro("m.txt", src);
    assert_eq!(p.specs[0].spec.params[0].description, "The wrapped");
    assert_error(&p.diags, 6, "KAPI_FROB");
    let d = p
        .diags
        .items
        .iter()
        .find(|d| d.message.contains("KAPI_FROB"))
        .unwrap();
    assert_eq!(d.loc.col, 3);
}
