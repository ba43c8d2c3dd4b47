//! Plain Rust: no leptos or web-sys. Everything here runs and is tested natively.

pub mod backup;
pub mod catalogue;
pub mod cautions;
pub mod charts;
pub mod cue;
pub mod cue_track;
pub mod engine;
pub mod figure;
pub mod filter;
pub mod json;
pub mod live;
pub mod plan;
pub mod qr;
pub mod reminder;
pub mod routine;
pub mod safety_check;
pub mod saved;
pub mod search;
pub mod session;
pub mod settings;
pub mod share;
pub mod stats;
pub mod storage;
pub mod suggest;
