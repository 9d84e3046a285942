//! `disclose init`: create the case store and its policy.

use std::path::PathBuf;

use crate::app::context::Ctx;
use crate::app::input;
use crate::commands::common::remote_url;
use crate::error::{Error, Result};
use crate::model::duration::{Duration, Promise, promise_words};
use crate::model::policy::{MaintainedRelease, Policy};
use crate::model::security_md;
use crate::store::Store;

/// Create a case store and its policy
///
/// Makes a private git repository (mode 0700) holding `policy.json` and an
/// empty `cases/` directory, and commits it. Refuses a directory inside
/// another repository's work tree, where a committed case could leak (for
/// example into the public project repository), unless --allow-nested.
///
/// A promise is a duration or `off` for one the project does not make (no
/// clock, no finding, no sentence in any draft). --from-security-md reads
/// the promises an existing SECURITY.md states (the acknowledgement time,
/// an update interval, a disclosure deadline, an audit for similar
/// problems, the contact address) and sets exactly those: a promise it does
/// not state is off. Flags given as well win over the file.
///
/// A store is also created on the first write to the default location, so
/// `init` is only needed to set the policy or pick a place.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose init --project poet --contact security@po.et\n  \
    disclose init --project poet --from-security-md SECURITY.md\n  \
    disclose --dir ~/security/cases init --ack-within 2bd --disclose-within 60d\n  \
    disclose init --update-every off --disclose-within off\n  \
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
    /// Answer new reports within this long (48h, 2bd, ..., or off) [default: 48h]
    #[arg(long, value_name = "DURATION")]
    pub ack_within: Option<Promise>,
    /// Update the reporter at least this often (or off) [default: 7d]
    #[arg(long, value_name = "DURATION")]
    pub update_every: Option<Promise>,
    /// Publish within this long of receiving a report (or off) [default: 90d]
    #[arg(long, value_name = "DURATION")]
    pub disclose_within: Option<Promise>,
    /// Promise to audit the code for similar problems: a readiness item of every reported case
    #[arg(long)]
    pub audit: bool,
    /// Read the promises from an existing SECURITY.md; those it does not state are off
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub from_security_md: Option<PathBuf>,
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
    for (flag, value) in [("--project", &args.project), ("--contact", &args.contact)] {
        if let Some(value) = value {
            crate::model::limits::line(flag, value).map_err(|e| Error::input(e.to_string()))?;
        }
    }
    let mut with_releases = Policy::default();
    for release in &args.releases {
        with_releases
            .add_release(release.clone())
            .map_err(|e| Error::input(format!("--release: {e}")))?;
    }
    let stated = match &args.from_security_md {
        Some(path) => Some(security_md::read(&input::read_text(
            path,
            "--from-security-md",
        )?)),
        None => None,
    };
    let (root, source) = ctx.location()?;
    let project = input::optional(&ctx.ui, args.project.as_deref(), "Project name", |_| Ok(()))?;
    let contact = match (
        &args.contact,
        stated.as_ref().and_then(|s| s.contact.clone()),
    ) {
        (None, Some(from_file)) => Some(from_file),
        (given, _) => input::optional(
            &ctx.ui,
            given.as_deref(),
            "Security contact (email or https URL)",
            crate::model::policy::check_contact,
        )?,
    };
    if let Some(contact) = &contact
        && !contact.starts_with("http")
    {
        crate::model::syntax::check_email(contact, "--contact")?;
    }
    // What the file states, else the defaults; flags win over both.
    let base = match &stated {
        Some(s) => Policy {
            ack_within: s.ack_within,
            update_every: s.update_every,
            disclose_within: s.disclose_within,
            audit: s.audit,
            ..Policy::default()
        },
        None => Policy::default(),
    };
    let disclose_within = match (args.preset, args.disclose_within) {
        (Some(p), _) => Some(Duration::days(p.days())),
        (None, Some(given)) => given.0,
        (None, None) => base.disclose_within,
    };
    let policy = Policy {
        project,
        contact,
        id_prefix: args.id_prefix.clone(),
        ack_within: args.ack_within.map_or(base.ack_within, |p| p.0),
        update_every: args.update_every.map_or(base.update_every, |p| p.0),
        disclose_within,
        disclose_preset: args.preset,
        audit: args.audit || base.audit,
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
    let (store, was_open) = Store::create_with(
        &root,
        &policy,
        args.allow_nested,
        &who,
        ctx.now(),
        ctx.store_options(),
    )?;
    ctx.ui.status(&format!(
        "Created a case store at {} ({source}).",
        root.display()
    ));
    ctx.say_made_private(&root, was_open);
    if let (Some(path), Some(stated)) = (&args.from_security_md, &stated) {
        ctx.ui
            .status(&format!("Promises read from {}:", path.display()));
        for line in stated_lines(stated) {
            ctx.ui.status(&format!("  {line}"));
        }
    }
    let remote = match remote {
        Some(url) => {
            store.set_remote(&url)?;
            remote_url::warn_credentials(ctx, &url);
            let url = crate::model::syntax::redact_url(&url);
            ctx.ui.status(&format!(
                "Recorded {url} as the team's remote; `disclose sync` pushes the store there."
            ));
            Some(url)
        }
        None => None,
    };
    if ctx.ui.json() {
        ctx.ui.print_json(&serde_json::json!({
            "store": root,
            "policy": policy,
            "remote": remote,
            "from_security_md": stated,
        }))?;
    }
    ctx.ui.next(match remote {
        Some(_) => "`disclose sync` to push the store to the team's remote",
        None => "`disclose open --title ...` when a report arrives",
    });
    Ok(())
}

/// What a SECURITY.md was read to promise, one line each.
fn stated_lines(stated: &security_md::Stated) -> Vec<String> {
    let promise = |key: &str, value: Option<Duration>| match value {
        Some(d) => format!("{key:<16}{d} ({})", d.in_words()),
        None => format!("{key:<16}off ({}: not stated)", promise_words(None)),
    };
    vec![
        promise("ack_within", stated.ack_within),
        promise("update_every", stated.update_every),
        promise("disclose_within", stated.disclose_within),
        format!(
            "{:<16}{}",
            "audit",
            if stated.audit {
                "on (an audit for similar problems is promised)"
            } else {
                "off (not stated)"
            }
        ),
        format!(
            "{:<16}{}",
            "contact",
            stated.contact.as_deref().unwrap_or("- (no address found)")
        ),
    ]
}
