//! Public advisory IDs: `<PROJECT>-SA-<year>-<NNN>`, numbered in sequence
//! per project and year. Sequential numbers are safe only where the team's
//! store is up to date, so callers decide when to number; this file only
//! says what the next number is.

/// The advisory ID prefix from the project name: upper-case letters and
/// digits, other characters as dashes, so the ID is safe as a directory name.
pub fn project_code(project: &str) -> Option<String> {
    let mut code = String::new();
    for c in project.trim().chars() {
        if c.is_ascii_alphanumeric() {
            code.push(c.to_ascii_uppercase());
        } else if !code.ends_with('-') && !code.is_empty() {
            code.push('-');
        }
    }
    let code = code.trim_end_matches('-').to_owned();
    (!code.is_empty()).then_some(code)
}

/// `<PROJECT>-SA-<year>-<NNN>`, one more than the highest number already
/// used that year.
pub fn next<'a>(code: &str, year: i32, published: impl IntoIterator<Item = &'a str>) -> String {
    let prefix = format!("{code}-SA-{year}-");
    let highest = published
        .into_iter()
        .filter_map(|a| a.strip_prefix(&prefix)?.parse::<u32>().ok())
        .max()
        .unwrap_or(0);
    format!("{prefix}{:03}", highest + 1)
}

/// `<CODE>`, `<year>` of `<CODE>-SA-<year>-<NNN>`.
pub fn code_and_year(advisory: &str) -> Option<(&str, i32)> {
    let (head, number) = advisory.rsplit_once('-')?;
    number.parse::<u32>().ok()?;
    let (code, year) = head.rsplit_once('-')?;
    Some((code.strip_suffix("-SA")?, year.parse().ok()?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn advisory_ids_count_up_per_project_and_year() {
        assert_eq!(project_code("My project!").as_deref(), Some("MY-PROJECT"));
        assert_eq!(project_code("../x").as_deref(), Some("X"));
        assert_eq!(project_code("  ").as_deref(), None);
        let taken = [
            "DEMO-SA-2026-001",
            "DEMO-SA-2026-007",
            "DEMO-SA-2025-010",
            "OTHER-SA-2026-020",
        ];
        assert_eq!(next("DEMO", 2026, taken), "DEMO-SA-2026-008");
        assert_eq!(next("DEMO", 2027, taken), "DEMO-SA-2027-001");
        assert_eq!(code_and_year("POET-SA-2026-001"), Some(("POET", 2026)));
        assert_eq!(
            code_and_year("MY-PROJ-SA-2026-1000"),
            Some(("MY-PROJ", 2026))
        );
        assert_eq!(code_and_year("GHSA-xxxx-yyyy-zzzz"), None);
        assert_eq!(code_and_year("POET-2026-001"), None);
    }
}
