//! `disclose policy show`: every key with its value, durations in words,
//! and the maintained releases.

use clap::ValueEnum as _;

use crate::app::context::Ctx;
use crate::error::Result;
use crate::model::policy::{Key, Policy};

/// Print the policy
///
/// The same as `disclose policy` with no arguments: every key with its value,
/// durations also in words, and the maintained releases. With --json, prints
/// `policy.json` as stored.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  disclose policy show\n  disclose policy show --json")]
pub struct ShowArgs {}

pub(super) fn run(ctx: &Ctx) -> Result<()> {
    let store = ctx.store()?;
    let policy = store.policy();
    if ctx.ui.json() {
        return ctx.ui.print_json(policy);
    }
    ctx.ui.print(&describe(policy))
}

/// The readable form of a policy.
fn describe(policy: &Policy) -> String {
    let mut out = String::new();
    // Every key `policy set` takes, so a new key is shown without a list
    // to update; the CRA's Member States only when its reporting is on.
    let keys: Vec<Key> = Key::value_variants()
        .iter()
        .copied()
        .filter(|k| *k != Key::CraMemberStates || policy.cra)
        .collect();
    let width = keys.iter().map(|k| k.name().len()).max().unwrap_or(0) + 2;
    for key in keys {
        let mut value = policy.get(key);
        if value.is_empty() {
            value = "-".to_owned();
        }
        let words = match key {
            Key::AckWithin => Some(policy.ack_within),
            Key::UpdateEvery => Some(policy.update_every),
            Key::DiscloseWithin => Some(policy.disclose_within),
            _ => None,
        };
        match words {
            Some(Some(d)) => value = format!("{value} ({})", d.in_words()),
            Some(None) => value = format!("{value} (no promise)"),
            None => {}
        }
        out.push_str(&format!("{:<width$}{value}\n", key.name()));
    }
    if policy.maintained_releases.is_empty() {
        out.push_str(&format!("{:<width$}none\n", "releases"));
    } else {
        out.push_str("releases\n");
        let width = policy
            .maintained_releases
            .iter()
            .map(|r| r.name.len())
            .max()
            .unwrap_or(0);
        for r in &policy.maintained_releases {
            out.push_str(&format!("  {:<width$}  {}\n", r.name, r.range));
        }
    }
    out
}
