//! Tables printed a slice of rows at a time, with one layout for all of them.
//!
//! A table of 50,000 rows laid out whole takes hundreds of megabytes (every
//! cell, then every wrapped line of it), and letting the table library squeeze
//! columns to the width wraps case IDs mid-way. So column widths are measured
//! over every row first and fitted here, with the columns that must stay
//! whole (an ID) kept whole; then the rows are rendered in slices that line up.

use comfy_table::{Cell, ColumnConstraint, ContentArrangement, Table, Width};

/// Rows rendered per slice.
const SLICE: usize = 1_000;

/// A wrapped column never gets narrower than this (nor than its header or its
/// longest word, if that is shorter).
const MIN_WRAPPED: usize = 12;

/// Each cell's padding: one space on either side.
const PADDING: usize = 2;

/// Words longer than this are cut into column-wide lines before the table
/// library sees them: it measures the rest of a word again after every
/// piece it breaks off, which costs the square of the word's length (a
/// title of one 1 MB word took minutes). Shorter words cost it little, and
/// a cell left alone keeps its colour.
const LONG_WORD: usize = 256;

/// How to lay out one table.
pub struct Spec<'a> {
    pub header: &'a [&'a str],
    /// Columns never wrapped, whatever the width.
    pub whole: &'a [usize],
    /// The column that gives way first when the table is too wide (a
    /// title), and the width it keeps before the others give way too.
    pub first: Option<(usize, usize)>,
    /// The width to fit in, if known.
    pub width: Option<usize>,
}

/// Content widths per column: the widest cell in each, fitted into `width`.
/// The column `first` names gives way first, down to its width there; then
/// the others, the widest first, down to their floors; then that column
/// down to its own. A table that cannot fit stays as narrow as the floors
/// allow.
pub fn fit(
    widest: &[usize],
    floors: &[usize],
    width: Option<usize>,
    first: Option<(usize, usize)>,
) -> Vec<usize> {
    let mut widths = widest.to_vec();
    let Some(width) = width else {
        return widths;
    };
    let total: usize = widths.iter().map(|w| w + PADDING).sum();
    let mut excess = total.saturating_sub(width);
    let mut kept = floors.to_vec();
    if let Some((c, keeps)) = first {
        let give = widths[c].saturating_sub(keeps.max(floors[c])).min(excess);
        widths[c] -= give;
        excess -= give;
        kept[c] = widths[c];
    }
    narrow(&mut widths, &kept, &mut excess);
    narrow(&mut widths, floors, &mut excess);
    widths
}

/// Takes `excess` off `widths` a step at a time from the widest column
/// above its floor; on a tie the leftmost gives way.
fn narrow(widths: &mut [usize], floors: &[usize], excess: &mut usize) {
    while *excess > 0 {
        let widest = (0..widths.len())
            .filter(|&c| widths[c] > floors[c])
            .max_by_key(|&c| (widths[c], std::cmp::Reverse(c)));
        let Some(c) = widest else {
            break;
        };
        widths[c] -= 1;
        *excess -= 1;
    }
}

/// Renders the rows `0..rows` (each built by `row`) as text, one slice at a
/// time through `emit`, the header first.
pub fn render(
    spec: &Spec<'_>,
    rows: usize,
    row: impl Fn(usize) -> Vec<Cell>,
    style: impl Fn(&mut Table),
    mut emit: impl FnMut(&str) -> crate::Result<()>,
) -> crate::Result<()> {
    let columns = spec.header.len();
    let mut widest: Vec<usize> = spec.header.iter().map(|h| h.chars().count()).collect();
    let mut floors = widest.clone();
    // Rows with a word over LONG_WORD: rare, so only these are rebuilt.
    let mut long_words = Vec::new();
    for start in (0..rows).step_by(SLICE) {
        let mut probe = Table::new();
        for i in start..rows.min(start + SLICE) {
            let cells = row(i);
            for (c, cell) in cells.iter().enumerate().take(columns) {
                let longest_word = cell
                    .content()
                    .split_whitespace()
                    .map(|w| w.chars().count())
                    .max()
                    .unwrap_or(0);
                floors[c] = floors[c].max(longest_word.min(MIN_WRAPPED));
                if longest_word > LONG_WORD && long_words.last() != Some(&i) {
                    long_words.push(i);
                }
            }
            probe.add_row(cells);
        }
        for (c, w) in probe.column_max_content_widths().into_iter().enumerate() {
            widest[c] = widest[c].max(usize::from(w));
        }
    }
    for &c in spec.whole {
        floors[c] = widest[c];
    }
    let widths = fit(&widest, &floors, spec.width, spec.first);

    let slices = rows.div_ceil(SLICE).max(1);
    for slice in 0..slices {
        let mut table = Table::new();
        style(&mut table);
        table.set_content_arrangement(ContentArrangement::Disabled);
        if slice == 0 {
            table.set_header(spec.header.to_vec());
        }
        let start = slice * SLICE;
        for i in start..rows.min(start + SLICE) {
            let cells = row(i);
            if long_words.binary_search(&i).is_ok() {
                table.add_row(
                    cells
                        .into_iter()
                        .zip(&widths)
                        .map(|(cell, &w)| Cell::new(break_long_words(&cell.content(), w))),
                );
            } else {
                table.add_row(cells);
            }
        }
        // An absolute width counts the padding.
        table.set_constraints(widths.iter().map(|&w| {
            let w = u16::try_from(w + PADDING).unwrap_or(u16::MAX);
            ColumnConstraint::Absolute(Width::Fixed(w))
        }));
        emit(&table.to_string())?;
    }
    Ok(())
}

/// `text` with every word longer than `LONG_WORD` cut into lines of
/// `width` characters, where the table would break it anyway; in one pass.
fn break_long_words(text: &str, width: usize) -> String {
    let width = width.max(1);
    let mut out = String::with_capacity(text.len() + text.len() / width);
    for piece in text.split_inclusive(char::is_whitespace) {
        let word = piece.trim_end_matches(char::is_whitespace);
        if word.chars().nth(LONG_WORD).is_none() {
            out.push_str(piece);
            continue;
        }
        for (n, c) in word.chars().enumerate() {
            if n > 0 && n % width == 0 {
                out.push('\n');
            }
            out.push(c);
        }
        out.push_str(&piece[word.len()..]);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_table_that_fits_keeps_its_widths() {
        assert_eq!(
            fit(&[15, 40, 10], &[15, 5, 4], Some(100), None),
            [15, 40, 10]
        );
        assert_eq!(fit(&[15, 40, 10], &[15, 5, 4], None, None), [15, 40, 10]);
    }

    #[test]
    fn the_widest_wrappable_column_gives_way_first() {
        // 71 + 6 padding = 77 > 60: 17 to take, all from the 40-wide column
        // until it is as narrow as the next one.
        assert_eq!(
            fit(&[15, 40, 16], &[15, 5, 4], Some(60), None),
            [15, 23, 16]
        );
        // Then both narrow in turn, the leftmost first.
        assert_eq!(
            fit(&[15, 40, 16], &[15, 5, 4], Some(50), None),
            [15, 14, 15]
        );
    }

    #[test]
    fn no_column_goes_below_its_floor() {
        assert_eq!(
            fit(&[15, 40, 16], &[15, 12, 12], Some(20), None),
            [15, 12, 12]
        );
    }

    #[test]
    fn the_first_column_gives_way_first_and_keeps_its_width_longest() {
        // 17 to take: the title alone gives them.
        assert_eq!(
            fit(&[15, 40, 20], &[15, 5, 4], Some(64), Some((1, 20))),
            [15, 23, 20]
        );
        // 30 to take: the title down to 20, then the other column down to
        // its floor, then the title again.
        assert_eq!(
            fit(&[15, 40, 20], &[15, 5, 4], Some(51), Some((1, 20))),
            [15, 20, 10]
        );
        assert_eq!(
            fit(&[15, 40, 20], &[15, 5, 4], Some(35), Some((1, 20))),
            [15, 10, 4]
        );
    }

    #[test]
    fn long_words_are_cut_to_the_column_width_and_short_ones_kept() {
        let long = "x".repeat(LONG_WORD + 1);
        let text = format!("short {long} tail");
        let cut = break_long_words(&text, 100);
        let lines: Vec<&str> = cut.lines().collect();
        assert_eq!(lines[0], format!("short {}", "x".repeat(100)));
        assert_eq!(lines[1], "x".repeat(100));
        assert_eq!(
            lines[2],
            format!("{} tail", "x".repeat(LONG_WORD + 1 - 200))
        );
        assert_eq!(break_long_words("a b  c", 1), "a b  c");
    }

    #[test]
    fn a_megabyte_word_renders_in_linear_time() {
        // Quadratic, this would take minutes; linear, it is instant.
        let word = "A".repeat(1 << 20);
        let spec = Spec {
            header: &["ID", "TITLE"],
            whole: &[0],
            first: Some((1, 24)),
            width: Some(80),
        };
        let mut lines = 0;
        render(
            &spec,
            2,
            |i| vec![Cell::new(format!("ID-{i}")), Cell::new(&word)],
            |_| {},
            |text| {
                lines += text.lines().count();
                Ok(())
            },
        )
        .unwrap();
        // The header, then each row's title over 80-wide lines.
        assert!(lines > 2 * (1 << 20) / 80, "{lines}");
    }

    #[test]
    fn slices_line_up_and_the_header_comes_once() {
        let rows = SLICE + 5;
        let spec = Spec {
            header: &["ID", "TITLE"],
            whole: &[0],
            first: Some((1, 20)),
            width: Some(40),
        };
        let mut out = String::new();
        let row = |i: usize| {
            let title = if i == SLICE + 3 {
                "a title long enough to wrap at this width".to_owned()
            } else {
                format!("title {i}")
            };
            vec![Cell::new(format!("DISC-2026-{i:05}")), Cell::new(title)]
        };
        render(
            &spec,
            rows,
            row,
            |t| {
                t.load_style(comfy_table::presets::NOTHING);
            },
            |text| {
                out.push_str(text);
                out.push('\n');
                Ok(())
            },
        )
        .unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.iter().filter(|l| l.contains("TITLE")).count(), 1);
        // Every line is as wide as the first: one layout for every slice.
        let width = lines[0].chars().count();
        assert!(width <= 40, "{}", lines[0]);
        assert!(lines.iter().all(|l| l.chars().count() == width), "{out}");
        // IDs are never wrapped; the long title is.
        assert!(lines[1].starts_with(" DISC-2026-00000 "), "{}", lines[1]);
        // One extra line: the long title's second.
        assert_eq!(lines.len(), 1 + rows + 1, "{out}");
    }
}
