/work/main/target/debug/deps/kapi_checker-013e9b7c54777b5f.d: rust/kapi_checker/src/lib.rs rust/kapi_checker/src/check.rs rust/kapi_checker/src/display.rs rust/kapi_checker/src/spec.rs

/work/main/target/debug/deps/libkapi_checker-013e9b7c54777b5f.rlib: rust/kapi_checker/src/lib.rs rust/kapi_checker/src/check.rs rust/kapi_checker/src/display.rs rust/kapi_checker/src/spec.rs

/work/main/target/debug/deps/libkapi_checker-013e9b7c54777b5f.rmeta: rust/kapi_checker/src/lib.rs rust/kapi_checker/src/check.rs rust/kapi_checker/src/display.rs rust/kapi_checker/src/spec.rs

rust/kapi_checker/src/lib.rs:
rust/kapi_checker/src/check.rs:
rust/kapi_checker/src/display.rs:
rust/kapi_checker/src/spec.rs:
