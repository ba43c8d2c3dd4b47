//! End-to-end tests: the real release build in headless Chromium.
//! Run with `make e2e` (or `make test`), which builds `dist/` first.

mod accessibility;
mod budget;
mod builder;
mod catalogue;
mod figures;
mod memory;
mod missing_apis;
mod offline;
mod player;
mod prerender;
mod progress;
mod settings;
mod sharing;
mod shell;
mod support;
mod timing;
mod your_data;
