//! Progress pictures as SVG strings: a 12-week calendar of minutes, minutes
//! per week, and pain before and after each session. Each comes with a
//! sentence that says the same thing for people who cannot see it.

use std::fmt::Write as _;

use super::stats::{civil, local_day};
use super::storage::History;

/// Weeks shown in the calendar and the bar chart.
pub const WEEKS: i64 = 12;
/// Sessions shown in the pain trend.
pub const PAIN_SESSIONS: usize = 20;

/// A drawn chart and its text alternative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chart {
    pub svg: String,
    pub summary: String,
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// "Nov 16" for a day number.
pub fn short_date(day: i64) -> String {
    let (_, m, d) = civil(day);
    format!("{} {d}", MONTHS[m - 1])
}

/// One day of the calendar.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Day {
    sessions: u32,
    seconds: u64,
}

impl Day {
    /// Whole minutes, rounded; a day with any session shows at least one.
    fn minutes(self) -> u64 {
        let minutes = (self.seconds + 30) / 60;
        if self.sessions > 0 {
            minutes.max(1)
        } else {
            minutes
        }
    }
}

/// Each day of the `WEEKS` weeks ending with the week of `today` (Monday
/// first), oldest first, and the first day's number.
fn days(history: &History, today: i64, offset: i32) -> (i64, Vec<Day>) {
    let this_monday = today - (today + 3).rem_euclid(7);
    let first = this_monday - 7 * (WEEKS - 1);
    let mut days = vec![Day::default(); usize::try_from(7 * WEEKS).unwrap_or(0)];
    for s in &history.sessions {
        let day = local_day(s.started_at, offset);
        if let Ok(i) = usize::try_from(day - first) {
            if let Some(slot) = days.get_mut(i) {
                slot.sessions += 1;
                slot.seconds += s.active_ms / 1000;
            }
        }
    }
    (first, days)
}

/// A calendar of the last 12 weeks, one square a day, darker for more minutes.
pub fn heatmap(history: &History, today: i64, offset: i32) -> Chart {
    let (first, days) = days(history, today, offset);
    let minutes: Vec<u64> = days.iter().map(|d| d.minutes()).collect();
    let mut svg =
        String::from(r#"<svg class="chart" viewBox="0 0 250 80" role="img" aria-hidden="true">"#);
    for (i, m) in minutes.iter().enumerate() {
        let day = first + i64::try_from(i).unwrap_or(0);
        if day > today {
            continue;
        }
        let level = match m {
            0 => 0,
            1..=5 => 1,
            6..=10 => 2,
            11..=20 => 3,
            _ => 4,
        };
        let (week, weekday) = (i / 7, i % 7);
        let _ = write!(
            svg,
            r#"<rect class="heat-{level}" x="{}" y="{}" width="16" height="9" rx="2"><title>{}: {m} min</title></rect>"#,
            10 + week * 20,
            1 + weekday * 11,
            short_date(day)
        );
    }
    svg.push_str("</svg>");
    let active = minutes.iter().filter(|m| **m > 0).count();
    let total: u64 = minutes.iter().sum();
    let total = if total == 1 {
        "1 minute".to_string()
    } else {
        format!("{total} minutes")
    };
    let summary = match active {
        0 => "No stretching in the last 12 weeks yet.".to_string(),
        1 => format!("In the last 12 weeks you stretched on 1 day, {total} in all."),
        n => format!("In the last 12 weeks you stretched on {n} days, {total} in all."),
    };
    Chart { svg, summary }
}

/// Minutes per week for the last 12 weeks, as bars.
pub fn weekly_minutes(history: &History, today: i64, offset: i32) -> Chart {
    let (first, days) = days(history, today, offset);
    let weeks: Vec<u64> = days
        .chunks(7)
        .map(|w| {
            let week = w.iter().fold(Day::default(), |a, d| Day {
                sessions: a.sessions + d.sessions,
                seconds: a.seconds + d.seconds,
            });
            week.minutes()
        })
        .collect();
    let most = weeks.iter().copied().max().unwrap_or(0).max(1);
    let mut svg =
        String::from(r#"<svg class="chart" viewBox="0 0 250 100" role="img" aria-hidden="true">"#);
    for (i, m) in weeks.iter().enumerate() {
        let height = m * 70 / most;
        let x = 10 + i * 20;
        let _ = write!(
            svg,
            r#"<rect class="bar" x="{x}" y="{}" width="14" height="{height}" rx="2"><title>Week of {}: {m} min</title></rect>"#,
            80 - height,
            short_date(first + 7 * i64::try_from(i).unwrap_or(0))
        );
        if i % 4 == 0 {
            let _ = write!(
                svg,
                r#"<text class="axis" x="{x}" y="95">{}</text>"#,
                short_date(first + 7 * i64::try_from(i).unwrap_or(0))
            );
        }
    }
    svg.push_str(r#"<line class="baseline" x1="8" y1="80" x2="250" y2="80"/></svg>"#);
    let this_week = weeks.last().copied().unwrap_or(0);
    let best = weeks.iter().copied().max().unwrap_or(0);
    let summary = format!(
        "Minutes per week over the last 12 weeks: {this_week} this week, {best} in your most active week."
    );
    Chart { svg, summary }
}

/// Pain before and after each of the last sessions rated both times.
pub fn pain_trend(history: &History) -> Option<Chart> {
    let rated: Vec<(u8, u8)> = history
        .sessions
        .iter()
        .filter_map(|s| Some((s.pain_before?.min(10), s.pain_after?.min(10))))
        .collect();
    if rated.is_empty() {
        return None;
    }
    let recent = &rated[rated.len().saturating_sub(PAIN_SESSIONS)..];
    let x = |i: usize| {
        if recent.len() == 1 {
            125
        } else {
            10 + i * 230 / (recent.len() - 1)
        }
    };
    let y = |pain: u8| 85 - usize::from(pain) * 8;
    let line = |pick: fn(&(u8, u8)) -> u8| {
        recent
            .iter()
            .enumerate()
            .map(|(i, p)| format!("{},{}", x(i), y(pick(p))))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut svg =
        String::from(r#"<svg class="chart" viewBox="0 0 250 95" role="img" aria-hidden="true">"#);
    let _ = write!(
        svg,
        r#"<line class="baseline" x1="8" y1="85" x2="250" y2="85"/><text class="axis" x="0" y="8">10</text><text class="axis" x="0" y="93">0</text><polyline class="pain-before" points="{}"/><polyline class="pain-after" points="{}"/>"#,
        line(|p| p.0),
        line(|p| p.1)
    );
    for (i, (before, after)) in recent.iter().enumerate() {
        let _ = write!(
            svg,
            r#"<circle class="pain-before" cx="{}" cy="{}" r="2.5"/><circle class="pain-after" cx="{}" cy="{}" r="2.5"/>"#,
            x(i),
            y(*before),
            x(i),
            y(*after)
        );
    }
    svg.push_str("</svg>");
    let n = recent.len();
    let tenths = |sum: u32| {
        let t = (sum * 10 + u32::try_from(n).unwrap_or(1) / 2) / u32::try_from(n).unwrap_or(1);
        format!("{}.{}", t / 10, t % 10)
    };
    let before: u32 = recent.iter().map(|p| u32::from(p.0)).sum();
    let after: u32 = recent.iter().map(|p| u32::from(p.1)).sum();
    let sessions = if n == 1 { "session" } else { "sessions" };
    let summary = format!(
        "Over your last {n} rated {sessions}, pain averaged {} out of 10 before and {} after.",
        tenths(before),
        tenths(after)
    );
    Some(Chart { svg, summary })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::SessionRecord;

    const DAY_MS: u64 = 86_400_000;
    /// 2026-11-21, a Saturday.
    const TODAY: i64 = 20_778;

    fn session(day: i64, minutes: u64, pain: Option<(u8, u8)>) -> SessionRecord {
        SessionRecord {
            routine_id: "desk-break".into(),
            routine_name: "Desk break".into(),
            started_at: u64::try_from(day).expect("positive") * DAY_MS + 10 * 3_600_000,
            active_ms: minutes * 60_000,
            done: vec![],
            skipped: vec![],
            hurt: vec![],
            pain_before: pain.map(|p| p.0),
            pain_after: pain.map(|p| p.1),
        }
    }

    #[test]
    fn dates_are_civil_dates() {
        assert_eq!(civil(0), (1970, 1, 1));
        assert_eq!(civil(TODAY), (2026, 11, 21));
        assert_eq!(short_date(20_773), "Nov 16");
        assert_eq!(civil(11_016), (2000, 2, 29));
    }

    #[test]
    fn the_calendar_has_a_square_for_every_day_so_far_and_says_what_it_shows() {
        let history = History {
            sessions: vec![
                session(TODAY, 12, None),
                session(TODAY, 3, None),
                session(TODAY - 30, 5, None),
            ],
        };
        let chart = heatmap(&history, TODAY, 0);
        // 11 full weeks and this week's Monday to Saturday.
        assert_eq!(chart.svg.matches("<rect").count(), 11 * 7 + 6);
        assert_eq!(chart.svg.matches("heat-3").count(), 1, "15 minutes today");
        assert_eq!(
            chart.svg.matches("heat-1").count(),
            1,
            "5 minutes a month ago"
        );
        assert!(chart.svg.contains("Nov 21: 15 min"));
        assert_eq!(
            chart.summary,
            "In the last 12 weeks you stretched on 2 days, 20 minutes in all."
        );
        assert_eq!(
            heatmap(&History::default(), TODAY, 0).summary,
            "No stretching in the last 12 weeks yet."
        );
    }

    #[test]
    fn a_short_session_still_counts_as_a_day_of_stretching() {
        let history = History {
            sessions: vec![SessionRecord {
                active_ms: 30_000,
                ..session(TODAY, 0, None)
            }],
        };
        let chart = heatmap(&history, TODAY, 0);
        assert_eq!(
            chart.summary,
            "In the last 12 weeks you stretched on 1 day, 1 minute in all."
        );
        assert!(chart.svg.contains("heat-1"));
    }

    #[test]
    fn weekly_bars_scale_to_the_best_week() {
        let history = History {
            sessions: vec![session(TODAY, 10, None), session(TODAY - 7, 20, None)],
        };
        let chart = weekly_minutes(&history, TODAY, 0);
        assert_eq!(chart.svg.matches(r#"class="bar""#).count(), 12);
        assert!(
            chart.svg.contains(r#"y="10" width="14" height="70""#),
            "the best week is full height"
        );
        assert!(
            chart.svg.contains(r#"y="45" width="14" height="35""#),
            "this week is half"
        );
        assert_eq!(
            chart.summary,
            "Minutes per week over the last 12 weeks: 10 this week, 20 in your most active week."
        );
    }

    #[test]
    fn the_pain_trend_draws_rated_sessions_only() {
        assert_eq!(pain_trend(&History::default()), None);
        let history = History {
            sessions: vec![
                session(TODAY - 2, 5, Some((6, 4))),
                session(TODAY - 1, 5, None),
                session(TODAY, 5, Some((5, 2))),
            ],
        };
        let chart = pain_trend(&history).expect("two rated sessions");
        assert_eq!(chart.svg.matches("<circle").count(), 4);
        assert!(
            chart.svg.contains(r#"points="10,37 240,45""#),
            "before: 6 then 5"
        );
        assert_eq!(
            chart.summary,
            "Over your last 2 rated sessions, pain averaged 5.5 out of 10 before and 3.0 after."
        );
    }
}
