//! `disclose policy`: show and edit the team's promises, and render them as a
//! SECURITY.md (or check an existing one against them). One file per
//! subcommand; `edit` is the one way they change the policy.

mod release;
mod render;
mod set;
mod show;

use crate::app::context::Ctx;
use crate::error::Result;
use crate::model::policy::Policy;
use crate::store;

pub use release::{ReleaseAddArgs, ReleaseArgs, ReleaseCommand, ReleaseRemoveArgs};
pub use render::RenderArgs;
pub use set::SetArgs;
pub use show::ShowArgs;

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

pub fn run(ctx: &Ctx, args: &PolicyArgs) -> Result<()> {
    match &args.action {
        None => render::render_or_show(ctx, &args.render),
        Some(PolicyCommand::Show(_)) => show::run(ctx),
        Some(PolicyCommand::Set(set)) => set::run(ctx, set),
        Some(PolicyCommand::Release(release)) => release::run(ctx, release),
        Some(PolicyCommand::Render(render)) => render::run(ctx, render),
    }
}

/// Changes the policy in one commit. `change` returns the commit message,
/// or `None` when it changed nothing (then nothing is committed).
pub(super) fn edit(
    ctx: &Ctx,
    change: impl FnOnce(&mut Policy) -> Result<Option<String>>,
) -> Result<()> {
    let store = ctx.store()?;
    let outcome = ctx.transact(&store, |tx, _by| {
        // Read under the lock, so a concurrent edit is never lost.
        let mut policy = store::read_policy(tx.store().root())?;
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
