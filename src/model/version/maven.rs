//! Maven versions, ordered as Maven's `ComparableVersion` (3.8.7 and 3.9)
//! orders them:
//!
//! - `.` and `-` separate items, and so does a change between letters and
//!   digits (`1.0alpha1` is `1, 0, alpha, 1`); a `-` (or a qualifier after a
//!   `.`, `1.0.0.RC1` reading as `1.0.0-RC1`) opens a sub-list;
//! - numbers compare as numbers; the known qualifiers (case-insensitive)
//!   in order: `alpha` (`a1`), `beta` (`b1`), `milestone` (`m1`), `rc`
//!   (`cr`), `snapshot`, the release itself (``, `ga`, `final`,
//!   `release`), `sp`; unknown qualifiers after them, alphabetically;
//! - trailing zeros and release qualifiers are dropped (`1.0.0` = `1`,
//!   `1.0.1.Final` = `1.0.1`), and something after a `.` outranks
//!   something after a `-` (`1-1 < 1.0.1`).

use std::cmp::Ordering;

#[derive(Debug, Clone)]
enum Item {
    /// Digits without leading zeros.
    Int(String),
    Str(String),
    List(Vec<Self>),
}

/// A parsed Maven version.
#[derive(Debug, Clone)]
pub(crate) struct MavenVersion(Vec<Item>);

const QUALIFIERS: [&str; 7] = ["alpha", "beta", "milestone", "rc", "snapshot", "", "sp"];
const RELEASE_INDEX: usize = 5;

pub(super) fn parse(text: &str) -> Result<MavenVersion, String> {
    if !text
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | '+'))
    {
        return Err("expected letters, digits, '.', '-', '_' or '+'".into());
    }
    if !text.starts_with(|c: char| c.is_ascii_digit()) {
        return Err("a Maven version starts with a number".into());
    }
    Ok(MavenVersion(items(&text.to_ascii_lowercase())))
}

/// Nested lists kept as a stack of open lists; closing one appends it to
/// its parent, as the Java's `list.add(list = new ListItem())` does.
struct Builder {
    stack: Vec<Vec<Item>>,
}

impl Builder {
    fn current(&mut self) -> &mut Vec<Item> {
        self.stack
            .last_mut()
            .expect("the root list is never popped")
    }

    fn push(&mut self, item: Item) {
        self.current().push(item);
    }

    fn open(&mut self) {
        self.stack.push(Vec::new());
    }

    fn finish(mut self) -> Vec<Item> {
        while self.stack.len() > 1 {
            let mut list = self.stack.pop().expect("checked");
            normalize(&mut list);
            self.current().push(Item::List(list));
        }
        let mut root = self.stack.pop().unwrap_or_default();
        normalize(&mut root);
        root
    }
}

fn items(v: &str) -> Vec<Item> {
    let mut b = Builder {
        stack: vec![Vec::new()],
    };
    let bytes = v.as_bytes();
    let mut digit = false;
    let mut start = 0;
    for (i, &c) in bytes.iter().enumerate() {
        match c {
            b'.' | b'-' => {
                if i == start {
                    b.push(Item::Int(String::new()));
                } else {
                    b.push(item(digit, &v[start..i], false));
                }
                start = i + 1;
                if c == b'-' {
                    b.open();
                }
            }
            c if c.is_ascii_digit() => {
                if !digit && i > start {
                    // A qualifier after a dot reads as after a dash: 1.0.0.X1 < 1.0.0-X2.
                    if !b.current().is_empty() {
                        b.open();
                    }
                    b.push(item(false, &v[start..i], true));
                    start = i;
                    b.open();
                }
                digit = true;
            }
            _ => {
                if digit && i > start {
                    b.push(item(true, &v[start..i], false));
                    start = i;
                    b.open();
                }
                digit = false;
            }
        }
    }
    if v.len() > start {
        if !digit && !b.current().is_empty() {
            b.open();
        }
        b.push(item(digit, &v[start..], false));
    }
    b.finish()
}

fn item(digit: bool, text: &str, followed_by_digit: bool) -> Item {
    if digit {
        return Item::Int(text.trim_start_matches('0').to_owned());
    }
    let text = match (followed_by_digit, text) {
        (true, "a") => "alpha",
        (true, "b") => "beta",
        (true, "m") => "milestone",
        _ => text,
    };
    let text = match text {
        "ga" | "final" | "release" => "",
        "cr" => "rc",
        other => other,
    };
    Item::Str(text.to_owned())
}

impl Item {
    fn is_null(&self) -> bool {
        match self {
            Self::Int(n) => n.is_empty(),
            Self::Str(s) => qualifier_rank(s) == Rank::Known(RELEASE_INDEX),
            Self::List(l) => l.is_empty(),
        }
    }

    /// Compares with an item, or (`None`) with the nothing a shorter version has.
    fn cmp_to(&self, other: Option<&Self>) -> Ordering {
        match (self, other) {
            (Self::Int(n), None) => {
                if n.is_empty() {
                    Ordering::Equal
                } else {
                    Ordering::Greater
                }
            }
            (Self::Int(a), Some(Self::Int(b))) => a.len().cmp(&b.len()).then_with(|| a.cmp(b)),
            (Self::Int(_), Some(_)) => Ordering::Greater,
            (Self::Str(s), None) => qualifier_rank(s).cmp(&Rank::Known(RELEASE_INDEX)),
            (Self::Str(_), Some(Self::Int(_) | Self::List(_))) => Ordering::Less,
            (Self::Str(a), Some(Self::Str(b))) => qualifier_rank(a).cmp(&qualifier_rank(b)),
            (Self::List(l), None) => l
                .iter()
                .map(|i| i.cmp_to(None))
                .find(|o| o.is_ne())
                .unwrap_or(Ordering::Equal),
            (Self::List(_), Some(Self::Int(_))) => Ordering::Less,
            (Self::List(_), Some(Self::Str(_))) => Ordering::Greater,
            (Self::List(a), Some(Self::List(b))) => cmp_lists(a, b),
        }
    }
}

fn cmp_lists(a: &[Item], b: &[Item]) -> Ordering {
    for i in 0..a.len().max(b.len()) {
        let order = match (a.get(i), b.get(i)) {
            (Some(l), r) => l.cmp_to(r),
            (None, Some(r)) => r.cmp_to(None).reverse(),
            (None, None) => Ordering::Equal,
        };
        if order.is_ne() {
            return order;
        }
    }
    Ordering::Equal
}

/// Known qualifiers in their order, then unknown ones alphabetically.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Rank<'a> {
    Known(usize),
    Unknown(&'a str),
}

fn qualifier_rank(q: &str) -> Rank<'_> {
    match QUALIFIERS.iter().position(|k| *k == q) {
        Some(i) => Rank::Known(i),
        None => Rank::Unknown(q),
    }
}

/// Drops trailing null items (0, the release qualifier, empty lists) up to
/// the last item that is not a list.
fn normalize(list: &mut Vec<Item>) {
    let mut i = list.len();
    while i > 0 {
        i -= 1;
        if list[i].is_null() {
            list.remove(i);
        } else if !matches!(list[i], Item::List(_)) {
            break;
        }
    }
}

impl Ord for MavenVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        cmp_lists(&self.0, &other.0)
    }
}

impl PartialOrd for MavenVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for MavenVersion {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for MavenVersion {}
