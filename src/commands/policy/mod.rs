//! `disclose policy`: show and edit the team's promises, and render them as a
//! SECURITY.md (or check an existing one against them).

use std::io::Write as _;
use std::path::{Path, PathBuf};

use crate::app::context::Ctx;
use crate::app::input;
use crate::error::{Error, Result};
use crate::model::policy::{Key, MaintainedRelease, Policy};
use crate::model::security_md;
use crate::store::{self, Store};

/// Show, edit and publish the policy (SLAs, contact, maintained releases)
///
/// The policy (`policy.json` in the store) holds the promises a SECURITY.md
/// makes and `disclose check` enforces: how fast reports are acknowledged,
/// how often reporters hear back, when advisories are published, who to
/// write to and which releases get fixes.
///
/// With no subcommand and no option, prints the policy (`--json` for the file
/// itself). `--write FILE` renders a SECURITY.md from it; `--check FILE`
/// compares an existing SECURITY.md with it and exits 1 listing each promise
/// that differs (a response time, the contact, a supported release), so a CI
/// job can keep the two in step. Each edit (`set`, `release add`, `release
/// remove`) is one commit in the store.
#[derive(Debug, clap::Args)]
#[command(
    args_conflicts_with_subcommands = true,
    after_help = "Examples:\n  \
    disclose policy\n  \
    disclose policy --write SECURITY.md\n  \
    disclose policy --check SECURITY.md\n  \
    disclose policy set ack_within 2bd\n  \
    disclose policy release add 1.4 --range '>=1.4.0, <1.5.0'"
)]
pub struct PolicyArgs {
    #[command(subcommand)]
    pub action: Option<PolicyCommand>,
    #[command(flatten)]
    pub render: RenderArgs,
}

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// Write the SECURITY.md rendered from the policy to FILE (`-` for stdout)
    #[arg(long, value_name = "FILE", conflicts_with = "check", value_hint = clap::ValueHint::FilePath)]
    pub write: Option<PathBuf>,
    /// Check FILE (an existing SECURITY.md) against the policy; exit 1 on any difference
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub check: Option<PathBuf>,
}

#[derive(Debug, clap::Subcommand)]
pub enum PolicyCommand {
    Show(ShowArgs),
    Set(SetArgs),
    Release(ReleaseArgs),
    /// Print the SECURITY.md rendered from the policy
    ///
    /// The same rendering as `disclose policy --write FILE`, printed to stdout
    /// unless --write is given: how to report and what to include, the
    /// response times in words, the supported releases, the disclosure
    /// timeline and the credit policy. --check compares a file instead.
    #[command(after_help = "Examples:\n  \
        disclose policy render > SECURITY.md\n  \
        disclose policy render --check SECURITY.md")]
    Render(RenderArgs),
}

/// Print the policy
///
/// The same as `disclose policy` with no arguments: every key with its value,
/// durations also in words, and the maintained releases. With --json, prints
/// `policy.json` as stored.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  disclose policy show\n  disclose policy show --json")]
pub struct ShowArgs {}

/// Change one key of the policy
///
/// Values are checked as `disclose init` checks its flags: durations such as
/// 48h, 7d, 2w or 5bd (business days); the contact is an email address or an
/// http(s) URL; `cna_org_id` is a UUID; `default_package` is ECOSYSTEM/NAME;
/// `require_cve` (publish waits for a CVE ID) is true or false; `repository`
/// is the public source repository's http(s) URL, for links to fixes.
/// An empty VALUE clears an optional key (project, contact, vendor,
/// cna_org_id, default_package, repository). Cases keep the durations that were in force
/// when they were opened, so a change applies to new cases only.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose policy set ack_within 2bd\n  \
    disclose policy set contact security@example.org\n  \
    disclose policy set default_package crates.io/disclose\n  \
    disclose policy set vendor ''")]
pub struct SetArgs {
    /// The key to change
    #[arg(value_enum)]
    pub key: Key,
    /// The new value (empty to clear an optional key)
    #[arg(allow_hyphen_values = true)]
    pub value: String,
}

/// Add or remove a maintained release
///
/// Maintained releases are the release lines that receive security fixes.
/// Each case holds a decision per maintained release (the fix matrix), and
/// the rendered SECURITY.md lists them as the supported versions. A range is
/// a semver requirement such as ">=1.4.0, <1.5.0".
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose policy release add 1.4 --range '>=1.4.0, <1.5.0'\n  \
    disclose policy release remove 1.3")]
pub struct ReleaseArgs {
    #[command(subcommand)]
    pub action: ReleaseCommand,
}

#[derive(Debug, clap::Subcommand)]
pub enum ReleaseCommand {
    Add(ReleaseAddArgs),
    Remove(ReleaseRemoveArgs),
}

/// Add a maintained release
///
/// The name must be new; the range must parse as a semver requirement.
/// New cases get a fix-matrix entry for it.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose policy release add 1.4 --range '>=1.4.0, <1.5.0'\n  \
    disclose policy release add 2.x --range '>=2.0.0'")]
pub struct ReleaseAddArgs {
    /// Name of the release line, e.g. 1.4 or 2.x
    pub name: String,
    /// Versions of the release line, as a semver requirement
    #[arg(long, value_name = "REQ")]
    pub range: String,
}

/// Stop maintaining a release
///
/// Removes the release from the policy; cases that already decided about it
/// keep their decision.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  disclose policy release remove 1.3")]
pub struct ReleaseRemoveArgs {
    /// Name of the release line to remove
    #[arg(value_name = "RELEASE")]
    pub release: String,
}

pub fn run(ctx: &Ctx, args: &PolicyArgs) -> Result<()> {
    match &args.action {
        None => render_or_show(ctx, &args.render),
        Some(PolicyCommand::Show(_)) => show(ctx),
        Some(PolicyCommand::Set(set)) => edit(ctx, |policy| {
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
        }),
        Some(PolicyCommand::Release(release)) => match &release.action {
            ReleaseCommand::Add(add) => {
                let new = MaintainedRelease::new(&add.name, &add.range)?;
                edit(ctx, |policy| {
                    let message = format!("policy: add release {}", new.name);
                    policy.add_release(new)?;
                    Ok(Some(message))
                })
            }
            ReleaseCommand::Remove(remove) => edit(ctx, |policy| {
                let gone = policy.remove_release(&remove.release)?;
                Ok(Some(format!("policy: remove release {}", gone.name)))
            }),
        },
        Some(PolicyCommand::Render(render)) => {
            if render.write.is_none() && render.check.is_none() {
                let policy = renderable(&ctx.store()?)?;
                return print_rendered(ctx, &security_md::render(&policy));
            }
            render_or_show(ctx, render)
        }
    }
}

fn render_or_show(ctx: &Ctx, args: &RenderArgs) -> Result<()> {
    if let Some(file) = &args.check {
        return check(ctx, file);
    }
    let Some(file) = &args.write else {
        return show(ctx);
    };
    let store = ctx.store()?;
    let policy = renderable(&store)?;
    let text = security_md::render(&policy);
    if file == Path::new("-") {
        return print_rendered(ctx, &text);
    }
    write_file(file, text.as_bytes())?;
    if ctx.ui.json() {
        ctx.ui
            .print_json(&serde_json::json!({ "file": file, "written": true }))?;
    }
    ctx.ui.status(&format!(
        "Wrote {} from the policy of {}.\nCheck it in CI with `disclose policy --check {}`.",
        file.display(),
        store.root().display(),
        file.display()
    ));
    Ok(())
}

/// A rendered SECURITY.md on stdout (with `--json`, as `{"security_md": TEXT}`).
fn print_rendered(ctx: &Ctx, text: &str) -> Result<()> {
    ctx.ui
        .product(&serde_json::json!({ "security_md": text }), text)
}

/// The store's policy, if it has what a SECURITY.md cannot do without.
fn renderable(store: &Store) -> Result<Policy> {
    let policy = store.policy().clone();
    if policy.contact.is_none() {
        return Err(Error::input(
            "the policy has no contact, and a SECURITY.md must say where to report",
        )
        .with_hint("set one with `disclose policy set contact security@example.org`"));
    }
    Ok(policy)
}

/// Replaces `file` whole, so an interrupted write never leaves half a SECURITY.md.
fn write_file(file: &Path, bytes: &[u8]) -> Result<()> {
    let failed = |e: std::io::Error| Error::input(format!("--write {}: {e}", file.display()));
    let dir = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(failed)?;
    tmp.write_all(bytes).map_err(failed)?;
    tmp.persist(file).map_err(|e| failed(e.error))?;
    Ok(())
}

fn check(ctx: &Ctx, file: &Path) -> Result<()> {
    let store = ctx.store()?;
    let text = input::read_text(file, "--check")?;
    let findings = security_md::check(store.policy(), &text);
    if ctx.ui.json() {
        ctx.ui.print_json(&serde_json::json!({
            "file": file,
            "findings": findings,
        }))?;
    } else {
        for f in &findings {
            let at = f.line.map(|n| format!(":{n}")).unwrap_or_default();
            ctx.ui
                .println(&format!("{}{at}: {}", file.display(), f.message))?;
        }
    }
    if findings.is_empty() {
        ctx.ui
            .status(&format!("{} agrees with the policy.", file.display()));
        return Ok(());
    }
    let refusal = Error::refused(format!(
        "{} disagrees with the policy in {} place{}",
        file.display(),
        findings.len(),
        if findings.len() == 1 { "" } else { "s" }
    ))
    .with_hint(format!(
        "regenerate it with `disclose policy --write {}`, or change the policy with `disclose policy set`",
        file.display()
    ));
    // With --json the findings printed are the whole answer.
    Err(if ctx.ui.json() {
        refusal.reported()
    } else {
        refusal
    })
}

fn show(ctx: &Ctx) -> Result<()> {
    let store = ctx.store()?;
    let policy = store.policy();
    if ctx.ui.json() {
        return ctx.ui.print_json(policy);
    }
    ctx.ui.print(&describe(policy))
}

/// The readable form of a policy.
fn describe(policy: &Policy) -> String {
    let keys = [
        Key::Project,
        Key::Contact,
        Key::Vendor,
        Key::CnaOrgId,
        Key::IdPrefix,
        Key::AckWithin,
        Key::UpdateEvery,
        Key::DiscloseWithin,
        Key::DefaultPackage,
        Key::RequireCve,
        Key::Repository,
    ];
    let mut out = String::new();
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
        if let Some(d) = words {
            value = format!("{value} ({})", d.in_words());
        }
        out.push_str(&format!("{:<17}{value}\n", key.name()));
    }
    if policy.maintained_releases.is_empty() {
        out.push_str(&format!("{:<17}none\n", "releases"));
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

/// Changes the policy in one commit. `change` returns the commit message,
/// or `None` when it changed nothing (then nothing is committed).
fn edit(ctx: &Ctx, change: impl FnOnce(&mut Policy) -> Result<Option<String>>) -> Result<()> {
    let store = ctx.store()?;
    let outcome = ctx.transact(&store, |tx, _by| {
        // Read under the lock, so a concurrent edit is never lost.
        let mut policy = store::read_policy(&tx.store().root().join(store::POLICY_FILE))?;
        let message = change(&mut policy)?;
        if let Some(message) = &message {
            tx.write_policy(&policy);
            tx.set_message(message.clone());
        }
        Ok((policy, message))
    })?;
    let (policy, message) = outcome;
    if ctx.ui.json() {
        ctx.ui.print_json(&policy)?;
    }
    match message {
        Some(message) => ctx.ui.status(&format!("Committed \"{message}\".")),
        None => ctx
            .ui
            .status("The policy already says so; nothing changed."),
    }
    Ok(())
}
