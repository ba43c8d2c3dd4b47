//! Progress in numbers that encourage: active days in the last week and
//! weeks that met the person's own goal. Days are local calendar days,
//! computed from epoch milliseconds and the device's UTC offset.

use super::catalogue::{self, Stretch};
use super::storage::History;

const DAY_MS: i64 = 86_400_000;

/// The local calendar day (days since 1970-01-01) of `epoch_ms`, for a
/// device `offset_minutes` ahead of UTC (UTC+1 is 60).
pub fn local_day(epoch_ms: u64, offset_minutes: i32) -> i64 {
    let ms = i64::try_from(epoch_ms).unwrap_or(i64::MAX) + i64::from(offset_minutes) * 60_000;
    ms.div_euclid(DAY_MS)
}

/// (year, month 1-12, day) of a day number (days since 1970-01-01).
pub fn civil(day: i64) -> (i64, usize, i64) {
    // Howard Hinnant's days-to-civil algorithm.
    let z = day + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, usize::try_from(m).unwrap_or(1), d)
}

/// Monday of the week holding `day` (1970-01-01 was a Thursday).
fn week_start(day: i64) -> i64 {
    day - (day + 3).rem_euclid(7)
}

/// Every distinct day with a session, ascending.
fn active_days(history: &History, offset_minutes: i32) -> Vec<i64> {
    let mut days: Vec<i64> = history
        .sessions
        .iter()
        .map(|s| local_day(s.started_at, offset_minutes))
        .collect();
    days.sort_unstable();
    days.dedup();
    days
}

/// On how many of the last 7 days (today included) there was a session.
pub fn days_in_last_week(history: &History, today: i64, offset_minutes: i32) -> usize {
    active_days(history, offset_minutes)
        .iter()
        .filter(|d| (today - 6..=today).contains(*d))
        .count()
}

/// On how many days of this calendar week (Monday first) there was a session.
pub fn days_this_week(history: &History, today: i64, offset_minutes: i32) -> usize {
    let monday = week_start(today);
    active_days(history, offset_minutes)
        .iter()
        .filter(|d| (monday..=today).contains(*d))
        .count()
}

/// How many weeks in a row met the goal of `goal_days` active days, counting
/// back from this week. This week counts once it meets the goal; until then
/// the streak is not broken, it simply starts from last week.
pub fn weekly_streak(
    history: &History,
    today: i64,
    offset_minutes: i32,
    goal_days: usize,
) -> usize {
    let days = active_days(history, offset_minutes);
    let met = |monday: i64| {
        days.iter()
            .filter(|d| (monday..monday + 7).contains(*d))
            .count()
            >= goal_days.max(1)
    };
    let mut monday = week_start(today);
    if !met(monday) {
        monday -= 7;
    }
    let mut streak = 0;
    while met(monday) {
        streak += 1;
        monday -= 7;
    }
    streak
}

/// Ids of exercises marked "This hurts" in at least two sessions of the last
/// 30 days, most recent first.
pub fn hurting(history: &History, today: i64, offset_minutes: i32) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for session in history.sessions.iter().rev() {
        if today - local_day(session.started_at, offset_minutes) >= 30 {
            continue;
        }
        for id in &session.hurt {
            match counts.iter_mut().find(|(known, _)| known == id) {
                Some((_, n)) => *n += 1,
                None => counts.push((id.clone(), 1)),
            }
        }
    }
    counts
        .into_iter()
        .filter(|(_, n)| *n >= 2)
        .map(|(id, _)| id)
        .collect()
}

/// A gentler exercise for the same area: the entry's own suggestion, else
/// the first gentle entry of the same kind sharing an area.
pub fn gentler_than(stretch: &'static Stretch) -> Option<&'static Stretch> {
    stretch.gentler.and_then(catalogue::stretch).or_else(|| {
        catalogue::stretches().iter().find(|other| {
            other.id != stretch.id
                && other.difficulty == 1
                && other.kind == stretch.kind
                && other.areas.iter().any(|a| stretch.areas.contains(a))
        })
    })
}

/// The average change in pain (after minus before) over sessions that have
/// both ratings, if any. Negative means less pain after.
pub fn average_pain_change(history: &History) -> Option<f64> {
    let changes: Vec<f64> = history
        .sessions
        .iter()
        .filter_map(|s| Some(f64::from(s.pain_after?) - f64::from(s.pain_before?)))
        .collect();
    (!changes.is_empty()).then(|| changes.iter().sum::<f64>() / changes.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::session::SessionRecord;

    /// 2026-11-16, a Monday, is day 20_773.
    const MONDAY: i64 = 20_773;

    fn on(days: &[i64]) -> History {
        History {
            sessions: days
                .iter()
                .map(|d| SessionRecord {
                    routine_id: "desk-break".into(),
                    routine_name: "Desk break".into(),
                    started_at: u64::try_from(d * DAY_MS + 9 * 3_600_000).expect("positive"),
                    active_ms: 180_000,
                    done: vec![],
                    skipped: vec![],
                    hurt: vec![],
                    pain_before: Some(5),
                    pain_after: Some(3),
                })
                .collect(),
        }
    }

    #[test]
    fn local_days_follow_the_device_offset() {
        let cases = [
            (0, 0, 0),
            (DAY_MS as u64 - 1, 0, 0),
            (DAY_MS as u64 - 1, 60, 1),
            (3_600_000, -120, -1),
        ];
        for (ms, offset, day) in cases {
            assert_eq!(local_day(ms, offset), day, "{ms} at {offset}");
        }
        assert_eq!(week_start(MONDAY), MONDAY);
        assert_eq!(week_start(MONDAY + 6), MONDAY);
        assert_eq!(week_start(MONDAY + 7), MONDAY + 7);
    }

    #[test]
    fn days_in_the_last_week_count_each_day_once() {
        let history = on(&[
            MONDAY - 7,
            MONDAY - 6,
            MONDAY,
            MONDAY,
            MONDAY + 1,
            MONDAY + 2,
        ]);
        // The window is today and the six days before it.
        let cases = [
            (MONDAY, 2),
            (MONDAY + 2, 3),
            (MONDAY + 6, 3),
            (MONDAY + 7, 2),
            (MONDAY + 20, 0),
        ];
        for (today, count) in cases {
            assert_eq!(
                days_in_last_week(&history, today, 0),
                count,
                "on day {today}"
            );
        }
    }

    #[test]
    fn weekly_streaks_count_weeks_that_met_the_goal() {
        let three_a_week = |monday: i64| [monday, monday + 2, monday + 4];
        let mut days = Vec::new();
        for week in 1..=3 {
            days.extend(three_a_week(MONDAY - 7 * week));
        }
        let history = on(&days);
        // This week has nothing yet: the streak stands at the three before it.
        assert_eq!(weekly_streak(&history, MONDAY + 1, 0, 3), 3);
        // A goal of four days was never met.
        assert_eq!(weekly_streak(&history, MONDAY + 1, 0, 4), 0);
        // This week met the goal too: four.
        days.extend(three_a_week(MONDAY));
        assert_eq!(weekly_streak(&on(&days), MONDAY + 5, 0, 3), 4);
        assert_eq!(days_this_week(&on(&days), MONDAY + 5, 0), 3);
        assert_eq!(days_this_week(&on(&days), MONDAY + 1, 0), 1);
        // A gap week ends the count.
        assert_eq!(
            weekly_streak(&on(&three_a_week(MONDAY - 14)), MONDAY, 0, 3),
            0
        );
    }

    #[test]
    fn stretches_that_hurt_twice_in_thirty_days_are_listed_with_a_gentler_one() {
        let mut history = on(&[MONDAY - 40, MONDAY - 3, MONDAY]);
        history.sessions[0].hurt = vec!["sphinx".into()];
        history.sessions[1].hurt = vec!["figure-four".into(), "sphinx".into()];
        history.sessions[2].hurt = vec!["figure-four".into()];
        // Sphinx hurt twice, but once 40 days ago; figure-four twice this month.
        assert_eq!(
            hurting(&history, MONDAY, 0),
            vec!["figure-four".to_string()]
        );
        for stretch in catalogue::stretches() {
            if let Some(gentler) = gentler_than(stretch) {
                assert_ne!(gentler.id, stretch.id);
                assert!(
                    gentler.areas.iter().any(|a| stretch.areas.contains(a))
                        || stretch.gentler == Some(gentler.id)
                );
            }
        }
        let figure_four = catalogue::stretch("figure-four").expect("shipped");
        assert_eq!(gentler_than(figure_four).map(|s| s.id), figure_four.gentler);
    }

    #[test]
    fn pain_change_averages_sessions_rated_twice() {
        assert_eq!(average_pain_change(&on(&[1, 2])), Some(-2.0));
        assert_eq!(average_pain_change(&History::default()), None);
    }
}
