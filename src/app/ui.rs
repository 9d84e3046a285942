//! The only printer: stdout carries a command's product (an ID, a table,
//! JSON), stderr its status lines, next steps, warnings and errors.
//!
//! With `--json` the product is JSON, and so is an error: an object on
//! stdout (on stderr when the product already went out), with the exit code
//! unchanged and no human hints. `-q` keeps only the product and warnings.

use std::io::{IsTerminal as _, Write as _};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};

use serde::Serialize;

use crate::app::env::Env;
use crate::app::table::{self, Cell, Step, Target};
use crate::app::terminal::{self, Style};
use crate::error::{Error, Result};

/// When to color output.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum ColorChoice {
    #[default]
    Auto,
    Always,
    Never,
}

impl ColorChoice {
    /// Whether a stream that is (or is not) a terminal gets colour.
    fn on(self, terminal: bool, no_color: bool) -> bool {
        match self {
            Self::Always => true,
            Self::Never => false,
            Self::Auto => terminal && !no_color,
        }
    }
}

/// Whether this run wrote any product to stdout yet, so an error under
/// `--json` does not follow a JSON document with a second one.
static PRODUCT_WRITTEN: AtomicBool = AtomicBool::new(false);

#[derive(Debug)]
pub struct Ui {
    quiet: bool,
    json: bool,
    color: bool,
    color_err: bool,
    interactive: bool,
    stdout_tty: bool,
}

impl Ui {
    pub fn new(quiet: bool, json: bool, color: ColorChoice, no_input: bool, env: &Env) -> Self {
        let stdout_tty = std::io::stdout().is_terminal();
        let terminal = std::io::stdin().is_terminal() && std::io::stderr().is_terminal();
        Self {
            quiet,
            json,
            color: color.on(stdout_tty, env.no_color),
            color_err: color.on(std::io::stderr().is_terminal(), env.no_color),
            interactive: !no_input && terminal,
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

    /// Whether stdout gets colour.
    pub fn color(&self) -> bool {
        self.color
    }

    /// Prompts are allowed: a terminal on stdin and stderr, and no `--no-input`.
    pub fn can_prompt(&self) -> bool {
        self.interactive
    }

    /// Writes the command's product to stdout.
    pub fn print(&self, text: &str) -> Result<()> {
        PRODUCT_WRITTEN.store(true, Ordering::Relaxed);
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

    /// Prints the product: `value` as JSON with `--json`, else `text`.
    pub fn product<T: Serialize + ?Sized>(&self, value: &T, text: &str) -> Result<()> {
        if self.json {
            self.print_json(value)
        } else {
            self.print(text)
        }
    }

    /// A status line on stderr, silenced by `-q` and `--json` (the JSON
    /// says what happened).
    pub fn status(&self, text: &str) {
        if !self.quiet && !self.json {
            write_stderr(&format!("{text}\n"));
        }
    }

    /// What to do next, after a change: one line on stderr, silenced by
    /// `-q` and `--json` (a script knows what it does next).
    pub fn next(&self, text: &str) {
        if !self.quiet && !self.json {
            write_stderr(&format!(
                "{} {text}\n",
                self.paint_err("Next:", Style::Bold)
            ));
        }
    }

    /// Several things to do next, numbered, after `Next:` on a line of its
    /// own; silenced like `next`.
    pub fn next_steps(&self, steps: &[String]) {
        if self.quiet || self.json || steps.is_empty() {
            return;
        }
        let mut text = format!("{}\n", self.paint_err("Next:", Style::Bold));
        for (n, step) in steps.iter().enumerate() {
            text.push_str(&format!("  {}. {step}\n", n + 1));
        }
        write_stderr(&text);
    }

    /// A warning on stderr; `-q` does not hide warnings.
    pub fn warn(&self, text: &str) {
        write_stderr(&format!(
            "{} {text}\n",
            self.paint_err("warning:", Style::BoldYellow)
        ));
    }

    /// `warn` as a function the layers below can keep (the store reports
    /// locks it takes over and changes it repairs as it goes).
    pub fn warner(&self) -> std::sync::Arc<dyn Fn(&str) + Send + Sync> {
        let prefix = self.paint_err("warning:", Style::BoldYellow);
        std::sync::Arc::new(move |text: &str| write_stderr(&format!("{prefix} {text}\n")))
    }

    /// `text` in `style` when stdout gets colour.
    pub fn paint(&self, text: &str, style: Style) -> String {
        if self.color {
            style.paint(text)
        } else {
            text.to_owned()
        }
    }

    fn paint_err(&self, text: &str, style: Style) -> String {
        if self.color_err {
            style.paint(text)
        } else {
            text.to_owned()
        }
    }

    /// Prints rows `0..rows` (row `i` built by `row(i)`) one line each: on
    /// a terminal under `header` and fitted to its width by `plan`,
    /// elsewhere tab-separated (see `crate::app::table`).
    pub fn print_table(
        &self,
        header: &[&str],
        plan: &[Step],
        rows: usize,
        row: impl Fn(usize) -> Vec<Cell>,
    ) -> Result<()> {
        let target = if self.stdout_tty {
            Target::Terminal {
                // A terminal that does not say how wide it is gets the
                // width terminals start with.
                columns: terminal::stdout_columns().unwrap_or(80),
                color: self.color,
            }
        } else {
            Target::Plain { color: self.color }
        };
        table::render(header, plan, target, rows, row, |text| self.print(text))
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

/// How an error is printed: as text (coloured on a terminal) or as JSON.
#[derive(Debug, Clone, Copy)]
pub struct ErrorStyle {
    pub json: bool,
    pub color: ColorChoice,
}

/// Prints an error with its causes and hint, and gives the exit code.
pub fn report(err: &Error, style: ErrorStyle) -> ExitCode {
    if err.is_broken_pipe() {
        return ExitCode::SUCCESS;
    }
    let code = ExitCode::from(err.exit_code());
    if let Error::Reported { .. } = err {
        return code;
    }
    if style.json {
        let mut text = serde_json::to_string_pretty(&serde_json::json!({ "error": err.to_json() }))
            .expect("errors serialise");
        text.push('\n');
        if PRODUCT_WRITTEN.load(Ordering::Relaxed) {
            write_stderr(&text);
        } else {
            let _ = std::io::stdout().lock().write_all(text.as_bytes());
        }
        return code;
    }
    let no_color = Env::from_process().no_color;
    let color = style.color.on(std::io::stderr().is_terminal(), no_color);
    let paint = |text: &str, s: Style| {
        if color {
            s.paint(text)
        } else {
            text.to_owned()
        }
    };
    let mut text = String::new();
    let errors: Vec<&Error> = match err {
        Error::Many(errors) => errors.iter().collect(),
        one => vec![one],
    };
    for err in errors {
        text.push_str(&format!("{} {err}\n", paint("error:", Style::BoldRed)));
        for cause in err.causes() {
            text.push_str(&format!("  caused by: {cause}\n"));
        }
        if let Some(hint) = err.hint() {
            text.push_str(&format!("{} {hint}\n", paint("hint:", Style::Cyan)));
        }
    }
    write_stderr(&text);
    code
}

/// Prints a command-line usage error (as JSON with `--json`) and gives its
/// exit code; help and version requests print as clap prints them.
pub fn report_usage(err: &clap::Error, json: bool) -> ExitCode {
    use clap::error::ErrorKind;
    let code = u8::try_from(err.exit_code()).unwrap_or(2);
    let display = matches!(
        err.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if !json || display {
        let _ = err.print();
        return ExitCode::from(code);
    }
    let rendered = err.render().to_string();
    let mut lines = rendered.lines();
    let message = lines
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ")
        .to_owned();
    let rest: Vec<&str> = lines
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("For more information"))
        .collect();
    // clap's `tip:` lines (similar names, how to pass a value) are the hint.
    let tips: Vec<&str> = rest
        .iter()
        .filter_map(|l| l.strip_prefix("tip: "))
        .collect();
    let usage: Vec<&str> = rest
        .iter()
        .copied()
        .filter(|l| !l.starts_with("tip: "))
        .collect();
    let value = serde_json::json!({
        "error": {
            "kind": "usage",
            "message": message,
            "exit_code": code,
            "hint": (!tips.is_empty()).then(|| tips.join("; ")),
            "causes": [],
            "usage": usage.join("\n"),
        }
    });
    let mut text = serde_json::to_string_pretty(&value).expect("errors serialise");
    text.push('\n');
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    ExitCode::from(code)
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

    #[test]
    fn colour_follows_the_choice_and_no_color() {
        assert!(ColorChoice::Always.on(false, true));
        assert!(!ColorChoice::Never.on(true, false));
        assert!(ColorChoice::Auto.on(true, false));
        assert!(!ColorChoice::Auto.on(true, true));
        assert!(!ColorChoice::Auto.on(false, false));
    }
}
