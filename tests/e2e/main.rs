//! End-to-end tests: the real release build in Chromium, Firefox or WebKit
//! (`LIMBER_ENGINE`). Run with `make e2e` (or `make test`), which builds
//! `dist/` first and runs the suite in each engine.

mod accessibility;
mod budget;
mod builder;
mod catalogue;
// libtest starts tests in name order: `clock` sorts early, so its page
// frozen for a minute overlaps the rest instead of ending the run.
mod clock;
mod figures;
mod home;
mod memory;
mod missing_apis;
mod offline;
mod player;
mod prerender;
mod progress;
mod safety;
mod search;
mod session;
mod settings;
mod sharing;
mod shell;
mod support;
mod your_data;
