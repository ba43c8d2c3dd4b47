use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;
use wasm_bindgen::JsCast;

use crate::components::deferred::Deferred;
use crate::components::stretch_card::StretchCard;
use crate::domain::catalogue::{self, Article, BuiltinRoutine, Stretch};
use crate::domain::filter::{Facet, Filter};
use crate::domain::search;
use crate::hooks::use_title::use_title;
use crate::platform::dialog;

/// Cards rendered per task: a phone's first screen and then some, then the
/// rest in groups this size, each a short task (see `Deferred`).
const CARDS_PER_TASK: usize = 6;

/// Routines and tips shown above the stretches, at most of each.
const MORE_RESULTS: usize = 3;

// Element ids: the filter sheet, its close button, and the button that opens it.
const SHEET: &str = "filter-sheet";
const CLOSE: &str = "filter-sheet-close";
const OPENER: &str = "filters";

fn element(id: &str) -> Option<web_sys::HtmlElement> {
    document().get_element_by_id(id)?.dyn_into().ok()
}

/// Focus can fail only on a detached node; nothing to tell the user.
fn focus(id: &str) {
    if let Some(el) = element(id) {
        let _ = el.focus();
    }
}

/// `/stretches`: the catalogue with search and filters. The search also finds
/// routines and tips. The filter lives in the URL query, so any filtered view
/// can be bookmarked or shared.
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
    let without_facets = move |f: &Filter| Filter {
        text: f.text.clone(),
        ..Filter::default()
    };

    // What the words find (`None`: no words, everything), best first.
    let found = Memo::new(move |_| filter.with(|f| search::search(&f.text)));
    // The stretches the words find, narrowed by `facets`' chosen values.
    let narrowed = move |facets: &Filter| -> Vec<&'static Stretch> {
        found
            .with(|found| match found {
                Some(found) => found.stretches.clone(),
                None => catalogue::stretches().iter().collect(),
            })
            .into_iter()
            .filter(|s| facets.matches_facets(s))
            .collect()
    };
    let matches = Memo::new_with_compare(
        move |_| filter.with(narrowed),
        |a, b| !a.zip(b).is_some_and(|(a, b)| search::same(a, b)),
    );
    let chosen = move || filter.with(Filter::facet_count);
    // The routines and tips shown above the stretches: the best few, or all
    // of them when no stretch matches.
    let more = move || {
        let limit = if matches.with(Vec::is_empty) {
            usize::MAX
        } else {
            MORE_RESULTS
        };
        found.with(|f| {
            f.as_ref().map_or_else(More::default, |f| More {
                routines: f.routines.iter().take(limit).copied().collect(),
                tips: f.articles.iter().take(limit).copied().collect(),
            })
        })
    };
    let count = move || {
        let more = more();
        let (routines, tips) = (more.routines.len(), more.tips.len());
        let mut parts = Vec::new();
        for (n, one, many) in [(routines, "routine", "routines"), (tips, "tip", "tips")] {
            if n > 0 {
                parts.push(plural(n, one, many));
            }
        }
        parts.push(plural(matches.with(Vec::len), "stretch", "stretches"));
        let last = parts.pop().unwrap_or_default();
        if parts.is_empty() {
            last
        } else {
            format!("{} and {last}", parts.join(", "))
        }
    };

    // The filter sheet edits a draft; "Show N stretches" applies it.
    let draft = RwSignal::new(Filter::default());
    let draft_count = move || draft.with(narrowed).len();
    let open_sheet = move |_| {
        draft.set(filter.get_untracked());
        if let Some(sheet) = element(SHEET) {
            dialog::show_modal(&sheet);
        }
        focus(CLOSE);
    };
    let close_sheet = move || {
        if let Some(sheet) = element(SHEET) {
            dialog::close(&sheet);
        }
        // Focus goes back to the button that opened the sheet.
        focus(OPENER);
    };
    let show_label = move || match draft_count() {
        0 => "No stretches match".to_string(),
        n => format!("Show {}", plural(n, "stretch", "stretches")),
    };
    let groups = move || {
        Filter::facets()
            .into_iter()
            .map(|facet| chips(facet, draft))
            .collect_view()
    };

    view! {
        <section class="page">
            <h1>"Stretches"</h1>
            <div class="search">
                <label for="search">"Search stretches, routines and tips"</label>
                <input
                    id="search"
                    type="search"
                    autocomplete="off"
                    placeholder="e.g. sciatica, desk, morning"
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| {
                        let mut next = filter.get_untracked();
                        next.text = event_target_value(&ev);
                        apply.run(next);
                    }
                />
            </div>
            <div class="filter-bar">
                <button
                    type="button"
                    class="button secondary"
                    aria-haspopup="dialog"
                    id=OPENER
                    on:click=open_sheet
                >
                    {move || match chosen() {
                        0 => "Filters".to_string(),
                        n => format!("Filters ({n} chosen)"),
                    }}
                </button>
            </div>
            <p class="result-count" role="status">{count}</p>
            <dialog
                class="filter-sheet"
                aria-labelledby="filters-title"
                id=SHEET
                on:keydown=move |ev| {
                    if ev.key() == "Escape" {
                        ev.prevent_default();
                        close_sheet();
                    }
                }
                on:click=move |ev| {
                    // A click on the backdrop lands on the dialog itself.
                    if ev.target() == ev.current_target() {
                        close_sheet();
                    }
                }
                // However it closed (Escape, in a browser that has showModal).
                on:close=move |_| focus(OPENER)
            >
                <div class="sheet-body">
                    <div class="sheet-head">
                        <h2 id="filters-title">"Filters"</h2>
                        <button
                            type="button"
                            class="sheet-close"
                            aria-label="Close filters"
                            id=CLOSE
                            on:click=move |_| close_sheet()
                        >
                            "×"
                        </button>
                    </div>
                    // Closed at first: its many chips can come a task later.
                    <div class="chip-groups">
                        <Deferred>{groups()}</Deferred>
                    </div>
                    <p class="sr-only" role="status">
                        {move || plural(draft_count(), "stretch matches", "stretches match")}
                    </p>
                    <div class="sheet-foot">
                        <button
                            type="button"
                            class="button secondary"
                            on:click=move |_| draft.update(|d| *d = without_facets(d))
                        >
                            "Clear"
                        </button>
                        <button
                            type="button"
                            class="button"
                            disabled=move || draft_count() == 0
                            on:click=move |_| {
                                apply.run(draft.get_untracked());
                                close_sheet();
                            }
                        >
                            {show_label}
                        </button>
                    </div>
                </div>
            </dialog>
            {move || {
                let list = matches.get();
                let more = more();
                let others = more.noun();
                let body = if list.is_empty() {
                    let clear = Callback::new(move |()| {
                        apply.run(filter.with_untracked(without_facets));
                    });
                    let reset = Callback::new(move |()| apply.run(Filter::default()));
                    let sign = filter.with(|f| search::mentions_warning_sign(&f.text));
                    empty(chosen(), others, sign, clear, reset).into_any()
                } else {
                    stretch_cards(list, !others.is_empty()).into_any()
                };
                view! { {more_results(&more)} {body} }
            }}
        </section>
    }
}

/// The stretches found, as cards, under a heading of their own when routines
/// or tips come first.
fn stretch_cards(list: Vec<&'static Stretch>, heading: bool) -> impl IntoView {
    // At most a few dozen cards: re-rendering them costs less
    // than a keyed list's diffing code costs in bytes.
    let mut groups = list.chunks(CARDS_PER_TASK).map(<[&Stretch]>::to_vec);
    let cards = |list: Vec<&'static Stretch>| {
        list.into_iter()
            .map(|stretch| view! { <StretchCard stretch /> })
            .collect_view()
    };
    let first = groups.next().map(cards);
    let later = groups
        .map(|group| view! { <Deferred>{cards(group)}</Deferred> })
        .collect_view();
    // Parts that may not show are hidden rather than left out: one shape of
    // view is less code to download than two.
    view! {
        <h2 class="found-heading" hidden=!heading>"Stretches"</h2>
        <ul class="cards">{first}{later}</ul>
    }
}

/// "1 stretch", "12 stretches".
fn plural(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// The routines and tips a search found that are shown.
#[derive(Default)]
struct More {
    routines: Vec<&'static BuiltinRoutine>,
    tips: Vec<&'static Article>,
}

impl More {
    /// What is shown, as a plural noun ("" for nothing).
    fn noun(&self) -> &'static str {
        match (self.routines.is_empty(), self.tips.is_empty()) {
            (true, true) => "",
            (false, true) => "routines",
            (true, false) => "tips",
            (false, false) => "routines and tips",
        }
    }
}

/// The routines and tips, as compact links under their headings.
fn more_results(more: &More) -> impl IntoView {
    let item = |href: String, name: &'static str, summary: &'static str| {
        view! {
            <li class="found-item">
                <a href=href>{name}</a>
                <span class="found-summary">{summary}</span>
            </li>
        }
    };
    let routines = more
        .routines
        .iter()
        .map(|r| item(format!("/routines/{}", r.id), r.name, r.summary))
        .collect::<Vec<_>>();
    let tips = more
        .tips
        .iter()
        .map(|a| item(format!("/tips/{}", a.id), a.title, a.summary))
        .collect::<Vec<_>>();
    let group = |heading: &'static str, items: Vec<_>| {
        let none = items.is_empty();
        view! {
            <h2 class="found-heading" hidden=none>{heading}</h2>
            <ul class="found" hidden=none>{items}</ul>
        }
    };
    view! {
        {group("Routines", routines)}
        {group("Tips", tips)}
    }
}

/// No stretch to show: say why, and offer a way back. `chosen` filter
/// values; `others`, what the search found instead, shown above ("tips"),
/// or ""; `sign`, whether the words name a warning sign.
fn empty(
    chosen: usize,
    others: &'static str,
    sign: bool,
    clear: Callback<()>,
    reset: Callback<()>,
) -> impl IntoView {
    let why = match (others, chosen > 0) {
        ("", true) => "No stretches match. Try fewer filters or another word.".to_string(),
        ("", false) if sign => "No stretches match.".to_string(),
        ("", false) => {
            "No stretches match. Try another word, such as sciatica, desk or morning.".to_string()
        }
        (others, false) => format!("No stretches match, but the {others} above do."),
        (others, true) => format!("No stretches match these filters, but the {others} above do."),
    };
    // A warning sign leads; otherwise the way to help comes last.
    view! {
        <div class="empty">
            <p class="sign" hidden=!sign>
                "Numbness, weakness, or a change in bladder or bowel control can be a warning sign. "
                <a href="/safety">"When to get help"</a>
            </p>
            <p>{why}</p>
            <div class="button-row">
                <button
                    type="button"
                    class="button secondary"
                    hidden=chosen == 0
                    on:click=move |_| clear.run(())
                >
                    "Clear filters"
                </button>
                <button type="button" class="button" on:click=move |_| reset.run(())>
                    "Show all stretches"
                </button>
            </div>
            <p class="small" hidden=sign>
                "Worried by numbness, weakness or another new symptom? "
                <a href="/safety">"When to get help"</a>
            </p>
        </div>
    }
}

/// One facet's values as toggle chips.
fn chips(facet: Facet, draft: RwSignal<Filter>) -> impl IntoView {
    let key = facet.key;
    let chips = facet
        .options
        .into_iter()
        .map(|(slug, label)| {
            let pressed = slug.clone();
            view! {
                <button
                    type="button"
                    class="chip"
                    aria-pressed=move || draft.with(|d| d.has(key, &pressed)).to_string()
                    on:click=move |_| draft.update(|d| d.toggle(key, &slug))
                >
                    {label}
                </button>
            }
        })
        .collect_view();
    view! {
        <fieldset class="chip-group">
            <legend>{facet.legend}</legend>
            <div class="chips">{chips}</div>
        </fieldset>
    }
}
