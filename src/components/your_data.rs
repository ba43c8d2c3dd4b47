use leptos::prelude::*;

use crate::domain::backup::{
    backup_due, history_csv, iso_date, parse_export, preview, Export, ImportMode, Preview,
};
use crate::domain::saved::Routines;
use crate::hooks::use_history::{use_history, HistoryStore};
use crate::hooks::use_routines::{use_routines, RoutinesStore};
use crate::hooks::use_settings::{use_settings, SettingsStore};
use crate::platform::time::{local_date_time, local_today, now_ms};
use crate::storage;
use crate::storage::backup_file_name;

/// Where an import stands.
#[derive(Clone)]
enum Importing {
    Idle,
    /// A readable file, waiting for the person to choose how.
    Ready(Box<Export>, Preview),
    /// Done, or refused; the sentence says which.
    Said(String),
}

/// Export everything, import a backup, history as CSV, set-aside data, and
/// delete everything: every way to take the data out, put it back or end it.
#[component]
pub fn YourData(history: HistoryStore, settings: SettingsStore) -> impl IntoView {
    let persistent = persistence();
    let saved = use_routines();
    let said = RwSignal::new(None::<String>);
    let export_everything = move || {
        let export = Export::new(
            &history.history.get_untracked(),
            &settings.settings.get_untracked(),
            &routines_now(saved),
            now_ms(),
        );
        let (_, offset) = local_today();
        match storage::download(
            &export.file_name(offset),
            "application/json",
            &export.to_json(),
        ) {
            Ok(()) => {
                settings
                    .settings
                    .update(|s| s.last_export_at = Some(export.exported_at));
                said.set(Some(
                    "Exported. Keep the file somewhere safe, such as your files app or email."
                        .into(),
                ));
            }
            Err(text) => said.set(Some(text)),
        }
    };
    let export_csv = move |_| {
        let (today, offset) = local_today();
        let csv = history.history.with_untracked(|h| history_csv(h, offset));
        let name = format!("limber-history-{}.csv", iso_date(today));
        said.set(storage::download(&name, "text/csv", &csv).err());
    };

    view! {
        <h2 id="your-data">"Your data"</h2>
        <p>
            "Everything you save stays in this browser on this device. "
            {move || match persistent.get() {
                Some(true) => "The browser has agreed to keep it, even when space runs low.",
                Some(false) => "The browser may clear it if the device runs low on space, so keep a copy of anything important.",
                None => "",
            }}
        </p>
        <BackupReminder />
        <div class="button-row">
            <button type="button" class="button" on:click=move |_| export_everything()>
                "Export everything"
            </button>
            <button type="button" class="button secondary" on:click=export_csv>
                "Export history as CSV"
            </button>
        </div>
        <p role="status" class="small">{move || said.get()}</p>
        <ImportFile history settings />
        <SetAside />
        <DeleteEverything history settings export=Callback::new(move |()| export_everything()) />
    }
}

/// The saved routines now, for an export or a preview.
fn routines_now(store: Option<RoutinesStore>) -> Routines {
    store
        .map(|r| r.routines.get_untracked())
        .unwrap_or_default()
}

/// Whether the browser has promised to keep Limber's storage, once it says.
fn persistence() -> RwSignal<Option<bool>> {
    let persistent = RwSignal::new(None::<bool>);
    leptos::task::spawn_local(async move {
        // The page may be gone by the time the browser answers.
        persistent.try_set(Some(storage::is_persistent().await));
    });
    persistent
}

/// A gentle nudge to export, shown only when the data is at risk: the
/// browser may clear it and there is a fortnight's worth of sessions
/// without a backup.
#[component]
pub fn BackupReminder() -> impl IntoView {
    let persistent = persistence();
    let history = use_history();
    let settings = use_settings();
    move || {
        let last_export = settings.with(|s| s.last_export_at);
        let due = history?
            .history
            .with(|h| backup_due(persistent.get(), last_export, h, now_ms()));
        due.then(|| {
            view! {
                <p class="notice backup-reminder">
                    "Your progress is kept only in this browser, which may clear it. "
                    <a href="/settings#your-data">"Export a backup"</a>
                    " to keep it safe."
                </p>
            }
        })
    }
}

/// Choose a backup file, see what it holds, then merge or replace.
#[component]
fn ImportFile(history: HistoryStore, settings: SettingsStore) -> impl IntoView {
    let saved = use_routines();
    let state = RwSignal::new(Importing::Idle);
    let mode = RwSignal::new(ImportMode::Merge);
    let input = NodeRef::<leptos::html::Input>::new();
    let chosen = move |_| {
        let Some(file) = input
            .get_untracked()
            .and_then(|i| i.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        leptos::task::spawn_local(async move {
            let next = match storage::read_text(&file).await {
                Err(text) => Importing::Said(text),
                Ok(text) => match parse_export(&text) {
                    Err(error) => Importing::Said(error.explain()),
                    Ok(export) => {
                        let p = history.history.with_untracked(|h| {
                            settings
                                .settings
                                .with_untracked(|s| preview(&export, h, s, &routines_now(saved)))
                        });
                        Importing::Ready(Box::new(export), p)
                    }
                },
            };
            mode.try_set(ImportMode::Merge);
            state.try_set(next);
        });
    };
    let finish = move |export: &Export| {
        let chosen = mode.get_untracked();
        let before = history.history.with_untracked(|h| h.sessions.len());
        let routines = saved;
        let result = match chosen {
            ImportMode::Merge => history
                .merge_in(&export.history)
                .and_then(|()| routines.map_or(Ok(()), |r| r.merge_in(&export.routines))),
            ImportMode::Replace => history
                .replace(export.history.clone())
                .and_then(|()| routines.map_or(Ok(()), |r| r.replace(export.routines.clone()))),
        };
        let text = match result {
            Ok(()) => {
                if chosen == ImportMode::Replace {
                    settings.settings.set(export.settings.clone());
                }
                let after = history.history.with_untracked(|h| h.sessions.len());
                match chosen {
                    ImportMode::Merge => {
                        let added = after.saturating_sub(before);
                        format!(
                            "Imported. {added} new {} added; you now have {after}.",
                            if added == 1 { "session" } else { "sessions" }
                        )
                    }
                    ImportMode::Replace => format!(
                        "Imported. You now have the file's {after} sessions and its settings."
                    ),
                }
            }
            Err(error) => format!("Nothing was imported. {}", error.explain()),
        };
        if let Some(input) = input.get_untracked() {
            input.set_value("");
        }
        state.set(Importing::Said(text));
    };

    view! {
        <h3>"Import a backup"</h3>
        <label class="field">
            <span>"Backup file"</span>
            <input type="file" accept=".json,application/json" node_ref=input on:change=chosen />
        </label>
        {move || match state.get() {
            Importing::Idle => ().into_any(),
            Importing::Said(text) => view! { <p role="alert">{text}</p> }.into_any(),
            Importing::Ready(export, p) => {
                let sessions = match p.span {
                    Some((first, last)) if first == last => {
                        format!("1 session, on {}", local_date_time(first))
                    }
                    Some((first, last)) => format!(
                        "{} sessions, from {} to {}",
                        p.sessions,
                        local_date_time(first),
                        local_date_time(last)
                    ),
                    None => "No sessions".into(),
                };
                let replace_note = match p.only_here {
                    0 => "Use only what is in the file, settings included.".to_string(),
                    n => format!("Use only what is in the file, settings included. {n} {} on this device but not in the file will be deleted.", if n == 1 { "session" } else { "sessions" }),
                };
                view! {
                    <section class="import-preview" aria-labelledby="import-preview-title">
                        <h4 id="import-preview-title">"What this file holds"</h4>
                        <ul>
                            <li>{format!("Made {}", local_date_time(p.exported_at))}</li>
                            <li>{sessions}</li>
                            <li>{format!("{} new to this device", p.new_sessions)}</li>
                            <li>{format!("{} saved {}, {} new or changed", p.routines, if p.routines == 1 { "routine" } else { "routines" }, p.new_routines)}</li>
                            <li>{if p.settings_differ { "Settings that differ from yours" } else { "The same settings as yours" }}</li>
                        </ul>
                        <fieldset class="choices">
                            <legend>"How to import"</legend>
                            <label class="check">
                                <input type="radio" name="import-mode" prop:checked=move || mode.get() == ImportMode::Merge
                                    on:change=move |_| mode.set(ImportMode::Merge) />
                                <span>"Merge: keep everything here and add the file's new sessions"</span>
                            </label>
                            <label class="check">
                                <input type="radio" name="import-mode" prop:checked=move || mode.get() == ImportMode::Replace
                                    on:change=move |_| mode.set(ImportMode::Replace) />
                                <span>"Replace: " {replace_note}</span>
                            </label>
                        </fieldset>
                        <div class="button-row">
                            <button type="button" class="button" on:click=move |_| finish(&export)>"Import"</button>
                            <button type="button" class="button secondary" on:click=move |_| state.set(Importing::Idle)>
                                "Cancel"
                            </button>
                        </div>
                    </section>
                }
                .into_any()
            }
        }}
    }
}

/// Data that could not be read at start-up, kept under backup keys: each
/// can be downloaded or deleted.
#[component]
fn SetAside() -> impl IntoView {
    let keys = RwSignal::new(set_aside_keys());
    let failed = RwSignal::new(None::<String>);
    move || {
        let list = keys.get();
        (!list.is_empty()).then(|| {
            let items = list
                .into_iter()
                .map(|key| {
                    let when = key
                        .rsplit_once("backup-")
                        .and_then(|(_, ms)| ms.parse::<u64>().ok())
                        .map(local_date_time)
                        .unwrap_or_default();
                    let what = key.split('/').nth(1).unwrap_or_default().to_string();
                    let label = format!("Unreadable {what}, set aside {when}");
                    let (k1, k2) = (key.clone(), key);
                    view! {
                        <li>
                            <span>{label.clone()}</span>
                            <div class="button-row">
                                <button type="button" class="button secondary" aria-label=format!("Download: {label}")
                                    on:click=move |_| {
                                        failed.set(match storage::read(&k1) {
                                            Ok(Some(text)) => storage::download(&backup_file_name(&k1), "text/plain", &text).err(),
                                            Ok(None) => Some("It is no longer stored (another tab may have deleted it).".into()),
                                            Err(error) => Some(error.explain()),
                                        });
                                    }>
                                    "Download"
                                </button>
                                <button type="button" class="button secondary" aria-label=format!("Delete: {label}")
                                    on:click=move |_| {
                                        failed.set(storage::remove(&k2).err().map(|e| e.explain()));
                                        keys.set(set_aside_keys());
                                    }>
                                    "Delete"
                                </button>
                            </div>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <h3>"Set-aside data"</h3>
                <p class="small">"Saved data Limber could not read is kept here, untouched, until you delete it."</p>
                <ul class="set-aside">{items}</ul>
                <p role="alert">{move || failed.get()}</p>
            }
        })
    }
}

fn set_aside_keys() -> Vec<String> {
    let mut keys: Vec<String> = storage::limber_keys()
        .unwrap_or_default()
        .into_iter()
        .filter(|k| k.contains("/backup-"))
        .collect();
    keys.sort();
    keys
}

/// Delete everything, after a confirmation that offers an export first.
#[component]
fn DeleteEverything(
    history: HistoryStore,
    settings: SettingsStore,
    export: Callback<()>,
) -> impl IntoView {
    let saved = use_routines();
    let asking = RwSignal::new(false);
    let said = RwSignal::new(None::<String>);
    let question_ref = NodeRef::<leptos::html::Div>::new();
    let delete = move |_| {
        let removed = storage::limber_keys()
            .and_then(|keys| keys.iter().try_for_each(|key| storage::remove(key)));
        history.clear();
        settings.forget();
        if let Some(routines) = saved {
            routines.clear();
        }
        asking.set(false);
        said.set(Some(match removed {
            Ok(()) => "Everything Limber kept on this device is deleted.".into(),
            Err(error) => format!("Some data could not be deleted. {}", error.explain()),
        }));
    };
    // Screen readers hear the question first; no button is pre-selected, so
    // Enter cannot delete by accident.
    Effect::new(move |_| {
        if asking.get() {
            if let Some(question) = question_ref.get() {
                let _ = question.focus();
            }
        }
    });
    view! {
        <h3>"Delete everything"</h3>
        {move || {
            if asking.get() {
                let sessions = history.history.with(|h| h.sessions.len());
                view! {
                    <div class="confirm" role="group" aria-labelledby="delete-question" tabindex="-1" node_ref=question_ref>
                        <p id="delete-question">
                            {format!(
                                "Delete your {sessions} {} and your settings from this device? This cannot be undone. Export first if you may want them back.",
                                if sessions == 1 { "session" } else { "sessions" },
                            )}
                        </p>
                        <div class="button-row">
                            <button type="button" class="button secondary" on:click=move |_| export.run(())>
                                "Export first"
                            </button>
                            <button type="button" class="button danger" on:click=delete>
                                "Yes, delete everything"
                            </button>
                            <button type="button" class="button secondary" on:click=move |_| asking.set(false)>
                                "Keep my data"
                            </button>
                        </div>
                    </div>
                }
                .into_any()
            } else {
                view! {
                    <button type="button" class="button secondary" on:click=move |_| { said.set(None); asking.set(true); }>
                        "Delete everything…"
                    </button>
                }
                .into_any()
            }
        }}
        <p role="status">{move || said.get()}</p>
    }
}
