//! Merging `policy.json` key by key: a key changed on one side takes that
//! side's value; a key changed on both sides to different values is a
//! conflict, and the whole merge stops.

use std::fmt;

use serde_json::{Map, Value};

/// One key both sides changed differently.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct PolicyConflict {
    pub key: String,
    pub base: Option<Value>,
    pub ours: Option<Value>,
    pub theirs: Option<Value>,
}

impl fmt::Display for PolicyConflict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let show = |v: &Option<Value>| v.as_ref().map_or("(removed)".to_owned(), Value::to_string);
        write!(
            f,
            "policy.json \"{}\": here {}, on the remote {}",
            self.key,
            show(&self.ours),
            show(&self.theirs)
        )
    }
}

/// Three-way merge of two policy objects over their common ancestor (an
/// empty one when the histories share none). Key order follows ours, then
/// the keys only theirs has.
pub fn merge_policy(
    base: Option<&Map<String, Value>>,
    ours: &Map<String, Value>,
    theirs: &Map<String, Value>,
) -> Result<Map<String, Value>, Vec<PolicyConflict>> {
    let empty = Map::new();
    let base = base.unwrap_or(&empty);
    let mut merged = Map::new();
    let mut conflicts = Vec::new();
    let keys = ours
        .keys()
        .chain(theirs.keys().filter(|k| !ours.contains_key(*k)));
    for key in keys {
        let (b, o, t) = (base.get(key), ours.get(key), theirs.get(key));
        let value = if o == t || t == b {
            o
        } else if o == b {
            t
        } else {
            conflicts.push(PolicyConflict {
                key: key.clone(),
                base: b.cloned(),
                ours: o.cloned(),
                theirs: t.cloned(),
            });
            continue;
        };
        if let Some(value) = value {
            merged.insert(key.clone(), value.clone());
        }
    }
    if conflicts.is_empty() {
        Ok(merged)
    } else {
        Err(conflicts)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn obj(v: Value) -> Map<String, Value> {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn different_keys_merge() {
        let base = obj(json!({"ack_within": "48h", "project": null}));
        let ours = obj(json!({"ack_within": "24h", "project": null}));
        let theirs = obj(json!({"ack_within": "48h", "project": "poet"}));
        let merged = merge_policy(Some(&base), &ours, &theirs).unwrap();
        assert_eq!(
            Value::Object(merged),
            json!({"ack_within": "24h", "project": "poet"})
        );
    }

    #[test]
    fn the_same_key_changed_differently_is_a_conflict() {
        let base = obj(json!({"ack_within": "48h"}));
        let ours = obj(json!({"ack_within": "24h"}));
        let theirs = obj(json!({"ack_within": "72h"}));
        let conflicts = merge_policy(Some(&base), &ours, &theirs).unwrap_err();
        assert_eq!(conflicts.len(), 1);
        let text = conflicts[0].to_string();
        assert!(
            text.contains("\"24h\"") && text.contains("\"72h\""),
            "{text}"
        );
    }

    #[test]
    fn the_same_change_on_both_sides_is_no_conflict() {
        let base = obj(json!({"ack_within": "48h"}));
        let both = obj(json!({"ack_within": "24h"}));
        assert_eq!(merge_policy(Some(&base), &both, &both).unwrap(), both);
    }
}
