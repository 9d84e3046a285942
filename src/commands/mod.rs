//! Dispatch: one arm per subcommand, each in its own file.

pub mod ack;
pub mod affected;
pub mod assign;
pub mod audit;
pub mod clone;
pub mod confirm;
pub mod contact;
pub mod cra;
pub mod credit;
pub mod deadline;
pub mod describe;
pub mod export;
pub mod fix;
pub mod import;
pub mod init;
pub mod log;
pub mod note;
pub mod open;
pub mod pause;
pub mod publish;
pub mod reject;
pub mod release;
pub mod reserve;
pub mod resume;
pub mod severity;
pub mod show;
pub mod status;
pub mod withdraw;

pub mod check;
pub mod common;
pub mod complete_ids;
pub mod complete_releases;
pub mod completions;
pub mod embargo;
pub mod exploited;
pub mod man;
pub mod mitigated;
pub mod policy;
pub mod remote;
pub mod stats;
pub mod sync;

use crate::app::context::Ctx;
use clap::Subcommand;

use crate::error::Result;

#[derive(Debug, Subcommand)]
pub enum Command {
    Init(init::InitArgs),
    Open(open::OpenArgs),
    Import(import::ImportArgs),
    Ack(ack::AckArgs),
    Confirm(confirm::ConfirmArgs),
    Reject(reject::RejectArgs),
    Withdraw(withdraw::WithdrawArgs),
    Pause(pause::PauseArgs),
    Resume(resume::ResumeArgs),
    Affected(affected::AffectedArgs),
    Release(release::ReleaseArgs),
    Fix(fix::FixArgs),
    Severity(severity::SeverityArgs),
    Note(note::NoteArgs),
    Contact(contact::ContactArgs),
    Credit(credit::CreditArgs),
    Embargo(embargo::EmbargoArgs),
    Deadline(deadline::DeadlineArgs),
    Audit(audit::AuditArgs),
    Exploited(exploited::ExploitedArgs),
    Mitigated(mitigated::MitigatedArgs),
    Cra(cra::CraArgs),
    Assign(assign::AssignArgs),
    Describe(describe::DescribeArgs),
    Reserve(reserve::ReserveArgs),
    Export(export::ExportArgs),
    Publish(publish::PublishArgs),
    Show(show::ShowArgs),
    Status(status::StatusArgs),
    Log(log::LogArgs),
    Check(check::CheckArgs),
    Stats(stats::StatsArgs),
    Sync(sync::SyncArgs),
    Clone(clone::CloneArgs),
    Remote(remote::RemoteArgs),
    Policy(policy::PolicyArgs),
    Completions(completions::CompletionsArgs),
    Man(man::ManArgs),
    #[command(name = "__complete-ids", hide = true)]
    CompleteIds(complete_ids::CompleteIdsArgs),
    #[command(name = "__complete-releases", hide = true)]
    CompleteReleases(complete_releases::CompleteReleasesArgs),
}

/// Runs one subcommand. `cli` builds the whole command line's definition,
/// which `completions` and `man` render; it lives above the verbs (it holds
/// their arguments), so it is handed down rather than imported.
pub fn run(ctx: &Ctx, command: Command, cli: fn() -> clap::Command) -> Result<()> {
    match command {
        Command::Init(args) => init::run(ctx, &args),
        Command::Open(args) => open::run(ctx, &args),
        Command::Import(args) => import::run(ctx, &args),
        Command::Ack(args) => ack::run(ctx, &args),
        Command::Confirm(args) => confirm::run(ctx, &args),
        Command::Reject(args) => reject::run(ctx, &args),
        Command::Withdraw(args) => withdraw::run(ctx, &args),
        Command::Pause(args) => pause::run(ctx, &args),
        Command::Resume(args) => resume::run(ctx, &args),
        Command::Affected(args) => affected::run(ctx, &args),
        Command::Release(args) => release::run(ctx, &args),
        Command::Fix(args) => fix::run(ctx, &args),
        Command::Severity(args) => severity::run(ctx, &args),
        Command::Note(args) => note::run(ctx, &args),
        Command::Contact(args) => contact::run(ctx, &args),
        Command::Credit(args) => credit::run(ctx, &args),
        Command::Assign(args) => assign::run(ctx, &args),
        Command::Show(args) => show::run(ctx, &args),
        Command::Status(args) => status::run(ctx, &args),
        Command::Log(args) => log::run(ctx, &args),
        Command::Policy(args) => policy::run(ctx, &args),
        Command::Completions(args) => completions::run(ctx, &args, &cli()),
        Command::Man(args) => man::run(ctx, &args, &cli()),
        Command::CompleteIds(args) => complete_ids::run(ctx, &args),
        Command::CompleteReleases(args) => complete_releases::run(ctx, &args),
        Command::Clone(args) => clone::run(ctx, &args),
        Command::Remote(args) => remote::run(ctx, &args),
        Command::Sync(args) => sync::run(ctx, &args),
        Command::Check(args) => check::run(ctx, &args),
        Command::Embargo(args) => embargo::run(ctx, &args),
        Command::Deadline(args) => deadline::run(ctx, &args),
        Command::Audit(args) => audit::run(ctx, &args),
        Command::Exploited(args) => exploited::run(ctx, &args),
        Command::Mitigated(args) => mitigated::run(ctx, &args),
        Command::Cra(args) => cra::run(ctx, &args),
        Command::Stats(args) => stats::run(ctx, &args),
        Command::Export(args) => export::run(ctx, &args),
        Command::Publish(args) => publish::run(ctx, &args),
        Command::Describe(args) => describe::run(ctx, &args),
        Command::Reserve(args) => reserve::run(ctx, &args),
    }
}
