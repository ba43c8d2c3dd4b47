//! "Your data" in Settings: a person's data goes out as files they own and
//! comes back without loss; deleting asks first; bad files change nothing.

use serde_json::{json, Value};

use limber::domain::settings::SETTINGS_KEY;
use limber::domain::storage::HISTORY_KEY;

use crate::progress::finish_a_short_session;
use crate::support::process::TempDir;
use crate::support::Browser;

/// What Limber has stored: each key's data, without the envelope's `rev`
/// (which counts writes on one device, not what the person saved).
async fn stored_data(browser: &Browser) -> Value {
    browser
        .script(&format!(
            "const data = k => {{ const t = localStorage.getItem(k); return t && JSON.parse(t).data; }};\
             return {{ history: data('{HISTORY_KEY}'), settings: data('{SETTINGS_KEY}') }};"
        ))
        .await
}

async fn limber_keys(browser: &Browser) -> Value {
    browser
        .script("return Object.keys(localStorage).filter(k => k.startsWith('limber/')).sort()")
        .await
}

#[tokio::test]
async fn export_then_import_into_a_fresh_profile_restores_everything() {
    let old = Browser::phone().await;
    if old.cannot_download() {
        return;
    }
    old.install_fake_clock().await;
    finish_a_short_session(&old).await;
    old.open("/settings").await;
    old.choose("theme", "Dark").await;
    old.select_option("Days a week", "5 days").await;
    let saved = stored_data(&old).await;
    assert_eq!(saved["settings"]["weekly_goal_days"], json!(5));
    old.click_button("Export everything").await;
    let (file, text) = old.downloaded("limber-backup-").await;
    assert!(text.contains(r#""format":"limber-export""#), "{text}");

    let new = Browser::phone().await;
    new.open("/settings").await;
    new.choose_file("Backup file", &file).await;
    let preview = new.see_heading("What this file holds").await;
    new.script_with("arguments[0].scrollIntoView({ block: 'start' })", &preview)
        .await;
    new.see_text("1 new to this device").await;
    new.see_text("Settings that differ from yours").await;
    new.screenshot("import-preview-phone").await;
    new.choose(
        "import-mode",
        "Replace: Use only what is in the file, settings included.",
    )
    .await;
    new.click_button("Import").await;
    new.see_text("Imported. You now have the file's 1 sessions")
        .await;
    assert_eq!(stored_data(&new).await, saved, "identical after the import");
    new.open("/progress").await;
    new.see_heading("Cat-cow").await;
    new.see_text("pain 5 → 2").await;
    new.finish().await;
    old.finish().await;
}

#[tokio::test]
async fn merging_a_backup_keeps_the_sessions_on_both_devices() {
    let phone = Browser::phone().await;
    if phone.cannot_download() {
        return;
    }
    phone.install_fake_clock().await;
    finish_a_short_session(&phone).await;
    phone.open("/settings").await;
    phone.click_button("Export everything").await;
    let (file, _) = phone.downloaded("limber-backup-").await;

    let tablet = Browser::phone().await;
    tablet.install_fake_clock().await;
    // Started at another wall-clock moment, so a different session.
    finish_a_short_session(&tablet).await;
    tablet.open("/settings").await;
    tablet.choose_file("Backup file", &file).await;
    tablet.see_text("1 new to this device").await;
    tablet.click_button("Import").await;
    tablet
        .see_text("Imported. 1 new session added; you now have 2.")
        .await;
    let sessions = stored_data(&tablet).await["history"]["sessions"].clone();
    assert_eq!(sessions.as_array().map(Vec::len), Some(2), "{sessions}");
    // Importing the same file again adds nothing.
    tablet.choose_file("Backup file", &file).await;
    tablet.see_text("0 new to this device").await;
    tablet.finish().await;
    phone.finish().await;
}

#[tokio::test]
async fn a_file_that_is_not_a_backup_is_refused_and_nothing_changes() {
    let browser = Browser::phone().await;
    browser.install_fake_clock().await;
    finish_a_short_session(&browser).await;
    browser.open("/settings").await;
    let before = stored_data(&browser).await;
    let dir = TempDir::new("import").expect("a temp dir");
    let cases = [
        ("notes.txt", "my stretching notes", "it is not JSON"),
        (
            "other.json",
            r#"{"sessions": []}"#,
            "JSON, but not a Limber backup",
        ),
        (
            "future.json",
            r#"{"format": "limber-export", "v": 99}"#,
            "made by a newer Limber (format 99)",
        ),
    ];
    for (name, text, message) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, text).expect("write the file");
        browser.choose_file("Backup file", &path).await;
        browser.see_text(message).await;
        browser.see_text("Nothing was changed").await;
        assert_eq!(
            stored_data(&browser).await,
            before,
            "{name} changed nothing"
        );
    }
    browser.finish().await;
}

#[tokio::test]
async fn delete_everything_asks_first_offers_an_export_and_then_deletes() {
    let browser = Browser::phone().await;
    if browser.cannot_download() {
        return;
    }
    browser.install_fake_clock().await;
    finish_a_short_session(&browser).await;
    browser.open("/settings").await;
    browser.choose("theme", "Dark").await;
    browser.click_button("Delete everything…").await;
    browser
        .see_text("Delete your 1 session and your settings from this device?")
        .await;
    assert_eq!(
        browser.focused_name().await,
        "Delete your 1 session and your settings from this device? This cannot be undone. Export first if you may want them back."
    );
    browser.screenshot("delete-confirm-phone").await;
    // Changing one's mind deletes nothing.
    browser.click_button("Keep my data").await;
    assert_eq!(
        limber_keys(&browser).await,
        json!([HISTORY_KEY, SETTINGS_KEY])
    );
    browser.click_button("Delete everything…").await;
    browser.click_button("Export first").await;
    browser.downloaded("limber-backup-").await;
    browser.click_button("Yes, delete everything").await;
    browser
        .see_text("Everything Limber kept on this device is deleted.")
        .await;
    assert_eq!(limber_keys(&browser).await, json!([]), "nothing is left");
    browser.open("/progress").await;
    browser.see_text("No sessions yet").await;
    browser.finish().await;
}

#[tokio::test]
async fn history_exports_as_csv_and_a_reminder_as_a_calendar_file() {
    let browser = Browser::phone().await;
    if browser.cannot_download() {
        return;
    }
    browser.install_fake_clock().await;
    finish_a_short_session(&browser).await;
    browser.open("/settings").await;
    browser.click_button("Export history as CSV").await;
    let (_, csv) = browser.downloaded("limber-history-").await;
    let rows: Vec<&str> = csv.split("\r\n").collect();
    assert!(rows[0].starts_with("Date,Time,Routine,Minutes"), "{csv}");
    assert!(rows[1].contains(",Cat-cow,"), "{csv}");
    assert!(rows[1].ends_with(",5,2"), "{csv}");

    // Tuesday and Thursday at 07:15, with the Monday, Wednesday and Friday
    // defaults unticked.
    for day in ["Monday", "Wednesday", "Friday", "Tuesday", "Thursday"] {
        browser.toggle_checkbox(day).await;
    }
    let time = browser.find_by_role("time", "Time").await;
    browser
        .script_with(
            "arguments[0].value = '07:15'; arguments[0].dispatchEvent(new Event('change'));",
            &time,
        )
        .await;
    browser.select_option("Routine", "Desk break").await;
    browser.click_button("Download calendar reminder").await;
    let (_, ics) = browser.downloaded("limber-reminder").await;
    let ics = ics.replace("\r\n ", "");
    assert!(ics.contains("RRULE:FREQ=WEEKLY;BYDAY=TU,TH\r\n"), "{ics}");
    assert!(ics.contains("T071500\r\n"), "{ics}");
    assert!(ics.contains("SUMMARY:Stretch: Desk break\r\n"), "{ics}");
    assert!(ics.contains("/routines/desk-break"), "{ics}");
    browser.see_text("Open the downloaded file").await;
    // No day at all is explained, not downloaded.
    for day in ["Tuesday", "Thursday"] {
        browser.toggle_checkbox(day).await;
    }
    browser.click_button("Download calendar reminder").await;
    browser
        .see_text("Choose at least one day for the reminder.")
        .await;
    browser.finish().await;
}
