//! `--edit`: text opened in the user's editor (`VISUAL`, else `EDITOR`) and
//! read back. The file is private (0600) and removed afterwards.

use std::io::Write as _;

use crate::app::env::Env;
use crate::error::{Error, Result};

/// Opens `text` in the editor and returns what was saved. `name` ends the
/// temporary file's name (`.txt`, `.eml`), so the editor can pick a mode.
pub fn edit(env: &Env, text: &str, name: &str) -> Result<String> {
    let Some(editor) = env.editor.as_deref() else {
        return Err(Error::input("--edit needs an editor, and neither VISUAL nor EDITOR is set")
            .with_hint("set one, e.g. `export EDITOR=vi`, or leave out --edit"));
    };
    let failed = |e: std::io::Error| Error::io("write the text to edit", e);
    let mut file = tempfile::Builder::new()
        .prefix("disclose-")
        .suffix(name)
        .tempfile()
        .map_err(failed)?;
    file.write_all(text.as_bytes()).map_err(failed)?;
    file.flush().map_err(failed)?;
    // Through the shell, so `EDITOR="code --wait"` works as it does for git.
    let status = std::process::Command::new("sh")
        .arg("-c")
        .arg(format!("{editor} \"$1\""))
        .arg("sh")
        .arg(file.path())
        .status()
        .map_err(|e| Error::io(format!("run the editor {editor:?}"), e))?;
    if !status.success() {
        return Err(Error::refused(format!(
            "the editor {editor:?} exited with {status}; nothing was recorded"
        )));
    }
    let bytes = std::fs::read(file.path()).map_err(|e| Error::io("read the edited text", e))?;
    String::from_utf8(bytes).map_err(|_| Error::input("the edited text is not UTF-8"))
}
