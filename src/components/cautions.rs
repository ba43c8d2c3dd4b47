use leptos::prelude::*;

use crate::domain::catalogue::Caution;

/// An entry's cautions, set apart so they are hard to miss. Renders nothing
/// when there are none.
#[component]
pub fn Cautions(cautions: &'static [Caution]) -> impl IntoView {
    (!cautions.is_empty()).then(|| {
        view! {
            <section class="cautions" aria-labelledby="cautions-heading">
                <h2 id="cautions-heading">"Take care"</h2>
                <ul>
                    {cautions
                        .iter()
                        .map(|c| {
                            view! {
                                <li>
                                    <strong>{c.about.label()}": "</strong>
                                    {c.text}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
    })
}
