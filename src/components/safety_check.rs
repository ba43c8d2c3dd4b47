use leptos::prelude::*;
use leptos_router::components::A;

use crate::domain::catalogue::{self, CautionAbout, Urgency, WarningSign};
use crate::domain::cautions::{personal_label, PERSONAL};
use crate::domain::safety_check::{help_for, outcome, SafetyCheck};
use crate::hooks::use_settings::SettingsStore;
use crate::platform::time::now_ms;

/// Where the check stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stage {
    Intro,
    /// Asking the questions of the tier at this index.
    Asking(usize),
    /// A yes in this tier: the help it needs.
    Help(Urgency),
    /// Every answer no: anything to take care with?
    AboutYou,
}

/// The safety check: an intro, the warning signs as yes/no questions one tier
/// at a time (most urgent first, so the first tier with a yes is the
/// answer), then either the help that answer needs or the person's own
/// cautions. The result is kept in the settings. `on_done` runs when the
/// person goes on; `going_on` names where ("Start the routine").
#[component]
pub fn SafetyCheckFlow(on_done: Callback<()>, going_on: &'static str) -> impl IntoView {
    let store = use_context::<SettingsStore>();
    let tiers = catalogue::safety().tiers;
    let stage = RwSignal::new(Stage::Intro);
    // One answer per question, tier by tier: None until answered.
    let answers: Vec<RwSignal<Option<bool>>> = tiers
        .iter()
        .flat_map(|t| t.signs.iter())
        .map(|_| RwSignal::new(None))
        .collect();
    let answers = StoredValue::new(answers);
    let first_of = move |tier: usize| tiers[..tier].iter().map(|t| t.signs.len()).sum::<usize>();
    let save = move |outcome: Option<Urgency>| {
        if let Some(store) = store {
            store.settings.update(|s| {
                s.safety_check = Some(SafetyCheck {
                    at: now_ms(),
                    outcome,
                });
            });
        }
    };
    // Where focus goes when the stage changes: its heading, so a screen
    // reader hears the new step and a keyboard starts from the top of it.
    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |previous: Option<Stage>| {
        let now = stage.get();
        if previous.is_some_and(|p| p != now) {
            if let Some(h) = heading.get() {
                // Focus only fails on an element that cannot take it.
                let _ = h.focus();
            }
        }
        now
    });
    let unanswered = RwSignal::new(false);
    let next = move |tier: usize| {
        let first = first_of(tier);
        let count = tiers[tier].signs.len();
        let these: Vec<Option<bool>> = answers.with_value(|a| {
            a[first..first + count]
                .iter()
                .map(|s| s.get_untracked())
                .collect()
        });
        if these.iter().any(Option::is_none) {
            unanswered.set(true);
            return;
        }
        unanswered.set(false);
        let urgency = tiers[tier].urgency;
        let answers: Vec<(Urgency, bool)> =
            these.iter().map(|a| (urgency, *a == Some(true))).collect();
        if let Some(urgency) = outcome(&answers) {
            save(Some(urgency));
            stage.set(Stage::Help(urgency));
        } else if tier + 1 < tiers.len() {
            stage.set(Stage::Asking(tier + 1));
        } else {
            save(None);
            stage.set(Stage::AboutYou);
        }
    };

    let body = move || {
        match stage.get() {
        Stage::Intro => view! {
            <h2 tabindex="-1" node_ref=heading>"A quick safety check"</h2>
            <p>
                "Before you start, answer a few yes or no questions about signs that need a doctor rather than stretching. It takes about a minute, and your answers stay on this device."
            </p>
            <div class="actions">
                <button type="button" class="button" on:click=move |_| stage.set(Stage::Asking(0))>
                    "Start the check"
                </button>
                <button type="button" class="button secondary" on:click=move |_| on_done.run(())>
                    "Not now"
                </button>
            </div>
        }
        .into_any(),
        Stage::Asking(tier) => {
            let first = first_of(tier);
            let questions = tiers[tier]
                .signs
                .iter()
                .enumerate()
                .map(|(i, sign)| {
                    let answer = answers.with_value(|a| a[first + i]);
                    view! { <Question index=first + i sign answer /> }
                })
                .collect_view();
            view! {
                <h2 tabindex="-1" node_ref=heading>
                    {format!("Question set {} of {}", tier + 1, tiers.len())}
                </h2>
                <p>"Do any of these apply to you right now?"</p>
                <div class="questions">{questions}</div>
                <p class="field-error" role="alert">
                    {move || unanswered.get().then_some("Answer each question with yes or no.")}
                </p>
                <div class="actions">
                    <button type="button" class="button" on:click=move |_| next(tier)>"Next"</button>
                    {(tier > 0).then(|| view! {
                        <button type="button" class="button secondary" on:click=move |_| stage.set(Stage::Asking(tier - 1))>
                            "Back"
                        </button>
                    })}
                </div>
            }
            .into_any()
        }
        Stage::Help(urgency) => {
            let tier_index = tiers.iter().position(|t| t.urgency == urgency).unwrap_or(0);
            let first = first_of(tier_index);
            let said_yes = tiers[tier_index]
                .signs
                .iter()
                .enumerate()
                .filter(|(i, _)| answers.with_value(|a| a[first + i].get_untracked() == Some(true)))
                .map(|(_, s)| view! { <li>{s.sign}</li> })
                .collect_view();
            let help = help_for(urgency);
            view! {
                <div class="warning check-help">
                    <h2 tabindex="-1" node_ref=heading>{help.map(|h| h.title)}</h2>
                    <p class="action">{help.map(|h| h.action)}</p>
                    <p>"You said yes to:"</p>
                    <ul>{said_yes}</ul>
                    <p><strong>"What to tell them: "</strong>{help.map(|h| h.tell)}</p>
                    <p>
                        {if urgency == Urgency::Routine {
                            "Until then, stop any stretch that makes your pain worse."
                        } else {
                            "Don't stretch until you have been seen."
                        }}
                    </p>
                </div>
                <div class="actions">
                    {(urgency != Urgency::Emergency).then(|| view! {
                        <button type="button" class="button" on:click=move |_| on_done.run(())>
                            "I've been seen: continue"
                        </button>
                    })}
                    <button type="button" class="button secondary" on:click=move |_| stage.set(Stage::Asking(tier_index))>
                        "Change my answers"
                    </button>
                    <A href="/safety#warning-signs" attr:class="button secondary">"Read all warning signs"</A>
                </div>
            }
            .into_any()
        }
        Stage::AboutYou => view! {
            <h2 tabindex="-1" node_ref=heading>"No warning signs"</h2>
            <p>
                "Good. Stop and check again if any of those signs appear. One more thing: does any of this apply to you? Limber will point out stretches to take care with and swap out ones that don't suit."
            </p>
            <PersonalCautions />
            <div class="actions">
                <button type="button" class="button" on:click=move |_| on_done.run(())>{going_on}</button>
            </div>
        }
        .into_any(),
    }
    };
    view! { <section class="safety-check" aria-label="Safety check">{body}</section> }
}

/// One warning sign as a yes/no question.
#[component]
fn Question(
    index: usize,
    sign: &'static WarningSign,
    answer: RwSignal<Option<bool>>,
) -> impl IntoView {
    let name = format!("sign-{index}");
    let option = move |value: bool, label: &'static str| {
        let id = format!("{name}-{label}");
        view! {
            <label class="chip-radio">
                <input
                    type="radio"
                    id=id
                    name=name.clone()
                    prop:checked=move || answer.get() == Some(value)
                    on:change=move |_| answer.set(Some(value))
                />
                <span>{label}</span>
            </label>
        }
    };
    view! {
        <fieldset class="question">
            <legend>{sign.question}</legend>
            <div class="yes-no">{option(true, "Yes")}{option(false, "No")}</div>
        </fieldset>
    }
}

/// The conditions a person can tell Limber about, as checkboxes saved at
/// once in the settings.
#[component]
pub fn PersonalCautions() -> impl IntoView {
    let Some(store) = use_context::<SettingsStore>() else {
        return ().into_any();
    };
    let settings = store.settings;
    let toggle = move |about: CautionAbout, on: bool| settings.update(|s| s.set_caution(about, on));
    view! {
        <fieldset class="choices personal-cautions">
            <legend>"Take care with"</legend>
            {PERSONAL
                .iter()
                .map(|&about| view! {
                    <label class="check">
                        <input
                            type="checkbox"
                            prop:checked=move || settings.with(|s| s.cautions.contains(&about))
                            on:change=move |ev| toggle(about, event_target_checked(&ev))
                        />
                        <span>{personal_label(about)}</span>
                    </label>
                })
                .collect_view()}
        </fieldset>
    }
    .into_any()
}
