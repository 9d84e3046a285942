//! Reply drafts (`ack --draft`, `contact --draft`, `--eml`) and replies
//! logged from saved emails (`contact --from-email`), on a case opened from
//! tests/fixtures/emails/plain.eml under a policy of 3bd / 5d / 60d.

use predicates::prelude::*;

use crate::common::{TestEnv, stderr, stdout};
use crate::open_email::fixture;

const ID: &str = "DISC-2026-M41K5";
const NOW: &str = "2026-03-02T10:00:00Z";

fn env() -> TestEnv {
    TestEnv::with_store("email-case")
}

fn draft(env: &TestEnv, args: &[&str]) -> String {
    let out = env.disclose_at(NOW).args(args).assert().success();
    stdout(&out)
}

#[test]
fn ack_draft_records_the_ack_and_quotes_the_policy() {
    let env = env();
    let text = draft(&env, &["ack", ID, "--draft"]);
    insta::assert_snapshot!(text);
    // 5d after now, and 60d after the report arrived: the case's own durations.
    assert!(text.contains("at least every 5 days"), "{text}");
    assert!(text.contains("by Saturday 7 March 2026"), "{text}");
    assert!(text.contains("within 60 days"), "{text}");
    assert!(text.contains("by Thursday 30 April 2026"), "{text}");
    assert_eq!(env.case(ID)["state"], "acknowledged");
    assert_eq!(env.commits()[0].0, format!("{ID}: acknowledge"));
}

#[test]
fn ack_draft_as_json() {
    let env = env();
    let text = draft(&env, &["ack", ID, "--draft", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(json["kind"], "ack");
    assert_eq!(json["case_id"], ID);
    assert_eq!(json["to"]["email"], "ada@example.org");
    assert_eq!(
        json["subject"],
        "Re: [SECURITY] Path traversal in upload handler"
    );
    assert_eq!(json["in_reply_to"], "plain-1@mail.example.org");
}

#[test]
fn contact_drafts_record_nothing_and_match_their_snapshots() {
    let env = env();
    env.disclose_at(NOW)
        .args(["assign", ID, "--cve", "CVE-2026-12345"])
        .assert()
        .success();
    env.disclose_at(NOW)
        .args(["fix", ID, "--release", "1.4", "--version", "1.4.2"])
        .assert()
        .success();
    env.disclose_at(NOW)
        .args(["fix", ID, "--release", "1.5", "--version", "1.5.3"])
        .assert()
        .success();
    let before = env.snapshot_bytes();
    for kind in ["need-info", "update", "fix-ready", "published"] {
        let text = draft(&env, &["contact", ID, "--draft", kind]);
        insta::assert_snapshot!(format!("contact_draft_{kind}"), text);
    }
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn an_ack_draft_is_not_a_contact_draft() {
    let env = env();
    env.disclose()
        .args(["contact", ID, "--draft", "ack"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("disclose ack ID --draft"));
    env.disclose()
        .args(["contact", ID, "--draft", "gossip"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("need-info"));
}

#[test]
fn eml_is_a_complete_message_in_the_reporters_thread() {
    let env = env();
    let path = env.root.join("reply.eml");
    env.disclose_at(NOW)
        .args(["ack", ID, "--eml"])
        .arg(&path)
        .assert()
        .success()
        .stderr(predicate::str::contains("reply.eml"));
    let eml = std::fs::read_to_string(&path).unwrap();
    assert!(eml.contains("\r\n\r\n"), "CRLF header/body separator");
    let head = eml.split("\r\n\r\n").next().unwrap();
    let id_line = head
        .lines()
        .find(|l| l.starts_with("Message-ID: "))
        .unwrap();
    assert!(
        id_line.starts_with(&format!("Message-ID: <{ID}.20260302100000."))
            && id_line.ends_with("@example.org>"),
        "{id_line}"
    );
    let head = head.replace(id_line, "Message-ID: <[random]>");
    insta::assert_snapshot!(head);
    assert!(eml.contains("tracking it as DISC-2026-M41K5"));

    // Logged back as the reply that was sent, it joins the thread, to the
    // reporter, at the time the message says it was sent.
    env.disclose_at("2026-03-02T10:05:00Z")
        .args(["contact", ID, "--from-email"])
        .arg(&path)
        .assert()
        .success();
    let case = env.case(ID);
    let contact = &case["contacts"][0];
    assert_eq!(contact["direction"], "to-reporter");
    assert_eq!(contact["at"], NOW);
    assert!(
        contact["text"]
            .as_str()
            .unwrap()
            .starts_with("Hello Ada Lovelace,\n\nThank you for your report"),
        "{contact}"
    );
    assert_eq!(case["message_ids"].as_array().unwrap().len(), 2);
}

#[test]
fn eml_to_stdout_and_a_bad_eml_path() {
    let env = env();
    let text = draft(&env, &["contact", ID, "--draft", "update", "--eml", "-"]);
    assert!(text.contains("In-Reply-To: <plain-1@mail.example.org>\r\n"));
    assert!(text.contains("Content-Transfer-Encoding: quoted-printable\r\n"));
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["ack", ID, "--eml", "no/such/dir/reply.eml"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--eml no/such/dir/reply.eml"));
    assert_eq!(before, env.snapshot_bytes(), "the ack was not recorded");
}

#[test]
fn a_store_template_overrides_the_builtin_one() {
    // A line made longer than 72 characters by its values is refilled.
    let env = env();
    std::fs::create_dir_all(env.store.join("templates")).unwrap();
    std::fs::write(
        env.store.join("templates/update.txt"),
        "Subject: {case_id} status\n\nHi {reporter_name}: {state}. Next word by {next_update_by}; \
         {{braces}} stay.\n",
    )
    .unwrap();
    let text = draft(&env, &["contact", ID, "--draft", "update"]);
    assert_eq!(
        text,
        "To: Ada Lovelace <ada@example.org>\n\
         Subject: DISC-2026-M41K5 status\n\n\
         Hi Ada Lovelace: being triaged. \
         Next word by Saturday 7 March 2026;\n{braces} stay.\n"
    );
}

#[test]
fn a_broken_template_is_named_and_the_ack_is_not_recorded() {
    let env = env();
    std::fs::create_dir_all(env.store.join("templates")).unwrap();
    std::fs::write(env.store.join("templates/ack.txt"), "Hello {reporter}\n").unwrap();
    let before = env.snapshot_bytes();
    let out = env.disclose().args(["ack", ID, "--draft"]).assert().code(2);
    let err = stderr(&out);
    assert!(err.contains("templates/ack.txt"), "{err}");
    assert!(err.contains("unknown placeholder {reporter}"), "{err}");
    assert_eq!(before, env.snapshot_bytes());
    // Without --draft the template is not needed.
    env.disclose().args(["ack", ID]).assert().success();
}

#[test]
fn contact_from_email_logs_a_reply_with_its_attachments() {
    let env = env();
    let reply = env.root.join("reply.eml");
    std::fs::write(
        &reply,
        "From: Ada Lovelace <ada@example.org>\r\n\
         To: security@example.org\r\n\
         Subject: Re: [SECURITY] Path traversal in upload handler\r\n\
         Date: Mon, 02 Mar 2026 08:30:00 +0000\r\n\
         Message-ID: <plain-2@mail.example.org>\r\n\
         In-Reply-To: <plain-1@mail.example.org>\r\n\
         MIME-Version: 1.0\r\n\
         Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
         --b\r\nContent-Type: text/plain\r\n\r\n\
         Here is a second proof of concept.\r\n\r\n> quoted old text\r\n\
         --b\r\nContent-Type: text/plain; name=\"..\"\r\n\
         Content-Disposition: attachment; filename=\"../poc.sh\"\r\n\r\n\
         echo hi\r\n--b--\r\n",
    )
    .unwrap();
    let out = env
        .disclose()
        .args(["contact", "M41K", "--from-email"])
        .arg(&reply)
        .assert()
        .success();
    assert!(stderr(&out).contains("Logged a message from the reporter on DISC-2026-M41K5"));
    let case = env.case(ID);
    assert_eq!(
        case["contacts"][0],
        serde_json::json!({
            "at": "2026-03-02T08:30:00Z",
            "by": "Test Maintainer <maintainer@example.org>",
            "direction": "from-reporter",
            "text": "Here is a second proof of concept.",
            "message_id": "plain-2@mail.example.org"
        })
    );
    assert_eq!(case["attachments"][0]["name"], "poc.sh");
    assert_eq!(case["attachments"][0]["original_name"], "../poc.sh");
    assert_eq!(
        std::fs::read(env.store.join("attachments").join(ID).join("poc.sh")).unwrap(),
        b"echo hi"
    );
    assert_eq!(env.commits()[0].0, format!("{ID}: log contact"));

    // Again: refused, naming the case.
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["contact", ID, "--from-email"])
        .arg(&reply)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "<plain-2@mail.example.org> was already imported into {ID}"
        )));
    // Not an email: exit 2.
    env.disclose()
        .args(["contact", ID, "--from-email"])
        .arg(fixture("not-an-email.txt"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not an email message"));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn a_message_that_opened_a_case_cannot_be_logged_as_a_reply() {
    let env = env();
    env.disclose()
        .args(["contact", ID, "--from-email"])
        .arg(fixture("plain.eml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "already imported into DISC-2026-M41K5",
        ));
}
