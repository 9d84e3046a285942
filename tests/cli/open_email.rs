//! `open --from-email` and `open --from-mbox` against the fixture messages
//! in tests/fixtures/emails/.

use std::path::PathBuf;

use predicates::prelude::*;
use serde_json::{Value, json};

use crate::common::{TestEnv, stderr, stdout};

pub(crate) fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/emails")
        .join(name)
}

/// Imports `name` and returns the new case's file.
pub(crate) fn import(env: &TestEnv, name: &str) -> Value {
    let out = env
        .disclose()
        .args(["open", "-q", "--from-email"])
        .arg(fixture(name))
        .assert()
        .success();
    env.case(stdout(&out).trim())
}

#[test]
fn a_plain_message_fills_the_case_and_its_sections() {
    let env = TestEnv::init();
    let case = import(&env, "plain.eml");
    assert_eq!(case["title"], "Path traversal in upload handler");
    assert_eq!(case["received_at"], "2026-03-01T09:15:00Z");
    assert_eq!(
        case["reporter"],
        json!({"name": "Ada Lovelace", "email": "ada@example.org", "handle": null})
    );
    assert_eq!(
        case["report"],
        json!({
            "description": "The upload handler joins the user-supplied file name to the upload\ndirectory without checking it, so a name with ../ escapes it.",
            "reproduction": "1. curl -F 'file=@x;filename=../../etc/cron.d/x' https://demo.example.org/upload\n2. Look at /etc/cron.d/x on the server.",
            "impact": "Any user can write any file the service can write.",
            "remediation": "Canonicalise the joined path and refuse names outside the directory."
        })
    );
    assert_eq!(case["source"]["message_id"], "plain-1@mail.example.org");
    assert_eq!(
        case["source"]["subject"],
        "Re: [SECURITY] Path traversal in upload handler"
    );
    assert_eq!(case["source"]["from"], "Ada Lovelace <ada@example.org>");
    assert_eq!(case["message_ids"], json!(["plain-1@mail.example.org"]));
    assert_eq!(
        case["events"][0]["source"]["message_id"],
        "plain-1@mail.example.org"
    );
    assert_eq!(case["credits"][0]["name"], "Ada Lovelace");
    assert_eq!(case["deadline"], "2026-05-30T09:15:00Z");
    assert!(case.get("attachments").is_none());
    let id = case["id"].as_str().unwrap();
    assert_eq!(env.commits()[0].0, format!("{id}: open"));
}

#[test]
fn multipart_alternative_prefers_the_text_part() {
    let env = TestEnv::init();
    let case = import(&env, "multipart-alternative.eml");
    assert_eq!(case["title"], "Stored XSS in the admin panel");
    assert_eq!(case["received_at"], "2026-03-01T03:01:00Z");
    assert_eq!(case["reporter"]["name"], "Grace Hopper");
    assert_eq!(
        case["report"]["description"],
        "The comment field is rendered without escaping."
    );
    assert_eq!(
        case["report"]["impact"],
        "An attacker runs script in an administrator's session."
    );
}

#[test]
fn base64_and_quoted_printable_bodies_are_decoded() {
    let env = TestEnv::init();
    let case = import(&env, "base64.eml");
    assert_eq!(case["title"], "Memory exhaustion with large headers");
    assert_eq!(
        case["reporter"],
        json!({"name": null, "email": "mallory@example.com", "handle": null})
    );
    assert_eq!(case["report"]["description"], "Base64 encoded report.");
    assert_eq!(case["report"]["reproduction"], "Send a 10 GB header.");
    assert_eq!(case["report"]["impact"], "the server runs out of memory.");

    let case = import(&env, "quoted-printable.eml");
    assert_eq!(
        case["report"]["description"],
        "Le filtre de redimensionnement déborde quand la largeur dépasse 65535 pixels, \
         and this line is long enough to need a soft line break in the middle."
    );
    assert_eq!(
        case["report"]["remediation"],
        "vérifier la taille avant la multiplication."
    );
}

#[test]
fn encoded_words_and_latin1_bodies_become_unicode() {
    let env = TestEnv::init();
    let case = import(&env, "encoded-headers.eml");
    assert_eq!(case["title"], "Désérialisation non sûre");
    assert_eq!(case["reporter"]["name"], "José García");
    assert_eq!(case["source"]["from"], "José García <jose@example.es>");

    let case = import(&env, "latin1.eml");
    assert_eq!(case["reporter"]["name"], "François");
    assert_eq!(
        case["report"]["description"],
        "Le paramètre « admin » est accepté sans vérification."
    );
}

#[test]
fn an_html_only_message_is_converted_to_text() {
    let env = TestEnv::init();
    let case = import(&env, "html-only.eml");
    assert_eq!(case["title"], "SQL injection in search");
    assert_eq!(
        case["report"]["description"],
        "The q parameter of search is concatenated into SQL."
    );
    assert_eq!(case["report"]["reproduction"], "Search for ' OR 1=1 --.");
}

#[test]
fn flags_override_the_email() {
    let env = TestEnv::init();
    let out = env
        .disclose()
        .args(["open", "-q", "--from-email"])
        .arg(fixture("plain.eml"))
        .args([
            "--title",
            "Arbitrary file write",
            "--reporter-name",
            "A. L.",
            "--reporter-handle",
            "ada",
            "--impact",
            "root",
            "--received",
            "2026-03-01T12:00:00Z",
        ])
        .assert()
        .success();
    let case = env.case(stdout(&out).trim());
    assert_eq!(case["title"], "Arbitrary file write");
    assert_eq!(
        case["reporter"],
        json!({"name": "A. L.", "email": "ada@example.org", "handle": "ada"})
    );
    assert_eq!(case["report"]["impact"], "root");
    assert_eq!(case["received_at"], "2026-03-01T12:00:00Z");
    assert_eq!(
        case["report"]["remediation"],
        "Canonicalise the joined path and refuse names outside the directory."
    );
}

#[test]
fn a_message_can_come_from_stdin() {
    let env = TestEnv::init();
    let out = env
        .disclose()
        .args(["open", "-q", "--from-email", "-"])
        .write_stdin(std::fs::read(fixture("plain.eml")).unwrap())
        .assert()
        .success();
    let case = env.case(stdout(&out).trim());
    assert_eq!(case["title"], "Path traversal in upload handler");
}

#[test]
fn importing_the_same_message_again_is_refused_naming_the_case() {
    let env = TestEnv::init();
    let first = import(&env, "plain.eml");
    let id = first["id"].as_str().unwrap();
    let before = env.snapshot_bytes();
    env.disclose()
        .args(["open", "--from-email"])
        .arg(fixture("plain.eml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "<plain-1@mail.example.org> was already imported into {id}"
        )));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn a_message_without_message_id_is_recognised_by_its_bytes() {
    let env = TestEnv::init();
    let path = env.root.join("no-id.eml");
    std::fs::write(
        &path,
        "From: a@example.org\r\nSubject: No id\r\nDate: Sun, 01 Mar 2026 10:00:00 +0000\r\n\r\nbody\r\n",
    )
    .unwrap();
    let out = env
        .disclose()
        .args(["open", "-q", "--from-email"])
        .arg(&path)
        .assert()
        .success();
    let case = env.case(stdout(&out).trim());
    assert!(case.get("message_ids").is_none());
    assert_eq!(case["source"]["sha256"].as_str().unwrap().len(), 64);
    env.disclose()
        .args(["open", "--from-email"])
        .arg(&path)
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "this message was already imported",
        ));
}

#[test]
fn attachments_are_stored_privately_with_safe_names_sizes_and_digests() {
    let env = TestEnv::init();
    let case = import(&env, "attachments.eml");
    let id = case["id"].as_str().unwrap();
    let attachments = case["attachments"].as_array().unwrap();
    let names: Vec<&str> = attachments
        .iter()
        .map(|a| a["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        ["poc.py", "passwd", "_evil_.sh", "poc-2.py", "attachment"]
    );
    assert_eq!(attachments[1]["original_name"], "../../etc/passwd");
    assert_eq!(
        attachments[2]["original_name"],
        "../\u{FFFD}evil\u{FFFD}.sh"
    );
    assert!(attachments[0].get("original_name").is_none());
    assert_eq!(
        attachments[0],
        json!({
            "name": "poc.py",
            "path": format!("attachments/{id}/poc.py"),
            "size": 36,
            "sha256": "caa00ce2d74fab581d5895a842f8ff05dc0d5e69c8af17e01123d63bea26a1a0",
            "content_type": "text/x-python",
            "message_id": "att-1@mail.example.org"
        })
    );
    let dir = env.store.join("attachments").join(id);
    let mut on_disk: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    assert_eq!(
        on_disk,
        ["_evil_.sh", "attachment", "passwd", "poc-2.py", "poc.py"]
    );
    assert_eq!(
        std::fs::read(dir.join("passwd")).unwrap(),
        b"root:x:0:0:root:/root:/bin/bash\n"
    );
    assert!(!env.root.join("etc").exists());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(dir.join("poc.py"))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "attachments are private: {mode:o}");
    }
    // One commit holds the case and its files, and the tree is clean.
    assert_eq!(env.commits()[0].0, format!("{id}: open"));
    let repo = git2::Repository::open(&env.store).unwrap();
    assert!(repo.statuses(None).unwrap().is_empty());
    let head = repo.head().unwrap().peel_to_tree().unwrap();
    assert!(
        head.get_path(std::path::Path::new(&format!("attachments/{id}/poc.py")))
            .is_ok()
    );
    let out = env.disclose().args(["show", id]).assert().success();
    assert!(
        stdout(&out).contains(&format!(
            "Attachments (private, never exported):\n  attachments/{id}/poc.py  36 bytes  \
             text/x-python  sha256 caa00ce2d74fab581d5895a842f8ff05dc0d5e69c8af17e01123d63bea26a1a0\n"
        )),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_message_over_the_size_limit_is_refused() {
    let env = TestEnv::init();
    env.disclose()
        .args(["open", "--max-size", "1K", "--from-email"])
        .arg(fixture("attachments.eml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("larger than the limit of 1KB"))
        .stderr(predicate::str::contains("--max-size"));
    env.disclose()
        .args(["open", "--max-size", "1K", "--from-mbox"])
        .arg(fixture("thread.mbox"))
        .assert()
        .success();
    env.disclose()
        .args(["open", "--max-size", "100", "--from-mbox"])
        .arg(fixture("thread.mbox"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("message 1: the message is"))
        .stderr(predicate::str::contains("over the limit of 100 bytes"));
    env.disclose()
        .args(["open", "--max-size", "lots", "--from-email"])
        .arg(fixture("plain.eml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("--max-size"));
    assert_eq!(env.case_ids().len(), 1);
}

#[test]
fn bad_messages_exit_2_naming_the_problem_and_change_nothing() {
    let env = TestEnv::init();
    let before = env.snapshot_bytes();
    for (file, problem) in [
        ("not-an-email.txt", "not an email message"),
        ("no-from.eml", "the message has no From address"),
        ("broken-mime.eml", "broken MIME structure"),
        ("unknown-charset.eml", "unknown charset \"x-martian-7\""),
        ("missing.eml", "missing.eml"),
    ] {
        let out = env
            .disclose()
            .args(["open", "--from-email"])
            .arg(fixture(file))
            .assert()
            .code(2);
        let err = stderr(&out);
        assert!(err.contains(problem), "{file}: {err}");
        assert!(err.contains(file), "{file}: {err}");
    }
    env.disclose()
        .args(["open", "--from-mbox"])
        .arg(fixture("plain.eml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not an mbox file"));
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn bad_input_creates_no_store() {
    let env = TestEnv::new();
    env.disclose()
        .args(["open", "--from-email"])
        .arg(fixture("no-from.eml"))
        .assert()
        .code(2);
    assert!(!env.store.exists());
}

#[test]
fn an_mbox_thread_opens_one_case_and_logs_the_replies_in_order() {
    let env = TestEnv::init();
    let out = env
        .disclose()
        .args(["open", "--from-mbox"])
        .arg(fixture("thread.mbox"))
        .assert()
        .success();
    assert!(stderr(&out).contains("logged 2 later messages of the thread as contacts"));
    let id = stdout(&out).trim().to_owned();
    assert_eq!(env.case_ids(), std::slice::from_ref(&id));
    let case = env.case(&id);
    assert_eq!(case["title"], "Session fixation after login");
    assert_eq!(case["reporter"]["email"], "ada@example.org");
    assert_eq!(
        case["contacts"],
        json!([
            {
                "at": "2026-03-01T12:00:00Z",
                "by": "Test Maintainer <maintainer@example.org>",
                "direction": "to-reporter",
                "text": "Thanks, we are looking into it. Which version?",
                "message_id": "thread-2@example.org"
            },
            {
                "at": "2026-03-01T13:00:00Z",
                "by": "Test Maintainer <maintainer@example.org>",
                "direction": "from-reporter",
                "text": "Version 1.4.1.\nFrom the logs it started in 1.4.0.",
                "message_id": "thread-3@mail.example.org"
            }
        ])
    );
    assert_eq!(
        case["message_ids"],
        json!([
            "thread-1@mail.example.org",
            "thread-2@example.org",
            "thread-3@mail.example.org"
        ])
    );
    let kinds: Vec<&str> = case["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["opened", "contact-logged", "contact-logged"]);
    // The whole thread is one commit.
    let commits = env.commits();
    assert_eq!(commits.len(), 2);
    assert_eq!(commits[0].0, format!("{id}: open (with 2 replies)"));

    // Importing it again is refused, naming the case.
    env.disclose()
        .args(["open", "--from-mbox"])
        .arg(fixture("thread.mbox"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains(format!(
            "already imported into {id}"
        )));
}

#[test]
fn an_mbox_exported_newest_first_opens_the_case_from_the_report() {
    let env = TestEnv::init();
    let mbox = std::fs::read_to_string(fixture("thread.mbox")).unwrap();
    let mut messages: Vec<String> = Vec::new();
    for line in mbox.split_inclusive('\n') {
        if line.starts_with("From ") || messages.is_empty() {
            messages.push(String::new());
        }
        messages.last_mut().unwrap().push_str(line);
    }
    assert_eq!(messages.len(), 3);
    messages.reverse();
    let reversed = env.root.join("newest-first.mbox");
    std::fs::write(&reversed, messages.concat()).unwrap();

    let out = env
        .disclose()
        .args(["open", "--from-mbox"])
        .arg(&reversed)
        .assert()
        .success();
    let id = stdout(&out).trim().to_owned();
    assert_eq!(env.case_ids(), std::slice::from_ref(&id));
    let case = env.case(&id);
    assert_eq!(case["title"], "Session fixation after login");
    assert_eq!(case["reporter"]["email"], "ada@example.org");
    let contacts: Vec<&str> = case["contacts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["message_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        contacts,
        ["thread-2@example.org", "thread-3@mail.example.org"]
    );
}

#[test]
fn an_mbox_with_two_threads_opens_two_cases_one_commit_each() {
    let env = TestEnv::init();
    let mut mbox = std::fs::read(fixture("thread.mbox")).unwrap();
    mbox.extend_from_slice(
        b"From b@example.net Mon Mar  2 08:00:00 2026\n\
          From: Bob <b@example.net>\nSubject: Another bug\n\
          Date: Mon, 02 Mar 2026 08:00:00 +0000\nMessage-ID: <other@example.net>\n\n\
          Another one.\n",
    );
    let path = env.root.join("two.mbox");
    std::fs::write(&path, mbox).unwrap();
    env.disclose()
        .args(["open", "--title", "x", "--from-mbox"])
        .arg(&path)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("holds 2 threads"));
    let out = env
        .disclose()
        .args(["open", "--json", "--from-mbox"])
        .arg(&path)
        .assert()
        .success();
    let cases: Vec<Value> = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(cases.len(), 2);
    assert_eq!(cases[1]["title"], "Another bug");
    assert_eq!(cases[1]["contacts"], json!([]));
    assert_eq!(env.commits().len(), 3);
}

#[test]
fn names_git_and_file_systems_refuse_are_stored_under_safe_names() {
    let env = TestEnv::init();
    let long = format!("{}.txt", "a".repeat(300));
    let mut raw = String::from(
        "From: a@example.org\r\nSubject: names\r\nMessage-ID: <names@x>\r\n\
         Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n\
         --b\r\nContent-Type: text/plain\r\n\r\nsee files\r\n",
    );
    for name in [".git", "GIT~1", "CON", "..", " ", &long] {
        raw.push_str(&format!(
            "--b\r\nContent-Type: application/octet-stream\r\n\
             Content-Disposition: attachment; filename=\"{name}\"\r\n\r\nx\r\n"
        ));
    }
    raw.push_str("--b--\r\n");
    let path = env.root.join("names.eml");
    std::fs::write(&path, raw).unwrap();
    let out = env
        .disclose()
        .args(["open", "-q", "--from-email"])
        .arg(&path)
        .assert()
        .success();
    let case = env.case(stdout(&out).trim());
    let names: Vec<String> = case["attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        &names[..5],
        ["git", "_GIT~1", "_CON", "attachment", "attachment-2"]
    );
    assert!(
        names[5].len() <= 100 && names[5].ends_with(".txt"),
        "{}",
        names[5]
    );
    let repo = git2::Repository::open(&env.store).unwrap();
    assert!(repo.statuses(None).unwrap().is_empty());
}

#[test]
fn a_reply_opened_as_a_new_case_is_warned_about() {
    let env = TestEnv::init();
    let first = import(&env, "plain.eml");
    let path = env.root.join("reply.eml");
    std::fs::write(
        &path,
        "From: ada@example.org\r\nSubject: Re: Path traversal\r\nMessage-ID: <r@x>\r\n\
         In-Reply-To: <plain-1@mail.example.org>\r\n\r\nmore\r\n",
    )
    .unwrap();
    let out = env
        .disclose()
        .args(["open", "--from-email"])
        .arg(&path)
        .assert()
        .success();
    let id = first["id"].as_str().unwrap();
    assert!(
        stderr(&out).contains(&format!("replies to a message of {id}")),
        "{}",
        stderr(&out)
    );
}
