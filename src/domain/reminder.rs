//! Reminders without a server: an iCalendar file with one repeating event
//! that the person's own calendar app keeps and rings.

use std::fmt::Write as _;

use super::stats::civil;

/// Monday first, as the days are shown.
pub const WEEKDAYS: [(&str, &str); 7] = [
    ("Monday", "MO"),
    ("Tuesday", "TU"),
    ("Wednesday", "WE"),
    ("Thursday", "TH"),
    ("Friday", "FR"),
    ("Saturday", "SA"),
    ("Sunday", "SU"),
];

/// A weekly reminder to play one routine.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// Which weekdays, Monday first.
    pub days: [bool; 7],
    /// Local time of day.
    pub hour: u8,
    pub minute: u8,
    /// The routine's name, for the event's title.
    pub routine_name: String,
    /// Where the routine opens.
    pub link: String,
    /// How long the routine takes, for the event's length.
    pub minutes: u32,
}

/// Why a reminder cannot be made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReminderError {
    NoDays,
    BadTime,
}

impl ReminderError {
    /// A sentence for the person.
    pub fn explain(self) -> &'static str {
        match self {
            Self::NoDays => "Choose at least one day for the reminder.",
            Self::BadTime => "Choose a time of day for the reminder.",
        }
    }
}

/// Parses `HH:MM` as an `<input type="time">` gives it.
pub fn parse_time(text: &str) -> Option<(u8, u8)> {
    let (h, m) = text.split_once(':')?;
    let (h, m) = (h.parse::<u8>().ok()?, m.get(..2)?.parse::<u8>().ok()?);
    (h < 24 && m < 60).then_some((h, m))
}

impl Reminder {
    /// The `.ics` text: one weekly event from the first chosen day on or
    /// after `today` (a local day number), in floating local time so it
    /// rings at the same clock time wherever the phone is. `now_ms` stamps
    /// and names the event.
    pub fn ics(&self, today: i64, now_ms: u64) -> Result<String, ReminderError> {
        if !self.days.contains(&true) {
            return Err(ReminderError::NoDays);
        }
        if self.hour > 23 || self.minute > 59 {
            return Err(ReminderError::BadTime);
        }
        // Day 0 (1970-01-01) was a Thursday: index 3 from Monday.
        let weekday = |day: i64| usize::try_from((day + 3).rem_euclid(7)).unwrap_or(0);
        let first = (today..today + 7)
            .find(|&d| self.days[weekday(d)])
            .unwrap_or(today);
        let by_day: Vec<&str> = WEEKDAYS
            .iter()
            .zip(self.days)
            .filter(|(_, on)| *on)
            .map(|((_, code), _)| *code)
            .collect();
        let (y, m, d) = civil(first);
        let stamp_day = i64::try_from(now_ms / 86_400_000).unwrap_or(0);
        let (sy, sm, sd) = civil(stamp_day);
        let stamp_secs = (now_ms % 86_400_000) / 1000;
        let title = format!("Stretch: {}", self.routine_name);
        let description = format!(
            "Time for {} ({} min). Open it in Limber: {}",
            self.routine_name,
            self.minutes.max(1),
            self.link
        );
        let lines = [
            "BEGIN:VCALENDAR".to_string(),
            "VERSION:2.0".into(),
            "PRODID:-//Limber//Stretch reminder//EN".into(),
            "CALSCALE:GREGORIAN".into(),
            "METHOD:PUBLISH".into(),
            "BEGIN:VEVENT".into(),
            format!("UID:limber-reminder-{now_ms}@limber.app"),
            format!(
                "DTSTAMP:{sy:04}{sm:02}{sd:02}T{:02}{:02}{:02}Z",
                stamp_secs / 3600,
                stamp_secs / 60 % 60,
                stamp_secs % 60
            ),
            format!(
                "DTSTART:{y:04}{m:02}{d:02}T{:02}{:02}00",
                self.hour, self.minute
            ),
            format!("DURATION:PT{}M", self.minutes.max(1)),
            format!("RRULE:FREQ=WEEKLY;BYDAY={}", by_day.join(",")),
            format!("SUMMARY:{}", escape(&title)),
            format!("DESCRIPTION:{}", escape(&description)),
            format!("URL:{}", self.link),
            "BEGIN:VALARM".into(),
            "ACTION:DISPLAY".into(),
            format!("DESCRIPTION:{}", escape(&title)),
            "TRIGGER:PT0M".into(),
            "END:VALARM".into(),
            "END:VEVENT".into(),
            "END:VCALENDAR".into(),
        ];
        let mut out = String::new();
        for line in &lines {
            fold(&mut out, line);
        }
        Ok(out)
    }
}

/// TEXT values escape backslash, semicolon, comma and newlines (RFC 5545 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            '\r' => {}
            _ => out.push(c),
        }
    }
    out
}

/// Writes `line` folded at 75 octets, never inside a UTF-8 character, each
/// physical line ending in CRLF (RFC 5545 3.1).
fn fold(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    let _ = write!(out, "\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Saturday 21 November 2026.
    const TODAY: i64 = 20_778;
    const NOW: u64 = 1_795_248_896_000; // 2026-11-21T08:14:56Z

    fn reminder(days: [bool; 7]) -> Reminder {
        Reminder {
            days,
            hour: 7,
            minute: 30,
            routine_name: "Desk break, quick; easy".into(),
            link: "https://example.org/routines/desk-break".into(),
            minutes: 6,
        }
    }

    fn unfold(ics: &str) -> Vec<String> {
        ics.replace("\r\n ", "")
            .split("\r\n")
            .map(String::from)
            .collect()
    }

    #[test]
    fn a_weekly_event_starts_on_the_first_chosen_day() {
        assert_eq!(civil(TODAY), (2026, 11, 21));
        let cases = [
            // Monday, Wednesday, Friday from a Saturday: Monday the 23rd.
            (
                [true, false, true, false, true, false, false],
                "20261123T073000",
                "MO,WE,FR",
            ),
            // Saturday itself counts.
            (
                [false, false, false, false, false, true, true],
                "20261121T073000",
                "SA,SU",
            ),
            (
                [false, false, false, false, true, false, false],
                "20261127T073000",
                "FR",
            ),
        ];
        for (days, start, by_day) in cases {
            let ics = reminder(days).ics(TODAY, NOW).expect("valid");
            let lines = unfold(&ics);
            assert!(lines.contains(&format!("DTSTART:{start}")), "{lines:?}");
            assert!(lines.contains(&format!("RRULE:FREQ=WEEKLY;BYDAY={by_day}")));
            assert!(lines.contains(&"DTSTAMP:20261121T081456Z".to_string()));
            assert!(lines.contains(&"DURATION:PT6M".to_string()));
        }
    }

    #[test]
    fn text_is_escaped_folded_and_every_line_ends_in_crlf() {
        let mut r = reminder([true; 7]);
        r.routine_name = "Rücken, sanft; \u{1f600}\\ ".repeat(6);
        let ics = r.ics(TODAY, NOW).expect("valid");
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        for line in ics.split("\r\n") {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
            assert!(!line.contains('\n'));
        }
        let lines = unfold(&ics);
        let summary = lines
            .iter()
            .find(|l| l.starts_with("SUMMARY:"))
            .expect("summary");
        assert!(summary.starts_with("SUMMARY:Stretch: Rücken\\, sanft\\; \u{1f600}\\\\ "));
        let description = lines
            .iter()
            .find(|l| l.starts_with("DESCRIPTION:Time for"))
            .expect("description");
        assert!(description.ends_with("Open it in Limber: https://example.org/routines/desk-break"));
    }

    #[test]
    fn a_reminder_needs_a_day_and_a_real_time() {
        assert_eq!(
            reminder([false; 7]).ics(TODAY, NOW),
            Err(ReminderError::NoDays)
        );
        let mut r = reminder([true; 7]);
        r.hour = 24;
        assert_eq!(r.ics(TODAY, NOW), Err(ReminderError::BadTime));
        assert_eq!(parse_time("07:30"), Some((7, 30)));
        assert_eq!(parse_time("23:59:00"), Some((23, 59)));
        for bad in ["", "7", "24:00", "12:60", "ab:cd"] {
            assert_eq!(parse_time(bad), None, "{bad}");
        }
    }
}
