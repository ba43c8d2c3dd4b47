//! A person's data as files they own: everything as one JSON export (to move
//! to another device or keep safe before clearing the browser), the history
//! as CSV for a spreadsheet, and what importing a file would change before
//! anything changes.

use super::catalogue;
use super::json::{self, Fields, FromJson, Json, JsonError, ToJson};
use super::saved::Routines;
use super::session::SessionRecord;
use super::settings::Settings;
use super::stats::{civil, local_day};
use super::storage::History;

/// What an export file says it is, so any other JSON is refused by name.
pub const EXPORT_FORMAT: &str = "limber-export";
/// The export version this build writes; it reads this and every older one.
pub const EXPORT_VERSION: u32 = 1;
/// Larger files are not Limber exports (a year of daily sessions is ~150 KB).
pub const MAX_IMPORT_BYTES: usize = 5_000_000;
/// The backup reminder waits this long after the last export...
const REMIND_AFTER_MS: u64 = 14 * 86_400_000;
/// ...and for at least this many sessions since.
const REMIND_AFTER_SESSIONS: usize = 5;

/// Everything Limber keeps, in one file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    /// Always [`EXPORT_FORMAT`].
    pub format: String,
    /// The export's schema version.
    pub v: u32,
    /// When the file was made, epoch ms.
    pub exported_at: u64,
    pub history: History,
    pub settings: Settings,
    /// Saved routines (absent from files made before they existed).
    pub routines: Routines,
}

impl ToJson for Export {
    fn write_json(&self, out: &mut String) {
        json::write_object(
            out,
            &[
                ("format", &self.format),
                ("v", &self.v),
                ("exported_at", &self.exported_at),
                ("history", &self.history),
                ("settings", &self.settings),
                ("routines", &self.routines),
            ],
        );
    }
}

impl FromJson for Export {
    fn from_json(value: &Json) -> Result<Self, JsonError> {
        let f = Fields::of(value, "export")?;
        Ok(Self {
            format: f.get("format")?,
            v: f.get("v")?,
            exported_at: f.get("exported_at")?,
            history: f.get("history")?,
            settings: f.get("settings")?,
            routines: f.get_or("routines", Routines::default())?,
        })
    }
}

impl Export {
    /// An export of everything, made at `now_ms`.
    pub fn new(history: &History, settings: &Settings, routines: &Routines, now_ms: u64) -> Self {
        Self {
            format: EXPORT_FORMAT.into(),
            v: EXPORT_VERSION,
            exported_at: now_ms,
            history: history.clone(),
            settings: settings.clone(),
            routines: routines.clone(),
        }
    }

    /// The file's text.
    pub fn to_json(&self) -> String {
        self.to_json_string()
    }

    /// The file name to save it under, with the local date.
    pub fn file_name(&self, offset_minutes: i32) -> String {
        format!(
            "limber-backup-{}.json",
            iso_date(local_day(self.exported_at, offset_minutes))
        )
    }
}

/// Why a file cannot be imported. Nothing changes when this happens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ImportError {
    /// Bigger than any Limber export.
    TooLarge,
    /// Not JSON at all.
    NotJson,
    /// JSON, but not a Limber export.
    NotLimber,
    /// Made by a newer Limber.
    Newer { version: u32 },
    /// A Limber export with parts missing or damaged.
    Damaged { reason: String },
}

impl ImportError {
    /// A sentence for the person who chose the file.
    pub fn explain(&self) -> String {
        match self {
            Self::TooLarge => "This file is too large to be a Limber backup. Nothing was changed.".into(),
            Self::NotJson => "This file is not a Limber backup (it is not JSON). Choose the file Limber exported, usually named limber-backup-….json. Nothing was changed.".into(),
            Self::NotLimber => "This file is JSON, but not a Limber backup. Nothing was changed.".into(),
            Self::Newer { version } => format!("This backup was made by a newer Limber (format {version}). Update Limber, then import it again. Nothing was changed."),
            Self::Damaged { reason } => format!("This Limber backup is damaged and cannot be read ({reason}). Nothing was changed."),
        }
    }
}

/// Reads an export file of this or any older version.
pub fn parse_export(text: &str) -> Result<Export, ImportError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(ImportError::TooLarge);
    }
    let value = json::parse(text).map_err(|_| ImportError::NotJson)?;
    // What the file says it is, before anything else: any other JSON is
    // named as such.
    let header = Fields::of(&value, "file").map_err(|_| ImportError::NotLimber)?;
    let format: Option<String> = header.get("format").map_err(|_| ImportError::NotLimber)?;
    let version: Option<u32> = header.get("v").map_err(|_| ImportError::NotLimber)?;
    if format.as_deref() != Some(EXPORT_FORMAT) {
        return Err(ImportError::NotLimber);
    }
    match version {
        Some(v) if v == EXPORT_VERSION => {
            let mut export = Export::from_json(&value)
                .map_err(|e| ImportError::Damaged { reason: e.message })?;
            export.settings = export.settings.clamped();
            Ok(export)
        }
        Some(v) if v > EXPORT_VERSION => Err(ImportError::Newer { version: v }),
        _ => Err(ImportError::Damaged {
            reason: "no known format version".into(),
        }),
    }
}

/// Whether an import adds to what is here ([`History::merge`], keeping these
/// settings) or takes its place (the file's history and settings).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportMode {
    Merge,
    Replace,
}

/// What a file holds, measured against what is here, shown before importing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Preview {
    pub exported_at: u64,
    /// Sessions in the file.
    pub sessions: usize,
    /// Of those, sessions this device does not have yet.
    pub new_sessions: usize,
    /// Sessions here that the file does not have (lost by replacing).
    pub only_here: usize,
    /// Start times of the file's first and last sessions.
    pub span: Option<(u64, u64)>,
    /// Whether the file's settings differ from the ones here.
    pub settings_differ: bool,
    /// Saved routines in the file, and how many are new or newer than here.
    pub routines: usize,
    pub new_routines: usize,
}

/// What importing `export` would do to what is here.
pub fn preview(
    export: &Export,
    history: &History,
    settings: &Settings,
    routines: &Routines,
) -> Preview {
    let missing_from =
        |list: &[SessionRecord], s: &SessionRecord| !list.iter().any(|other| other.same_session(s));
    let theirs = &export.history.sessions;
    let ours = &history.sessions;
    Preview {
        exported_at: export.exported_at,
        sessions: theirs.len(),
        new_sessions: theirs.iter().filter(|s| missing_from(ours, s)).count(),
        only_here: ours.iter().filter(|s| missing_from(theirs, s)).count(),
        span: theirs
            .iter()
            .map(|s| s.started_at)
            .min()
            .zip(theirs.iter().map(|s| s.started_at).max()),
        settings_differ: export.settings != *settings,
        routines: export.routines.items.len(),
        new_routines: export
            .routines
            .items
            .iter()
            .filter(|r| {
                routines
                    .get(&r.id)
                    .is_none_or(|mine| mine.updated_at < r.updated_at)
            })
            .count(),
    }
}

/// Whether to suggest a backup: the browser has not promised to keep the
/// data, and there have been at least 5 sessions since an export more than
/// 14 days old (or since the start, if nothing was ever exported).
pub fn backup_due(
    persistent: Option<bool>,
    last_export_at: Option<u64>,
    history: &History,
    now_ms: u64,
) -> bool {
    if persistent == Some(true) {
        return false;
    }
    let since = last_export_at.unwrap_or(0);
    if last_export_at.is_some() && now_ms.saturating_sub(since) <= REMIND_AFTER_MS {
        return false;
    }
    history
        .sessions
        .iter()
        .filter(|s| s.started_at > since || last_export_at.is_none())
        .count()
        >= REMIND_AFTER_SESSIONS
}

/// `2026-11-21` for a day number.
pub fn iso_date(day: i64) -> String {
    let (y, m, d) = civil(day);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The history as CSV (RFC 4180, CRLF lines), one row a session, in local
/// time `offset_minutes` ahead of UTC. Exercise names come from the
/// catalogue.
pub fn history_csv(history: &History, offset_minutes: i32) -> String {
    let mut out =
        String::from("Date,Time,Routine,Minutes,Done,Skipped,Hurt,Pain before,Pain after\r\n");
    let names = |ids: &[String]| {
        ids.iter()
            .map(|id| catalogue::stretch(id).map_or(id.as_str(), |s| s.name))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let pain = |p: Option<u8>| p.map(|p| p.to_string()).unwrap_or_default();
    for s in &history.sessions {
        let local_ms =
            i64::try_from(s.started_at).unwrap_or(i64::MAX) + i64::from(offset_minutes) * 60_000;
        let minute_of_day = local_ms.rem_euclid(86_400_000) / 60_000;
        let tenths = (s.active_ms + 3_000) / 6_000;
        let cells = [
            iso_date(local_day(s.started_at, offset_minutes)),
            format!("{:02}:{:02}", minute_of_day / 60, minute_of_day % 60),
            s.routine_name.clone(),
            format!("{}.{}", tenths / 10, tenths % 10),
            names(&s.done),
            names(&s.skipped),
            names(&s.hurt),
            pain(s.pain_before),
            pain(s.pain_after),
        ];
        let row: Vec<String> = cells.iter().map(|c| csv_cell(c)).collect();
        out.push_str(&row.join(","));
        out.push_str("\r\n");
    }
    out
}

/// One CSV cell: quoted when needed, and never read as a formula by a
/// spreadsheet (a routine name is typed by a person).
fn csv_cell(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::settings::Theme;
    use crate::domain::storage::tests::{fixture, session, Rng};

    const NOW: u64 = 1_795_000_000_000;
    const DAY: u64 = 86_400_000;

    fn history(n: u64) -> History {
        History {
            sessions: (0..n)
                .map(|i| session(NOW - (n - i) * DAY, "desk-break"))
                .collect(),
        }
    }

    #[test]
    fn export_then_import_gives_back_identical_data() {
        let settings = Settings {
            theme: Theme::Dark,
            volume: 30,
            voice_name: Some("Moira \"Irish\" <en-IE>".into()),
            last_export_at: Some(NOW - DAY),
            ..Settings::default()
        };
        let custom = crate::domain::routine::Custom {
            name: "Mine <b>".into(),
            rest_seconds: 20,
            steps: vec![crate::domain::routine::Step::default_for(
                crate::domain::catalogue::stretch("sphinx").expect("shipped"),
            )],
        };
        let routines = Routines {
            items: vec![crate::domain::saved::SavedRoutine::new(
                "mine-9", &custom, NOW,
            )],
        };
        let mut rng = Rng(7);
        for n in [0, 1, 3, 40] {
            let mut h = history(n);
            for s in &mut h.sessions {
                s.routine_name = format!("Mine, \"quoted\"\n\u{1f600} {}", rng.below(1000));
                s.pain_before = (rng.below(2) == 0).then(|| (rng.below(11)) as u8);
            }
            let text = Export::new(&h, &settings, &routines, NOW).to_json();
            let back = parse_export(&text).expect("own export reads back");
            assert_eq!(back, Export::new(&h, &settings, &routines, NOW));
            // Merging into an empty device gives the same as replacing.
            assert_eq!(History::default().merge(&back.history), h);
        }
    }

    #[test]
    fn every_shipped_export_version_imports() {
        let export = parse_export(&fixture("export/export-v1.json")).expect("v1 imports");
        assert_eq!(export.history.sessions.len(), 2);
        assert_eq!(export.settings.weekly_goal_days, 4);
        assert_eq!(export.exported_at, 1_763_900_000_000);
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        let cases: [(&str, String, &str); 6] = [
            ("not json", "hello".into(), "NotJson"),
            ("other json", r#"{"sessions":[]}"#.into(), "NotLimber"),
            (
                "a stored key, not an export",
                r#"{"v":1,"rev":1,"data":{}}"#.into(),
                "NotLimber",
            ),
            (
                "newer",
                r#"{"format":"limber-export","v":4}"#.into(),
                "Newer",
            ),
            (
                "damaged",
                r#"{"format":"limber-export","v":1,"exported_at":1,"history":{"sessions":3}}"#
                    .into(),
                "Damaged",
            ),
            ("huge", " ".repeat(MAX_IMPORT_BYTES + 1), "TooLarge"),
        ];
        for (what, text, kind) in cases {
            let error = parse_export(&text).expect_err(what);
            assert!(format!("{error:?}").starts_with(kind), "{what}: {error:?}");
            assert!(error.explain().contains("Nothing was changed"), "{what}");
        }
    }

    #[test]
    fn ten_thousand_random_and_truncated_files_never_panic() {
        let valid =
            Export::new(&history(3), &Settings::default(), &Routines::default(), NOW).to_json();
        let mut rng = Rng(0xfeed);
        for i in 0..10_000 {
            let blob: String = if i % 2 == 0 {
                valid
                    .chars()
                    .take(rng.below(valid.len() as u64) as usize)
                    .collect()
            } else {
                let mut bytes = valid.clone().into_bytes();
                let at = rng.below(bytes.len() as u64) as usize;
                bytes[at] = b"{}[]\",:0-9ex "[rng.below(13) as usize];
                String::from_utf8_lossy(&bytes).into_owned()
            };
            if let Ok(export) = parse_export(&blob) {
                assert!(export.settings.clone().clamped() == export.settings);
            }
        }
    }

    #[test]
    fn the_preview_says_what_merge_and_replace_would_change() {
        let here = history(3);
        let mut file = history(3);
        file.sessions.remove(0);
        file.sessions.push(session(NOW + 5, "gentle-start"));
        let export = Export::new(&file, &Settings::default(), &Routines::default(), NOW);
        let p = preview(&export, &here, &Settings::default(), &Routines::default());
        assert_eq!((p.sessions, p.new_sessions, p.only_here), (3, 1, 1));
        assert_eq!(p.span, Some((NOW - 2 * DAY, NOW + 5)));
        assert!(!p.settings_differ);
        let merged = here.merge(&export.history);
        assert_eq!(merged.sessions.len(), 4);
        // Merging the same file twice adds nothing more.
        assert_eq!(merged.merge(&export.history), merged);
    }

    #[test]
    fn the_backup_reminder_waits_for_two_weeks_and_five_sessions() {
        let cases = [
            // (persistent, last export days ago, sessions since, due)
            (Some(true), None, 9, false),
            (Some(false), None, 4, false),
            (Some(false), None, 5, true),
            (None, None, 5, true),
            (Some(false), Some(10), 8, false),
            (Some(false), Some(15), 4, false),
            (Some(false), Some(15), 5, true),
        ];
        for (persistent, ago, since, due) in cases {
            let last = ago.map(|d: u64| NOW - d * DAY);
            let mut h = History {
                sessions: (0..since)
                    .map(|i| session(last.unwrap_or(0) + 1 + i, "desk-break"))
                    .collect(),
            };
            if last.is_some() {
                // Sessions from before the export do not count.
                h.sessions.insert(0, session(1, "old"));
            }
            assert_eq!(
                backup_due(persistent, last, &h, NOW),
                due,
                "{persistent:?} {ago:?} {since}"
            );
        }
    }

    #[test]
    fn csv_has_one_row_a_session_in_local_time_and_is_safe_in_a_spreadsheet() {
        let mut s = session(1_763_715_600_000, "desk-break"); // 2025-11-21 09:00 UTC
        s.routine_name = "=HYPERLINK(\"x\"), mine".into();
        s.done = vec!["cat-cow".into(), "gone-stretch".into()];
        s.active_ms = 95_000;
        s.pain_after = None;
        let csv = history_csv(&History { sessions: vec![s] }, 60);
        let lines: Vec<&str> = csv.split("\r\n").collect();
        assert_eq!(
            lines[0],
            "Date,Time,Routine,Minutes,Done,Skipped,Hurt,Pain before,Pain after"
        );
        assert_eq!(
            lines[1],
            "2025-11-21,10:00,\"'=HYPERLINK(\"\"x\"\"), mine\",1.6,Cat-cow; gone-stretch,,,4,"
        );
        assert_eq!(lines[2], "", "every row ends with CRLF");
    }
}
