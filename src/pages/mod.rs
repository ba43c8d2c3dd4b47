//! One file per route.

pub mod about;
pub mod builder;
pub mod check;
pub mod home;
pub mod not_found;
pub mod play;
pub mod progress;
pub mod routine;
pub mod safety;
pub mod settings;
pub mod shared;
pub mod stretch;
pub mod stretches;
pub mod tip;
