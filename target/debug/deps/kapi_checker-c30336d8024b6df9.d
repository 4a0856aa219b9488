/work/main/target/debug/deps/kapi_checker-c30336d8024b6df9.d: rust/kapi_checker/src/lib.rs rust/kapi_checker/src/check.rs rust/kapi_checker/src/display.rs rust/kapi_checker/src/spec.rs Cargo.toml

/work/main/target/debug/deps/libkapi_checker-c30336d8024b6df9.rmeta: rust/kapi_checker/src/lib.rs rust/kapi_checker/src/check.rs rust/kapi_checker/src/display.rs rust/kapi_checker/src/spec.rs Cargo.toml

rust/kapi_checker/src/lib.rs:
rust/kapi_checker/src/check.rs:
rust/kapi_checker/src/display.rs:
rust/kapi_checker/src/spec.rs:
Cargo.toml:

# env-dep:CLIPPY_ARGS=
# env-dep:CLIPPY_CONF_DIR
