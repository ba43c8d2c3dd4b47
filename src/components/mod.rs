//! Small reusable views.

pub mod icon;
pub mod shell;
