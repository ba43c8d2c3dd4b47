//! Trunk runs offline and never downloads a tool, so the versions it is told to
//! expect must be exactly the ones the Makefile installs.

fn read(path: &str) -> String {
    let full = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("read {}: {e}", full.display()))
}

/// The value of `key = "value"` on its own line.
fn quoted_value(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let (k, v) = line.split_once('=')?;
        (k.trim() == key).then(|| v.trim().trim_matches('"').to_string())
    })
}

#[test]
fn trunk_pins_the_wasm_bindgen_of_the_lockfile() {
    let lock = read("Cargo.lock");
    let locked = lock
        .split("[[package]]")
        .find(|block| quoted_value(block, "name").as_deref() == Some("wasm-bindgen"))
        .and_then(|block| quoted_value(block, "version"))
        .expect("wasm-bindgen in Cargo.lock");
    let pinned = quoted_value(&read("Trunk.toml"), "wasm_bindgen").expect("tools.wasm_bindgen");
    assert_eq!(
        pinned, locked,
        "Trunk.toml must pin the locked wasm-bindgen"
    );
}

#[test]
fn trunk_pins_the_wasm_opt_of_package_json() {
    let pinned = quoted_value(&read("Trunk.toml"), "wasm_opt").expect("tools.wasm_opt");
    let package = read("package.json");
    let binaryen = package
        .lines()
        .find_map(|l| l.trim().strip_prefix("\"binaryen\":"))
        .map(|v| v.trim().trim_matches([',', '"']).to_string())
        .expect("binaryen in package.json");
    let major = binaryen.split('.').next().unwrap_or_default();
    assert_eq!(pinned, format!("version_{major}"));
}
