//! The service worker container: missing in Firefox's private windows, in
//! some in-app browsers, and on plain-HTTP origins.

use wasm_bindgen::JsCast;
use web_sys::ServiceWorkerContainer;

use super::{invoke, navigator, property, settled, ApiError};

/// `navigator.serviceWorker`, where this browser has one.
pub fn container() -> Option<ServiceWorkerContainer> {
    property(&navigator(), "serviceWorker").map(JsCast::unchecked_into)
}

/// Registers the worker at `url`.
pub async fn register(
    container: &ServiceWorkerContainer,
    url: &str,
) -> Result<web_sys::ServiceWorkerRegistration, ApiError> {
    let registration = settled(invoke(container, "register", &[url.into()])?).await?;
    Ok(registration.unchecked_into())
}
