// SPDX-License-Identifier: GPL-2.0

//! Generates the runtime tables from `specs/*.kapi` with the kernel source named by
//! `KAPI_KSRC`.

use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let specs = manifest.join("../../specs");
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
        .join("kapi_tables.rs");
    println!(
        "cargo:rerun-if-env-changed={}",
        kapi_spec::resolve::ksrc::KSRC_ENV
    );
    println!("cargo:rerun-if-changed={}", specs.display());
    if let Ok(files) = kapi_spec::emit::tables::spec_files(&specs) {
        for f in files {
            println!("cargo:rerun-if-changed={}", f.display());
        }
    }
    if let Err(e) = kapi_spec::emit::tables::build_tables(&specs, None, &kapi_spec::X86_64, &out) {
        eprintln!(
            "kapi_tables: cannot generate the tables from {}:\n{e}",
            specs.display()
        );
        if matches!(
            e,
            kapi_spec::emit::tables::GenError::Ksrc(kapi_spec::KsrcError::Unset)
        ) {
            eprintln!(
                "kapi_tables: set KAPI_KSRC, e.g. `KAPI_KSRC=$(scripts/kernel.sh source) cargo test -p kapi_tables`"
            );
        }
        std::process::exit(1);
    }
}
