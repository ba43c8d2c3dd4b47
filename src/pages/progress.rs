use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::your_data::BackupReminder;
use crate::domain::catalogue;
use crate::domain::charts::{heatmap, pain_trend, weekly_minutes, Chart};
use crate::domain::routine::rough_duration;
use crate::domain::session::SessionRecord;
use crate::domain::stats::{
    average_pain_change, days_in_last_week, days_this_week, gentler_than, hurting, weekly_streak,
};
use crate::hooks::use_history::use_history;
use crate::hooks::use_settings::use_settings;
use crate::hooks::use_title::use_title;
use crate::platform::time::{local_date_time, local_today};

/// `/progress`: what you have done, counted kindly.
#[component]
pub fn Progress() -> impl IntoView {
    use_title("Progress");
    let store = use_history();
    let settings = use_settings();
    let content = move || {
        let goal = usize::from(settings.with(|s| s.weekly_goal_days));
        let history = store.map(|s| s.history.get()).unwrap_or_default();
        if history.sessions.is_empty() {
            return view! {
                <div class="empty">
                    <p>"No sessions yet. Your first one will show here, with how your back felt before and after."</p>
                    <A href="/routines/gentle-start" attr:class="button">
                        "Try a gentle start"
                    </A>
                </div>
            }
            .into_any();
        }
        let (today, offset) = local_today();
        let week = days_in_last_week(&history, today, offset);
        let this_week = days_this_week(&history, today, offset);
        let streak = weekly_streak(&history, today, offset, goal);
        let pain = average_pain_change(&history).map(|change| {
            let tenths = (change.abs() * 10.0).round() as u32;
            let amount = format!("{}.{}", tenths / 10, tenths % 10);
            if change < 0.0 {
                format!("On average your pain was {amount} points lower after a session.")
            } else if change > 0.0 {
                format!("On average your pain was {amount} points higher after a session. Try gentler stretches, and see the warning signs if it keeps rising.")
            } else {
                "On average your pain was the same after a session.".to_string()
            }
        });
        let hurts = {
            let ids = hurting(&history, today, offset);
            (!ids.is_empty()).then(|| {
                let items = ids
                    .iter()
                    .filter_map(|id| catalogue::stretch(id))
                    .map(|s| {
                        let instead = gentler_than(s).map(|g| {
                            view! {
                                " Try "
                                <A href=format!("/stretches/{}", g.id)>{g.name}</A>
                                " instead."
                            }
                        });
                        view! { <li><strong>{s.name}</strong>" hurt twice this month."{instead}</li> }
                    })
                    .collect_view();
                view! {
                    <section class="cautions" aria-labelledby="hurting-heading">
                        <h2 id="hurting-heading">"Go gently with these"</h2>
                        <ul>{items}</ul>
                    </section>
                }
            })
        };
        let sessions = history
            .sessions
            .iter()
            .rev()
            .map(|s| view! { <SessionItem session=s.clone() /> })
            .collect_view();
        let streak = (streak > 0).then(|| {
            let weeks = if streak == 1 {
                "1 week".to_string()
            } else {
                format!("{streak} weeks in a row")
            };
            view! { <p>{format!("You reached your goal {weeks}. Well done.")}</p> }
        });
        view! {
            <dl class="facts">
                <div>
                    <dt>"Last 7 days"</dt>
                    <dd>{format!("{week} of 7 days")}</dd>
                </div>
                <div>
                    <dt>"This week"</dt>
                    <dd>{format!("{this_week} of {goal} days")}</dd>
                </div>
            </dl>
            {streak}
            <p class="small">
                {format!("Your goal is {goal} days a week (change it in Settings). Every session helps, however short.")}
            </p>
            {pain.map(|p| view! { <p>{p}</p> })}
            {hurts}
            <h2>"Last 12 weeks"</h2>
            <ChartView chart=heatmap(&history, today, offset) />
            <h2>"Minutes per week"</h2>
            <ChartView chart=weekly_minutes(&history, today, offset) />
            {pain_trend(&history)
                .map(|chart| {
                    view! {
                        <h2>"Pain before and after"</h2>
                        <ChartView chart />
                        <p class="legend small">
                            <span class="key pain-before"></span>
                            "Before "
                            <span class="key pain-after"></span>
                            "After"
                        </p>
                    }
                })}
            <h2>"History"</h2>
            <ul class="history">{sessions}</ul>
        }
        .into_any()
    };
    view! {
        <section class="page">
            <h1>"Progress"</h1>
            <BackupReminder />
            {content}
        </section>
    }
}

#[component]
fn SessionItem(session: SessionRecord) -> impl IntoView {
    let minutes = rough_duration(u32::try_from(session.active_ms / 1000).unwrap_or(u32::MAX));
    let pain = match (session.pain_before, session.pain_after) {
        (Some(b), Some(a)) => format!(" · pain {b} → {a}"),
        (Some(b), None) => format!(" · pain before {b}"),
        (None, Some(a)) => format!(" · pain after {a}"),
        (None, None) => String::new(),
    };
    let skipped = match session.skipped.len() {
        0 => String::new(),
        n => format!(", {n} skipped"),
    };
    view! {
        <li class="card">
            <h3 class="card-title">{session.routine_name.clone()}</h3>
            <p class="card-meta">{local_date_time(session.started_at)}</p>
            <p class="card-meta">
                {format!("{minutes} · {} done{skipped}{pain}", session.done.len())}
            </p>
        </li>
    }
}

/// A chart with its text alternative as a visible caption, so everyone reads
/// the same thing.
#[component]
fn ChartView(chart: Chart) -> impl IntoView {
    view! {
        <figure class="chart-box">
            <div inner_html=chart.svg></div>
            <figcaption class="small">{chart.summary}</figcaption>
        </figure>
    }
}
