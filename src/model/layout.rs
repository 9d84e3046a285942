//! The store's layout and the JSON form of its files: names the store, the
//! merge and the commands share, so a file is found and written one way.

use serde::Serialize;

pub const POLICY_FILE: &str = "policy.json";
pub const CASES_DIR: &str = "cases";
/// Where `publish` writes each advisory's files, one directory per advisory ID.
pub const ADVISORIES_DIR: &str = "advisories";

/// Pretty JSON with a trailing newline: the on-disk form of every file.
pub fn to_json_bytes<T: Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(value).expect("model types always serialise");
    bytes.push(b'\n');
    bytes
}

/// `value` as it appears inside a pretty JSON array (indented one level, no
/// separator), so a long array can be printed a piece at a time and still
/// read exactly as the whole array printed at once.
pub fn json_array_element<T: Serialize + ?Sized>(value: &T) -> String {
    indented(value, 1, "  ")
}

/// `value` in pretty JSON as it reads `level` levels in: the first line
/// unindented (it follows a key or a bracket), the others indented.
pub fn json_indented<T: Serialize + ?Sized>(value: &T, level: usize) -> String {
    indented(value, level, "")
}

/// `json_indented` after `prefix`, written in one buffer.
fn indented<T: Serialize + ?Sized>(value: &T, level: usize, prefix: &str) -> String {
    let mut out = Vec::with_capacity(4096);
    out.extend_from_slice(prefix.as_bytes());
    let formatter = Indented {
        level,
        has_value: false,
    };
    let mut ser = serde_json::Serializer::with_formatter(&mut out, formatter);
    value.serialize(&mut ser).expect("output types serialise");
    // serde_json writes UTF-8 only.
    String::from_utf8(out).expect("JSON is UTF-8")
}

/// serde_json's pretty layout (two spaces a level), starting a level in.
struct Indented {
    level: usize,
    has_value: bool,
}

impl Indented {
    fn indent<W: ?Sized + std::io::Write>(&self, w: &mut W) -> std::io::Result<()> {
        for _ in 0..self.level {
            w.write_all(b"  ")?;
        }
        Ok(())
    }

    fn open<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.level += 1;
        self.has_value = false;
        w.write_all(bracket)
    }

    fn close<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        bracket: &[u8],
    ) -> std::io::Result<()> {
        self.level -= 1;
        if self.has_value {
            w.write_all(b"\n")?;
            self.indent(w)?;
        }
        w.write_all(bracket)
    }

    fn item<W: ?Sized + std::io::Write>(&self, w: &mut W, first: bool) -> std::io::Result<()> {
        w.write_all(if first { b"\n" } else { b",\n" })?;
        self.indent(w)
    }
}

impl serde_json::ser::Formatter for Indented {
    fn begin_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"[")
    }

    fn end_array<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"]")
    }

    fn begin_array_value<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn end_array_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.open(w, b"{")
    }

    fn end_object<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        self.close(w, b"}")
    }

    fn begin_object_key<W: ?Sized + std::io::Write>(
        &mut self,
        w: &mut W,
        first: bool,
    ) -> std::io::Result<()> {
        self.item(w, first)
    }

    fn begin_object_value<W: ?Sized + std::io::Write>(&mut self, w: &mut W) -> std::io::Result<()> {
        w.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + std::io::Write>(&mut self, _: &mut W) -> std::io::Result<()> {
        self.has_value = true;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_array_element_is_the_pretty_form_one_level_in() {
        let value = serde_json::json!({
            "a": [],
            "b": {},
            "c": [1, {"d": [true, null], "e": "x\ny"}],
            "f": {"g": {"h": []}},
            "s": "quote \" and \\",
        });
        for v in [
            value.clone(),
            serde_json::json!([]),
            serde_json::json!(3),
            serde_json::json!([value]),
        ] {
            let pretty = serde_json::to_string_pretty(&v).unwrap();
            assert_eq!(
                json_array_element(&v),
                format!("  {}", pretty.replace('\n', "\n  "))
            );
        }
    }
}
