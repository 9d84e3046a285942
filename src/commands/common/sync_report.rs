//! What a sync did, in words: printed by `sync`, and by `publish` and
//! `status` where they sync or count unpushed work.

use crate::app::context::Ctx;
use crate::store::{REMOTE, RemoteHead, STORE_BRANCH as BRANCH, SyncReport};

/// `3 local changes not pushed`.
pub fn unpushed_line(commits: usize) -> String {
    let s = if commits == 1 { "" } else { "s" };
    format!("{commits} local change{s} not pushed to {REMOTE}; run `disclose sync`")
}

/// What a sync did, on stderr.
pub fn tell(ctx: &Ctx, report: &SyncReport) {
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
pub fn tell_merge_and_push(ctx: &Ctx, report: &SyncReport) {
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
