use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::components::missing::Missing;
use crate::domain::catalogue::{self, Article};
use crate::hooks::use_title::use_title;

/// `/tips/:id`: a short practical article.
#[component]
pub fn Tip() -> impl IntoView {
    let params = use_params_map();
    move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        match catalogue::article(&id) {
            Some(article) => view! { <ArticleView article /> }.into_any(),
            None => view! {
                <Missing
                    title="Tip not found"
                    message="We couldn't find that tip. It may have been moved."
                    href="/"
                    label="Go to the home page"
                />
            }
            .into_any(),
        }
    }
}

#[component]
fn ArticleView(article: &'static Article) -> impl IntoView {
    use_title(article.title);
    let sections = article
        .sections
        .iter()
        .map(|section| {
            view! {
                {section.heading.map(|h| view! { <h2>{h}</h2> })}
                {section.paragraphs.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
                {(!section.items.is_empty())
                    .then(|| {
                        view! {
                            <ol>{section.items.iter().map(|i| view! { <li>{*i}</li> }).collect_view()}</ol>
                        }
                    })}
            }
        })
        .collect_view();
    view! {
        <article class="page prose">
            <h1>{article.title}</h1>
            <p class="lead">{article.summary}</p>
            {sections}
        </article>
    }
}
