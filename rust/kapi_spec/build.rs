// SPDX-License-Identifier: GPL-2.0

//! Sets `cfg(kapi_ksrc)` when `KAPI_KSRC` names a kernel source tree, so that the tests that
//! need the real kernel run then and are ignored, with the reason, otherwise (as kapi_tables'
//! are). The library itself does not use the cfg.

fn main() {
    println!("cargo:rustc-check-cfg=cfg(kapi_ksrc)");
    println!("cargo:rerun-if-env-changed=KAPI_KSRC");
    if std::env::var_os("KAPI_KSRC").is_some_and(|v| !v.is_empty()) {
        println!("cargo:rustc-cfg=kapi_ksrc");
    }
}
