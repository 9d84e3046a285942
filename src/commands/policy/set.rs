//! `disclose policy set KEY VALUE`: one key, checked, in one commit.

use crate::app::context::Ctx;
use crate::error::Result;
use crate::model::policy::Key;

/// Change one key of the policy
///
/// Values are checked as `disclose init` checks its flags: durations such as
/// 48h, 7d, 2w or 5bd (business days); the contact is an email address or an
/// http(s) URL; `cna_org_id` is a UUID; `default_package` is ECOSYSTEM/NAME;
/// `require_cve` (publish waits for a CVE ID) is true or false; `repository`
/// is the public source repository's http(s) URL, for links to fixes;
/// `advisory_url` is where advisories are published, with `{id}` for the
/// advisory ID (linked from release notes and records); `cra` (on or off)
/// turns on the EU Cyber Resilience Act's reporting of actively exploited
/// vulnerabilities (Article 14: `disclose exploited`, `disclose cra`), and
/// `cra_member_states` lists the EU Member States where the product is
/// available, as ISO 3166-1 codes separated by commas (EL is taken for
/// Greece; `all` for the 27; empty clears it).
/// An empty VALUE clears an optional key (project, contact, vendor,
/// cna_org_id, default_package, repository, advisory_url). Cases keep the durations that were in force
/// when they were opened, so a change applies to new cases only.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose policy set ack_within 2bd\n  \
    disclose policy set contact security@example.org\n  \
    disclose policy set default_package crates.io/disclose\n  \
    disclose policy set advisory_url 'https://example.org/security/{id}'\n  \
    disclose policy set cra on\n  \
    disclose policy set cra_member_states DE,FR,NL\n  \
    disclose policy set vendor ''")]
pub struct SetArgs {
    /// The key to change
    #[arg(value_enum)]
    pub key: Key,
    /// The new value (empty to clear an optional key)
    #[arg(allow_hyphen_values = true)]
    pub value: String,
}

pub(super) fn run(ctx: &Ctx, set: &SetArgs) -> Result<()> {
    super::edit(ctx, |policy| {
        let before = policy.get(set.key);
        policy.set(set.key, &set.value)?;
        let after = policy.get(set.key);
        Ok(if before == after {
            None
        } else if after.is_empty() {
            Some(format!("policy: clear {}", set.key))
        } else {
            Some(format!("policy: set {} to {after}", set.key))
        })
    })
}
