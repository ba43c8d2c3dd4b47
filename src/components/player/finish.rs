//! After the last segment, or after End: what really happened, pain before
//! and after, this week against the person's goal, and where to go next.

use leptos::prelude::*;
use leptos_router::components::A;

use super::focus_soon;
use super::rating::PainRating;
use crate::domain::catalogue;
use crate::domain::routine::clock;
use crate::domain::stats;
use crate::hooks::use_history::use_history;
use crate::hooks::use_player_session::PlayerSession;
use crate::hooks::use_settings::use_settings;
use crate::platform::time::local_today;
use crate::storage::live;

#[component]
pub fn Finish(session: PlayerSession) -> impl IntoView {
    let summary = session.record();
    let names = |ids: &[String]| {
        ids.iter()
            .filter_map(|id| catalogue::stretch(id))
            .map(|s| s.name)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let spent = u32::try_from(summary.active_ms / 1000).unwrap_or(u32::MAX);
    let finished = !session.ended.get_untracked();
    let heading = if finished && !summary.done.is_empty() {
        "Well done"
    } else {
        "Session ended"
    };
    let change = move || {
        let before = session.pain_before.get()?;
        let after = session.pain_after.get()?;
        let words = match after.cmp(&before) {
            std::cmp::Ordering::Less => format!("{} lower", before - after),
            std::cmp::Ordering::Equal => "the same".to_string(),
            std::cmp::Ordering::Greater => format!("{} higher", after - before),
        };
        Some(view! {
            <p class="pain-change">
                {format!("Pain {before} → {after}: {words}.")}
                {(after > before).then_some(" If it stays higher, rest today and see the warning signs on the Safety page.")}
            </p>
        })
    };
    // This week's active days, counting this session whether or not it is
    // saved yet.
    let goal = use_settings().with_untracked(|s| usize::from(s.weekly_goal_days));
    let store = use_history();
    let week = move || {
        let (today, offset) = local_today();
        let mut history = store.map(|store| store.history.get()).unwrap_or_default();
        if !session.saved.get() {
            history.sessions.push(session.record());
        }
        let days = stats::days_this_week(&history, today, offset);
        let met = days >= goal;
        view! {
            <p class="week">
                {format!("This week: {days} of {goal} days")}
                {met.then_some(". Your weekly goal is met.")}
            </p>
            <progress class="week-bar" max=goal prop:value=days.min(goal) aria-label="Weekly goal"></progress>
        }
    };
    // Leaving the finish without tapping Finish still keeps what was done;
    // with nothing done there is nothing to keep or to offer again.
    on_cleanup(move || {
        if session.saved.get_untracked() {
            return;
        }
        let record = session.record();
        if record.done.is_empty() && record.skipped.is_empty() {
            live::forget();
        } else {
            session.save();
        }
    });
    view! {
        <div class="player-finish">
            {(heading == "Well done").then(|| view! { <div class="celebrate" aria-hidden="true"></div> })}
            <h1>{heading}</h1>
            <dl class="facts">
                <div>
                    <dt>"Time"</dt>
                    <dd>
                        <time datetime=format!("PT{spent}S")>{clock(spent)}</time>
                    </dd>
                </div>
                <div>
                    <dt>"Done"</dt>
                    <dd>{summary.done.len()}</dd>
                </div>
                <div>
                    <dt>"Skipped"</dt>
                    <dd>{summary.skipped.len()}</dd>
                </div>
            </dl>
            {(!summary.done.is_empty()).then(|| view! { <p>"Done: " {names(&summary.done)}</p> })}
            {(!summary.skipped.is_empty())
                .then(|| view! { <p>"Skipped: " {names(&summary.skipped)}</p> })}
            {(!summary.hurt.is_empty())
                .then(|| {
                    view! {
                        <p class="note">
                            "Marked as hurting: " {names(&summary.hurt)}
                            ". Try a gentler stretch next time, and see the warning signs if pain stays."
                        </p>
                    }
                })}
            <PainRating value=session.pain_after name="pain-after" legend="How does your back feel now?" />
            {change}
            {week}
            <div class="player-controls">
                {move || {
                    if session.saved.get() {
                        view! { <A href="/" attr:class="button big">"Back to home"</A> }.into_any()
                    } else {
                        view! {
                            <button type="button" class="button big" on:click=move |_| {
                                session.save();
                                // The button gives way to a link: keep focus on it.
                                focus_soon(".player-finish .player-controls a");
                            }>
                                "Finish"
                            </button>
                        }
                            .into_any()
                    }
                }}
            </div>
            <p class="finish-links">
                <a href="/progress">"See your progress"</a>
                <button type="button" class="button quiet" on:click=move |_| session.restart()>
                    "Play again"
                </button>
            </p>
        </div>
    }
}
