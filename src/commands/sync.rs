//! `disclose sync`: fetch the team's changes, merge them case by case, push.

use crate::app::context::Ctx;
use crate::error::Result;
use crate::store::{
    PUSH_ATTEMPTS, REMOTE, RemoteHead, STORE_BRANCH as BRANCH, SyncOptions, SyncReport,
};

/// Fetch, merge and push the team's changes
///
/// Talks only to the remote recorded in the store (`disclose remote`).
/// Concurrent edits are merged by the tool, case by case, never as text: a
/// case changed on one side is taken; a case changed on both sides gets the
/// events of both, so every edit survives (where both set the same field,
/// the later event wins and sync says so); policy.json merges key by key and
/// a real conflict stops the sync with nothing changed. Two different cases
/// created under the same ID are told apart: the local one, not yet pushed,
/// gets a new ID and keeps the old one as an alias. The result is a merge
/// commit with both parents. A push rejected because someone pushed
/// meanwhile is retried. With the remote unreachable, local work is kept.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose sync\n  \
    disclose sync --no-push   # merge the team's changes, push later")]
pub struct SyncArgs {
    /// Fetch and merge only; leave local changes unpushed
    #[arg(long)]
    pub no_push: bool,
}

/// `3 local changes not pushed`.
pub fn unpushed_line(commits: usize) -> String {
    let s = if commits == 1 { "" } else { "s" };
    format!("{commits} local change{s} not pushed to {REMOTE}; run `disclose sync`")
}

pub fn run(ctx: &Ctx, args: &SyncArgs) -> Result<()> {
    let store = ctx.store()?;
    share_templates(ctx, &store)?;
    let who = ctx.identity_for(Some(&store))?;
    let opts = SyncOptions {
        push: !args.no_push,
        attempts: PUSH_ATTEMPTS,
    };
    let report = store.sync(&who, ctx.now(), opts, &mut |_| {})?;
    if ctx.ui.json() {
        ctx.ui.print_json(&report)?;
    }
    tell(ctx, &report);
    if args.no_push
        && let Some(u) = store.unpushed()?.filter(|u| u.commits > 0)
    {
        ctx.ui.status(&unpushed_line(u.commits));
    }
    Ok(())
}

/// Commits the reply templates added or edited by hand under `templates/`,
/// so the sync shares them with the team.
fn share_templates(ctx: &Ctx, store: &crate::store::Store) -> Result<()> {
    let templates = store.unshared_templates()?;
    if templates.is_empty() {
        return Ok(());
    }
    let names: Vec<String> = templates
        .iter()
        .map(|(rel, _)| rel.rsplit('/').next().unwrap_or(rel).to_owned())
        .collect();
    ctx.transact(store, |tx, _| {
        for (rel, bytes) in templates {
            tx.write_file(&rel, bytes);
        }
        tx.set_message(format!("templates: share {}", names.join(", ")));
        Ok(())
    })?;
    ctx.ui.status(&format!(
        "Committed the reply template{} {} to share {}.",
        if names.len() == 1 { "" } else { "s" },
        names.join(", "),
        if names.len() == 1 { "it" } else { "them" }
    ));
    Ok(())
}

/// What a sync did, on stderr.
pub(crate) fn tell(ctx: &Ctx, report: &SyncReport) {
    let ui = &ctx.ui;
    let remote = format!("{REMOTE} ({})", report.remote);
    if report.fetched == 0 {
        ui.status(&format!("Nothing new on {remote}."));
    } else if report.fast_forward {
        ui.status(&format!(
            "Took {} new commit{} from {remote}.",
            report.fetched,
            plural(report.fetched)
        ));
    } else {
        ui.status(&format!(
            "Merged {} new commit{} from {remote}.",
            report.fetched,
            plural(report.fetched)
        ));
    }
    tell_merge_and_push(ctx, report);
}

/// What a sync did past the fetch: how the merge went, what was pushed.
pub(crate) fn tell_merge_and_push(ctx: &Ctx, report: &SyncReport) {
    let ui = &ctx.ui;
    let remote = format!("{REMOTE} ({})", report.remote);
    let merge = &report.merge;
    for id in &merge.merged_cases {
        ui.status(&format!(
            "{id}: changed on both sides; kept every event of both."
        ));
    }
    for o in &merge.overrides {
        ui.warn(&format!("both sides set a field: {o}"));
    }
    for r in &merge.renumbered {
        ui.warn(&format!(
            "{} was created here and on the remote for different reports; this clone's \"{}\" \
             is now {} (the old ID stays as an alias)",
            r.from, r.title, r.to
        ));
    }
    for r in &merge.advisories_renumbered {
        let files = if r.files_rewritten {
            format!("its files are rewritten in advisories/{}/", r.to)
        } else {
            format!(
                "write its files again with `disclose export {} --format FORMAT`",
                r.case
            )
        };
        ui.warn(&format!(
            "{from} went out on {REMOTE} for {taken} before this clone published {case} under \
             the same ID, so {case} is now {to} ({files}); if its announcement already went out \
             as {from}, send a correction",
            from = r.from,
            taken = r.taken_by,
            case = r.case,
            to = r.to,
        ));
    }
    if merge.policy_merged {
        ui.status("policy.json: changed on both sides; merged key by key.");
    }
    if report.retries > 0 {
        ui.status(&format!(
            "The remote moved during the sync; merged again and retried the push ({} time{}).",
            report.retries,
            plural(report.retries)
        ));
    }
    if report.pushed > 0 {
        ui.status(&format!(
            "Pushed {} commit{} to {remote}.",
            report.pushed,
            plural(report.pushed)
        ));
    }
    match &report.remote_head {
        Some(RemoteHead::Pointed { was }) => ui.status(&format!(
            "The remote's default branch (HEAD) was {was}, which it does not have; it is now \
             {BRANCH}, so a plain `git clone` of it (a CI checkout) gets the store."
        )),
        Some(RemoteHead::Unchecked) => ui.status(&format!(
            "First push to {remote}: if a plain `git clone` of it (a CI checkout) gives an empty \
             directory, make {BRANCH} its default branch (in the host's repository settings, or \
             `git symbolic-ref HEAD refs/heads/{BRANCH}` in a bare repository on a server)."
        )),
        None => {}
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
