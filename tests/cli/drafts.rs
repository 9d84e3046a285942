//! Reply drafts (`ack --draft`, `contact --draft`, `--eml`) and replies
//! logged from saved emails (`contact --from-email`), on a case opened from
//! tests/fixtures/emails/plain.eml under a policy of 3bd / 5d / 60d. What a
//! draft says must be true of the case: each kind is refused where it would
//! not be (every kind against every state is in the library's
//! `drafts::truth` tests).

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

/// A draft's lines joined, so a sentence refilled over two lines reads whole.
fn prose(text: &str) -> String {
    text.replace('\n', " ")
}

/// Runs each command at NOW, expecting success.
fn run(env: &TestEnv, commands: &[&[&str]]) {
    for args in commands {
        env.disclose_at(NOW).args(*args).assert().success();
    }
}

/// The email case taken to `published`: acknowledged, confirmed, both
/// releases fixed, credited and described.
fn published_env() -> TestEnv {
    let env = env();
    let details = env.root.join("details.md");
    std::fs::write(
        &details,
        "Upload names could escape the upload directory.\n",
    )
    .unwrap();
    let details = details.to_str().unwrap().to_owned();
    run(
        &env,
        &[
            &["ack", ID],
            &["confirm", ID],
            &["policy", "set", "default_package", "crates.io/demo"],
            &[
                "policy",
                "set",
                "announce_to",
                "oss-security@lists.openwall.com",
            ],
            &["affected", ID, "--range", ">=1.0.0, <1.5.3"],
            &[
                "severity",
                ID,
                "--cvss",
                "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H",
            ],
            &["fix", ID, "--release", "1.4", "--version", "1.4.2"],
            &["fix", ID, "--release", "1.5", "--version", "1.5.3"],
            &[
                "credit",
                ID,
                "--name",
                "Ada Lovelace",
                "--consent",
                "granted",
            ],
            &[
                "describe",
                ID,
                "--summary",
                "Path traversal in the upload handler",
                "--details",
                &details,
            ],
            &["publish", ID],
        ],
    );
    env
}

#[test]
fn ack_draft_records_the_ack_and_quotes_the_policy() {
    let env = env();
    let text = draft(&env, &["ack", ID, "--draft"]);
    insta::assert_snapshot!(text);
    // 5d after now, and 60d after the report arrived: the case's own durations.
    let p = prose(&text);
    assert!(p.contains("at least every 5 days"), "{text}");
    assert!(p.contains("by Saturday 7 March 2026"), "{text}");
    assert!(p.contains("within 60 days"), "{text}");
    assert!(p.contains("by Thursday 30 April 2026"), "{text}");
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
        "Re: [SECURITY] Path traversal in upload handler [DISC-2026-M41K5]"
    );
    assert_eq!(json["in_reply_to"], "plain-1@mail.example.org");
}

#[test]
fn contact_drafts_record_nothing_and_match_their_snapshots() {
    let env = env();
    let prepared = "3".repeat(40);
    run(
        &env,
        &[
            &["ack", ID],
            &["confirm", ID],
            &[
                "affected",
                ID,
                "--package",
                "poet",
                "--ecosystem",
                "crates.io",
                "--range",
                ">=1.0.0, <1.5.3",
            ],
            &[
                "fix",
                ID,
                "--release",
                "1.5",
                "--commit",
                &prepared,
                "--pr",
                "#813",
            ],
            &["fix", ID, "--release", "1.4", "--version", "1.4.2"],
        ],
    );
    let before = env.snapshot_bytes();
    for kind in ["need-info", "update", "fix-ready"] {
        let text = draft(&env, &["contact", ID, "--draft", kind]);
        insta::assert_snapshot!(format!("contact_draft_{kind}"), text);
    }
    assert_eq!(before, env.snapshot_bytes());
    // A released fix and a prepared one are told apart.
    let text = prose(&draft(&env, &["contact", ID, "--draft", "fix-ready"]));
    assert!(
        text.contains(
            "The fix is released in 1.4.2. The fix for 1.5 (PR #813) is prepared and not released yet."
        ),
        "{text}"
    );
    assert!(!text.contains("will ship"), "{text}");
}

#[test]
fn the_published_draft_is_true_only_once_published() {
    let env = env();
    let before = env.snapshot_bytes();
    let out = env
        .disclose_at(NOW)
        .args(["contact", ID, "--draft", "published"])
        .assert()
        .code(1);
    let err = stderr(&out);
    assert!(
        err.contains("cannot draft published for DISC-2026-M41K5: it is new, not published"),
        "{err}"
    );
    assert!(err.contains("--force"), "{err}");
    assert_eq!(stdout(&out), "");
    assert_eq!(before, env.snapshot_bytes());
    // Forced, it is drafted all the same.
    let text = draft(&env, &["contact", ID, "--draft", "published", "--force"]);
    assert!(
        prose(&text).contains("The advisory for your report is public"),
        "{text}"
    );

    let env = published_env();
    let text = draft(&env, &["contact", ID, "--draft", "published"]);
    insta::assert_snapshot!("contact_draft_published", text);
    // The announcement goes to the policy's announce_to, which the leak
    // guard lets through.
    let announcement = std::fs::read_to_string(
        env.store
            .join("advisories/DEMO-SA-2026-001/announcement.eml"),
    )
    .unwrap();
    assert!(
        announcement.contains("\nTo: oss-security@lists.openwall.com\n"),
        "{announcement}"
    );
    // The others are refused once the case is published.
    for kind in ["need-info", "update", "fix-ready"] {
        env.disclose_at(NOW)
            .args(["contact", ID, "--draft", kind])
            .assert()
            .code(1)
            .stderr(predicate::str::contains("it is published"));
    }
}

#[test]
fn fix_ready_needs_a_fix_and_asks_for_credit_only_while_consent_is_pending() {
    let env = env();
    run(&env, &[&["ack", ID]]);
    env.disclose_at(NOW)
        .args(["contact", ID, "--draft", "fix-ready"])
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "no fix is linked yet (`disclose fix {ID} --release NAME"
        )));
    run(
        &env,
        &[
            &[
                "affected",
                ID,
                "--package",
                "poet",
                "--ecosystem",
                "crates.io",
                "--range",
                ">=1.0.0, <1.4.2",
            ],
            &["fix", ID, "--release", "1.4", "--version", "1.4.2"],
        ],
    );
    let text = prose(&draft(&env, &["contact", ID, "--draft", "fix-ready"]));
    assert!(text.contains("tell us the name to use"), "{text}");
    run(
        &env,
        &[&[
            "credit",
            ID,
            "--name",
            "Ada Lovelace",
            "--consent",
            "granted",
        ]],
    );
    let text = prose(&draft(&env, &["contact", ID, "--draft", "fix-ready"]));
    assert!(!text.contains("tell us the name"), "{text}");
    assert!(
        text.contains("We will credit you in the advisory as Ada Lovelace, as you agreed."),
        "{text}"
    );
}

#[test]
fn need_info_asks_your_questions_and_a_message_goes_into_any_draft() {
    let env = env();
    let text = draft(
        &env,
        &[
            "contact",
            ID,
            "--draft",
            "need-info",
            "--ask",
            "Which version of the upload plugin do you run?",
            "--ask",
            "Is the service behind a proxy?",
            "--message",
            "We could not reproduce it with the default configuration.",
        ],
    );
    assert!(
        text.contains(
            "information:\n\n- Which version of the upload plugin do you run?\n\
             - Is the service behind a proxy?\n\n\
             We could not reproduce it with the default configuration."
        ),
        "{text}"
    );
    // The report holds steps and an impact: the default list does not ask again.
    let text = draft(&env, &["contact", ID, "--draft", "need-info"]);
    assert!(!text.contains("steps"), "{text}");
    assert!(!text.contains("proof of concept"), "{text}");
    env.disclose_at(NOW)
        .args(["contact", ID, "--draft", "update", "--ask", "x"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--ask is for the need-info draft"));
    env.disclose_at(NOW)
        .args(["contact", ID, "--message", "x", "--to-reporter", "y"])
        .assert()
        .code(2);
}

#[cfg(unix)]
#[test]
fn edit_opens_the_draft_in_the_editor_first() {
    use std::os::unix::fs::PermissionsExt as _;
    let env = env();
    let editor = env.root.join("editor.sh");
    let write_editor = |script: &str| {
        std::fs::write(&editor, script).unwrap();
        std::fs::set_permissions(&editor, std::fs::Permissions::from_mode(0o700)).unwrap();
    };
    write_editor(
        "#!/bin/sh\nsed -i -e 's/^Subject: .*/Subject: Your report/' \
         -e 's/^Hello Ada Lovelace,/Dear Ada,/' \"$1\"\n",
    );
    let out = env
        .disclose_at(NOW)
        .env("EDITOR", &editor)
        .args(["ack", ID, "--draft", "--edit"])
        .assert()
        .success();
    let text = stdout(&out);
    assert!(
        text.starts_with(
            "To: Ada Lovelace <ada@example.org>\nSubject: Your report [DISC-2026-M41K5]\n\nDear Ada,\n"
        ),
        "{text}"
    );
    assert_eq!(env.case(ID)["state"], "acknowledged");

    // An editor that fails, or a draft emptied, records nothing.
    let env = self::env();
    let before = env.snapshot_bytes();
    for script in ["#!/bin/sh\nexit 1\n", "#!/bin/sh\n: > \"$1\"\n"] {
        write_editor(script);
        env.disclose_at(NOW)
            .env("EDITOR", &editor)
            .args(["ack", ID, "--draft", "--edit"])
            .assert()
            .code(1);
    }
    env.disclose_at(NOW)
        .args(["ack", ID, "--draft", "--edit"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("EDITOR"));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn an_eml_needs_a_recipient() {
    let env = TestEnv::init();
    let id = env.open("Report by a web form", &["--reporter-name", "Bo"]);
    run(&env, &[&["ack", &id]]);
    let before = env.snapshot_bytes();
    let path = env.root.join("update.eml");
    env.disclose_at(NOW)
        .args(["contact", &id, "--draft", "update", "--eml"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no recipient"))
        .stderr(predicate::str::contains("--to EMAIL"));
    assert!(!path.exists());
    assert_eq!(before, env.snapshot_bytes());
    // The acknowledgement is not recorded when its .eml has nobody to go to.
    let other = env.open("Another", &[]);
    let before = env.snapshot_bytes();
    env.disclose_at(NOW)
        .args(["ack", &other, "--eml"])
        .arg(&path)
        .assert()
        .code(2);
    assert_eq!(before, env.snapshot_bytes());
    // Without --eml, the draft is printed and says what it lacks.
    let out = env
        .disclose_at(NOW)
        .args(["contact", &id, "--draft", "update"])
        .assert()
        .success();
    assert!(stdout(&out).starts_with("Subject: "), "{}", stdout(&out));
    assert!(
        stderr(&out).contains("no reporter email"),
        "{}",
        stderr(&out)
    );
    // --to gives the address.
    env.disclose_at(NOW)
        .args([
            "contact",
            &id,
            "--draft",
            "update",
            "--to",
            "bo@example.net",
            "--eml",
        ])
        .arg(&path)
        .assert()
        .success();
    let eml = std::fs::read_to_string(&path).unwrap();
    assert!(eml.contains("\r\nTo: \"Bo\" <bo@example.net>\r\n"), "{eml}");
}

#[test]
fn drafts_of_an_internal_finding_are_refused() {
    let env = TestEnv::init();
    let id = env.open("Found in review", &["--internal"]);
    let before = env.snapshot_bytes();
    for args in [
        &["contact", &id, "--draft", "update"][..],
        &["contact", &id, "--draft", "need-info", "--force"][..],
        &["contact", &id, "--to-reporter", "hello?"][..],
        &["ack", &id, "--draft"][..],
    ] {
        env.disclose_at(NOW)
            .args(args)
            .assert()
            .code(1)
            .stderr(predicate::str::contains("internal finding"));
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
    let out = env
        .disclose_at(NOW)
        .args(["ack", ID, "--eml"])
        .arg(&path)
        .assert()
        .success();
    let err = stderr(&out);
    assert!(err.contains("reply.eml"), "{err}");
    assert!(err.contains("nothing to log"), "{err}");
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
    let message_id = id_line
        .trim_start_matches("Message-ID: <")
        .trim_end_matches('>')
        .to_owned();
    let head = head.replace(id_line, "Message-ID: <[random]>");
    insta::assert_snapshot!(head);
    assert!(eml.contains("tracking it as DISC-2026-M41K5"));

    // Recorded once: the acknowledgement carries the message sent with it.
    let case = env.case(ID);
    assert_eq!(case["state"], "acknowledged");
    assert_eq!(case["events"].as_array().unwrap().len(), 2);
    assert_eq!(case["contacts"].as_array().unwrap().len(), 1);
    let contact = &case["contacts"][0];
    assert_eq!(contact["direction"], "to-reporter");
    assert_eq!(contact["at"], NOW);
    assert_eq!(contact["message_id"], message_id.as_str());
    assert!(
        contact["text"]
            .as_str()
            .unwrap()
            .starts_with("Hello Ada Lovelace,\n\nThank you for your report"),
        "{contact}"
    );
    assert_eq!(case["message_ids"].as_array().unwrap().len(), 2);
    // Logging the sent file afterwards is refused: it is in the case already.
    let before = env.snapshot_bytes();
    env.disclose_at("2026-03-02T10:05:00Z")
        .args(["contact", ID, "--from-email"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "already imported into DISC-2026-M41K5",
        ));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn a_contact_eml_is_logged_once_sent() {
    let env = env();
    run(&env, &[&["ack", ID]]);
    let path = env.root.join("update.eml");
    let out = env
        .disclose_at(NOW)
        .args(["contact", ID, "--draft", "update", "--eml"])
        .arg(&path)
        .assert()
        .success();
    assert!(
        stderr(&out).contains(&format!("disclose contact {ID} --from-email")),
        "{}",
        stderr(&out)
    );
    assert_eq!(env.case(ID)["contacts"], serde_json::json!([]));
    env.disclose_at("2026-03-02T10:05:00Z")
        .args(["contact", ID, "--from-email"])
        .arg(&path)
        .assert()
        .success();
    let case = env.case(ID);
    assert_eq!(case["contacts"].as_array().unwrap().len(), 1);
    assert_eq!(case["contacts"][0]["direction"], "to-reporter");
}

#[test]
fn eml_to_stdout_and_a_bad_eml_path() {
    let env = env();
    run(&env, &[&["ack", ID]]);
    let text = draft(&env, &["contact", ID, "--draft", "update", "--eml", "-"]);
    assert!(text.contains("In-Reply-To: <plain-1@mail.example.org>\r\n"));
    assert!(text.contains("Content-Transfer-Encoding: quoted-printable\r\n"));
    let env = self::env();
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
    run(&env, &[&["ack", ID]]);
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
         Hi Ada Lovelace: under investigation. \
         Next word by Saturday 7 March\n2026; {braces} stay.\n"
    );
}

/// A store template may ask for a value the case does not have (a promise
/// that is off): refused, naming the file and why, rather than a false
/// sentence.
#[test]
fn a_template_that_asks_for_a_promise_that_is_off_is_refused() {
    let env = env();
    run(&env, &[&["ack", ID]]);
    let path = env.store.join("cases").join(format!("{ID}.json"));
    let text = std::fs::read_to_string(&path)
        .unwrap()
        .replace("\"update_every\": \"5d\"", "\"update_every\": \"off\"");
    std::fs::write(&path, text).unwrap();
    std::fs::create_dir_all(env.store.join("templates")).unwrap();
    std::fs::write(
        env.store.join("templates/update.txt"),
        "Next word by {next_update_by}.\n",
    )
    .unwrap();
    env.disclose_at(NOW)
        .args(["contact", ID, "--draft", "update"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("templates/update.txt"))
        .stderr(predicate::str::contains("update_every is off"));
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
