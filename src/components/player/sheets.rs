//! The sheets over a paused session: ending it, and "This hurts".

use leptos::prelude::*;

use crate::domain::catalogue::{self, Urgency};
use crate::hooks::use_player_session::PlayerSession;

/// Asks before ending; what was done still counts.
#[component]
pub fn EndSheet(session: PlayerSession) -> impl IntoView {
    view! {
        <div class="sheet" role="alertdialog" aria-labelledby="end-title" aria-modal="true">
            <h2 id="end-title">"End this session?"</h2>
            <p>"What you have done so far still counts."</p>
            <div class="sheet-actions">
                <button type="button" class="button secondary" on:click=move |_| session.close()>
                    "Keep going"
                </button>
                <button type="button" class="button" on:click=move |_| session.end()>
                    "End session"
                </button>
            </div>
        </div>
    }
}

/// Pain mid-stretch: the gentler exercise first (one tap swaps it in for
/// the rest of the session), then skipping, ending, and the signs that need
/// a doctor.
#[component]
pub fn HurtsSheet(session: PlayerSession) -> impl IntoView {
    let gentler = session.gentler();
    // Pain mid-stretch is when the emergency signs matter; the calmer tiers
    // would bury them in a small sheet, and /safety has them all.
    let emergency = catalogue::safety().tier(Urgency::Emergency).map(|tier| {
        let signs = tier
            .signs
            .iter()
            .map(|s| view! { <li>{s.sign}</li> })
            .collect_view();
        view! {
            <h3>{tier.title}</h3>
            <ul>{signs}</ul>
            <p class="note">{tier.action}</p>
            <p>{tier.tell}</p>
            <p><a href="/safety">"All the warning signs"</a></p>
        }
    });
    view! {
        <div class="sheet hurts" role="alertdialog" aria-labelledby="hurts-title" aria-modal="true">
            <h2 id="hurts-title">"Ease off now"</h2>
            <p>
                "Come out of the stretch slowly. Pain means stop, not push through."
            </p>
            {gentler.map(|g| view! {
                <p>{format!("{} is a gentler way to work the same area.", g.name)}</p>
            })}
            <div class="sheet-actions">
                {gentler.map(|g| view! {
                    <button type="button" class="button" on:click=move |_| session.swap_gentler()>
                        {format!("Try {} instead", g.name)}
                    </button>
                })}
                <button
                    type="button"
                    class="button"
                    class:secondary=gentler.is_some()
                    on:click=move |_| session.skip_exercise()
                >
                    "Skip this stretch"
                </button>
                <button type="button" class="button secondary" on:click=move |_| session.end()>
                    "End session"
                </button>
                <button type="button" class="button secondary" on:click=move |_| session.close()>
                    "Keep going"
                </button>
            </div>
            {emergency}
        </div>
    }
}

/// A link or the back button would leave the session: it stays paused and
/// kept, so leaving loses nothing.
#[component]
pub fn LeaveSheet(session: PlayerSession) -> impl IntoView {
    view! {
        <div class="sheet" role="alertdialog" aria-labelledby="leave-title" aria-modal="true">
            <h2 id="leave-title">"Leave this session?"</h2>
            <p>"It stays paused where you are. Home offers to resume it."</p>
            <div class="sheet-actions">
                <button type="button" class="button secondary" on:click=move |_| session.close()>
                    "Stay"
                </button>
                <button type="button" class="button" on:click=move |_| session.leave()>
                    "Leave"
                </button>
            </div>
        </div>
    }
}
