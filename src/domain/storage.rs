//! What Limber keeps in localStorage, as plain data. Every key holds one
//! versioned envelope `{ "v": N, "rev": M, "data": ... }`.
//!
//! Loading never turns unreadable data into empty data. It says what went
//! wrong ([`LoadError`]) and [`recover_with`] moves the original text aside under
//! a backup key, so nothing a person saved is ever written over. Every write
//! is read-modify-write against `rev` ([`commit_history`]), so two tabs
//! finishing sessions at the same moment keep both.

use super::json::{self, Fields, FromJson, JsonError, ToJson};
use super::session::SessionRecord;

/// Where the history lives.
pub const HISTORY_KEY: &str = "limber/history";
/// The history version this build reads and writes.
pub const HISTORY_VERSION: u32 = 1;

/// The stored shape of every key.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Envelope<T> {
    /// Schema version of `data`.
    pub v: u32,
    /// Bumped on every write, so a writer can tell that another tab wrote.
    pub rev: u64,
    pub data: T,
}

/// Why stored data could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// Not JSON, or not the shape of any version this build knows.
    Unreadable { reason: String },
    /// Written by a newer Limber than this one.
    Newer { version: u32 },
}

impl LoadError {
    /// A sentence for the notice a person sees.
    pub fn explain(&self) -> String {
        match self {
            Self::Unreadable { .. } => {
                "Some saved data could not be read. It was kept aside, untouched, so nothing is lost."
                    .into()
            }
            Self::Newer { version } => format!(
                "Your saved data comes from a newer Limber (format {version}). It was kept aside, untouched; update Limber to use it."
            ),
        }
    }
}

/// Every finished session, oldest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct History {
    pub sessions: Vec<SessionRecord>,
}

impl ToJson for History {
    fn write_json(&self, out: &mut String) {
        json::write_object(out, &[("sessions", &self.sessions)]);
    }
}

impl FromJson for History {
    fn from_json(value: &json::Json) -> Result<Self, JsonError> {
        let fields = Fields::of(value, "history")?;
        Ok(Self {
            sessions: fields.get("sessions")?,
        })
    }
}

impl History {
    /// Both histories' sessions, each once, oldest first. A session is known
    /// by when it started and what was played.
    pub fn merge(&self, other: &Self) -> Self {
        let mut sessions = self.sessions.clone();
        for session in &other.sessions {
            if !sessions.iter().any(|s| s.same_session(session)) {
                sessions.push(session.clone());
            }
        }
        sessions.sort_by(|a, b| {
            a.started_at
                .cmp(&b.started_at)
                .then_with(|| a.routine_id.cmp(&b.routine_id))
        });
        Self { sessions }
    }
}

/// Stored history, ready to use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loaded<T> {
    pub rev: u64,
    pub data: T,
}

/// Reads a stored history of any version this build knows.
pub fn load_history(text: &str) -> Result<Loaded<History>, LoadError> {
    load_envelope(text, HISTORY_VERSION)
}

/// The stored text of a history at `rev`.
pub fn save_history(rev: u64, history: &History) -> String {
    save_envelope(HISTORY_VERSION, rev, history)
}

/// Reads an envelope of version `current` (the only one shipped so far for
/// every key; older versions will migrate here, each with its fixture).
pub fn load_envelope<T: FromJson>(text: &str, current: u32) -> Result<Loaded<T>, LoadError> {
    let unreadable = |e: JsonError| LoadError::Unreadable { reason: e.message };
    let value = json::parse(text).map_err(unreadable)?;
    let fields = Fields::of(&value, "envelope").map_err(unreadable)?;
    // The version first, so a newer shape is named as newer, not as damage.
    match fields.get::<u32>("v").map_err(unreadable)? {
        v if v == current => Ok(Loaded {
            rev: fields.get("rev").map_err(unreadable)?,
            data: fields.get("data").map_err(unreadable)?,
        }),
        v if v > current => Err(LoadError::Newer { version: v }),
        v => Err(LoadError::Unreadable {
            reason: format!("no such format as {v}"),
        }),
    }
}

/// The stored text of `data` as version `version` at `rev`.
pub fn save_envelope<T: ToJson>(version: u32, rev: u64, data: &T) -> String {
    let mut out = String::new();
    json::write_object(&mut out, &[("v", &version), ("rev", &rev), ("data", data)]);
    out
}

/// What to do with what a key holds when the app starts.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Recovery<T> {
    /// Nothing stored yet.
    Empty,
    /// Readable: use it.
    Use(Loaded<T>),
    /// Unusable: copy `original` to `backup_key` before anything else, and
    /// tell the person why. The app then starts with nothing for this key.
    MoveAside {
        backup_key: String,
        original: String,
        error: LoadError,
    },
}

/// Decides what to do with the text stored under `key` (`None`: nothing
/// stored) at wall-clock time `now_ms` (which names the backup), given how to
/// load it.
pub fn recover_with<T>(
    key: &str,
    stored: Option<&str>,
    now_ms: u64,
    load: fn(&str) -> Result<Loaded<T>, LoadError>,
) -> Recovery<T> {
    let Some(text) = stored else {
        return Recovery::Empty;
    };
    match load(text) {
        Ok(loaded) => Recovery::Use(loaded),
        Err(error) => Recovery::MoveAside {
            backup_key: format!("{key}/backup-{now_ms}"),
            original: text.to_string(),
            error,
        },
    }
}

/// A write that lost a race: another tab wrote in between.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conflict {
    /// What is stored now.
    pub stored: String,
}

/// Read-modify-write: adds `mine` (what this tab wants stored, based on what
/// it read at `base_rev`) to what is stored now. Returns the text to write.
/// If another tab wrote since `base_rev`, both histories are merged, so
/// neither tab's sessions are lost. Unreadable stored text is never written
/// over: that is a [`Conflict`] for the caller to move aside first.
pub fn commit_history(
    stored: Option<&str>,
    base_rev: u64,
    mine: &History,
) -> Result<String, Conflict> {
    let current = match stored.map(load_history) {
        None => Loaded {
            rev: 0,
            data: History::default(),
        },
        Some(Ok(loaded)) => loaded,
        Some(Err(_)) => {
            return Err(Conflict {
                stored: stored.unwrap_or_default().to_string(),
            })
        }
    };
    let data = if current.rev == base_rev {
        mine.clone()
    } else {
        current.data.merge(mine)
    };
    Ok(save_history(current.rev + 1, &data))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    fn recover(key: &str, stored: Option<&str>, now_ms: u64) -> Recovery<History> {
        recover_with(key, stored, now_ms, load_history)
    }

    pub(crate) fn session(started_at: u64, routine: &str) -> SessionRecord {
        SessionRecord {
            routine_id: routine.into(),
            routine_name: routine.into(),
            started_at,
            active_ms: 60_000,
            done: vec!["cat-cow".into()],
            skipped: vec![],
            hurt: vec![],
            pain_before: Some(4),
            pain_after: Some(2),
        }
    }

    /// A small deterministic generator: property tests without a dependency.
    pub(crate) struct Rng(pub(crate) u64);

    impl Rng {
        pub(crate) fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        pub(crate) fn below(&mut self, n: u64) -> u64 {
            self.next() % n.max(1)
        }
    }

    /// The text of `tests/fixtures/<path>`.
    pub(crate) fn fixture(path: &str) -> String {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(path);
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
    }

    /// What this build writes is byte for byte what the shipped versions
    /// wrote (the fixtures are their output), so no stored text changes
    /// shape when it is saved again.
    #[test]
    fn saving_what_was_loaded_gives_the_stored_text_back() {
        let history = fixture("storage/history-v1.json");
        let loaded = load_history(&history).expect("loads");
        assert_eq!(save_history(loaded.rev, &loaded.data), history.trim_end());
        let settings = fixture("storage/settings-v1.json");
        let loaded = crate::domain::settings::load_settings(&settings).expect("loads");
        // The fixture predates `last_export_at`, `cautions`,
        // `safety_check` and `screen_off_cues`: they are written with their
        // defaults.
        let with_new_field = settings.trim_end().replace(
            "}}",
            ",\"last_export_at\":null,\"cautions\":[],\"safety_check\":null,\"screen_off_cues\":false}}",
        );
        assert_eq!(
            crate::domain::settings::save_settings(loaded.rev, &loaded.data),
            with_new_field
        );
        let routines = fixture("storage/routines-v1.json");
        let loaded = crate::domain::saved::load_routines(&routines).expect("loads");
        assert_eq!(
            crate::domain::saved::save_routines(loaded.rev, &loaded.data),
            routines.trim_end()
        );
    }

    #[test]
    fn every_shipped_history_version_loads() {
        let loaded = load_history(&fixture("storage/history-v1.json")).expect("v1 loads");
        assert_eq!(loaded.rev, 7);
        assert_eq!(loaded.data.sessions.len(), 2);
        assert_eq!(loaded.data.sessions[1].pain_after, Some(3));
    }

    #[test]
    fn save_then_load_gives_back_the_same_history() {
        let history = History {
            sessions: vec![session(1, "desk-break"), session(2, "stretch:cat-cow")],
        };
        let loaded = load_history(&save_history(3, &history)).expect("round trip");
        assert_eq!(
            loaded,
            Loaded {
                rev: 3,
                data: history
            }
        );
    }

    #[test]
    fn bad_data_is_named_and_moved_aside_never_dropped() {
        let cases = [
            ("not json", "{oops", "Unreadable"),
            (
                "wrong shape",
                r#"{"v":1,"rev":1,"data":{"sessions":7}}"#,
                "Unreadable",
            ),
            (
                "unknown old version",
                r#"{"v":0,"rev":1,"data":{}}"#,
                "Unreadable",
            ),
            (
                "from a newer Limber",
                r#"{"v":9,"rev":1,"data":{}}"#,
                "Newer",
            ),
        ];
        for (what, text, kind) in cases {
            match recover(HISTORY_KEY, Some(text), 1_700_000_000_000) {
                Recovery::MoveAside {
                    backup_key,
                    original,
                    error,
                } => {
                    assert_eq!(original, text, "{what}: the original is kept exactly");
                    assert_eq!(backup_key, "limber/history/backup-1700000000000");
                    assert!(format!("{error:?}").starts_with(kind), "{what}: {error:?}");
                    assert!(!error.explain().is_empty());
                }
                other => panic!("{what}: {other:?}"),
            }
        }
        assert_eq!(recover(HISTORY_KEY, None, 0), Recovery::Empty);
    }

    /// 10,000 blobs made from `valid`: truncations, random JSON-ish text and
    /// one-character corruptions, each with the seed's reproducible sequence.
    pub(crate) fn blobs(valid: &str, seed: u64) -> impl Iterator<Item = String> + '_ {
        let mut rng = Rng(seed);
        let alphabet: Vec<char> = "{}[]\":,0123456789.-eE truefalsnul\\vrevdatsions\u{e9}\u{1f600}"
            .chars()
            .collect();
        (0..10_000).map(move |i| match i % 3 {
            0 => valid
                .chars()
                .take(rng.below(valid.len() as u64) as usize)
                .collect(),
            1 => (0..rng.below(80))
                .map(|_| alphabet[rng.below(alphabet.len() as u64) as usize])
                .collect(),
            _ => {
                let mut chars: Vec<char> = valid.chars().collect();
                let at = rng.below(chars.len() as u64) as usize;
                chars[at] = alphabet[rng.below(alphabet.len() as u64) as usize];
                chars.into_iter().collect()
            }
        })
    }

    /// Loading `blob` never panics, and what cannot be used is set aside
    /// exactly as it was.
    pub(crate) fn recovers_without_loss<T>(
        key: &str,
        blob: &str,
        load: fn(&str) -> Result<Loaded<T>, LoadError>,
    ) {
        match recover_with(key, Some(blob), 1, load) {
            Recovery::Use(_) | Recovery::Empty => {}
            Recovery::MoveAside { original, .. } => assert_eq!(original, blob),
        }
    }

    #[test]
    fn ten_thousand_random_and_truncated_blobs_never_panic_or_get_written_over() {
        let valid = save_history(
            5,
            &History {
                sessions: vec![session(1, "desk-break"), session(2, "gentle-start")],
            },
        );
        for blob in blobs(&valid, 0x5eed_1234_abcd_0001) {
            recovers_without_loss(HISTORY_KEY, &blob, load_history);
            // A write never replaces what it cannot read.
            if load_history(&blob).is_err() {
                assert_eq!(
                    commit_history(Some(&blob), 0, &History::default()),
                    Err(Conflict {
                        stored: blob.clone()
                    })
                );
            }
        }
    }

    #[test]
    fn two_interleaved_writers_lose_nothing() {
        let mut rng = Rng(42);
        for round in 0..200 {
            let mut stored: Option<String> = None;
            // Each tab: what it last read (rev, history) and its own sessions.
            let mut tabs = [(0u64, History::default()), (0u64, History::default())];
            let mut written = Vec::new();
            for n in 0..20u64 {
                let tab = rng.below(2) as usize;
                if rng.below(3) == 0 {
                    // The tab re-reads (a storage event arrived).
                    if let Some(text) = &stored {
                        let loaded = load_history(text).expect("readable");
                        tabs[tab] = (loaded.rev, loaded.data);
                    }
                    continue;
                }
                // The tab finishes a session and writes, read-modify-write.
                let record = session(round * 100 + n, if tab == 0 { "a" } else { "b" });
                written.push(record.clone());
                let (rev, mut mine) = tabs[tab].clone();
                mine.sessions.push(record);
                let text = commit_history(stored.as_deref(), rev, &mine).expect("readable");
                let loaded = load_history(&text).expect("readable");
                tabs[tab] = (loaded.rev, loaded.data);
                stored = Some(text);
            }
            let kept = stored
                .map(|t| load_history(&t).expect("readable").data)
                .unwrap_or_default();
            for record in &written {
                assert!(
                    kept.sessions.iter().any(|s| s.same_session(record)),
                    "round {round}: lost {record:?}"
                );
            }
        }
    }
}
