// SPDX-License-Identifier: GPL-2.0

//! The fuzz corpus (`fuzz/corpus/parse/`) replayed in every `cargo test`, without nightly or
//! cargo-fuzz: each file, every prefix of it cut at a line or at every 13th byte, and
//! deterministic byte mutations of it go through what the `parse` fuzz target does (every
//! parser, diagnostics rendering, lint, writing and re-parsing). A panic fails the test.

use std::path::{Path, PathBuf};

use kapi_spec::{
    import_macro, parse_kerneldoc, parse_mail, write_kerneldoc, Diagnostics, KernelInfo, X86_64,
};

fn corpus() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/parse");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.expect("corpus entry").path())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the fuzz corpus is empty");
    files
}

/// What the fuzz target does with one input.
fn exercise(kernel: &KernelInfo, data: &[u8]) {
    let s = String::from_utf8_lossy(data);
    for p in [
        parse_kerneldoc("f", &s),
        parse_mail("f", &s),
        import_macro("f", &s),
    ] {
        let _ = p.diags.render(&s, false);
        for ps in &p.specs {
            let mut d = Diagnostics::new("f");
            let _ = kapi_spec::lint(ps, kernel, &mut d);
            let text = write_kerneldoc(&ps.spec);
            let _ = parse_kerneldoc("w", &text);
        }
    }
}

/// Deterministic variants of `data`: prefixes and single-byte mutations.
fn variants(data: &[u8]) -> Vec<Vec<u8>> {
    let mut out = Vec::new();
    for (i, &b) in data.iter().enumerate() {
        if b == b'\n' || i % 13 == 0 {
            out.push(data[..i].to_vec());
        }
    }
    // xorshift: the same mutations on every run.
    let mut x = 0x9e37_79b9_7f4a_7c15u64 ^ data.len() as u64;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let specials = [
        b'\0', b'\n', b',', b':', b'(', b')', b'"', b'\\', b'*', b'0', b'-', 0xff,
    ];
    for _ in 0..200 {
        if data.is_empty() {
            break;
        }
        let mut m = data.to_vec();
        for _ in 0..1 + next() % 4 {
            let at = (next() % m.len() as u64) as usize;
            match next() % 3 {
                0 => m[at] = specials[(next() % specials.len() as u64) as usize],
                1 => {
                    m.remove(at);
                    if m.is_empty() {
                        break;
                    }
                }
                _ => {
                    let end = (at + 1 + (next() % 64) as usize).min(m.len());
                    let chunk = m[at..end].to_vec();
                    m.splice(at..at, chunk);
                }
            }
        }
        out.push(m);
    }
    out
}

#[test]
fn corpus_and_its_variants_never_panic() {
    let ksrc = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/ksrc");
    let kernel = KernelInfo::load(&ksrc, &X86_64).expect("the test kernel tree loads");
    let mut inputs = 0;
    for file in corpus() {
        let data = std::fs::read(&file).unwrap();
        exercise(&kernel, &data);
        inputs += 1;
        for v in variants(&data) {
            exercise(&kernel, &v);
            inputs += 1;
        }
    }
    eprintln!("corpus replay: {inputs} inputs");
    assert!(inputs > 1000, "only {inputs} inputs");
}
