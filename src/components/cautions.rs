use leptos::prelude::*;

use crate::domain::catalogue::{Caution, Stretch};
use crate::domain::cautions::{avoided_because, concerning};
use crate::hooks::use_settings::use_settings;

/// An entry's cautions, set apart so they are hard to miss; the ones about
/// the person's own conditions come first and say so. Renders nothing when
/// there are none.
#[component]
pub fn Cautions(cautions: &'static [Caution]) -> impl IntoView {
    let settings = use_settings();
    (!cautions.is_empty()).then(|| {
        let items = move || {
            let mine = settings.with(|s| s.cautions.clone());
            let (yours, others): (Vec<&Caution>, Vec<&Caution>) =
                cautions.iter().partition(|c| mine.contains(&c.about));
            let line = |c: &Caution, yours: bool| {
                view! {
                    <li class:yours=yours>
                        <strong>{c.about.label()}{if yours { " (you): " } else { ": " }}</strong>
                        {c.text}
                    </li>
                }
            };
            yours
                .into_iter()
                .map(|c| line(c, true))
                .chain(others.into_iter().map(|c| line(c, false)))
                .collect_view()
        };
        view! {
            <section class="cautions" aria-labelledby="cautions-heading">
                <h2 id="cautions-heading">"Take care"</h2>
                <ul>{items}</ul>
            </section>
        }
    })
}

/// A short flag on an entry in a list when it has a caution about one of
/// the person's conditions: stronger when it does not suit them at all.
#[component]
pub fn CautionFlag(stretch: &'static Stretch) -> impl IntoView {
    let settings = use_settings();
    move || {
        let mine = settings.with(|s| s.cautions.clone());
        let (class, words) = match avoided_because(stretch, &mine) {
            Some(caution) => (
                "caution-flag avoid",
                format!("May not suit you · {}", caution.about.label()),
            ),
            None => {
                let care = concerning(stretch, &mine);
                if care.is_empty() {
                    return None;
                }
                let about: Vec<&str> = care.iter().map(|c| c.about.label()).collect();
                ("caution-flag", format!("Take care · {}", about.join(", ")))
            }
        };
        Some(view! { <p class=class>{words}</p> })
    }
}
