use leptos::prelude::*;

use crate::domain::catalogue;
use crate::domain::reminder::{parse_time, Reminder, ReminderError, WEEKDAYS};
use crate::domain::routine::Routine;
use crate::hooks::use_settings::use_settings;
use crate::platform::time::{local_today, now_ms};
use crate::storage;

/// A weekly reminder as a calendar file: Limber has no server to send
/// notifications, so the person's own calendar keeps and rings it.
#[component]
pub fn ReminderForm() -> impl IntoView {
    let days = RwSignal::new([true, false, true, false, true, false, false]);
    let time = RwSignal::new("08:00".to_string());
    let routine_id = RwSignal::new(
        catalogue::routines()
            .first()
            .map(|r| r.id.to_string())
            .unwrap_or_default(),
    );
    let said = RwSignal::new(None::<String>);
    let settings = use_settings();
    let download = move |_| {
        let Some(routine) = Routine::builtin(&routine_id.get_untracked()) else {
            return;
        };
        let Some((hour, minute)) = parse_time(&time.get_untracked()) else {
            said.set(Some(ReminderError::BadTime.explain().into()));
            return;
        };
        let origin = window().location().origin().unwrap_or_default();
        let minutes = routine
            .total_seconds(&settings.with_untracked(|s| s.timing()))
            .div_ceil(60);
        let reminder = Reminder {
            days: days.get_untracked(),
            hour,
            minute,
            routine_name: routine.name.clone(),
            link: format!("{origin}/routines/{}", routine.id),
            minutes,
        };
        let (today, _) = local_today();
        said.set(Some(match reminder.ics(today, now_ms()) {
            Err(error) => error.explain().to_string(),
            Ok(ics) => match storage::download("limber-reminder.ics", "text/calendar", &ics) {
                Ok(()) => "Open the downloaded file to add the reminder to your calendar.".into(),
                Err(text) => text,
            },
        }));
    };
    view! {
        <h2>"Reminder"</h2>
        <p class="small">
            "Limber has no server to send notifications, so it makes a repeating event for your own calendar app, with a link that opens the routine."
        </p>
        <fieldset class="choices weekdays">
            <legend>"Days"</legend>
            {WEEKDAYS
                .iter()
                .enumerate()
                .map(|(i, (name, _))| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || days.with(|d| d[i])
                            on:change=move |ev| days.update(|d| d[i] = event_target_checked(&ev)) />
                        <span>{*name}</span>
                    </label>
                })
                .collect_view()}
        </fieldset>
        <label class="field">
            <span>"Time"</span>
            <input type="time" prop:value=move || time.get() on:change=move |ev| time.set(event_target_value(&ev)) />
        </label>
        <label class="field">
            <span>"Routine"</span>
            <select on:change=move |ev| routine_id.set(event_target_value(&ev))>
                {catalogue::routines()
                    .iter()
                    .map(|r| view! { <option value=r.id selected=move || routine_id.with(|id| id == r.id)>{r.name}</option> })
                    .collect_view()}
            </select>
        </label>
        <button type="button" class="button secondary" on:click=download>
            "Download calendar reminder"
        </button>
        <p role="status" class="small">{move || said.get()}</p>
    }
}
