//! Start-up recovery of stored data: what cannot be read is set aside under a
//! backup key, never written over, and the person is told.

use leptos::prelude::*;

use crate::domain::storage::{recover_with, LoadError, Loaded, Recovery};
use crate::platform::time::now_ms;
use crate::storage;

/// Something the person must hear about their saved data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub text: String,
    /// Unreadable data that was set aside, as (file name, text), so the
    /// person can download it from the notice.
    pub unreadable: Option<(String, String)>,
}

impl From<String> for Notice {
    fn from(text: String) -> Self {
        Self {
            text,
            unreadable: None,
        }
    }
}

/// Turns what `key` holds into usable data. Unusable text is copied to a
/// backup key first, and `key` freed only after a successful copy; the
/// person is told through `notice`.
pub fn settle<T>(
    key: &str,
    stored: Option<&str>,
    load: fn(&str) -> Result<Loaded<T>, LoadError>,
    notice: RwSignal<Option<Notice>>,
) -> Option<Loaded<T>> {
    match recover_with(key, stored, now_ms(), load) {
        Recovery::Empty => None,
        Recovery::Use(loaded) => Some(loaded),
        Recovery::MoveAside {
            backup_key,
            original,
            error,
        } => {
            let text = move_aside(key, &backup_key, &original, &error);
            notice.set(Some(Notice {
                text,
                unreadable: Some((backup_file_name(&backup_key), original)),
            }));
            None
        }
    }
}

fn move_aside(key: &str, backup_key: &str, original: &str, error: &LoadError) -> String {
    let moved = storage::write(backup_key, original).and_then(|()| storage::remove(key));
    match moved {
        Ok(()) => format!(
            "{} (Kept as \u{201c}{backup_key}\u{201d}.)",
            error.explain()
        ),
        Err(e) => format!("{} {}", error.explain(), e.explain()),
    }
}

/// `limber-history-backup-1700000000000.txt` for `limber/history/backup-1700000000000`:
/// the text may not be JSON, so it is offered as plain text.
pub fn backup_file_name(backup_key: &str) -> String {
    format!("{}.txt", backup_key.replace('/', "-"))
}
