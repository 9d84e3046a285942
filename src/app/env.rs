//! Every `DISCLOSE_*` variable (and `NO_COLOR`, `VISUAL`, `EDITOR`, `PATH`,
//! `MANPATH`) is read here, once, so the rest of the code takes its
//! overrides as plain values.

use std::ffi::OsString;
use std::path::PathBuf;

/// The environment overrides in force for one run.
#[derive(Debug, Clone, Default)]
pub struct Env {
    /// `DISCLOSE_DIR`: the case store, below `--dir` and above the config file.
    pub dir: Option<PathBuf>,
    /// `DISCLOSE_NOW`: the current time (RFC 3339), for tests and "what if" runs.
    pub now: Option<String>,
    /// `DISCLOSE_AUTHOR_NAME` / `DISCLOSE_AUTHOR_EMAIL`: commit identity when git has none.
    pub author_name: Option<String>,
    pub author_email: Option<String>,
    /// `NO_COLOR` (any non-empty value) turns color off in `auto` mode.
    pub no_color: bool,
    /// `PATH` and `MANPATH`, which decide where `man` looks for pages
    /// (`disclose man --install` says whether it will find them).
    pub path: Option<OsString>,
    pub man_path: Option<OsString>,
    /// `VISUAL`, else `EDITOR`: what `--edit` (describe, drafts) opens.
    pub editor: Option<String>,
    /// `DISCLOSE_FAULT=<step>[:kill]`: a crash point in every change, for
    /// the fault-injection tests (see `store::fault`).
    pub fault: Option<String>,
}

fn non_empty(value: Option<OsString>) -> Option<OsString> {
    value.filter(|v| !v.is_empty())
}

impl Env {
    pub fn from_process() -> Self {
        let var = |name: &str| non_empty(std::env::var_os(name));
        let text = |name: &str| var(name).map(|v| v.to_string_lossy().into_owned());
        Self {
            dir: var("DISCLOSE_DIR").map(PathBuf::from),
            now: text("DISCLOSE_NOW"),
            author_name: text("DISCLOSE_AUTHOR_NAME"),
            author_email: text("DISCLOSE_AUTHOR_EMAIL"),
            no_color: var("NO_COLOR").is_some(),
            path: var("PATH"),
            man_path: var("MANPATH"),
            editor: text("VISUAL").or_else(|| text("EDITOR")),
            fault: text("DISCLOSE_FAULT"),
        }
    }
}
