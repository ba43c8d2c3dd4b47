use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

use crate::components::deferred::Deferred;
use crate::components::stretch_card::StretchCard;
use crate::domain::catalogue::{self, Stretch};
use crate::domain::filter::{Facet, Filter};
use crate::hooks::use_title::use_title;

/// Cards rendered per task: a phone's first screen and then some, then the
/// rest in groups this size, each a short task (see `Deferred`).
const CARDS_PER_TASK: usize = 6;

/// `/stretches`: the catalogue with search and filters. The filter lives in
/// the URL query, so any filtered view can be bookmarked or shared.
#[component]
pub fn Stretches() -> impl IntoView {
    use_title("Stretches");
    let query = use_query_map();
    let filter = Memo::new(move |_| query.with(|q| Filter::from_query(|key| q.get(key))));
    let navigate = use_navigate();
    // Replace rather than push: typing a word should not leave one history
    // entry per letter.
    let apply = Callback::new(move |next: Filter| {
        let options = NavigateOptions {
            replace: true,
            scroll: false,
            ..NavigateOptions::default()
        };
        navigate(&format!("/stretches{}", next.to_query()), options);
    });
    let edit = move |change: &dyn Fn(&mut Filter)| {
        let mut next = filter.get_untracked();
        change(&mut next);
        apply.run(next);
    };

    let matches = Memo::new(move |_| {
        filter.with(|f| {
            catalogue::stretches()
                .iter()
                .filter(|s| f.matches(s))
                .collect::<Vec<_>>()
        })
    });
    let count = move || match matches.with(Vec::len) {
        1 => "1 stretch".to_string(),
        n => format!("{n} stretches"),
    };
    let facets = move || {
        Filter::facets()
        .into_iter()
        .map(|facet| view! { <FacetGroup facet filter edit=Callback::new(move |(key, slug): (&'static str, String)| edit(&|f| f.toggle(key, &slug))) /> })
        .collect_view()
    };
    let chosen = move || match filter.with(Filter::facet_count) {
        0 => "Filters".to_string(),
        n => format!("Filters ({n} chosen)"),
    };

    view! {
        <section class="page">
            <h1>"Stretches"</h1>
            <div class="search">
                <label for="search">"Search stretches"</label>
                <input
                    id="search"
                    type="search"
                    autocomplete="off"
                    placeholder="Name, e.g. knee hug"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        edit(&|f| f.text = text.clone());
                    }
                />
            </div>
            <details class="filters">
                <summary>{chosen}</summary>
                // Closed at first: its many checkboxes can come a task later.
                <div class="facets"><Deferred>{facets()}</Deferred></div>
                <button
                    type="button"
                    class="button secondary"
                    on:click=move |_| apply.run(Filter::default())
                >
                    "Clear filters"
                </button>
            </details>
            <p class="result-count" role="status">{count}</p>
            {move || {
                let found = matches.get();
                if found.is_empty() {
                    view! {
                        <div class="empty">
                            <p>"No stretches match. Try fewer filters or another word."</p>
                            <button
                                type="button"
                                class="button"
                                on:click=move |_| apply.run(Filter::default())
                            >
                                "Show all stretches"
                            </button>
                        </div>
                    }
                        .into_any()
                } else {
                    // At most a few dozen cards: re-rendering them costs less
                    // than a keyed list's diffing code costs in bytes.
                    let mut groups = found.chunks(CARDS_PER_TASK).map(<[&Stretch]>::to_vec);
                    let cards = |list: Vec<&'static Stretch>| {
                        list.into_iter()
                            .map(|stretch| view! { <StretchCard stretch /> })
                            .collect_view()
                    };
                    let first = groups.next().map(cards);
                    let later = groups
                        .map(|group| view! { <Deferred>{cards(group)}</Deferred> })
                        .collect_view();
                    view! { <ul class="cards">{first}{later}</ul> }.into_any()
                }
            }}
        </section>
    }
}

/// One facet's checkboxes.
#[component]
fn FacetGroup(
    facet: Facet,
    filter: Memo<Filter>,
    edit: Callback<(&'static str, String)>,
) -> impl IntoView {
    let key = facet.key;
    let options = facet
        .options
        .into_iter()
        .map(|(slug, label)| {
            let id = format!("{key}-{slug}");
            let checked_slug = slug.clone();
            view! {
                <div class="check">
                    <input
                        type="checkbox"
                        id=id.clone()
                        prop:checked=move || filter.with(|f| f.has(key, &checked_slug))
                        on:change=move |_| edit.run((key, slug.clone()))
                    />
                    <label for=id>{label}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset>
            <legend>{facet.legend}</legend>
            {options}
        </fieldset>
    }
}
