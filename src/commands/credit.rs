//! `disclose credit`: who is credited in the advisory, and whether they agreed.

use crate::app::context::Ctx;
use crate::error::Result;
use crate::model::case::{Consent, Credit, CreditType};
use crate::model::id::CaseRef;

/// Credit someone, with their consent to be named
///
/// A name appears in published advisories only with consent `granted`;
/// `anonymous` credits appear without a name, `declined` not at all.
/// Publishing is refused while a consent is `pending`. Crediting the same
/// name and type again updates it (e.g. when the reporter answers).
#[derive(Debug, clap::Args)]
#[command(after_help = "Examples:\n  \
    disclose credit K7Q --name 'Ada L.' --consent granted\n  \
    disclose credit K7Q --name 'Bob' --type remediation-developer --consent granted")]
pub struct CreditArgs {
    /// Case to change, e.g. DISC-2026-K7Q3M or K7Q
    pub id: CaseRef,
    /// Name as it should be printed
    #[arg(long, value_name = "NAME")]
    pub name: String,
    /// Role in the disclosure
    #[arg(
        long = "type",
        value_enum,
        value_name = "TYPE",
        default_value = "finder"
    )]
    pub kind: CreditType,
    /// Whether they agreed to be named
    #[arg(long, value_enum, default_value = "pending")]
    pub consent: Consent,
    /// A public link for the credit (e.g. a profile URL); repeat for several
    #[arg(long, value_name = "URL")]
    pub contact: Vec<String>,
}

pub fn run(ctx: &Ctx, args: &CreditArgs) -> Result<()> {
    let (kind, consent) = (args.kind, args.consent);
    let credit = Credit {
        name: args.name.trim().to_owned(),
        kind,
        consent,
        contact: args.contact.iter().map(|c| c.trim().to_owned()).collect(),
    };
    let (store, case) = ctx.change_case(&args.id, |case, cx| {
        case.set_credit(credit, cx.stamp())?;
        Ok(())
    })?;
    ctx.ui.status(&format!(
        "{}: credited {} (consent {})",
        case.id,
        args.name.trim(),
        consent.as_str()
    ));
    ctx.changed(&store, &case)
}
