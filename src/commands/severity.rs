//! `disclose severity`: CVSS score and CWE classification.

use crate::app::context::Ctx;
use crate::error::{Error, Result};
use crate::model::id::CaseRef;
use crate::model::severity;

/// Record the severity (CVSS 3.x or 4.0 vector) and CWE of a case
///
/// The vector is validated (every base metric present) and scored; the
/// score and rating (none, low, medium, high, critical) are stored with it.
/// CWE IDs are validated (`CWE-22`); giving --cwe replaces the list.
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose severity K7Q --cvss CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H --cwe CWE-22\n  \
    disclose severity K7Q --cvss CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N")]
pub struct SeverityArgs {
    /// Case to change, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// CVSS vector, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H
    #[arg(long, value_name = "VECTOR")]
    pub cvss: Option<String>,
    /// Weakness, e.g. CWE-22; repeat for several
    #[arg(long, value_name = "CWE")]
    pub cwe: Vec<String>,
}

pub fn run(ctx: &Ctx, args: &SeverityArgs) -> Result<()> {
    let assessed = args
        .cvss
        .as_deref()
        .map(severity::assess)
        .transpose()
        .map_err(|e| Error::input(format!("--cvss: {e}")))?;
    let cwe = args
        .cwe
        .iter()
        .map(|c| severity::cwe(c))
        .collect::<Result<Vec<_>, _>>()
        .map_err(|e| Error::input(format!("--cwe: {e}")))?;
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        case.assess(assessed, cwe, cx.stamp())?;
        Ok(())
    })?;
    if let Some(s) = &case.severity {
        ctx.ui.status(&format!(
            "{}: {} {} ({})",
            case.id,
            s.rating,
            s.scores(),
            s.cvss
        ));
    }
    if !case.cwe.is_empty() {
        ctx.ui
            .status(&format!("{}: {}", case.id, case.cwe.join(", ")));
    }
    ctx.changed(&store, &case)
}
