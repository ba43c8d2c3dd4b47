//! `use_*` glue between the browser and the views.

pub mod use_clock;
pub mod use_cue_track;
pub mod use_cues;
pub mod use_document_event;
pub mod use_focus_on_navigate;
pub mod use_history;
pub mod use_leave_guard;
pub mod use_media_session;
pub mod use_player_session;
pub mod use_prefers_reduced_motion;
pub mod use_routines;
pub mod use_sampler;
pub mod use_settings;
pub mod use_title;
