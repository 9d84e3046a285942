//! Text edited in the user's editor (`$VISUAL`, else `$EDITOR`), as git
//! does it: the text goes into a private temporary file, the editor runs
//! on it through the shell (so `EDITOR='code --wait'` works), and the file
//! is read back once the editor exits.

use std::process::Command;

use crate::error::{Error, Result};

/// The shell's status for a command it could not find or run.
const NOT_FOUND: i32 = 127;
const NOT_EXECUTABLE: i32 = 126;

/// Opens `text` in `editor` as a file named `name` and returns what was
/// saved. An editor that cannot be found is bad input; one that exits
/// unsuccessfully is the user cancelling, and nothing is recorded.
pub fn edit(editor: Option<&str>, name: &str, text: &str) -> Result<String> {
    let editor = editor.map(str::trim).filter(|e| !e.is_empty()).ok_or_else(|| {
        Error::input("no editor: neither $VISUAL nor $EDITOR is set")
            .with_hint("set one (`export EDITOR=vi`), or give the text with flags such as --summary and --details FILE")
    })?;
    // Private: the template may hold the reporter's words.
    let dir = tempfile::Builder::new()
        .prefix("disclose-edit-")
        .tempdir()
        .map_err(|e| Error::io("create a temporary directory for the editor", e))?;
    let path = dir.path().join(name);
    std::fs::write(&path, text).map_err(|e| Error::io(format!("write {}", path.display()), e))?;
    let status = Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(&path)
        .status()
        .map_err(|e| Error::io("start the shell to run the editor", e))?;
    match status.code() {
        Some(0) => {}
        Some(NOT_FOUND | NOT_EXECUTABLE) => {
            return Err(Error::input(format!(
                "the editor {editor:?} could not be run (not found or not executable)"
            ))
            .with_hint("set $VISUAL or $EDITOR to an editor on your PATH"));
        }
        Some(code) => {
            return Err(Error::refused(format!(
                "the editor {editor:?} exited with status {code}: nothing was recorded"
            )));
        }
        None => {
            return Err(Error::refused(format!(
                "the editor {editor:?} was stopped by a signal: nothing was recorded"
            )));
        }
    }
    let limit = crate::model::limits::FILE_BYTES;
    let mut bytes = Vec::new();
    std::fs::File::open(&path)
        .and_then(|f| {
            std::io::Read::read_to_end(&mut std::io::Read::take(f, limit as u64 + 1), &mut bytes)
        })
        .map_err(|e| Error::input(format!("the edited file {} is gone: {e}", path.display())))?;
    if bytes.len() > limit {
        return Err(Error::input(format!(
            "the edited text is larger than the limit of {}: nothing was recorded",
            crate::model::limits::bytes_in_words(limit as u64)
        )));
    }
    String::from_utf8(bytes)
        .map_err(|_| Error::input("the edited text is not UTF-8: nothing was recorded"))
}
