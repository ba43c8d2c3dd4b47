//! Speech synthesis: missing in some Android WebViews and Linux browsers,
//! and its voices arrive late (on `voiceschanged`) in Chromium.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};

use super::{construct, global, invoke, property, set, ApiError};

/// The browser's speech synthesiser, where there is one.
#[derive(Clone)]
pub struct Synth(JsValue);

/// One installed voice.
#[derive(Clone)]
pub struct Voice {
    pub name: String,
    lang: String,
    default: bool,
    handle: JsValue,
}

/// `speechSynthesis`, if this browser can speak.
pub fn synth() -> Option<Synth> {
    let synth = property(&global(), "speechSynthesis")?;
    // A constructor too, or speaking is impossible anyway.
    property(&global(), "SpeechSynthesisUtterance")?;
    Some(Synth(synth))
}

impl Synth {
    /// Installed voices that work offline. A network voice would fail
    /// without a connection and would send the words off the device.
    pub fn offline_voices(&self) -> Vec<Voice> {
        let Ok(list) = invoke(&self.0, "getVoices", &[]) else {
            return Vec::new();
        };
        let Ok(list) = list.dyn_into::<web_sys::js_sys::Array>() else {
            return Vec::new();
        };
        list.iter()
            .filter(|v| property(v, "localService").and_then(|l| l.as_bool()) == Some(true))
            .filter_map(|v| {
                Some(Voice {
                    name: property(&v, "name")?.as_string()?,
                    lang: property(&v, "lang")
                        .and_then(|l| l.as_string())
                        .unwrap_or_default(),
                    default: property(&v, "default").and_then(|d| d.as_bool()) == Some(true),
                    handle: v,
                })
            })
            .collect()
    }

    /// Says `text` in the voice named `preferred` if it is installed, else
    /// the device's default or an English offline voice. Without an offline
    /// voice nothing is said: `Err(Missing)`.
    pub fn say(&self, text: &str, preferred: Option<&str>) -> Result<(), ApiError> {
        let voices = self.offline_voices();
        let voice = voices
            .iter()
            .find(|v| Some(v.name.as_str()) == preferred)
            .or_else(|| {
                voices
                    .iter()
                    .find(|v| v.default || v.lang.starts_with("en"))
            })
            .ok_or(ApiError::Missing)?;
        let utterance = construct(&["SpeechSynthesisUtterance"], &[text.into()])?;
        set(&utterance, "voice", &voice.handle);
        invoke(&self.0, "cancel", &[])?;
        invoke(&self.0, "speak", &[utterance]).map(drop)
    }

    /// Calls `changed` whenever the list of voices changes, until the
    /// returned listener is dropped.
    pub fn on_voices_changed(&self, changed: impl Fn() + 'static) -> VoicesListener {
        let closure = Closure::<dyn Fn()>::new(changed);
        set(&self.0, "onvoiceschanged", closure.as_ref());
        VoicesListener {
            synth: self.0.clone(),
            _closure: closure,
        }
    }
}

/// Stops listening for new voices when dropped.
pub struct VoicesListener {
    synth: JsValue,
    _closure: Closure<dyn Fn()>,
}

impl Drop for VoicesListener {
    fn drop(&mut self) {
        set(&self.synth, "onvoiceschanged", &JsValue::NULL);
    }
}
