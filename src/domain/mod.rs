//! Plain Rust: no leptos or web-sys. Everything here runs and is tested natively.

pub mod backup;
pub mod catalogue;
pub mod charts;
pub mod cue;
pub mod engine;
pub mod figure;
pub mod filter;
pub mod json;
pub mod plan;
pub mod qr;
pub mod reminder;
pub mod routine;
pub mod saved;
pub mod session;
pub mod settings;
pub mod share;
pub mod stats;
pub mod storage;
