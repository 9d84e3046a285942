//! Serde for types stored as the text a user types (`48h`, `DISC-2026-K7Q3M`,
//! `project-zero`): written through `Display`, read back through `FromStr`,
//! so a file holds nothing the command line would refuse.

/// Implements `Serialize` and `Deserialize` for each type through its
/// `Display` and `FromStr`; a parse error becomes serde's error, which names
/// the file's line and column.
macro_rules! serde_as_str {
    ($($ty:ty),+ $(,)?) => {$(
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_str(self)
            }
        }

        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = String::deserialize(deserializer)?;
                text.parse().map_err(serde::de::Error::custom)
            }
        }
    )+};
}

pub(crate) use serde_as_str;
