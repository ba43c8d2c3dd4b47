use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::reminder_form::ReminderForm;
use crate::components::safety_check::PersonalCautions;
use crate::components::your_data::YourData;
use crate::domain::catalogue::Urgency;
use crate::domain::cue::Tone;
use crate::domain::settings::{Settings, TextSize, Theme};
use crate::hooks::use_cues::use_cues;
use crate::hooks::use_history::use_history;
use crate::hooks::use_settings::SettingsStore;
use crate::hooks::use_title::use_title;
use crate::platform::{speech, vibration, wake_lock};

/// `/settings`: sound, voice, timing, goal and appearance. Changes apply at
/// once and are saved on this device.
#[component]
pub fn SettingsPage() -> impl IntoView {
    use_title("Settings");
    let Some(store) = use_context::<SettingsStore>() else {
        return ().into_any();
    };
    let settings = store.settings;
    let set = move |change: &dyn Fn(&mut Settings)| settings.update(|s| change(s));
    let can_speak = speech::synth().is_some();
    let voices = use_offline_voices();
    let history = use_history();

    let seconds_options = |choices: &'static [u8], current: fn(&Settings) -> u8| {
        choices
            .iter()
            .map(move |&n| {
                view! {
                    <option value=n.to_string() selected=move || settings.with(|s| current(s) == n)>
                        {if n == 0 { "None".to_string() } else { format!("{n} seconds") }}
                    </option>
                }
            })
            .collect_view()
    };
    let parse = |ev: &leptos::ev::Event| event_target_value(ev).parse::<u8>().ok();

    view! {
        <section class="page prose settings">
            <h1>"Settings"</h1>
            <p class="small">"Changes apply at once and are saved on this device."</p>

            <h2 id="your-health">"Your health"</h2>
            <p>
                "Limber points out stretches to take care with, and swaps ones that don't suit you out of its own routines."
            </p>
            <PersonalCautions />
            <p>
                {move || settings.with(last_check)}
                " "
                <A href="/check?next=/settings">"Take the safety check"</A>
            </p>

            <h2>"Sound and voice"</h2>
            <Toggle label="Sounds at each change" checked=Signal::derive(move || settings.with(|s| s.sound))
                on_toggle=Callback::new(move |on| set(&|s| s.sound = on)) />
            <label class="field">
                <span>"Volume"</span>
                <input
                    type="range"
                    min="0"
                    max="100"
                    step="10"
                    prop:value=move || settings.with(|s| s.volume.to_string())
                    prop:disabled=move || settings.with(|s| !s.sound)
                    on:input=move |ev| {
                        if let Some(v) = parse(&ev) {
                            set(&|s| s.volume = v);
                        }
                    }
                />
            </label>
            <Toggle label="Spoken cues" checked=Signal::derive(move || settings.with(|s| s.voice))
                on_toggle=Callback::new(move |on| set(&|s| s.voice = on)) />
            <label class="field">
                <span>"Voice"</span>
                <select on:change=move |ev| {
                    let name = event_target_value(&ev);
                    set(&|s| s.voice_name = (!name.is_empty()).then(|| name.clone()));
                }>
                    <option value="" selected=move || settings.with(|s| s.voice_name.is_none())>
                        "Automatic"
                    </option>
                    {move || {
                        voices
                            .get()
                            .into_iter()
                            .map(|name| {
                                let value = name.clone();
                                let selected = name.clone();
                                view! {
                                    <option
                                        value=value
                                        selected=move || settings.with(|s| s.voice_name.as_deref() == Some(selected.as_str()))
                                    >
                                        {name}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </label>
            <p class="small">
                {if can_speak {
                    "Only voices that work offline are listed; nothing you hear is sent anywhere."
                } else {
                    "This browser can't speak, so spoken cues stay silent here. The countdown and sounds still guide you."
                }}
            </p>
            <Toggle label="Cues with the screen off" checked=Signal::derive(move || settings.with(|s| s.screen_off_cues))
                on_toggle=Callback::new(move |on| set(&|s| s.screen_off_cues = on)) />
            <p class="small">
                "Plays the sounds as one track, so they go on when the screen locks or you switch apps, with the controls on the lock screen. On some phones this pauses other music while you stretch."
            </p>
            <CueTests settings can_speak />
            {if vibration::supported() {
                view! {
                    <Toggle label="Vibration" checked=Signal::derive(move || settings.with(|s| s.vibration))
                        on_toggle=Callback::new(move |on| set(&|s| s.vibration = on)) />
                }.into_any()
            } else {
                view! { <p class="small">"This browser can't vibrate, so there is no vibration setting here."</p> }.into_any()
            }}
            {(!wake_lock::supported()).then(|| view! {
                <p class="small">
                    "This browser can't keep the screen on during a session. Set your screen to stay on longer, or tap it now and then; the timer stays right either way."
                </p>
            })}

            <h2>"Timing"</h2>
            <label class="field">
                <span>"Time to get ready"</span>
                <select on:change=move |ev| if let Some(v) = parse(&ev) { set(&|s| s.get_ready_seconds = v) }>
                    {seconds_options(&[0, 3, 5, 8, 10, 15], |s| s.get_ready_seconds)}
                </select>
            </label>
            <label class="field">
                <span>"Time to switch sides"</span>
                <select on:change=move |ev| if let Some(v) = parse(&ev) { set(&|s| s.switch_sides_seconds = v) }>
                    {seconds_options(&[0, 3, 5, 8, 10, 15], |s| s.switch_sides_seconds)}
                </select>
            </label>
            <label class="field">
                <span>"Rest between exercises (new routines)"</span>
                <select on:change=move |ev| if let Some(v) = parse(&ev) { set(&|s| s.rest_seconds = v) }>
                    {seconds_options(&[0, 5, 10, 15, 20, 30, 45, 60], |s| s.rest_seconds)}
                </select>
            </label>

            <h2>"Goal"</h2>
            <label class="field">
                <span>"Days a week"</span>
                <select on:change=move |ev| if let Some(v) = parse(&ev) { set(&|s| s.weekly_goal_days = v) }>
                    {(1..=7u8)
                        .map(|n| view! {
                            <option value=n.to_string() selected=move || settings.with(|s| s.weekly_goal_days == n)>
                                {if n == 1 { "1 day".to_string() } else { format!("{n} days") }}
                            </option>
                        })
                        .collect_view()}
                </select>
            </label>

            <h2>"Appearance"</h2>
            <fieldset class="choices">
                <legend>"Theme"</legend>
                {[(Theme::System, "Same as this device"), (Theme::Light, "Light"), (Theme::Dark, "Dark")]
                    .into_iter()
                    .map(|(theme, label)| view! {
                        <label class="check">
                            <input type="radio" name="theme" prop:checked=move || settings.with(|s| s.theme == theme)
                                on:change=move |_| set(&|s| s.theme = theme) />
                            <span>{label}</span>
                        </label>
                    })
                    .collect_view()}
            </fieldset>
            <fieldset class="choices">
                <legend>"Text size"</legend>
                {[(TextSize::Normal, "Normal"), (TextSize::Large, "Large"), (TextSize::Larger, "Larger")]
                    .into_iter()
                    .map(|(size, label)| view! {
                        <label class="check">
                            <input type="radio" name="text-size" prop:checked=move || settings.with(|s| s.text_size == size)
                                on:change=move |_| set(&|s| s.text_size = size) />
                            <span>{label}</span>
                        </label>
                    })
                    .collect_view()}
            </fieldset>

            <ReminderForm />
            {history.map(|history| view! { <YourData history settings=store /> })}

            <h2>"About"</h2>
            <p>
                <A href="/about">"About Limber and your data"</A>
            </p>
        </section>
    }
    .into_any()
}

/// What the last safety check found, in a sentence.
fn last_check(settings: &Settings) -> &'static str {
    match settings.safety_check.map(|c| c.outcome) {
        None => "You haven't taken the safety check yet.",
        Some(None) => "Your last safety check found no warning signs.",
        Some(Some(Urgency::Emergency)) => {
            "Your last safety check found a sign that needs emergency help."
        }
        Some(Some(Urgency::Urgent)) => {
            "Your last safety check found a sign that needs a doctor today."
        }
        Some(Some(Urgency::Routine)) => {
            "Your last safety check suggested booking a doctor's appointment."
        }
    }
}

/// A labelled checkbox.
#[component]
fn Toggle(label: &'static str, checked: Signal<bool>, on_toggle: Callback<bool>) -> impl IntoView {
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || checked.get()
                on:change=move |ev| on_toggle.run(event_target_checked(&ev))
            />
            <span>{label}</span>
        </label>
    }
}

/// Names of the installed voices that work offline. Browsers load voices
/// lazily, so the list refreshes on `voiceschanged` until unmount.
fn use_offline_voices() -> RwSignal<Vec<String>> {
    let synth = speech::synth();
    let names = move || {
        synth
            .as_ref()
            .map(|s| s.offline_voices().into_iter().map(|v| v.name).collect())
            .unwrap_or_default()
    };
    let voices = RwSignal::new(names());
    if let Some(listener) =
        speech::synth().map(|synth| synth.on_voices_changed(move || voices.set(names())))
    {
        let listener = StoredValue::new_local(Some(listener));
        on_cleanup(move || listener.update_value(|l| drop(l.take())));
    }
    voices
}

/// "Test sound" and "Test voice": hear the cues as a session gives them,
/// with the volume and voice chosen above.
#[component]
fn CueTests(settings: RwSignal<Settings>, can_speak: bool) -> impl IntoView {
    let cues = StoredValue::new_local(use_cues());
    let said = RwSignal::new(String::new());
    let test_sound = move |_| {
        let volume = settings.with_untracked(Settings::tone_volume);
        cues.with_value(|c| {
            // Inside the tap: browsers allow sound only after a gesture.
            c.unlock();
            // Each tone a session uses, a little apart, in the order a
            // session gives them.
            let tones = [
                (0, Tone::Ready),
                (700, Tone::Go),
                (1400, Tone::Tick),
                (2100, Tone::Switch),
                (2900, Tone::Rest),
                (3700, Tone::Done),
            ];
            c.schedule(0, &tones, volume);
        });
        said.set("Playing: get ready, hold, countdown, switch sides, rest, done.".into());
    };
    let test_voice = move |_| {
        let name = settings.with_untracked(|s| s.voice_name.clone());
        let spoken = cues.with_value(|c| {
            c.say(
                "Hold, left side. Breathe out and ease into the stretch.",
                name.as_deref(),
            )
        });
        said.set(match spoken {
            Ok(()) => "Speaking now.".into(),
            Err(_) => {
                "This browser could not speak just now. The countdown and sounds still guide you."
                    .into()
            }
        });
    };
    view! {
        <div class="actions cue-tests">
            <button
                type="button"
                class="button secondary"
                prop:disabled=move || settings.with(|s| !s.sound || s.volume == 0)
                on:click=test_sound
            >
                "Test sound"
            </button>
            {can_speak.then(|| view! {
                <button type="button" class="button secondary" on:click=test_voice>
                    "Test voice"
                </button>
            })}
        </div>
        <p class="small" role="status">{move || said.get()}</p>
    }
}
