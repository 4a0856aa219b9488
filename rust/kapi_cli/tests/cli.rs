// SPDX-License-Identifier: GPL-2.0

//! The `kapi` command on kapi_spec's fixtures (and its test kernel tree).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../kapi_spec/tests/fixtures")
}

fn kapi(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kapi"))
        .args(args)
        .env_remove("KAPI_KSRC")
        .env("NO_COLOR", "1")
        .current_dir(fixtures())
        .output()
        .expect("kapi runs")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("kapi-cli-{}-{name}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

#[test]
fn lint_good_files() {
    let o = kapi(&[
        "lint",
        "--ksrc",
        "ksrc",
        "frob.kapi",
        "twiddle.kapi",
        "zap_patch.txt",
    ]);
    let err = text(&o.stderr);
    assert!(o.status.success(), "{err}");
    assert!(
        // One warning of zap_patch.txt, and one per spec: no `test-arg` lines (the fixtures are
        // about the format, not the generated tests).
        err.contains("3 file(s), 3 spec(s): 0 error(s), 4 warning(s)"),
        "{err}"
    );
    let o = kapi(&["lint", "--ksrc", "ksrc", "frob.kapi", "frob_review.txt"]);
    let err = text(&o.stderr);
    assert!(
        err.contains("sys_frob is also specified in frob.kapi"),
        "{err}"
    );
    assert!(!o.status.success());
    let o = kapi(&["lint", "-W", "--ksrc", "ksrc", "zap_patch.txt"]);
    assert!(!o.status.success(), "warnings denied");
}

#[test]
fn lint_keys_prints_the_readme_section() {
    let o = kapi(&["lint", "--keys"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert_eq!(text(&o.stdout), kapi_spec::reference::markdown());
    let o = kapi(&["lint", "--keys", "frob.kapi"]);
    assert!(!o.status.success(), "--keys takes no files");
}

#[test]
fn lint_reports_errors_with_position() {
    let dir = tmp("lint");
    let bad = dir.join("bad.kapi");
    std::fs::write(
        &bad,
        std::fs::read_to_string(fixtures().join("frob.kapi"))
            .unwrap()
            .replace("EOVERFLOW, Too", "EOVERFLOX, Too"),
    )
    .unwrap();
    let o = kapi(&["lint", "--ksrc", "ksrc", bad.to_str().unwrap()]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(err.contains("error code and name disagree"), "{err}");
    assert!(err.contains("bad.kapi:41:28"), "{err}");
    assert!(
        err.contains("expected `EOVERFLOW` (as in `-EOVERFLOW`), found `EOVERFLOX`"),
        "{err}"
    );
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn lint_needs_the_kernel_source_unless_syntax_only() {
    let o = kapi(&["lint", "frob.kapi"]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        err.contains("KAPI_KSRC") && err.contains("scripts/kernel.sh source"),
        "{err}"
    );
    let o = kapi(&["lint", "--syntax-only", "frob.kapi"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
}

#[test]
fn show_text_and_json() {
    let o = kapi(&["show", "--ksrc", "ksrc", "--specs", ".", "frob"]);
    let out = text(&o.stdout);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(
        out.starts_with("sys_frob (nr 7): Frobnicate a range of memory"),
        "{out}"
    );
    assert!(out.contains("EOVERFLOW (75): Too big"), "{out}");

    let o = kapi(&[
        "show",
        "--json",
        "--ksrc",
        "ksrc",
        "--specs",
        ".",
        "sys_twiddle",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(v["spec"]["name"], "twiddle");
    assert_eq!(v["spec"]["params"][0]["kapi_type"], "KAPI_TYPE_FD");
    assert_eq!(v["spec"]["params"][1]["constraints"][0]["kind"], "enum");
    assert_eq!(v["resolved"]["nr"], 9);
    assert_eq!(v["resolved"]["params"][1]["constraints"][0]["values"][1], 2);
    // The resolved model's shape (kapi_checker's types, serialised by its `serde` feature).
    assert_eq!(v["resolved"]["params"][1]["constraints"][0]["kind"], "enum");
    assert_eq!(v["resolved"]["params"][0]["bits"], 32);
    assert_eq!(v["resolved"]["params"][0]["signed"], true);
    assert_eq!(v["resolved"]["ret"]["kind"], "range");
    assert_eq!(v["resolved"]["ret"]["max"], i64::from(i32::MAX));

    let o = kapi(&["show", "--json", "--ksrc", "ksrc", "--specs", ".", "frob"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("valid JSON");
    assert_eq!(
        v["resolved"]["ret"],
        serde_json::json!({"kind": "exact", "value": 0})
    );

    // Without a kernel tree: the spec alone.
    let o = kapi(&["show", "--json", "zap_patch.txt"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["spec"]["name"], "zap");
    assert!(v.get("resolved").is_none());

    let o = kapi(&["show", "--specs", ".", "nosuchcall"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn import_writes_kerneldoc_that_lints() {
    let o = kapi(&["import", "zap_patch.txt"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let out = text(&o.stdout);
    assert!(
        out.starts_with(
            "/**\n * sys_zap - Zap a region\n * @addr: Start address of the region to zap\n"
        ),
        "{out}"
    );
    let dir = tmp("import");
    let file = dir.join("zap.kapi");
    let o = kapi(&["import", "zap_patch.txt", "-o", file.to_str().unwrap()]);
    assert!(o.status.success());
    assert_eq!(std::fs::read_to_string(&file).unwrap(), out);
    let o = kapi(&["lint", "--ksrc", "ksrc", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let o = kapi(&["import", "zap_patch.txt", "-o", dir.to_str().unwrap()]);
    assert!(o.status.success());
    assert!(dir.join("zap.kapi").is_file());
    std::fs::remove_dir_all(dir).ok();

    let o = kapi(&["import", "ksrc/include/uapi/asm-generic/errno.h"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn gen_writes_the_tables() {
    let dir = tmp("gen");
    let out = dir.join("tables.rs");
    let o = kapi(&[
        "gen",
        "--ksrc",
        "ksrc",
        "-o",
        out.to_str().unwrap(),
        "frob.kapi",
        "twiddle.kapi",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let code = std::fs::read_to_string(&out).unwrap();
    assert!(code.contains("pub static FROB: kapi_checker::SyscallSpec"));
    assert!(code.contains("pub const NR_SPECS: usize = 2;"));
    let o = kapi(&["gen", "-o", out.to_str().unwrap(), "frob.kapi"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(text(&o.stderr).contains("KAPI_KSRC"));
    std::fs::remove_dir_all(dir).ok();
}

/// The `kapi` commands that read spec files, on the fuzz corpus and deterministic mutations of
/// it: each exits 0 or 1 with a message, never panics (exit 101) or dies of a signal.
#[test]
fn commands_on_mutated_corpus_never_panic() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../kapi_spec/fuzz/corpus/parse");
    let dir = tmp("corpus");
    let mut x = 0x2545_f491_4f6c_dd1du64;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut runs = 0;
    let mut files: Vec<PathBuf> = std::fs::read_dir(&corpus)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let data = std::fs::read(&file).unwrap();
        for i in 0..12 {
            let mut m = data.clone();
            if i > 0 && !m.is_empty() {
                // Cut it somewhere, then overwrite a few bytes.
                m.truncate(1 + (next() % m.len() as u64) as usize);
                for _ in 0..i % 4 {
                    let at = (next() % m.len() as u64) as usize;
                    m[at] = b"\0\n,:()\"\\*0-x"[(next() % 12) as usize];
                }
            }
            let path = dir.join(format!(
                "m{i}-{}",
                file.file_name().unwrap().to_string_lossy()
            ));
            std::fs::write(&path, &m).unwrap();
            let p = path.to_str().unwrap();
            for args in [
                vec!["lint", "--ksrc", "ksrc", p],
                vec!["show", "--json", p],
                vec!["import", p],
            ] {
                let o = kapi(&args);
                runs += 1;
                let code = o.status.code();
                let err = text(&o.stderr);
                assert!(
                    matches!(code, Some(0) | Some(1)) && !err.contains("panicked"),
                    "kapi {args:?} exited {code:?}: {err}"
                );
                assert!(
                    code == Some(0) || !err.trim().is_empty(),
                    "kapi {args:?} failed silently"
                );
            }
        }
    }
    assert!(runs >= 150, "only {runs} runs");
}

/// `kapi draft` on the draft test tree: the spec on stdout, which `kapi lint` refuses for its
/// `[unchecked]` marks, at each mark, and accepts once they are removed.
#[test]
fn draft_lints_only_once_checked() {
    let tree = ["--ksrc", "draft/ksrc"];
    let o = kapi(&[
        "draft",
        "frob2",
        "--ksrc",
        "draft/ksrc",
        "--man",
        "draft/man",
    ]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    let draft = text(&o.stdout);
    assert!(draft.contains("// frob2: syscall 0 on x86_64"), "{draft}");
    assert!(
        draft.contains(" * param-constraint-type: [unchecked: mm/frob.c:7] flags, mask("),
        "{draft}"
    );
    let dir = tmp("draft");
    let file = dir.join("frob2.kapi");
    std::fs::write(&file, &draft).unwrap();
    let f = file.to_str().unwrap();
    let o = kapi(&["lint", tree[0], tree[1], f]);
    let err = text(&o.stderr);
    assert_eq!(o.status.code(), Some(1), "{err}");
    assert!(
        err.contains("error: `param-constraint-type` line still marked unchecked (")
            && err.contains("frob2.kapi:25:27)"),
        "{err}"
    );
    assert!(
        err.contains("error: `error-code` line still marked unchecked"),
        "{err}"
    );
    assert!(err.contains(": 5 error(s), 1 warning(s)"), "{err}");

    let checked = kapi_spec::parse::kerneldoc::remove_unchecked_marks(&draft);
    assert!(!checked.contains(" * error-code: [unchecked"));
    std::fs::write(&file, checked).unwrap();
    let o = kapi(&["lint", tree[0], tree[1], f]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    std::fs::remove_dir_all(dir).ok();
}

/// Its errors are one line each: an unknown syscall (with the nearest name), a directory that
/// is not a kernel tree; a missing man page is a comment of the draft, not an error.
#[test]
fn draft_errors_are_one_line() {
    let o = kapi(&["draft", "frob3", "--ksrc", "draft/ksrc"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        text(&o.stderr),
        "kapi: error: no syscall `frob3` on x86_64 (not a name of \
         arch/x86/entry/syscalls/syscall_64.tbl); did you mean `frob2`?\n"
    );
    let o = kapi(&["draft", "frob2", "--ksrc", "draft"]);
    assert_eq!(o.status.code(), Some(1));
    let err = text(&o.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains(
            "draft is not a kernel source tree (arch/x86/entry/syscalls/syscall_64.tbl is missing)"
        ),
        "{err}"
    );
    let o = kapi(&["draft", "frob2", "--ksrc", "draft/ksrc", "--man", "nowhere"]);
    assert!(o.status.success(), "{}", text(&o.stderr));
    assert!(text(&o.stdout).contains("\n// no man page: no nowhere/man2/frob2.2.gz"));
}
