// SPDX-License-Identifier: GPL-2.0

//! Feeds arbitrary bytes to every parser, then lints, renders and re-writes what they return.
//! Any panic is a bug.

#![no_main]

use std::path::Path;
use std::sync::OnceLock;

use kapi_spec::{import_macro, parse_kerneldoc, parse_mail, write_kerneldoc, Diagnostics, KernelInfo, X86_64};
use libfuzzer_sys::fuzz_target;

fn kernel() -> &'static KernelInfo {
    static K: OnceLock<KernelInfo> = OnceLock::new();
    K.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/ksrc");
        KernelInfo::load(&dir, &X86_64).expect("the test kernel tree of kapi_spec loads")
    })
}

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    for p in [parse_kerneldoc("f", &s), parse_mail("f", &s), import_macro("f", &s)] {
        let _ = p.diags.render(&s, false);
        for ps in &p.specs {
            let mut d = Diagnostics::new("f");
            let _ = kapi_spec::lint(ps, kernel(), &mut d);
            let text = write_kerneldoc(&ps.spec);
            let _ = parse_kerneldoc("w", &text);
        }
    }
});
