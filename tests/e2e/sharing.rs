//! Share links: a routine travels whole in the link's fragment, opens in a
//! fresh browser with a preview, saves only when asked, and bad links explain
//! themselves without touching stored data.

use serde_json::{json, Value};

use limber::domain::routine::{Custom, Routine};
use limber::domain::saved::ROUTINES_KEY;
use limber::domain::share;

use crate::support::Browser;

/// The saved routines' data as stored.
async fn saved_routines(browser: &Browser) -> Value {
    browser
        .script(&format!(
            "const t = localStorage.getItem('{ROUTINES_KEY}'); return t && JSON.parse(t).data.items;"
        ))
        .await
}

/// Shares a routine from its page and reads the link from the read-only field.
async fn share_link_of(browser: &Browser, routine_id: &str) -> String {
    browser.open(&format!("/routines/{routine_id}")).await;
    browser.click_button("Share").await;
    let field = browser
        .find_by_role("textbox", "Link to this routine")
        .await;
    let qr = browser
        .find_by_role("img", "QR code of the link to this routine")
        .await;
    browser
        .script_with("arguments[0].scrollIntoView({ block: 'center' })", &qr)
        .await;
    browser.screenshot("share-phone").await;
    browser
        .script_with("return arguments[0].value", &field)
        .await
        .as_str()
        .expect("the link as text")
        .to_string()
}

/// The same steps, as stored: (stretch, hold, reps, sides, rest after).
fn steps_of(routine: &Routine) -> Value {
    routine
        .steps
        .iter()
        .map(|s| {
            json!([
                s.stretch.id,
                s.hold_seconds,
                s.reps,
                s.sides.slug(),
                s.rest_after_seconds
            ])
        })
        .collect()
}

fn stored_steps(saved: &Value) -> Value {
    saved["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| {
            json!([
                s["stretch"],
                s["hold_seconds"],
                s["reps"],
                s["sides"],
                s["rest_after_seconds"]
            ])
        })
        .collect()
}

#[tokio::test]
async fn a_shared_routine_opens_in_a_fresh_profile_and_saves_identical() {
    let sender = Browser::phone().await;
    let link = share_link_of(&sender, "desk-break").await;
    let fragment = link.split_once('#').expect("a fragment").1.to_string();
    assert!(fragment.starts_with("r=1."), "{link}");
    // Headless Chromium has no share sheet but lets the page copy.
    sender.see_text("Link copied.").await;
    sender.finish().await;

    let receiver = Browser::phone().await;
    receiver.open(&format!("/#{fragment}")).await;
    receiver.see_heading("Desk break").await;
    receiver.see_text("A routine shared with you").await;
    receiver.find_by_role("link", "Play").await;
    assert_eq!(
        saved_routines(&receiver).await,
        Value::Null,
        "nothing saved yet"
    );
    receiver.screenshot("shared-preview-phone").await;
    receiver.prefer_dark().await;
    receiver.screenshot("shared-preview-phone-dark").await;
    receiver.click_button("Save to my routines").await;
    receiver.see_text("Saved to your routines.").await;
    let saved = saved_routines(&receiver).await;
    let original = Routine::builtin("desk-break").expect("shipped");
    assert_eq!(saved[0]["name"], json!("Desk break"));
    assert_eq!(
        stored_steps(&saved[0]),
        steps_of(&original),
        "identical steps"
    );
    // Saving again asks before replacing, and replacing keeps one copy.
    receiver.click_button("Save to my routines").await;
    receiver
        .see_text("You already have a routine called “Desk break”. Replace it with this one?")
        .await;
    receiver.click_button("Replace it").await;
    receiver.see_text("Saved to your routines.").await;
    assert_eq!(
        saved_routines(&receiver).await.as_array().map(Vec::len),
        Some(1)
    );
    // The saved copy has its own page, and it is on the home page.
    receiver.click_link("Open your copy").await;
    receiver.see_heading("Desk break").await;
    receiver.find_by_role("link", "Start").await;
    receiver.open("/").await;
    let mine = receiver.list_under_heading("Your routines").await;
    assert_eq!(mine.len(), 1, "{mine:?}");
    assert!(mine[0].starts_with("Desk break"), "{mine:?}");
    receiver.finish().await;
}

#[tokio::test]
async fn play_from_a_shared_link_without_saving() {
    let routine = Routine::builtin("gentle-start").expect("shipped");
    let fragment = share::encode(&Custom::from_routine(&routine));
    let browser = Browser::phone().await;
    browser.open(&format!("/#{fragment}")).await;
    browser.click_link("Play").await;
    browser.see_heading(&routine.name).await;
    browser.find_by_role("button", "Start").await;
    assert_eq!(saved_routines(&browser).await, Value::Null);
    browser.finish().await;
}

#[tokio::test]
async fn each_kind_of_bad_link_says_what_is_wrong_and_changes_nothing() {
    let routine = Routine::builtin("desk-break").expect("shipped");
    let good = share::encode(&Custom::from_routine(&routine));
    let browser = Browser::phone().await;
    // Something stored that must survive every bad link.
    browser.open(&format!("/#{good}")).await;
    browser.click_button("Save to my routines").await;
    browser.see_text("Saved to your routines.").await;
    let before = saved_routines(&browser).await;
    let payload = good.split_once('.').expect("versioned").1;
    let mut bytes = share::from_base64url(payload).expect("valid");
    // The first step's stretch number sits after the name, rest and count.
    let at = 1 + usize::from(bytes[0]) + 2;
    let mut unknown_stretch = bytes.clone();
    unknown_stretch[at] = 0x7e;
    let unknown = format!("r=1.{}", share::base64url(&unknown_stretch));
    // A 1-second hold on the first step.
    bytes[at + 1] = 1;
    let too_short = format!("r=1.{}", share::base64url(&bytes));
    let cases = [
        (
            good[..good.len() - 5].to_string(),
            "This link is incomplete",
        ),
        (
            format!("r=1.{}*", &payload[..12]),
            "characters a Limber link never has",
        ),
        (
            "r=9.AAAA".to_string(),
            "shared from a newer version of Limber (link format 9)",
        ),
        (
            unknown,
            "uses 1 stretch this version of Limber does not have",
        ),
        (too_short, "step 1: hold between 5 and 300 seconds"),
        (
            format!("r=1.{}", "A".repeat(2100)),
            "longer than any Limber routine link",
        ),
        ("r=banana".to_string(), "not a link Limber made"),
    ];
    for (fragment, message) in cases {
        browser.open("/about").await;
        browser.open(&format!("/#{fragment}")).await;
        browser.see_heading("This link can't be opened").await;
        browser.see_text(message).await;
        assert_eq!(
            saved_routines(&browser).await,
            before,
            "{fragment} changed nothing"
        );
    }
    browser.screenshot("bad-link-phone").await;
    // Playing a bad link says the same, not just "not found".
    browser.open("/play/shared#r=9.AAAA").await;
    browser.see_heading("This link can't be opened").await;
    browser.see_text("link format 9").await;
    browser.finish().await;
}

#[tokio::test]
async fn a_routine_name_full_of_html_shows_as_text() {
    let name = "<img src=x onerror=alert(1)>";
    let mut custom = Custom::from_routine(&Routine::builtin("desk-break").expect("shipped"));
    custom.name = name.into();
    let browser = Browser::phone().await;
    browser.open(&format!("/#{}", share::encode(&custom))).await;
    browser.see_heading(name).await;
    assert_eq!(
        browser
            .script("return document.querySelectorAll('main img[src=x]').length")
            .await,
        json!(0)
    );
    assert_eq!(browser.title().await, format!("Shared: {name} · Limber"));
    browser.finish().await;
}
