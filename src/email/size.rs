//! Sizes typed on the command line: `25MB`, `512K`, `1048576`.

use std::fmt;
use std::str::FromStr;

/// A number of bytes. Units are binary: `K`/`KB`/`KiB` are 1024 bytes,
/// `M`/`MB`/`MiB` 1024², `G`/`GB`/`GiB` 1024³.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ByteSize(pub usize);

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("invalid size {0:?}: expected a whole number of bytes or a unit, e.g. 25MB, 512K")]
pub struct InvalidSize(String);

impl FromStr for ByteSize {
    type Err = InvalidSize;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let invalid = || InvalidSize(s.to_owned());
        let text = s.trim();
        let split = text
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(text.len());
        let (number, unit) = text.split_at(split);
        let number: usize = number.parse().map_err(|_| invalid())?;
        let factor: usize = match unit.trim().to_ascii_lowercase().as_str() {
            "" | "b" => 1,
            "k" | "kb" | "kib" => 1 << 10,
            "m" | "mb" | "mib" => 1 << 20,
            "g" | "gb" | "gib" => 1 << 30,
            _ => return Err(invalid()),
        };
        number.checked_mul(factor).map(Self).ok_or_else(invalid)
    }
}

impl fmt::Display for ByteSize {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0;
        for (factor, unit) in [(1 << 30, "GB"), (1 << 20, "MB"), (1 << 10, "KB")] {
            if n >= factor && n.is_multiple_of(factor) {
                return write!(f, "{}{unit}", n / factor);
            }
        }
        if n >= 1 << 20 {
            return write!(f, "{:.1}MB", n as f64 / f64::from(1 << 20));
        }
        write!(f, "{n} bytes")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_and_print() {
        assert_eq!("25MB".parse(), Ok(ByteSize(25 << 20)));
        assert_eq!("512k".parse(), Ok(ByteSize(512 << 10)));
        assert_eq!("100".parse(), Ok(ByteSize(100)));
        assert!("MB".parse::<ByteSize>().is_err());
        assert!("5 parsecs".parse::<ByteSize>().is_err());
        assert!("99999999999999999999G".parse::<ByteSize>().is_err());
        assert_eq!(ByteSize(25 << 20).to_string(), "25MB");
        assert_eq!(ByteSize(100).to_string(), "100 bytes");
        assert_eq!(ByteSize(3 * (1 << 20) + 1).to_string(), "3.0MB");
    }
}
