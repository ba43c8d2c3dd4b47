use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::{Function, Object, Promise, Reflect};

use crate::domain::qr::qr_svg;
use crate::domain::routine::Custom;
use crate::domain::share;

/// "Share": the system share sheet where there is one, else a copy to the
/// clipboard; either way the link stays visible in a read-only field.
#[component]
pub fn ShareRoutine(routine: Custom) -> impl IntoView {
    let origin = window().location().origin().unwrap_or_default();
    let link = format!("{origin}/#{}", share::encode(&routine));
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
    let navigator = window().navigator();
    let method = |name: &str| {
        Reflect::get(&navigator, &name.into())
            .ok()
            .and_then(|f| f.dyn_into::<Function>().ok())
    };
    if let Some(share) = method("share") {
        let data = Object::new();
        // Setting properties on a fresh plain object cannot fail.
        let _ = Reflect::set(&data, &"title".into(), &title.into());
        let _ = Reflect::set(&data, &"url".into(), &link.into());
        if let Ok(promise) = share.call1(&navigator, &data) {
            match JsFuture::from(Promise::from(promise)).await {
                Ok(_) => return "Shared.".into(),
                // The person closed the sheet: nothing to say.
                Err(e) if is_abort(&e) => return String::new(),
                // Otherwise fall through to copying.
                Err(_) => {}
            }
        }
    }
    let clipboard = Reflect::get(&navigator, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
    let write = Reflect::get(&clipboard, &"writeText".into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok());
    if let Some(write) = write {
        if let Ok(promise) = write.call1(&clipboard, &link.into()) {
            if JsFuture::from(Promise::from(promise)).await.is_ok() {
                return "Link copied. Paste it in a message to share this routine.".into();
            }
        }
    }
    "Copy the link below to share this routine.".into()
}

fn is_abort(error: &JsValue) -> bool {
    error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "AbortError")
}
