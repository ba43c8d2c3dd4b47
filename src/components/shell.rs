//! The app frame: skip link, header, navigation and the main landmark.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

use crate::components::deferred::Deferred;
use crate::components::icon::{Icon, IconKind};
use crate::components::resume::ResumeBanner;
use crate::hooks::use_focus_on_navigate::use_focus_on_navigate;
use crate::hooks::use_history::use_history;
use crate::pwa::PwaStatus;
use crate::storage;

/// One entry of the primary navigation.
struct NavItem {
    href: &'static str,
    label: &'static str,
    icon: IconKind,
}

/// Only pages that exist are listed; later features add theirs here.
const NAV: &[NavItem] = &[
    NavItem {
        href: "/",
        label: "Home",
        icon: IconKind::Home,
    },
    NavItem {
        href: "/stretches",
        label: "Stretches",
        icon: IconKind::List,
    },
    NavItem {
        href: "/progress",
        label: "Progress",
        icon: IconKind::Chart,
    },
    NavItem {
        href: "/safety",
        label: "Safety",
        icon: IconKind::Shield,
    },
    NavItem {
        href: "/settings",
        label: "Settings",
        icon: IconKind::Gear,
    },
];

/// Frames every page. On phones the navigation sits at the bottom within thumb
/// reach; on wide screens CSS moves it to a side bar.
#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let main_ref = use_focus_on_navigate();
    let location = use_location();
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <div class="app" class:playing=move || location.pathname.get().starts_with("/play/")>
            <header class="app-header">
                <A href="/" attr:class="brand">
                    <svg class="brand-mark" viewBox="0 0 64 64" aria-hidden="true" focusable="false">
                        <rect width="64" height="64" rx="14" fill="currentColor" />
                        <path
                            d="M18 46c6-14 10-22 14-28 4 6 8 14 14 28"
                            fill="none"
                            stroke="var(--on-accent)"
                            stroke-width="6"
                            stroke-linecap="round"
                            stroke-linejoin="round"
                        />
                        <circle cx="32" cy="14" r="5" fill="var(--on-accent)" />
                    </svg>
                    <span>"Limber"</span>
                </A>
                <PwaStatus />
            </header>
            <nav class="app-nav" aria-label="Main">
                <ul>
                    {NAV
                        .iter()
                        .map(|item| {
                            let href = item.href;
                            let current = move || {
                                let path = location.pathname.get();
                                if href == "/" { path == "/" } else { path.starts_with(href) }
                            };
                            view! {
                                <li>
                                    <a
                                        href=href
                                        class="nav-link"
                                        aria-current=move || current().then_some("page")
                                    >
                                        <Icon kind=item.icon />
                                        <span>{item.label}</span>
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
            <main id="main" class="app-main" tabindex="-1" node_ref=main_ref>
                <Notice />
                <ResumeBanner />
                // The page renders a task after the frame around it.
                <Deferred>{children()}</Deferred>
            </main>
        </div>
    }
}

/// What went wrong with saved data, said plainly until dismissed, with the
/// unreadable data itself one tap away.
#[component]
fn Notice() -> impl IntoView {
    let store = use_history();
    let failed = RwSignal::new(None::<String>);
    move || {
        let store = store?;
        let notice = store.notice.get()?;
        let download = notice.unreadable.map(|(name, text)| {
            view! {
                <button
                    type="button"
                    class="button secondary"
                    on:click=move |_| failed.set(storage::download(&name, "text/plain", &text).err())
                >
                    "Download the unreadable data"
                </button>
            }
        });
        Some(view! {
            <div class="notice-banner" role="alert">
                <p>{notice.text}</p>
                {move || failed.get().map(|text| view! { <p>{text}</p> })}
                <div class="button-row">
                    {download}
                    <button type="button" class="button secondary" on:click=move |_| store.notice.set(None)>
                        "Dismiss"
                    </button>
                </div>
            </div>
        })
    }
}
