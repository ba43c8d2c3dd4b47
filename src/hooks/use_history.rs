use leptos::prelude::*;
use wasm_bindgen::JsValue;
use web_sys::js_sys::{Date, Object, Reflect};

use crate::domain::session::SessionRecord;
use crate::domain::stats::local_day;
use crate::domain::storage::{
    commit_history, load_history, recover_with, save_history, History, LoadError, Loaded, Recovery,
    HISTORY_KEY,
};
use crate::storage::{self, StorageError};

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

/// The session history, kept in localStorage and shared by every page.
#[derive(Clone, Copy)]
pub struct HistoryStore {
    /// Every session, oldest first.
    pub history: RwSignal<History>,
    /// What went wrong with saved data, in words, until dismissed.
    pub notice: RwSignal<Option<Notice>>,
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
        Err(error) => store.notice.set(Some(error.explain().into())),
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
            Err(error) => self.notice.set(Some(error.explain().into())),
        }
    }

    /// Adds every session of `other` not already here and saves, merging
    /// with what another tab may have saved meanwhile (an import that merges).
    pub fn merge_in(&self, other: &History) -> Result<(), StorageError> {
        self.history.update(|h| *h = h.merge(other));
        self.save()
    }

    /// Stores `history` in place of whatever is stored (an import that
    /// replaces). Unreadable stored text is set aside first, as at start-up.
    pub fn replace(&self, history: History) -> Result<(), StorageError> {
        let stored = storage::read(HISTORY_KEY)?;
        let rev = settle(HISTORY_KEY, stored.as_deref(), load_history, self.notice)
            .map_or(0, |loaded| loaded.rev);
        storage::write(HISTORY_KEY, &save_history(rev + 1, &history))?;
        self.rev.set_value(rev + 1);
        self.history.set(history);
        Ok(())
    }

    /// Forgets every session, here and in storage.
    pub fn clear(&self) {
        self.rev.set_value(0);
        self.history.set(History::default());
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

/// Today as a local calendar day, and the device's offset from UTC in
/// minutes (what `domain::stats` needs).
pub fn local_today() -> (i64, i32) {
    // The offset is a whole number of minutes; JavaScript counts it westwards.
    #[allow(clippy::cast_possible_truncation)]
    let offset = -web_sys::js_sys::Date::new_0().get_timezone_offset() as i32;
    (local_day(now_ms(), offset), offset)
}

/// A moment in the person's own locale, e.g. "Sat, Nov 21, 2:05 PM".
pub fn local_date_time(epoch_ms: u64) -> String {
    let date = Date::new(&JsValue::from_f64(epoch_ms as f64));
    let options = Object::new();
    for (key, value) in [
        ("weekday", "short"),
        ("month", "short"),
        ("day", "numeric"),
        ("hour", "numeric"),
        ("minute", "2-digit"),
    ] {
        // Setting a property on a fresh plain object cannot fail.
        let _ = Reflect::set(&options, &key.into(), &value.into());
    }
    date.to_locale_string("default", &options).into()
}

/// Wall-clock milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    // Whole milliseconds since the epoch; the cast saturates.
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let ms = web_sys::js_sys::Date::now().max(0.0) as u64;
    ms
}
