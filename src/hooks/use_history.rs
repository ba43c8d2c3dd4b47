use leptos::prelude::*;

use crate::domain::session::SessionRecord;
use crate::domain::stats::local_day;
use crate::domain::storage::{
    commit_history, load_history, recover_with, History, LoadError, Loaded, Recovery, HISTORY_KEY,
};
use crate::storage::{self, StorageError};

/// The session history, kept in localStorage and shared by every page.
#[derive(Clone, Copy)]
pub struct HistoryStore {
    /// Every session, oldest first.
    pub history: RwSignal<History>,
    /// What went wrong with saved data, in words, until dismissed.
    pub notice: RwSignal<Option<String>>,
    /// The `rev` of the stored history this tab last read or wrote.
    rev: StoredValue<u64>,
}

/// Loads the history once for the whole app and keeps it in step with other
/// tabs. Unreadable or newer-format data is moved under a backup key first,
/// never written over, and the person is told.
pub fn provide_history() -> HistoryStore {
    let store = HistoryStore {
        history: RwSignal::new(History::default()),
        notice: RwSignal::new(None),
        rev: StoredValue::new(0),
    };
    match storage::read(HISTORY_KEY) {
        Ok(stored) => store.take(settle(
            HISTORY_KEY,
            stored.as_deref(),
            load_history,
            store.notice,
        )),
        Err(error) => store.notice.set(Some(error.explain())),
    }
    // Another tab saved: show its sessions here too.
    storage::on_change_elsewhere(HISTORY_KEY, move |text| {
        if let Ok(loaded) = load_history(text) {
            store.rev.set_value(loaded.rev);
            store.history.set(loaded.data);
        }
    });
    provide_context(store);
    store
}

/// The app's history store.
pub fn use_history() -> Option<HistoryStore> {
    use_context::<HistoryStore>()
}

impl HistoryStore {
    fn take(&self, loaded: Option<Loaded<History>>) {
        if let Some(loaded) = loaded {
            self.rev.set_value(loaded.rev);
            self.history.set(loaded.data);
        }
    }

    /// Adds a finished session and saves it. It shows at once; if saving
    /// fails the person is told why and it stays until the page reloads.
    pub fn add(&self, record: SessionRecord) {
        self.history.update(|h| h.sessions.push(record));
        match self.save() {
            // After the first saved session, ask the browser not to clear
            // storage under pressure; Settings shows the answer.
            Ok(()) if self.history.with_untracked(|h| h.sessions.len() == 1) => {
                leptos::task::spawn_local(async {
                    storage::request_persistence().await;
                });
            }
            Ok(()) => {}
            Err(error) => self.notice.set(Some(error.explain())),
        }
    }

    /// Read-modify-write against the stored `rev`, merging what another tab
    /// saved in the meantime.
    fn save(&self) -> Result<(), StorageError> {
        let stored = storage::read(HISTORY_KEY)?;
        let mine = self.history.get_untracked();
        let text = match commit_history(stored.as_deref(), self.rev.get_value(), &mine) {
            Ok(text) => text,
            Err(_) => {
                // Something unreadable appeared since start-up: set it aside first.
                settle(HISTORY_KEY, stored.as_deref(), load_history, self.notice);
                commit_history(None, 0, &mine).unwrap_or_default()
            }
        };
        storage::write(HISTORY_KEY, &text)?;
        if let Ok(loaded) = load_history(&text) {
            self.rev.set_value(loaded.rev);
            self.history.set(loaded.data);
        }
        Ok(())
    }
}

/// Turns what `key` holds into usable data. Unusable text is copied to a
/// backup key first, and `key` freed only after a successful copy; the
/// person is told through `notice`.
pub fn settle<T>(
    key: &str,
    stored: Option<&str>,
    load: fn(&str) -> Result<Loaded<T>, LoadError>,
    notice: RwSignal<Option<String>>,
) -> Option<Loaded<T>> {
    match recover_with(key, stored, now_ms(), load) {
        Recovery::Empty => None,
        Recovery::Use(loaded) => Some(loaded),
        Recovery::MoveAside {
            backup_key,
            original,
            error,
        } => {
            notice.set(Some(move_aside(key, &backup_key, &original, &error)));
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

/// Today as a local calendar day, and the device's offset from UTC in
/// minutes (what `domain::stats` needs).
pub fn local_today() -> (i64, i32) {
    // The offset is a whole number of minutes; JavaScript counts it westwards.
    #[allow(clippy::cast_possible_truncation)]
    let offset = -web_sys::js_sys::Date::new_0().get_timezone_offset() as i32;
    (local_day(now_ms(), offset), offset)
}

/// Wall-clock milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    // Whole milliseconds since the epoch; the cast saturates.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let ms = web_sys::js_sys::Date::now().max(0.0) as u64;
    ms
}
