//! `disclose init`: create the case store and its policy.

use crate::app::context::Ctx;
use crate::app::input;
use crate::commands::common::remote_url;
use crate::error::{Error, Result};
use crate::model::duration::Duration;
use crate::model::policy::{MaintainedRelease, Policy};
use crate::store::Store;

/// Create a case store and its policy
///
/// Makes a private git repository (mode 0700) holding `policy.json` and an
/// empty `cases/` directory, and commits it. Refuses a directory inside
/// another repository's work tree, where a committed case could leak (for
/// example into the public project repository), unless --allow-nested.
///
/// A store is also created on the first write to the default location, so
/// `init` is only needed to set the policy or pick a place.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose init --project poet --contact security@po.et\n  \
    disclose --dir ~/security/cases init --ack-within 2bd --disclose-within 60d\n  \
    disclose init --release 1.4='>=1.4.0, <1.5.0' --release 2.x='>=2.0.0'\n  \
    disclose init --project poet --remote git@github.com:poet/security-cases.git")]
pub struct InitArgs {
    /// Project name, used in advisory IDs and the rendered SECURITY.md
    #[arg(long, value_name = "NAME")]
    pub project: Option<String>,
    /// Where reporters write, e.g. security@example.org
    #[arg(long, value_name = "EMAIL")]
    pub contact: Option<String>,
    /// Prefix of case IDs
    #[arg(long, value_name = "PREFIX", default_value = crate::model::policy::DEFAULT_PREFIX, value_parser = parse_prefix)]
    pub id_prefix: String,
    /// Answer new reports within this long (48h, 2bd, ...)
    #[arg(long, value_name = "DURATION", default_value = "48h")]
    pub ack_within: Duration,
    /// Update the reporter at least this often
    #[arg(long, value_name = "DURATION", default_value = "7d")]
    pub update_every: Duration,
    /// Publish within this long of receiving a report
    #[arg(long, value_name = "DURATION", default_value = "90d")]
    pub disclose_within: Duration,
    /// A maintained release as NAME=REQ, e.g. 1.4='>=1.4.0, <1.5.0' (repeatable)
    #[arg(long = "release", value_name = "NAME=REQ", value_parser = parse_release)]
    pub releases: Vec<MaintainedRelease>,
    /// Adopt a reporter's disclosure policy as the team default instead of
    /// --disclose-within: project-zero, project-zero+grace, cert-cc, zdi or a number of days
    #[arg(long, value_name = "PRESET", conflicts_with = "disclose_within")]
    pub preset: Option<crate::model::preset::Preset>,
    /// Create the store even inside another git repository's work tree
    #[arg(long)]
    pub allow_nested: bool,
    /// Record the team's private remote (see `disclose remote`, `disclose sync`)
    #[arg(long, value_name = "URL")]
    pub remote: Option<String>,
}

fn parse_prefix(s: &str) -> Result<String, crate::model::id::InvalidPrefix> {
    crate::model::id::validate_prefix(s).map(|()| s.to_owned())
}

fn parse_release(s: &str) -> Result<MaintainedRelease, String> {
    MaintainedRelease::parse_assignment(s).map_err(|e| e.to_string())
}

pub fn run(ctx: &Ctx, args: &InitArgs) -> Result<()> {
    let mut with_releases = Policy::default();
    for release in &args.releases {
        with_releases
            .add_release(release.clone())
            .map_err(|e| Error::input(format!("--release: {e}")))?;
    }
    let (root, source) = ctx.location()?;
    let project = input::optional(&ctx.ui, args.project.as_deref(), "Project name", |_| Ok(()))?;
    let contact = input::optional(
        &ctx.ui,
        args.contact.as_deref(),
        "Security contact (email or https URL)",
        crate::model::policy::check_contact,
    )?;
    if let Some(contact) = &contact
        && !contact.starts_with("http")
    {
        crate::model::syntax::check_email(contact, "--contact")?;
    }
    let policy = Policy {
        project,
        contact,
        id_prefix: args.id_prefix.clone(),
        ack_within: args.ack_within,
        update_every: args.update_every,
        disclose_within: args
            .preset
            .map_or(args.disclose_within, |p| Duration::days(p.days())),
        disclose_preset: args.preset,
        maintained_releases: with_releases.maintained_releases,
        ..Policy::default()
    };
    let remote = args
        .remote
        .as_deref()
        .map(|url| remote_url::normalize_url(url, "--remote"))
        .transpose()?;
    if let Some(url) = &remote {
        remote_url::check_path_remote(url, "--remote", false)?;
    }
    let who = ctx.identity_for(None)?;
    let store = Store::create(&root, &policy, args.allow_nested, &who, ctx.now())?;
    ctx.ui.status(&format!(
        "Created a case store at {} ({source}).",
        root.display()
    ));
    if let Some(url) = &remote {
        store.set_remote(url)?;
        ctx.ui.status(&format!(
            "Recorded {url} as the team's remote; `disclose sync` pushes the store there."
        ));
    }
    if ctx.ui.json() {
        ctx.ui.print_json(&serde_json::json!({
            "store": root,
            "policy": policy,
            "remote": remote,
        }))?;
    }
    ctx.ui.next(match remote {
        Some(_) => "`disclose sync` to push the store to the team's remote",
        None => "`disclose open` when a report arrives",
    });
    Ok(())
}
