//! The one error type the binary prints, and the exit codes of the design:
//! 0 success, 1 refused (or a `check` breach), 2 bad input, 3 store or git failure.

use std::path::PathBuf;

/// Everything that can stop a command. Each kind carries its exit code.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// Bad usage or bad input: exit 2, nothing changed.
    #[error("{message}")]
    Input {
        message: String,
        hint: Option<String>,
    },
    /// A move the state or the policy forbids, or a `check` breach: exit 1.
    #[error("{message}")]
    Refused {
        message: String,
        hint: Option<String>,
    },
    /// A case or policy file that does not parse: exit 3, named with line and column.
    #[error("{}:{line}:{column}: {source}", .path.display())]
    BadFile {
        path: PathBuf,
        line: usize,
        column: usize,
        #[source]
        source: serde_json::Error,
    },
    /// A store that is missing pieces or is not a store at all: exit 3.
    #[error("{message}")]
    Store {
        message: String,
        hint: Option<String>,
    },
    /// The store or git failed: exit 3.
    #[error("git failed to {action}")]
    Git {
        action: String,
        #[source]
        source: git2::Error,
    },
    /// A file operation failed; `action` names the file.
    #[error("failed to {action}")]
    Io {
        action: String,
        #[source]
        source: std::io::Error,
    },
    /// Several errors collected while the command went on (e.g. broken case files).
    #[error("{}", summarize(.0))]
    Many(Vec<Self>),
    /// A failure the command's product already reports (the findings of
    /// `check --json`): only the exit code is left to give.
    #[error("{message}")]
    Reported { message: String, code: u8 },
}

fn summarize(errors: &[Error]) -> String {
    match errors {
        [one] => one.to_string(),
        _ => format!("{} errors", errors.len()),
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    pub fn input(message: impl Into<String>) -> Self {
        Self::Input {
            message: message.into(),
            hint: None,
        }
    }

    pub fn refused(message: impl Into<String>) -> Self {
        Self::Refused {
            message: message.into(),
            hint: None,
        }
    }

    pub fn store(message: impl Into<String>) -> Self {
        Self::Store {
            message: message.into(),
            hint: None,
        }
    }

    pub fn git(action: impl Into<String>, source: git2::Error) -> Self {
        Self::Git {
            action: action.into(),
            source,
        }
    }

    pub fn io(action: impl Into<String>, source: std::io::Error) -> Self {
        Self::Io {
            action: action.into(),
            source,
        }
    }

    pub fn bad_file(path: impl Into<PathBuf>, source: serde_json::Error) -> Self {
        Self::BadFile {
            path: path.into(),
            line: source.line(),
            column: source.column(),
            source,
        }
    }

    /// Attaches a hint (printed as `hint: ...`) to the kinds that carry one.
    #[must_use]
    pub fn with_hint(mut self, text: impl Into<String>) -> Self {
        match &mut self {
            Self::Input { hint, .. } | Self::Refused { hint, .. } | Self::Store { hint, .. } => {
                *hint = Some(text.into());
            }
            _ => {}
        }
        self
    }

    pub fn hint(&self) -> Option<&str> {
        match self {
            Self::Input { hint, .. } | Self::Refused { hint, .. } | Self::Store { hint, .. } => {
                hint.as_deref()
            }
            _ => None,
        }
    }

    pub fn exit_code(&self) -> u8 {
        match self {
            Self::Refused { .. } => 1,
            Self::Input { .. } => 2,
            Self::BadFile { .. } | Self::Store { .. } | Self::Git { .. } | Self::Io { .. } => 3,
            Self::Many(errors) => errors.iter().map(Self::exit_code).max().unwrap_or(3),
            Self::Reported { code, .. } => *code,
        }
    }

    /// The same failure, left to the product to report (see `Reported`).
    #[must_use]
    pub fn reported(self) -> Self {
        Self::Reported {
            message: self.to_string(),
            code: self.exit_code(),
        }
    }

    /// The chain of causes below this error, outermost first. A bad file's
    /// message already quotes its parser's, so it has none.
    pub fn causes(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut source = match self {
            Self::BadFile { .. } => None,
            _ => std::error::Error::source(self),
        };
        while let Some(cause) = source {
            out.push(cause.to_string());
            source = cause.source();
        }
        out
    }

    /// The kind of failure, as `--json` names it.
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Input { .. } => "input",
            Self::Refused { .. } => "refused",
            Self::BadFile { .. } => "bad-file",
            Self::Store { .. } => "store",
            Self::Git { .. } => "git",
            Self::Io { .. } => "io",
            Self::Many(_) => "many",
            Self::Reported { .. } => "reported",
        }
    }

    /// The error object `--json` prints: `{kind, message, exit_code, hint,
    /// causes}`, plus `file`, `line` and `column` for a bad file and
    /// `errors` (each such an object) for several.
    pub fn to_json(&self) -> serde_json::Value {
        let mut value = serde_json::json!({
            "kind": self.kind(),
            "message": self.to_string(),
            "exit_code": self.exit_code(),
            "hint": self.hint(),
            "causes": self.causes(),
        });
        match self {
            Self::BadFile {
                path, line, column, ..
            } => {
                value["file"] = serde_json::json!(path);
                value["line"] = serde_json::json!(line);
                value["column"] = serde_json::json!(column);
            }
            Self::Many(errors) => {
                value["errors"] = errors.iter().map(Self::to_json).collect();
            }
            _ => {}
        }
        value
    }

    /// A closed stdout (`disclose status | head`) ends the command quietly.
    pub fn is_broken_pipe(&self) -> bool {
        matches!(self, Self::Io { source, .. } if source.kind() == std::io::ErrorKind::BrokenPipe)
    }
}

impl From<std::io::Error> for Error {
    fn from(source: std::io::Error) -> Self {
        Self::io("write output", source)
    }
}
