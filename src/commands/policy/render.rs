//! `disclose policy render` (and `policy --write/--check`): the SECURITY.md
//! made from the policy, and the check of an existing one against it.

use std::path::{Path, PathBuf};

use crate::app::context::Ctx;
use crate::app::input;
use crate::error::{Error, Result};
use crate::model::policy::Policy;
use crate::model::security_md;
use crate::store::Store;

#[derive(Debug, clap::Args)]
pub struct RenderArgs {
    /// Write the SECURITY.md rendered from the policy to FILE (`-` for stdout)
    #[arg(long, value_name = "FILE", conflicts_with = "check", value_hint = clap::ValueHint::FilePath)]
    pub write: Option<PathBuf>,
    /// Check FILE (an existing SECURITY.md) against the policy; exit 1 on any difference
    #[arg(long, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
    pub check: Option<PathBuf>,
    /// With --write: create FILE readable by every user (0644), not only you (0600)
    #[arg(long, requires = "write")]
    pub world_readable: bool,
}

pub(super) fn run(ctx: &Ctx, render: &RenderArgs) -> Result<()> {
    if render.write.is_none() && render.check.is_none() {
        let policy = renderable(&ctx.store()?)?;
        return print_rendered(ctx, &security_md::render(&policy));
    }
    render_or_show(ctx, render)
}

pub(super) fn render_or_show(ctx: &Ctx, args: &RenderArgs) -> Result<()> {
    if let Some(file) = &args.check {
        return check(ctx, file);
    }
    let Some(file) = &args.write else {
        return super::show::run(ctx);
    };
    let store = ctx.store()?;
    let policy = renderable(&store)?;
    let text = security_md::render(&policy);
    if file == Path::new("-") {
        return print_rendered(ctx, &text);
    }
    let visibility = if args.world_readable {
        crate::store::Visibility::WorldReadable
    } else {
        crate::store::Visibility::Private
    };
    // Replaced whole, so an interrupted write never leaves half a SECURITY.md.
    crate::store::write_out(file, text.as_bytes(), visibility)
        .map_err(|e| Error::input(format!("--write {}: {e}", file.display())))?;
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
