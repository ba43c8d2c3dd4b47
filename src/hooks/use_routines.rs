use leptos::prelude::*;

use crate::domain::routine::Routine;
use crate::domain::saved::{commit, load_routines, Change, Routines, SavedRoutine, ROUTINES_KEY};
use crate::domain::storage::Loaded;
use crate::hooks::use_history::HistoryStore;
use crate::storage::{self, StorageError};
use crate::storage::{settle, Notice};

/// The person's saved routines, kept in localStorage and shared by every page.
#[derive(Clone, Copy)]
pub struct RoutinesStore {
    /// Newest change first.
    pub routines: RwSignal<Routines>,
    /// The routine deleted last, until it is restored or another goes.
    pub deleted: RwSignal<Option<SavedRoutine>>,
    notice: RwSignal<Option<Notice>>,
}

/// Loads saved routines once for the whole app and follows other tabs.
/// Unreadable data is set aside, as for history; problems go to `history`'s
/// notice so there is one place to hear about saved data.
pub fn provide_routines(history: HistoryStore) -> RoutinesStore {
    let store = RoutinesStore {
        routines: RwSignal::new(Routines::default()),
        deleted: RwSignal::new(None),
        notice: history.notice,
    };
    match storage::read(ROUTINES_KEY) {
        Ok(stored) => {
            if let Some(loaded) =
                settle(ROUTINES_KEY, stored.as_deref(), load_routines, store.notice)
            {
                store.routines.set(loaded.data);
            }
        }
        Err(error) => store.notice.set(Some(error.explain().into())),
    }
    storage::on_change_elsewhere(ROUTINES_KEY, move |text| {
        if let Ok(loaded) = load_routines(text) {
            store.routines.set(loaded.data);
        }
    });
    provide_context(store);
    store
}

/// The app's saved routines.
pub fn use_routines() -> Option<RoutinesStore> {
    use_context::<RoutinesStore>()
}

/// A routine by id: built-in, or one the person saved.
pub fn find_routine(id: &str) -> Option<Routine> {
    Routine::builtin(id).or_else(|| {
        use_routines()?
            .routines
            .with(|r| r.get(id).and_then(|saved| saved.to_routine()))
    })
}

impl RoutinesStore {
    /// Applies `change` to what is stored now and saves it. The change shows
    /// at once; if saving fails, the `Err` says why and it lasts until reload.
    pub fn change(&self, change: &Change) -> Result<(), StorageError> {
        let result = self.write(change);
        match &result {
            Ok(loaded) => self.routines.set(loaded.data.clone()),
            Err(_) => self.routines.update(|r| r.apply(change)),
        }
        result.map(|_| ())
    }

    fn write(&self, change: &Change) -> Result<Loaded<Routines>, StorageError> {
        let stored = storage::read(ROUTINES_KEY)?;
        let (text, loaded) = match commit(stored.as_deref(), change) {
            Ok(done) => done,
            Err(_) => {
                // Unreadable since start-up: set it aside, then start afresh.
                settle(ROUTINES_KEY, stored.as_deref(), load_routines, self.notice);
                commit(None, change)
                    .map_err(|_| StorageError::Failed("routines could not be saved".into()))?
            }
        };
        storage::write(ROUTINES_KEY, &text)?;
        Ok(loaded)
    }

    /// Deletes a saved routine, keeping it aside so it can be restored.
    pub fn delete(&self, id: &str) -> Result<(), StorageError> {
        let gone = self.routines.with_untracked(|r| r.get(id).cloned());
        self.change(&Change::Delete(id.to_string()))?;
        self.deleted.set(gone);
        Ok(())
    }

    /// Brings back the routine deleted last.
    pub fn undo_delete(&self) -> Result<(), StorageError> {
        match self.deleted.get_untracked() {
            Some(routine) => {
                self.change(&Change::Put(routine))?;
                self.deleted.set(None);
                Ok(())
            }
            None => Ok(()),
        }
    }

    /// Every change in `other` that is newer than what is here.
    pub fn merge_in(&self, other: &Routines) -> Result<(), StorageError> {
        let mine = self.routines.get_untracked();
        for routine in &other.items {
            if mine
                .get(&routine.id)
                .is_none_or(|r| r.updated_at < routine.updated_at)
            {
                self.change(&Change::Put(routine.clone()))?;
            }
        }
        Ok(())
    }

    /// Exactly `routines`, in place of what is stored.
    pub fn replace(&self, routines: Routines) -> Result<(), StorageError> {
        let current = self.routines.get_untracked();
        for routine in &current.items {
            if routines.get(&routine.id).is_none() {
                self.change(&Change::Delete(routine.id.clone()))?;
            }
        }
        for routine in routines.items.into_iter().rev() {
            self.change(&Change::Put(routine))?;
        }
        Ok(())
    }

    /// Forgets every routine in memory (storage is cleared by the caller).
    pub fn clear(&self) {
        self.routines.set(Routines::default());
    }
}
