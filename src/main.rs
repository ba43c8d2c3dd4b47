fn main() {
    // Readable panic messages cost ~10 KB of formatting code; release builds
    // (panic = "abort") still surface a panic as an uncaught error.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    limber::mount();
}
