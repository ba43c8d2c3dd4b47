use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::settings::{load_settings, save_settings, Settings, Theme, SETTINGS_KEY};
use crate::hooks::use_history::HistoryStore;
use crate::storage;
use crate::storage::settle;

/// The person's settings, shared by every page, saved on every change.
#[derive(Clone, Copy)]
pub struct SettingsStore {
    pub settings: RwSignal<Settings>,
    /// What storage holds, so only real changes are written.
    saved: StoredValue<Settings>,
    rev: StoredValue<u64>,
}

impl SettingsStore {
    /// Back to the defaults without writing them: used once everything
    /// stored has been deleted.
    pub fn forget(&self) {
        self.rev.set_value(0);
        self.saved.set_value(Settings::default());
        self.settings.set(Settings::default());
    }
}

/// Loads the settings once for the whole app, applies theme and text size at
/// once, and saves every change. Problems go to the app's notice.
pub fn provide_settings(history: HistoryStore) -> SettingsStore {
    let store = SettingsStore {
        settings: RwSignal::new(Settings::default()),
        saved: StoredValue::new(Settings::default()),
        rev: StoredValue::new(0),
    };
    if let Ok(stored) = storage::read(SETTINGS_KEY) {
        if let Some(loaded) = settle(
            SETTINGS_KEY,
            stored.as_deref(),
            load_settings,
            history.notice,
        ) {
            store.rev.set_value(loaded.rev);
            store.saved.set_value(loaded.data.clone());
            store.settings.set(loaded.data);
        }
    }
    Effect::new(move |_| store.settings.with(apply));
    // Save every change; the loaded value itself is not a change.
    Effect::new(move |_| {
        let settings = store.settings.get();
        if store.saved.with_value(|saved| *saved == settings) {
            return;
        }
        let rev = store.rev.get_value() + 1;
        match storage::write(SETTINGS_KEY, &save_settings(rev, &settings)) {
            Ok(()) => {
                store.rev.set_value(rev);
                store.saved.set_value(settings);
            }
            Err(error) => history.notice.set(Some(error.explain().into())),
        }
    });
    // Another tab changed a setting: follow it.
    storage::on_change_elsewhere(SETTINGS_KEY, move |text| {
        if let Ok(loaded) = load_settings(text) {
            store.rev.set_value(loaded.rev);
            store.saved.set_value(loaded.data.clone());
            if store.settings.get_untracked() != loaded.data {
                store.settings.set(loaded.data);
            }
        }
    });
    provide_context(store);
    store
}

/// The app's settings, or the defaults outside the app.
pub fn use_settings() -> Signal<Settings> {
    match use_context::<SettingsStore>() {
        Some(store) => store.settings.into(),
        None => Signal::stored(Settings::default()),
    }
}

/// Theme and text size act on the whole document.
fn apply(settings: &Settings) {
    let Some(root) = document().document_element() else {
        return;
    };
    // Attribute and style updates on the root element cannot fail.
    let _ = match settings.theme {
        Theme::System => root.remove_attribute("data-theme"),
        Theme::Light => root.set_attribute("data-theme", "light"),
        Theme::Dark => root.set_attribute("data-theme", "dark"),
    };
    if let Ok(root) = root.dyn_into::<web_sys::HtmlElement>() {
        let _ = root
            .style()
            .set_property("--text-scale", settings.text_size.scale());
    }
}
