//! Values the user supplies beyond plain flags: text from a file or stdin,
//! and prompts on a terminal. Every prompt has a flag, so scripts never hang.

use std::io::{BufRead as _, IsTerminal as _, Read as _, Write as _};
use std::path::Path;

use crate::app::ui::Ui;
use crate::error::{Error, Result};
use crate::model::case::Event;
use crate::model::limits;

/// Says how to end the input when `-` is read from a terminal, where the
/// command would otherwise seem to hang.
fn tell_how_to_end(flag: &str) {
    if std::io::stdin().is_terminal() {
        let end = if cfg!(windows) {
            "Ctrl-Z then Enter"
        } else {
            "Ctrl-D on a new line"
        };
        let _ = writeln!(
            std::io::stderr(),
            "Reading {flag} from the terminal: type or paste it, then press {end} (Ctrl-C cancels)."
        );
    }
}

/// Reads text from `path`, or from stdin when `path` is `-`, refusing more
/// than `limits::FILE_BYTES` without reading past it.
pub fn read_text(path: &Path, flag: &str) -> Result<String> {
    let limit = limits::FILE_BYTES;
    let name = path.display();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let mut bytes = Vec::new();
    if path == Path::new("-") {
        tell_how_to_end(flag);
        std::io::stdin()
            .take(cap)
            .read_to_end(&mut bytes)
            .map_err(|e| Error::input(format!("{flag} -: cannot read stdin: {e}")))?;
    } else {
        std::fs::File::open(path)
            .and_then(|f| f.take(cap).read_to_end(&mut bytes))
            .map_err(|e| Error::input(format!("{flag} {name}: {e}")))?;
    }
    if bytes.len() > limit {
        return Err(Error::input(format!(
            "{flag} {name}: larger than the limit of {} for a text",
            limits::bytes_in_words(limit as u64)
        ))
        .with_hint("nothing was changed; keep the text shorter"));
    }
    String::from_utf8(bytes)
        .map_err(|_| Error::input(format!("{flag} {name}: the file is not UTF-8 text")))
}

/// Refuses a new case with a text over its limit, naming the field.
pub fn check_new_case(new: &crate::model::case::NewCase) -> Result<()> {
    limits::new_case(new).map_err(too_long)
}

fn too_long(e: limits::TooLong) -> Error {
    Error::input(e.to_string())
        .with_hint(format!("nothing was changed; limits: {}", limits::SUMMARY))
}

/// Refuses events carrying a text over its limit (see `model::limits`),
/// naming the field; called before anything is written.
pub fn check_limits(events: &[Event]) -> Result<()> {
    for event in events {
        limits::event(event).map_err(too_long)?;
    }
    Ok(())
}

/// Reads bytes from `path`, or from stdin when `path` is `-`, refusing
/// input over `limit` bytes without reading more than that.
pub fn read_bytes(path: &Path, flag: &str, limit: usize) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let name = path.display();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    let result = if path == Path::new("-") {
        tell_how_to_end(flag);
        std::io::stdin().take(cap).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(cap).read_to_end(&mut bytes))
    };
    result.map_err(|e| Error::input(format!("{flag} {name}: {e}")))?;
    if bytes.len() > limit {
        return Err(Error::input(format!(
            "{flag} {name}: the message is larger than the limit of {}",
            crate::email::ByteSize(limit)
        ))
        .with_hint("raise the limit with --max-size, e.g. --max-size 50MB"));
    }
    Ok(bytes)
}

/// The refusal for Ctrl-D at a prompt: the user changed their mind.
fn cancelled() -> Error {
    Error::refused("cancelled at the prompt; nothing was changed")
}

/// Shows `prompt` on stderr and reads one line from the terminal. Ctrl-D
/// (end of input) cancels the command. The terminal itself edits the line
/// (backspace, Ctrl-U), as it does for `read` in a shell.
fn ask(prompt: &str) -> Result<String> {
    let mut err = std::io::stderr().lock();
    let _ = write!(err, "{prompt}: ");
    let _ = err.flush();
    drop(err);
    let mut line = String::new();
    let read = std::io::stdin()
        .lock()
        .read_line(&mut line)
        .map_err(|e| Error::input(format!("{prompt}: cannot read the answer: {e}")))?;
    if read == 0 {
        let _ = writeln!(std::io::stderr());
        return Err(cancelled());
    }
    Ok(line.trim().to_owned())
}

/// Asks until the answer passes `check` (which says what is wrong).
fn ask_until(
    prompt: &str,
    check: impl Fn(&str) -> std::result::Result<(), String>,
) -> Result<String> {
    loop {
        let answer = ask(prompt)?;
        match check(&answer) {
            Ok(()) => return Ok(answer),
            Err(why) => {
                let _ = writeln!(std::io::stderr(), "{why} (Ctrl-D cancels)");
            }
        }
    }
}

/// A required value: the flag's, else a prompt, else an error naming the flag.
pub fn required(ui: &Ui, value: Option<&str>, flag: &str, prompt: &str) -> Result<String> {
    if let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) {
        return Ok(v.to_owned());
    }
    if value.is_some() {
        return Err(Error::input(format!("{flag} must not be empty")));
    }
    if !ui.can_prompt() {
        return Err(Error::input(format!(
            "missing {flag} (no terminal to prompt on; pass {flag} or run interactively)"
        )));
    }
    ask_until(prompt, |answer| {
        if answer.is_empty() {
            Err(format!("{prompt} is required"))
        } else {
            Ok(())
        }
    })
}

/// An optional value: the flag's, else (on a terminal) a prompt that may be
/// left empty. `check` vets a typed answer; a bad one is asked again.
pub fn optional(
    ui: &Ui,
    value: Option<&str>,
    prompt: &str,
    check: impl Fn(&str) -> std::result::Result<(), String>,
) -> Result<Option<String>> {
    if let Some(v) = value {
        let v = v.trim();
        return Ok((!v.is_empty()).then(|| v.to_owned()));
    }
    if !ui.can_prompt() {
        return Ok(None);
    }
    let answer = ask_until(&format!("{prompt} (Enter to skip)"), |answer| {
        if answer.is_empty() {
            Ok(())
        } else {
            check(answer)
        }
    })?;
    Ok((!answer.is_empty()).then_some(answer))
}

/// Several lines typed at a prompt, ended by a line holding only `.` (so a
/// pasted report keeps its blank lines); an empty first line skips it.
/// Ctrl-D cancels, as at every prompt.
pub fn optional_lines(ui: &Ui, prompt: &str) -> Result<Option<String>> {
    if !ui.can_prompt() {
        return Ok(None);
    }
    let _ = writeln!(
        std::io::stderr(),
        "{prompt}: type or paste it, then a line with only a dot (Enter alone skips it)."
    );
    let mut lines: Vec<String> = Vec::new();
    loop {
        let mut line = String::new();
        let read = std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Error::input(format!("{prompt}: cannot read the answer: {e}")))?;
        if read == 0 {
            let _ = writeln!(std::io::stderr());
            return Err(cancelled());
        }
        let line = line.trim_end_matches(['\n', '\r']);
        if line == "." || (lines.is_empty() && line.trim().is_empty()) {
            break;
        }
        lines.push(line.to_owned());
    }
    let text = lines.join("\n").trim().to_owned();
    Ok((!text.is_empty()).then_some(text))
}

/// Refuses an instant after `now` (a time the user typed for something that
/// already happened).
pub fn check_not_future(
    at: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
    flag: &str,
) -> Result<()> {
    use crate::model::time::rfc3339;
    if at > now {
        return Err(Error::input(format!(
            "{flag} {} is in the future (now is {})",
            rfc3339(at),
            rfc3339(now)
        )));
    }
    Ok(())
}
