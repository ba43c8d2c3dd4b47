use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::qr::qr_svg;
use crate::domain::routine::Custom;
use crate::domain::share as codec;
use crate::platform::share::{self, Shared};

/// "Share": the system share sheet where there is one, else a copy to the
/// clipboard; either way the link stays visible in a read-only field.
#[component]
pub fn ShareRoutine(routine: Custom) -> impl IntoView {
    let origin = window().location().origin().unwrap_or_default();
    let link = format!("{origin}/#{}", codec::encode(&routine));
    let open = RwSignal::new(false);
    let said = RwSignal::new(None::<String>);
    let title = routine.name.clone();
    let shared_link = link.clone();
    let share = move |_| {
        open.set(true);
        let (link, title) = (shared_link.clone(), title.clone());
        leptos::task::spawn_local(async move {
            said.try_set(Some(share_or_copy(&title, &link).await));
        });
    };
    view! {
        <div class="share">
            <button type="button" class="button secondary" on:click=share>
                "Share"
            </button>
            {move || open.get().then(|| {
                let link = link.clone();
                let qr_link = link.clone();
                view! {
                    <label class="field share-link">
                        <span>"Link to this routine"</span>
                        <input type="url" readonly prop:value=link on:focus=|ev| {
                            if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                                input.select();
                            }
                        } />
                    </label>
                    {qr_svg(&qr_link, "QR code of the link to this routine").map(|svg| view! {
                        <figure class="qr-box">
                            <div inner_html=svg></div>
                            <figcaption class="small">"Scan with another phone's camera to open this routine there."</figcaption>
                        </figure>
                    })}
                }
            })}
            <p role="status" class="small">{move || said.get()}</p>
        </div>
    }
}

/// Hands the link to the system share sheet, or copies it; returns what
/// happened, in words.
async fn share_or_copy(title: &str, link: &str) -> String {
    match share::share(title, link).await {
        Ok(Shared::Shared) => return "Shared.".into(),
        // The person closed the sheet: nothing to say.
        Ok(Shared::Cancelled) => return String::new(),
        // No share sheet, or it failed: copy instead.
        Err(_) => {}
    }
    match share::copy_text(link).await {
        Ok(()) => "Link copied. Paste it in a message to share this routine.".into(),
        Err(_) => "Copy the link below to share this routine.".into(),
    }
}
