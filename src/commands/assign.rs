//! `disclose assign`: CVE and GHSA identifiers.

use crate::app::context::Ctx;
use crate::error::{Error, Result};
use crate::model::id::CaseRef;
use crate::model::severity;

/// Assign a CVE ID and/or a GitHub advisory (GHSA) ID to a case
///
/// Formats are checked: CVE-YYYY-NNNN (four or more digits) and
/// GHSA-xxxx-xxxx-xxxx. Assigning again replaces the previous ID.
#[derive(Debug, clap::Args)]
#[command(
    after_help = "Examples:\n  disclose assign K7Q --cve CVE-2026-12345\n  disclose assign K7Q --ghsa GHSA-jfh8-c2jp-5v3q"
)]
pub struct AssignArgs {
    /// Case to change, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// CVE ID, e.g. CVE-2026-12345
    #[arg(long, value_name = "CVE")]
    pub cve: Option<String>,
    /// GitHub security advisory ID, e.g. GHSA-jfh8-c2jp-5v3q
    #[arg(long, value_name = "GHSA")]
    pub ghsa: Option<String>,
}

pub fn run(ctx: &Ctx, args: &AssignArgs) -> Result<()> {
    let cve = args
        .cve
        .as_deref()
        .map(severity::cve)
        .transpose()
        .map_err(|e| Error::input(format!("--cve: {e}")))?;
    let ghsa = args
        .ghsa
        .as_deref()
        .map(severity::ghsa)
        .transpose()
        .map_err(|e| Error::input(format!("--ghsa: {e}")))?;
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        case.assign(cve, ghsa, cx.stamp())?;
        Ok(())
    })?;
    let ids = &case.identifiers;
    let shown: Vec<&str> = ids
        .cve
        .iter()
        .chain(ids.ghsa.iter())
        .map(String::as_str)
        .collect();
    ctx.ui.status(&format!("{}: {}", case.id, shown.join(", ")));
    ctx.changed(&store, &case)
}
