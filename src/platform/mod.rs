//! The platform layer: every browser API that some browser lacks is reached
//! through here, and nowhere else.
//!
//! Each API is looked up at run time and answers `Option` or `Result`. We
//! never call such an API through a web-sys binding that is not `catch`:
//! when the API is missing, the JavaScript `TypeError` unwinds straight
//! through the wasm, skipping everything after the call. That is how a
//! missing `navigator.vibrate` once froze the player on every iPhone. So
//! properties are read with `Reflect::get` and methods called through
//! `Function::call*`, which wasm-bindgen wraps in `try`/`catch`.
//!
//! localStorage, which can also throw (private modes, a full quota), is
//! reached through [`crate::storage`], whose bindings are all `catch`.

pub mod audio;
pub mod dialog;
pub mod media;
pub mod media_session;
pub mod persistence;
pub mod share;
pub mod speech;
pub mod time;
pub mod track;
pub mod vibration;
pub mod wake_lock;
pub mod worker;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::js_sys::{Array, Function, Promise, Reflect};

/// Why a browser API did not do what was asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ApiError {
    /// This browser does not have the API at all.
    Missing,
    /// It has it, but the call threw or its promise was refused, with the
    /// browser's reason.
    Failed(String),
}

impl ApiError {
    fn from_js(error: &JsValue) -> Self {
        let reason = property(error, "message")
            .and_then(|m| m.as_string())
            .or_else(|| error.as_string())
            .unwrap_or_else(|| "unknown error".into());
        Self::Failed(reason)
    }

    /// The error's DOMException name (`NotAllowedError`, `AbortError`…).
    pub fn is_named(error: &JsValue, name: &str) -> bool {
        property(error, "name")
            .and_then(|n| n.as_string())
            .as_deref()
            == Some(name)
    }
}

/// `target[name]`, unless it is missing, `undefined` or `null`. Reading a
/// property can itself throw (a getter that refuses): that counts as missing.
pub fn property(target: &JsValue, name: &str) -> Option<JsValue> {
    if target.is_undefined() || target.is_null() {
        return None;
    }
    Reflect::get(target, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `target[name]` if it is a function.
pub fn method(target: &JsValue, name: &str) -> Option<Function> {
    property(target, name).and_then(|f| f.dyn_into::<Function>().ok())
}

/// Calls `target[name](...args)`; a missing method is [`ApiError::Missing`]
/// and a throw is [`ApiError::Failed`], never an exception through the wasm.
pub fn invoke(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, ApiError> {
    let function = method(target, name).ok_or(ApiError::Missing)?;
    let args: Array = args.iter().collect();
    function
        .apply(target, &args)
        .map_err(|e| ApiError::from_js(&e))
}

/// Awaits what `invoke` returned when that is a promise (and plain values as
/// they are): a refused promise is [`ApiError::Failed`].
pub async fn settled(value: JsValue) -> Result<JsValue, ApiError> {
    if !value.is_instance_of::<Promise>() {
        return Ok(value);
    }
    wasm_bindgen_futures::JsFuture::from(Promise::from(value))
        .await
        .map_err(|e| ApiError::from_js(&e))
}

/// The global object (`window`), as a plain value to look things up on.
pub fn global() -> JsValue {
    web_sys::js_sys::global().into()
}

/// `navigator`, as a plain value to look things up on.
pub fn navigator() -> JsValue {
    property(&global(), "navigator").unwrap_or(JsValue::UNDEFINED)
}

/// `new window[name](...args)` for the first of `names` this browser has
/// (a standard name, then a prefixed one).
pub fn construct(names: &[&str], args: &[JsValue]) -> Result<JsValue, ApiError> {
    let constructor = names
        .iter()
        .find_map(|name| method(&global(), name))
        .ok_or(ApiError::Missing)?;
    let args: Array = args.iter().collect();
    Reflect::construct(&constructor, &args).map_err(|e| ApiError::from_js(&e))
}

/// Sets `target[name] = value` on an object this code made or was handed;
/// a refusal (a frozen object) changes nothing and is not worth reporting.
pub fn set(target: &JsValue, name: &str, value: &JsValue) -> bool {
    Reflect::set(target, &JsValue::from_str(name), value).unwrap_or(false)
}
