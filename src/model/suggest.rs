//! "Did you mean ...?": the known names closest to one that was mistyped,
//! by edit distance (a swap of two neighbours counts as one edit, the
//! commonest slip on a keyboard).

/// Edits (insert, delete, replace, swap two neighbours) from `a` to `b`,
/// counted over characters.
pub fn distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    // rows[i][j]: edits between a[..i] and b[..j]; three rows are enough.
    let mut before = vec![0; b.len() + 1];
    let mut last: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut row = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            row[j] = (last[j] + 1).min(row[j - 1] + 1).min(last[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                row[j] = row[j].min(before[j - 2] + 1);
            }
        }
        before = std::mem::replace(&mut last, row);
    }
    last[b.len()]
}

/// The candidates within `most` edits of `typed`, closest first (then in
/// the order given), at most three.
pub fn closest<'a>(
    typed: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    most: usize,
) -> Vec<&'a str> {
    let mut near: Vec<(usize, usize, &str)> = candidates
        .into_iter()
        .enumerate()
        .map(|(n, c)| (distance(typed, c), n, c))
        .filter(|&(d, _, _)| d <= most)
        .collect();
    near.sort_unstable();
    near.into_iter().take(3).map(|(_, _, c)| c).collect()
}

/// The names close enough to `typed` to be what was meant: one edit for
/// every three characters (at least one), so `1.5` suggests `1.4` but not `2.x`.
pub fn close_names<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    closest(typed, candidates, (typed.chars().count() / 3).max(1))
}

/// `did you mean A?` or `did you mean A, B or C?`, if there is anything to say.
pub fn did_you_mean(names: &[&str]) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(format!("did you mean {one}?")),
        [rest @ .., last] => Some(format!("did you mean {} or {last}?", rest.join(", "))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distance_counts_edits_and_swaps() {
        assert_eq!(distance("K7Q3M", "K7Q3M"), 0);
        assert_eq!(distance("ZGABE", "ZGABF"), 1);
        assert_eq!(distance("K7QM3", "K7Q3M"), 1);
        assert_eq!(distance("K7Q3", "K7Q3M"), 1);
        assert_eq!(distance("", "abc"), 3);
        assert_eq!(distance("1.4", "1.5"), 1);
        assert_eq!(distance("kitten", "sitting"), 3);
    }

    #[test]
    fn the_closest_come_first_and_far_ones_not_at_all() {
        let ids = ["DISC-2026-ZGABF", "DISC-2026-B9SC6", "DISC-2026-ZGAXF"];
        assert_eq!(
            closest("DISC-2026-ZGABE", ids, 2),
            ["DISC-2026-ZGABF", "DISC-2026-ZGAXF"]
        );
        assert!(closest("DISC-2026-QQQQQ", ids, 2).is_empty());
        assert_eq!(
            did_you_mean(&["A", "B", "C"]).unwrap(),
            "did you mean A, B or C?"
        );
        assert_eq!(did_you_mean(&["A"]).unwrap(), "did you mean A?");
        assert_eq!(close_names("1.5", ["1.4", "2.x"]), ["1.4"]);
        assert_eq!(close_names("titel", ["title", "today"]), ["title"]);
        assert_eq!(did_you_mean(&[]), None);
    }
}
