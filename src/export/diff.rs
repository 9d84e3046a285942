//! A line diff of two versions of an advisory file, in the unified format
//! reviewers know (`-` removed, `+` added, a few lines of context), for
//! `publish --update` to say what changed.

/// The unified diff from `old` to `new` with `context` lines around each
/// change; empty when they are the same.
pub fn unified(old: &str, new: &str, old_name: &str, new_name: &str, context: usize) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let ops = diff_lines(&a, &b);
    if ops.iter().all(|op| matches!(op, Op::Same(..))) {
        return String::new();
    }
    let mut out = format!("--- {old_name}\n+++ {new_name}\n");
    // Group the changes with their context into hunks.
    let changed: Vec<usize> = ops
        .iter()
        .enumerate()
        .filter(|(_, op)| !matches!(op, Op::Same(..)))
        .map(|(i, _)| i)
        .collect();
    let mut hunks: Vec<(usize, usize)> = Vec::new();
    for &i in &changed {
        let start = i.saturating_sub(context);
        let end = (i + context + 1).min(ops.len());
        match hunks.last_mut() {
            Some((_, last_end)) if start <= *last_end => *last_end = end,
            _ => hunks.push((start, end)),
        }
    }
    for (start, end) in hunks {
        let (mut old_line, mut new_line) = (0, 0);
        for op in &ops[..start] {
            match op {
                Op::Same(..) => {
                    old_line += 1;
                    new_line += 1;
                }
                Op::Removed(_) => old_line += 1,
                Op::Added(_) => new_line += 1,
            }
        }
        let slice = &ops[start..end];
        let old_len = slice.iter().filter(|o| !matches!(o, Op::Added(_))).count();
        let new_len = slice
            .iter()
            .filter(|o| !matches!(o, Op::Removed(_)))
            .count();
        out.push_str(&format!(
            "@@ -{},{old_len} +{},{new_len} @@\n",
            old_line + usize::from(old_len > 0),
            new_line + usize::from(new_len > 0)
        ));
        for op in slice {
            match op {
                Op::Same(line) => out.push_str(&format!(" {line}\n")),
                Op::Removed(line) => out.push_str(&format!("-{line}\n")),
                Op::Added(line) => out.push_str(&format!("+{line}\n")),
            }
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Op<'a> {
    Same(&'a str),
    Removed(&'a str),
    Added(&'a str),
}

/// The longest common subsequence of lines, as edit operations. Advisories
/// are a few hundred lines, so the quadratic table is small.
fn diff_lines<'a>(a: &[&'a str], b: &[&'a str]) -> Vec<Op<'a>> {
    let (n, m) = (a.len(), b.len());
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let mut out = Vec::with_capacity(n.max(m));
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if a[i] == b[j] {
            out.push(Op::Same(a[i]));
            i += 1;
            j += 1;
        } else if lcs[i + 1][j] >= lcs[i][j + 1] {
            out.push(Op::Removed(a[i]));
            i += 1;
        } else {
            out.push(Op::Added(b[j]));
            j += 1;
        }
    }
    out.extend(a[i..].iter().map(|l| Op::Removed(l)));
    out.extend(b[j..].iter().map(|l| Op::Added(l)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_text_has_no_diff() {
        assert_eq!(unified("a\nb\n", "a\nb\n", "old", "new", 3), "");
    }

    #[test]
    fn a_changed_line_is_shown_with_its_context() {
        let old = "1\n2\n3\n4\n5\n6\n7\n8\n";
        let new = "1\n2\n3\n4\nfive\n6\n7\n8\n";
        assert_eq!(
            unified(old, new, "a.md", "b.md", 2),
            "--- a.md\n+++ b.md\n@@ -3,5 +3,5 @@\n 3\n 4\n-5\n+five\n 6\n 7\n"
        );
    }

    #[test]
    fn changes_far_apart_are_separate_hunks() {
        let old: String = (1..=20).map(|i| format!("{i}\n")).collect();
        let new = old
            .replace("\n2\n", "\ntwo\n")
            .replace("\n19\n", "\nnineteen\n");
        let diff = unified(&old, &new, "a", "b", 1);
        assert_eq!(diff.matches("@@ -").count(), 2, "{diff}");
        assert!(diff.contains("+nineteen"));
        assert!(diff.contains("-2\n+two"));
    }
}
