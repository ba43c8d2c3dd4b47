//! What a person can set, with the limits the app keeps them in.

use super::catalogue::CautionAbout;
use super::json::{self, Fields, FromJson, Json, JsonError, ToJson};
use super::plan::Timing;
use super::safety_check::SafetyCheck;
use super::storage::{load_envelope, save_envelope, LoadError, Loaded};

/// Where the settings live.
pub const SETTINGS_KEY: &str = "limber/settings";
/// The settings version this build reads and writes.
pub const SETTINGS_VERSION: u32 = 1;

/// Light, dark, or whatever the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    System,
    Light,
    Dark,
}

/// How large the text is, on top of the system's own setting.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum TextSize {
    #[default]
    Normal,
    Large,
    Larger,
}

impl TextSize {
    /// The CSS scale factor.
    pub fn scale(self) -> &'static str {
        match self {
            Self::Normal => "1",
            Self::Large => "1.15",
            Self::Larger => "1.3",
        }
    }
}

/// Every setting. Unknown or missing fields take their defaults, so older
/// and newer settings files still load.
/// Stored as an object; every field may be missing and takes its default.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Settings {
    pub sound: bool,
    /// 0 to 100.
    pub volume: u8,
    pub voice: bool,
    /// An installed offline voice by name; `None` picks one.
    pub voice_name: Option<String>,
    pub vibration: bool,
    /// Sounds played as a track that goes on with the screen off (see
    /// [`super::cue_track`]); off unless asked for, as on some phones it
    /// pauses other music.
    pub screen_off_cues: bool,
    /// 0 to 15.
    pub get_ready_seconds: u8,
    /// 0 to 15.
    pub switch_sides_seconds: u8,
    /// Default rest between exercises of a new routine, 0 to 60.
    pub rest_seconds: u8,
    /// Days a week that make a good week, 1 to 7.
    pub weekly_goal_days: u8,
    pub theme: Theme,
    pub text_size: TextSize,
    /// When everything was last exported (epoch ms), for the backup reminder.
    pub last_export_at: Option<u64>,
    /// Conditions the person told Limber about (see
    /// [`super::cautions::PERSONAL`]), in the order offered.
    pub cautions: Vec<CautionAbout>,
    /// The last safety check, if the person has been through it.
    pub safety_check: Option<SafetyCheck>,
}

/// Stored by name, in kebab case.
impl ToJson for Theme {
    fn write_json(&self, out: &mut String) {
        json::write_str(
            out,
            match self {
                Self::System => "system",
                Self::Light => "light",
                Self::Dark => "dark",
            },
        );
    }
}

impl FromJson for Theme {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::String(s) if s == "system" => Ok(Self::System),
            Json::String(s) if s == "light" => Ok(Self::Light),
            Json::String(s) if s == "dark" => Ok(Self::Dark),
            _ => Err(JsonError::shape("expected system, light or dark")),
        }
    }
}

/// Stored by name, in kebab case.
impl ToJson for TextSize {
    fn write_json(&self, out: &mut String) {
        json::write_str(
            out,
            match self {
                Self::Normal => "normal",
                Self::Large => "large",
                Self::Larger => "larger",
            },
        );
    }
}

impl FromJson for TextSize {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        match value {
            Json::String(s) if s == "normal" => Ok(Self::Normal),
            Json::String(s) if s == "large" => Ok(Self::Large),
            Json::String(s) if s == "larger" => Ok(Self::Larger),
            _ => Err(JsonError::shape("expected normal, large or larger")),
        }
    }
}

impl ToJson for Settings {
    fn write_json(&self, out: &mut String) {
        let slugs: Vec<String> = self.cautions.iter().map(|c| c.slug().to_string()).collect();
        json::write_object(
            out,
            &[
                ("sound", &self.sound),
                ("volume", &self.volume),
                ("voice", &self.voice),
                ("voice_name", &self.voice_name),
                ("vibration", &self.vibration),
                ("get_ready_seconds", &self.get_ready_seconds),
                ("switch_sides_seconds", &self.switch_sides_seconds),
                ("rest_seconds", &self.rest_seconds),
                ("weekly_goal_days", &self.weekly_goal_days),
                ("theme", &self.theme),
                ("text_size", &self.text_size),
                ("last_export_at", &self.last_export_at),
                ("cautions", &slugs),
                ("safety_check", &self.safety_check),
                ("screen_off_cues", &self.screen_off_cues),
            ],
        );
    }
}

impl FromJson for Settings {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let f = Fields::of(value, "settings")?;
        let d = Self::default();
        Ok(Self {
            sound: f.get_or("sound", d.sound)?,
            volume: f.get_or("volume", d.volume)?,
            voice: f.get_or("voice", d.voice)?,
            voice_name: f.get_or("voice_name", d.voice_name)?,
            vibration: f.get_or("vibration", d.vibration)?,
            screen_off_cues: f.get_or("screen_off_cues", d.screen_off_cues)?,
            get_ready_seconds: f.get_or("get_ready_seconds", d.get_ready_seconds)?,
            switch_sides_seconds: f.get_or("switch_sides_seconds", d.switch_sides_seconds)?,
            rest_seconds: f.get_or("rest_seconds", d.rest_seconds)?,
            weekly_goal_days: f.get_or("weekly_goal_days", d.weekly_goal_days)?,
            theme: f.get_or("theme", d.theme)?,
            text_size: f.get_or("text_size", d.text_size)?,
            last_export_at: f.get_or("last_export_at", d.last_export_at)?,
            // A condition this build does not know is dropped rather than
            // refusing every other setting.
            cautions: f
                .get_or::<Vec<String>>("cautions", Vec::new())?
                .iter()
                .filter_map(|slug| CautionAbout::from_slug(slug))
                .collect(),
            safety_check: f.get_or("safety_check", d.safety_check)?,
        })
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            sound: true,
            volume: 60,
            voice: true,
            voice_name: None,
            vibration: true,
            screen_off_cues: false,
            get_ready_seconds: 5,
            switch_sides_seconds: 5,
            rest_seconds: 10,
            weekly_goal_days: 3,
            theme: Theme::System,
            text_size: TextSize::Normal,
            last_export_at: None,
            cautions: Vec::new(),
            safety_check: None,
        }
    }
}

impl Settings {
    /// The same settings with every number inside its limits.
    pub fn clamped(mut self) -> Self {
        self.volume = self.volume.min(100);
        self.get_ready_seconds = self.get_ready_seconds.min(15);
        self.switch_sides_seconds = self.switch_sides_seconds.min(15);
        self.rest_seconds = self.rest_seconds.min(60);
        self.weekly_goal_days = self.weekly_goal_days.clamp(1, 7);
        self.tidy_cautions();
        self
    }

    /// Chooses or unchooses one of the person's conditions.
    pub fn set_caution(&mut self, about: CautionAbout, chosen: bool) {
        self.cautions.retain(|c| *c != about);
        if chosen {
            self.cautions.push(about);
        }
        self.tidy_cautions();
    }

    /// In the order offered, each once: what a list of checkboxes shows.
    fn tidy_cautions(&mut self) {
        let chosen = std::mem::take(&mut self.cautions);
        self.cautions = super::cautions::PERSONAL
            .iter()
            .copied()
            .filter(|c| chosen.contains(c))
            .collect();
    }

    /// The timings the player uses.
    pub fn timing(&self) -> Timing {
        Timing {
            get_ready_seconds: u16::from(self.get_ready_seconds),
            switch_sides_seconds: u16::from(self.switch_sides_seconds),
        }
    }

    /// Tone volume from 0.0 to 1.0; silent when sound is off.
    pub fn tone_volume(&self) -> f32 {
        if self.sound {
            f32::from(self.volume.min(100)) / 100.0
        } else {
            0.0
        }
    }
}

/// Reads stored settings, keeping every value within its limits.
pub fn load_settings(text: &str) -> Result<Loaded<Settings>, LoadError> {
    let loaded: Loaded<Settings> = load_envelope(text, SETTINGS_VERSION)?;
    Ok(Loaded {
        rev: loaded.rev,
        data: loaded.data.clamped(),
    })
}

/// The stored text of `settings` at `rev`.
pub fn save_settings(rev: u64, settings: &Settings) -> String {
    save_envelope(SETTINGS_VERSION, rev, settings)
}

#[cfg(test)]
mod tests {
    /// index.html's pre-paint script hides a prerendered routine time when
    /// the stored timings differ from these defaults; it must know them.
    #[test]
    fn the_pre_paint_script_knows_the_default_timings() {
        let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html"))
            .expect("index.html");
        let d = Settings::default();
        for (field, value) in [
            ("get_ready_seconds", d.get_ready_seconds),
            ("switch_sides_seconds", d.switch_sides_seconds),
            ("rest_seconds", d.rest_seconds),
        ] {
            let rule = format!("(chosen.{field} ?? {value}) !== {value}");
            assert!(page.contains(&rule), "index.html lacks {rule}");
        }
    }

    use super::*;

    #[test]
    fn settings_round_trip_and_missing_fields_take_defaults() {
        let settings = Settings {
            theme: Theme::Dark,
            voice_name: Some("Daniel".into()),
            ..Settings::default()
        };
        let loaded = load_settings(&save_settings(4, &settings)).expect("round trip");
        assert_eq!(
            loaded,
            Loaded {
                rev: 4,
                data: settings
            }
        );
        let partial = load_settings(r#"{"v":1,"rev":1,"data":{"sound":false}}"#).expect("partial");
        assert!(!partial.data.sound);
        assert_eq!(partial.data.get_ready_seconds, 5);
    }

    #[test]
    fn cautions_and_the_safety_check_round_trip_and_old_files_have_none() {
        use crate::domain::catalogue::{CautionAbout, Urgency};
        let settings = Settings {
            cautions: vec![CautionAbout::Pregnancy, CautionAbout::Knee],
            safety_check: Some(SafetyCheck {
                at: 1_780_000_000_000,
                outcome: Some(Urgency::Routine),
            }),
            ..Settings::default()
        };
        let loaded = load_settings(&save_settings(2, &settings)).expect("round trip");
        assert_eq!(loaded.data, settings);
        let old = load_settings(r#"{"v":1,"rev":1,"data":{"sound":true}}"#).expect("old file");
        assert_eq!((old.data.cautions, old.data.safety_check), (vec![], None));
        // Unknown, repeated or out-of-order conditions come back tidy.
        let odd = r#"{"v":1,"rev":1,"data":{"cautions":["knee","gills","pregnancy","knee"]}}"#;
        assert_eq!(
            load_settings(odd).expect("loads").data.cautions,
            vec![CautionAbout::Pregnancy, CautionAbout::Knee]
        );
    }

    #[test]
    fn stored_values_are_kept_within_limits() {
        let text = r#"{"v":1,"rev":1,"data":{"volume":250,"get_ready_seconds":99,"switch_sides_seconds":40,"rest_seconds":200,"weekly_goal_days":0}}"#;
        let s = load_settings(text).expect("loads").data;
        assert_eq!(
            (
                s.volume,
                s.get_ready_seconds,
                s.switch_sides_seconds,
                s.rest_seconds,
                s.weekly_goal_days
            ),
            (100, 15, 15, 60, 1)
        );
    }

    #[test]
    fn sound_and_timing_follow_the_settings() {
        let mut s = Settings::default();
        assert_eq!(s.timing(), Timing::default());
        s.volume = 50;
        assert!((s.tone_volume() - 0.5).abs() < f32::EPSILON);
        s.sound = false;
        assert_eq!(s.tone_volume(), 0.0);
        assert!(
            load_settings(r#"{"v":2,"rev":1,"data":{}}"#).is_err(),
            "newer settings are not guessed at"
        );
    }

    #[test]
    fn ten_thousand_random_and_truncated_settings_never_panic() {
        use crate::domain::storage::tests::{blobs, recovers_without_loss};
        let valid = save_settings(
            3,
            &Settings {
                voice_name: Some("Daniel".into()),
                ..Settings::default()
            },
        );
        for blob in blobs(&valid, 0x5e77_1265) {
            recovers_without_loss(SETTINGS_KEY, &blob, load_settings);
            if let Ok(loaded) = load_settings(&blob) {
                assert_eq!(loaded.data.clone().clamped(), loaded.data);
            }
        }
    }

    #[test]
    fn the_shipped_settings_fixture_loads() {
        let text = crate::domain::storage::tests::fixture("storage/settings-v1.json");
        let s = load_settings(&text).expect("v1 loads").data;
        assert_eq!(s.theme, Theme::Light);
        assert_eq!(s.text_size, TextSize::Large);
        assert_eq!(s.get_ready_seconds, 8);
    }
}
