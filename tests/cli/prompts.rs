//! Prompts on a real (pseudo-)terminal: `open` asks for what its flags
//! leave out, Ctrl-D at a prompt cancels with nothing changed, and reading
//! `-` from a terminal says how to end the input. Covers issue #18.

use crate::common::TestEnv;

const CTRL_D: &[u8] = b"\x04";

#[test]
fn open_on_a_terminal_asks_for_title_reporter_and_description() {
    let env = TestEnv::init();
    let screen = env.on_terminal(
        &["open"],
        80,
        &[
            ("Title: ", b"Path traversal in upload\n"),
            ("Reporter's name (Enter to skip): ", b"Ada L.\n"),
            // A bad address is asked again, saying why.
            ("Reporter's email (Enter to skip): ", b"not-an-address\n"),
            ("Ctrl-D cancels", b"ada@example.org\n"),
            (
                "a line with only a dot",
                b"First line.\n\nAfter a blank line.\n.\n",
            ),
        ],
    );
    assert!(screen.status.success(), "{}", screen.text);
    let ids = env.case_ids();
    assert_eq!(ids.len(), 1, "{}", screen.text);
    let case = env.case(&ids[0]);
    assert_eq!(case["title"], "Path traversal in upload");
    assert_eq!(case["reporter"]["name"], "Ada L.");
    assert_eq!(case["reporter"]["email"], "ada@example.org");
    assert_eq!(
        case["report"]["description"],
        "First line.\n\nAfter a blank line."
    );
    assert!(
        screen.text.contains("is not an email address"),
        "{}",
        screen.text
    );
    assert!(screen.text.contains("Next:"), "{}", screen.text);
}

#[test]
fn ctrl_d_at_the_title_prompt_cancels_and_changes_nothing() {
    let env = TestEnv::init();
    let before = env.snapshot_bytes();
    let screen = env.on_terminal(&["open"], 80, &[("Title: ", CTRL_D)]);
    assert_eq!(screen.status.code(), Some(1), "{}", screen.text);
    assert!(
        screen
            .text
            .contains("cancelled at the prompt; nothing was changed"),
        "{}",
        screen.text
    );
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn ctrl_d_at_a_later_prompt_cancels_too() {
    let env = TestEnv::init();
    let before = env.snapshot_bytes();
    let screen = env.on_terminal(
        &["open", "--reporter-name", "Ada"],
        80,
        &[
            ("Title: ", b"Something\n"),
            ("a line with only a dot", b"half a description\n"),
            ("half a description", CTRL_D),
        ],
    );
    assert_eq!(screen.status.code(), Some(1), "{}", screen.text);
    assert_eq!(before, env.snapshot_bytes());
}

#[test]
fn no_input_never_prompts_even_on_a_terminal() {
    let env = TestEnv::init();
    let screen = env.on_terminal(&["--no-input", "open"], 80, &[]);
    assert_eq!(screen.status.code(), Some(2), "{}", screen.text);
    assert!(screen.text.contains("missing --title"), "{}", screen.text);
}

#[test]
fn reading_dash_from_a_terminal_says_how_to_end_the_input() {
    let env = TestEnv::init();
    let id = env.open("x", &[]);
    let screen = env.on_terminal(
        &["note", &id, "-"],
        80,
        &[
            ("Ctrl-D on a new line", b"Typed at the terminal.\n"),
            ("Typed at the terminal.", CTRL_D),
        ],
    );
    assert!(screen.status.success(), "{}", screen.text);
    assert!(
        screen.text.contains("Reading TEXT from the terminal"),
        "{}",
        screen.text
    );
    assert_eq!(env.case(&id)["notes"][0]["text"], "Typed at the terminal.");
}
