//! The only printer: stdout carries a command's product (an ID, a table,
//! JSON), stderr its status lines, warnings and errors.

use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;

use comfy_table::Table;
use serde::Serialize;

use crate::app::env::Env;
use crate::error::{Error, Result};

/// When to color output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

#[derive(Debug)]
pub struct Ui {
    quiet: bool,
    json: bool,
    color: bool,
    interactive: bool,
    stdout_tty: bool,
}

/// Table width when stdout is not a terminal, so piped output is stable.
const PIPE_WIDTH: u16 = 120;

impl Ui {
    pub fn new(quiet: bool, json: bool, color: ColorChoice, no_input: bool, env: &Env) -> Self {
        let stdout_tty = std::io::stdout().is_terminal();
        let color = match color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => stdout_tty && !env.no_color,
        };
        let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
        Self {
            quiet,
            json,
            color,
            interactive: !no_input && (terminal || env.force_interactive),
            stdout_tty,
        }
    }

    /// Whether `--json` was given.
    pub fn json(&self) -> bool {
        self.json
    }

    pub fn quiet(&self) -> bool {
        self.quiet
    }

    pub fn color(&self) -> bool {
        self.color
    }

    /// Prompts are allowed: a terminal on stdin and stderr, and no `--no-input`.
    pub fn can_prompt(&self) -> bool {
        self.interactive
    }

    /// Writes the command's product to stdout.
    pub fn print(&self, text: &str) -> Result<()> {
        let mut out = std::io::stdout().lock();
        out.write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(Error::from)
    }

    /// Writes a line of product to stdout.
    pub fn println(&self, text: &str) -> Result<()> {
        self.print(&format!("{text}\n"))
    }

    /// Writes `value` as pretty JSON to stdout.
    pub fn print_json<T: Serialize + ?Sized>(&self, value: &T) -> Result<()> {
        let mut text = serde_json::to_string_pretty(value).expect("output types serialise");
        text.push('\n');
        self.print(&text)
    }

    /// A status line on stderr, silenced by `-q`.
    pub fn status(&self, text: &str) {
        if !self.quiet {
            write_stderr(&format!("{text}\n"));
        }
    }

    /// A warning on stderr; `-q` does not hide warnings.
    pub fn warn(&self, text: &str) {
        write_stderr(&format!("warning: {text}\n"));
    }

    /// Prints a table styled for where stdout goes, a slice of rows at a
    /// time (see `crate::app::table`): row `i` of `rows` is built by `row(i)`;
    /// the columns in `whole` are never wrapped, and column `first` (with the
    /// width it keeps) gives way first when the rows are too wide.
    pub fn print_table(
        &self,
        header: &[&str],
        whole: &[usize],
        first: Option<(usize, usize)>,
        rows: usize,
        row: impl Fn(usize) -> Vec<comfy_table::Cell>,
    ) -> Result<()> {
        let width = if self.stdout_tty {
            // The terminal's width, which comfy-table asks the terminal for.
            Table::new().width()
        } else {
            Some(PIPE_WIDTH)
        };
        let spec = crate::app::table::Spec {
            header,
            whole,
            first,
            width: width.map(usize::from),
        };
        let style = |table: &mut Table| {
            table.load_style(comfy_table::presets::NOTHING);
            if self.color {
                table.enforce_styling();
            } else {
                table.force_no_tty();
            }
        };
        crate::app::table::render(&spec, rows, row, style, |text| self.println(text))
    }

    /// Paints `text` when color is on.
    pub fn paint(&self, text: &str, color: comfy_table::Color) -> comfy_table::Cell {
        let cell = comfy_table::Cell::new(text);
        if self.color { cell.fg(color) } else { cell }
    }
}

pub use crate::model::layout::json_array_element;

fn write_stderr(text: &str) {
    // Whatever a message quotes, a token in a URL never reaches a terminal
    // or a CI log.
    let text = crate::model::syntax::scrub_credentials(text);
    // A closed stderr leaves nobody to tell; ignore it.
    let _ = std::io::stderr().lock().write_all(text.as_bytes());
}

/// Prints an error with its causes and hint, and gives the exit code.
pub fn report(err: &Error) -> ExitCode {
    if err.is_broken_pipe() {
        return ExitCode::SUCCESS;
    }
    let mut text = String::new();
    let errors: Vec<&Error> = match err {
        Error::Many(errors) => errors.iter().collect(),
        one => vec![one],
    };
    for err in errors {
        text.push_str(&format!("error: {err}\n"));
        // A bad file's message already quotes the parser's.
        let mut source = match err {
            Error::BadFile { .. } => None,
            _ => std::error::Error::source(err),
        };
        while let Some(cause) = source {
            text.push_str(&format!("  caused by: {cause}\n"));
            source = cause.source();
        }
        if let Some(hint) = err.hint() {
            text.push_str(&format!("hint: {hint}\n"));
        }
    }
    write_stderr(&text);
    ExitCode::from(err.exit_code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn array_elements_join_into_the_pretty_array() {
        let items = vec![
            serde_json::json!({"id": "A", "nested": {"list": [1, 2], "empty": []}, "text": "a\nb"}),
            serde_json::json!({"id": "B", "none": null}),
        ];
        let whole = serde_json::to_string_pretty(&items).unwrap();
        let pieces: Vec<String> = items.iter().map(json_array_element).collect();
        assert_eq!(format!("[\n{}\n]", pieces.join(",\n")), whole);
    }
}
