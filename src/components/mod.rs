//! Small reusable views.

pub mod cautions;
pub mod deferred;
pub mod figure;
pub mod icon;
pub mod missing;
pub mod player;
pub mod reminder_form;
pub mod resume;
pub mod routine_card;
pub mod safety_check;
pub mod share_routine;
pub mod shell;
pub mod stretch_card;
pub mod your_data;
