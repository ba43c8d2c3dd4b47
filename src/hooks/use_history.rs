use leptos::prelude::*;

use crate::domain::session::SessionRecord;
use crate::domain::storage::{
    commit_history, load_history, save_history, History, Loaded, HISTORY_KEY,
};
use crate::storage::{self, settle, Notice, StorageError};

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
    /// Returns whether it is stored.
    pub fn add(&self, record: SessionRecord) -> bool {
        self.history.update(|h| h.sessions.push(record));
        let saved = self.save();
        let stored = saved.is_ok();
        match saved {
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
        stored
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
