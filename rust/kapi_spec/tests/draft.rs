// SPDX-License-Identifier: GPL-2.0

//! `kapi draft` on the test tree of tests/fixtures/draft (a kernel tree and man pages written
//! for it), the linter on its drafts, and on the real kernel when `KAPI_KSRC` names it.

mod common;

use std::path::Path;

use common::fixtures;
use kapi_spec::draft::man::{ManPage, MAN_ROOT};
use kapi_spec::draft::{draft, DraftError};
use kapi_spec::parse::kerneldoc::remove_unchecked_marks;
use kapi_spec::{lint, parse_kerneldoc, Diagnostics, KernelInfo, Severity, X86_64};

fn kernel() -> KernelInfo {
    KernelInfo::load(&fixtures().join("draft/ksrc"), &X86_64).expect("the draft tree loads")
}

/// The draft of `name` with the fixture man pages.
fn draft_of(name: &str) -> String {
    let bare = name.strip_prefix("sys_").unwrap_or(name);
    let man = ManPage::find(&fixtures().join("draft/man"), bare);
    draft(&kernel(), name, &man).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The lint of a draft's text against the fixture tree: the parser's and the linter's
/// diagnostics.
fn lint_text(text: &str) -> Diagnostics {
    let p = parse_kerneldoc("d.kapi", text);
    let mut d = p.diags.clone();
    assert_eq!(p.specs.len(), 1, "{d}");
    lint(&p.specs[0], &kernel(), &mut d);
    d
}

fn errors(d: &Diagnostics) -> Vec<String> {
    d.items
        .iter()
        .filter(|x| x.severity == Severity::Error)
        .map(|x| x.one_line(&d.file))
        .collect()
}

#[test]
fn draft_has_the_definition_the_mask_and_the_man_pages_errors() {
    let d = draft_of("sys_frob2");
    for want in [
        "// frob2: syscall 0 on x86_64 (arch/x86/entry/syscalls/syscall_64.tbl)\n",
        "// mm/frob.c:5: SYSCALL_DEFINE3(frob2, unsigned long, start, size_t, len, int, flags)\n",
        "// flags: mm/frob.c:7 in sys_frob2: if (flags & ~(FROB_ONFAULT | FROB_NOW))\n",
        "// frob.2:19: EINVAL left out: about frob()\n",
        "// frob.2:29: EFROBNICATED left out: not an errno of the kernel's headers\n",
        "/**\n * sys_frob2 - frobnicate a range of memory\n",
        " * @start: unsigned long, 64-bit unsigned\n",
        " * @len: size_t, 64-bit unsigned\n",
        " * @flags: int, 32-bit signed\n",
        " * param-type: start, unsigned long\n",
        " * param-type: len, size_t\n",
        " * param-type: flags, int\n",
        " * param-constraint-type: [unchecked: mm/frob.c:7] flags, mask(FROB_ONFAULT | FROB_NOW)\n",
        " * return-check-type: KAPI_RETURN_ERROR_CHECK\n",
        // EWOULDBLOCK's entry goes to EAGAIN, the name the kernel defines by number.
        " * error-code: [unchecked: frob.2:6, 24] -EAGAIN, EAGAIN, Some of the range could not be \
         frobbed,\n *   Some of the range could not be frobbed.\n *\n *   No memory for the \
         frobnication, or RLIMIT_FROB was exceeded.\n",
        " * error-code: [unchecked: frob.2:9, 15] -EINVAL, EINVAL, The range wraps around,\n \
         *   The range wraps around.\n *\n *   Unknown flags were specified.\n",
        " * error-code: [unchecked: frob.2:24] -ENOMEM, ENOMEM, No memory for the frobnication,\n",
        " * error-code: [unchecked: frob.2:32] -EPERM, EPERM, The caller may not frob,\n",
    ] {
        assert!(d.contains(want), "no {want:?} in:\n{d}");
    }
    assert!(
        !d.contains("len is zero"),
        "an entry about frob() only:\n{d}"
    );
    // One value alone is noted, a number taken off is not a flag: no constraint of theirs.
    assert!(
        d.contains("\n// len: compared with 0 (mm/frob.c:9): a value to allow or to exclude?\n"),
        "{d}"
    );
    assert!(!d.contains("] len,") && !d.contains("] start,"), "{d}");
}

#[test]
fn lint_refuses_the_marks_and_passes_without_them() {
    for name in ["frob2", "frobctl"] {
        let text = draft_of(name);
        let marks = text.matches(" * param-constraint-type: [unchecked").count()
            + text.matches(" * error-code: [unchecked").count();
        let d = lint_text(&text);
        let errs = errors(&d);
        assert_eq!(errs.len(), marks, "{name}: {errs:#?}");
        assert!(
            errs.iter()
                .all(|e| e.contains("line still marked unchecked")),
            "{name}: {errs:#?}"
        );
        let d = lint_text(&remove_unchecked_marks(&text));
        assert!(errors(&d).is_empty(), "{name}: {d}");
    }
    // Where the mark is: its line and column.
    let d = lint_text(&draft_of("frob2"));
    let first = errors(&d).remove(0);
    assert!(
        first.starts_with(
            "d.kapi:25:27: error: `param-constraint-type` line still marked unchecked"
        ),
        "{first}"
    );
    assert!(
        first.ends_with("found `[unchecked: mm/frob.c:7]`"),
        "{first}"
    );
}

#[test]
fn values_compared_in_a_called_function_make_an_enum() {
    let d = draft_of("frobctl");
    for want in [
        "// cmd: fs/frobctl.c:7 in do_frobctl: switch (what) {\n",
        " * param-constraint-type: [unchecked: fs/frobctl.c:7] cmd, enum(F_FROB_GET, F_FROB_SET)\n",
        "// arg: mask candidate `FROB_ARG_INTERNAL` (fs/frobctl.c:11) left out: unknown constant",
        " * error-code: [unchecked: frobctl.2:6] -EBADF, EBADF, fd is not an open file descriptor,\n",
        // An entry naming an errno and its alias is one line with its text once.
        " * error-code: [unchecked: frobctl.2:17] -EAGAIN, EAGAIN, The frob is busy,\n \
         *   The frob is busy.\n */\n",
    ] {
        assert!(d.contains(want), "no {want:?} in:\n{d}");
    }
    assert!(!d.contains("mask(FROB_ARG_INTERNAL"), "{d}");
}

#[test]
fn without_definition_or_man_page_the_draft_says_so() {
    let d = draft_of("frobnodef");
    assert!(d.contains("// no SYSCALL_DEFINE of sys_frobnodef"), "{d}");
    assert!(d.contains("// no man page: no "), "{d}");
    assert!(d.contains("frobnodef.2.gz (Debian's manpages-dev"), "{d}");
    assert!(
        d.contains(" * sys_frobnodef - (summary)\n *\n * return-type: long\n"),
        "{d}"
    );
    assert!(!d.contains(" * error-code:"), "{d}");
}

#[test]
fn unknown_syscall_names_the_nearest() {
    let man = Err(String::new());
    let e = draft(&kernel(), "frobctrl", &man).unwrap_err();
    assert!(matches!(e, DraftError::UnknownSyscall { .. }));
    assert_eq!(
        e.to_string(),
        "no syscall `frobctrl` on x86_64 (not a name of arch/x86/entry/syscalls/syscall_64.tbl); \
         did you mean `frobctl`?"
    );
    let e = draft(&kernel(), "zzzzzz", &man).unwrap_err().to_string();
    assert!(!e.contains("did you mean"), "{e}");
}

/// The real kernel tree named by `KAPI_KSRC`.
fn real_kernel() -> KernelInfo {
    let dir = std::env::var_os("KAPI_KSRC").expect("KAPI_KSRC is set (cfg kapi_ksrc)");
    KernelInfo::load(Path::new(&dir), &X86_64).expect("the kernel tree loads")
}

#[test]
#[cfg_attr(
    not(kapi_ksrc),
    ignore = "needs the kernel source: set KAPI_KSRC=$(scripts/kernel.sh source)"
)]
fn real_kernel_mlock2_and_fcntl() {
    let k = real_kernel();
    let root = Path::new(MAN_ROOT);
    for (name, nr, params, constraint) in [
        (
            "mlock2",
            325,
            ["start", "len", "flags"],
            "] flags, mask(MLOCK_ONFAULT)\n",
        ),
        (
            "fcntl",
            72,
            ["fd", "cmd", "arg"],
            "] cmd, enum(F_CREATED_QUERY, F_DUPFD,",
        ),
    ] {
        let d = draft(&k, name, &ManPage::find(root, name)).expect("a syscall of the table");
        assert!(
            d.contains(&format!("// {name}: syscall {nr} on x86_64 (")),
            "{d}"
        );
        for p in params {
            assert!(d.contains(&format!("\n * @{p}: ")), "no @{p}: in\n{d}");
            assert!(d.contains(&format!("\n * param-type: {p}, ")), "{d}");
        }
        assert!(d.contains(constraint), "no {constraint:?} in\n{d}");
        let p = parse_kerneldoc("d.kapi", &remove_unchecked_marks(&d));
        let mut diags = p.diags.clone();
        lint(&p.specs[0], &k, &mut diags);
        assert!(!diags.has_errors(), "{name}: {diags}");
    }
}
