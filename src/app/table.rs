//! Lists of rows, one line per row whatever the width, as `gh issue list`
//! prints them.
//!
//! On a terminal the columns are measured over every row first, then fitted
//! to the width by the caller's plan (shrink this column, drop that one),
//! and cells that are still too wide are cut with `…`; no line is ever wider
//! than the terminal. The rows are then printed a thousand at a time, so a
//! store of 100,000 cases never holds more than a slice of cells. Anywhere
//! else (a pipe, a file) each row is its cells joined by tabs, with no
//! header, padding or cutting, for `grep`, `cut -f` and `awk -F'\t'`.

use std::fmt::Write as _;

use crate::app::terminal::{Style, truncate, width};

/// Rows rendered per slice.
const SLICE: usize = 1_000;

/// Columns are set apart by this many spaces.
const GAP: usize = 2;

/// Bytes of piped rows gathered before they are written.
const PIPE_CHUNK: usize = 64 << 10;

/// One cell: its text and, on a coloured terminal, its style.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub text: String,
    pub style: Option<Style>,
}

impl Cell {
    pub fn new(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            style: None,
        }
    }

    pub fn styled(text: impl Into<String>, style: Option<Style>) -> Self {
        Self {
            text: text.into(),
            style,
        }
    }
}

/// One step of fitting a table that is too wide, tried in order until it fits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Cut column `.0` (with `…`), as far as needed but not below `.1` columns.
    Shrink(usize, usize),
    /// Leave column `.0` out.
    Drop(usize),
}

/// Where the rows go.
#[derive(Debug, Clone, Copy)]
pub enum Target {
    /// A terminal this many columns wide; `color` says whether to use styles.
    Terminal { columns: usize, color: bool },
    /// A pipe or a file; styles only when `color` (`--color always`).
    Plain { color: bool },
}

/// The widths of the columns that are shown (`None` for a dropped one).
pub fn fit(natural: &[usize], columns: usize, plan: &[Step]) -> Vec<Option<usize>> {
    let mut widths: Vec<Option<usize>> = natural.iter().copied().map(Some).collect();
    let total = |widths: &[Option<usize>]| {
        let shown: Vec<usize> = widths.iter().flatten().copied().collect();
        shown.iter().sum::<usize>() + GAP * shown.len().saturating_sub(1)
    };
    let mut shrunk = Vec::new();
    for step in plan {
        let now = total(&widths);
        if now <= columns {
            break;
        }
        match *step {
            Step::Shrink(c, floor) => {
                if let Some(w) = widths[c] {
                    widths[c] = Some(w.saturating_sub(now - columns).max(floor.min(w)));
                    if !shrunk.contains(&c) {
                        shrunk.push(c);
                    }
                }
            }
            Step::Drop(c) => widths[c] = None,
        }
    }
    // A column dropped late may leave room: the shrunk columns take it
    // back, the first shrunk first.
    let mut spare = columns.saturating_sub(total(&widths));
    for c in shrunk {
        if let Some(w) = widths[c] {
            let back = natural[c].saturating_sub(w).min(spare);
            widths[c] = Some(w + back);
            spare -= back;
        }
    }
    widths
}

/// Prints the rows `0..rows` (each built by `row`) through `emit`, a slice
/// at a time: on a terminal under `header`, fitted by `plan`; elsewhere as
/// tab-separated lines.
pub fn render(
    header: &[&str],
    plan: &[Step],
    target: Target,
    rows: usize,
    row: impl Fn(usize) -> Vec<Cell>,
    mut emit: impl FnMut(&str) -> crate::Result<()>,
) -> crate::Result<()> {
    let (columns, color) = match target {
        Target::Terminal { columns, color } => (columns, color),
        Target::Plain { color } => return plain(rows, row, color, emit),
    };
    let mut natural: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for i in 0..rows {
        for (c, cell) in row(i).iter().enumerate().take(natural.len()) {
            natural[c] = natural[c].max(width(&cell.text));
        }
    }
    let widths = fit(&natural, columns, plan);
    let header: Vec<Cell> = header.iter().map(|h| Cell::new(*h)).collect();
    let mut out = String::new();
    line(&mut out, &header, &widths, columns, false);
    for start in (0..rows).step_by(SLICE) {
        for i in start..rows.min(start + SLICE) {
            line(&mut out, &row(i), &widths, columns, color);
        }
        emit(&out)?;
        out.clear();
    }
    if rows == 0 {
        emit(&out)?;
    }
    Ok(())
}

/// Rows as tab-separated lines, with no header, padding or cutting.
fn plain(
    rows: usize,
    row: impl Fn(usize) -> Vec<Cell>,
    color: bool,
    mut emit: impl FnMut(&str) -> crate::Result<()>,
) -> crate::Result<()> {
    let mut out = String::new();
    for i in 0..rows {
        for (c, cell) in row(i).iter().enumerate() {
            if c > 0 {
                out.push('\t');
            }
            let text = cell.text.replace('\t', " ");
            match cell.style.filter(|_| color) {
                Some(style) => out.push_str(&style.paint(&text)),
                None => out.push_str(&text),
            }
        }
        out.push('\n');
        if out.len() >= PIPE_CHUNK {
            emit(&out)?;
            out.clear();
        }
    }
    if out.is_empty() { Ok(()) } else { emit(&out) }
}

/// Appends one row: each shown cell cut and padded to its width, the last
/// one not padded, and the whole cut to the terminal's width when even the
/// fitted columns are wider (a terminal narrower than a case ID).
fn line(out: &mut String, cells: &[Cell], widths: &[Option<usize>], columns: usize, color: bool) {
    let mut shown = cells
        .iter()
        .zip(widths)
        .filter_map(|(cell, w)| w.map(|w| (cell, w)))
        .peekable();
    let mut plain = String::new();
    let mut painted = String::new();
    while let Some((cell, w)) = shown.next() {
        let text = truncate(&cell.text, w);
        let pad = if shown.peek().is_some() {
            w - width(&text) + GAP
        } else {
            0
        };
        plain.push_str(&text);
        match cell.style.filter(|_| color) {
            Some(style) => painted.push_str(&style.paint(&text)),
            None => painted.push_str(&text),
        }
        for _ in 0..pad {
            plain.push(' ');
            painted.push(' ');
        }
    }
    let plain = plain.trim_end();
    if width(plain) > columns {
        // Styles are dropped from a line cut this short.
        let _ = writeln!(out, "{}", truncate(plain, columns));
    } else {
        let _ = writeln!(out, "{}", painted.trim_end());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(target: Target, rows: usize, row: impl Fn(usize) -> Vec<Cell>) -> String {
        let mut out = String::new();
        render(
            &["ID", "TITLE", "STATE"],
            &[Step::Shrink(1, 8), Step::Drop(2), Step::Shrink(1, 1)],
            target,
            rows,
            row,
            |text| {
                out.push_str(text);
                Ok(())
            },
        )
        .unwrap();
        out
    }

    fn row(i: usize) -> Vec<Cell> {
        vec![
            Cell::new(format!("DISC-2026-{i:05}")),
            Cell::new(format!("A title of some length, number {i}")),
            Cell::styled("confirmed", Some(Style::Red)),
        ]
    }

    #[test]
    fn a_table_that_fits_keeps_its_widths() {
        assert_eq!(
            fit(&[15, 40, 10], 100, &[Step::Shrink(1, 10)]),
            [Some(15), Some(40), Some(10)]
        );
    }

    #[test]
    fn steps_apply_in_order_until_the_table_fits() {
        // 15 + 40 + 10 + 2 gaps = 69: the title gives 9 to fit 60.
        let plan = [Step::Shrink(1, 20), Step::Drop(2), Step::Shrink(1, 5)];
        assert_eq!(
            fit(&[15, 40, 10], 60, &plan),
            [Some(15), Some(31), Some(10)]
        );
        // At 40 the title stops at 20 and the state goes; the title takes
        // back the room that left.
        assert_eq!(fit(&[15, 40, 10], 40, &plan), [Some(15), Some(23), None]);
        // At 25 the title shrinks on to what is left.
        assert_eq!(fit(&[15, 40, 10], 25, &plan), [Some(15), Some(8), None]);
    }

    #[test]
    fn every_line_fits_the_terminal_at_any_width() {
        for columns in [10, 20, 30, 40, 60, 80] {
            let out = run(
                Target::Terminal {
                    columns,
                    color: false,
                },
                3,
                row,
            );
            assert_eq!(out.lines().count(), 4, "{out}");
            for line in out.lines() {
                assert!(width(line) <= columns, "{line:?} at {columns}");
                assert_eq!(line, line.trim_end());
            }
        }
    }

    #[test]
    fn wide_characters_are_measured_by_their_columns() {
        let out = run(
            Target::Terminal {
                columns: 40,
                color: false,
            },
            2,
            |i| {
                vec![
                    Cell::new(format!("DISC-2026-{i:05}")),
                    Cell::new("漏洞报告：上传路径穿越漏洞报告"),
                    Cell::new("new"),
                ]
            },
        );
        for line in out.lines() {
            assert!(width(line) <= 40, "{line:?}");
        }
        assert!(out.contains('…'), "{out}");
    }

    #[test]
    fn colour_is_applied_after_fitting() {
        let out = run(
            Target::Terminal {
                columns: 80,
                color: true,
            },
            1,
            row,
        );
        let second = out.lines().nth(1).unwrap();
        assert!(second.ends_with("\x1b[31mconfirmed\x1b[0m"), "{second:?}");
        assert!(!out.lines().next().unwrap().contains('\x1b'));
    }

    #[test]
    fn piped_rows_are_tab_separated_and_whole() {
        let out = run(Target::Plain { color: false }, 2, row);
        assert_eq!(
            out,
            "DISC-2026-00000\tA title of some length, number 0\tconfirmed\n\
             DISC-2026-00001\tA title of some length, number 1\tconfirmed\n"
        );
    }

    #[test]
    fn slices_share_one_layout_and_the_header_comes_once() {
        let rows = SLICE + 5;
        let mut slices = 0;
        let mut out = String::new();
        render(
            &["ID", "TITLE"],
            &[Step::Shrink(1, 5)],
            Target::Terminal {
                columns: 40,
                color: false,
            },
            rows,
            |i| {
                let title = if i == SLICE + 3 {
                    "a title long enough to be cut at this width".to_owned()
                } else {
                    format!("title {i}")
                };
                vec![Cell::new(format!("DISC-2026-{i:05}")), Cell::new(title)]
            },
            |text| {
                slices += 1;
                out.push_str(text);
                Ok(())
            },
        )
        .unwrap();
        assert_eq!(slices, 2);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), 1 + rows);
        assert_eq!(lines.iter().filter(|l| l.contains("TITLE")).count(), 1);
        // The title column starts at the same place on every line.
        assert!(
            lines
                .iter()
                .all(|l| l.find("  ").unwrap() == 15 || l.starts_with("ID"))
        );
        assert!(lines[SLICE + 4].ends_with('…'), "{}", lines[SLICE + 4]);
        assert!(lines.iter().all(|l| width(l) <= 40));
    }
}
