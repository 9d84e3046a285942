# Print an optspec for argparse to handle cmd's options that are independent of any subcommand.
function __fish_disclose_global_optspecs
    string join \n dir= json no-input q/quiet color= h/help V/version
end

function __fish_disclose_needs_command
    # Figure out if the current invocation already has a command.
    set -l cmd (commandline -opc)
    set -e cmd[1]
    argparse -s (__fish_disclose_global_optspecs) -- $cmd 2>/dev/null
    or return
    if set -q argv[1]
        # Also print the command, so this can be used to figure out what it is.
        echo $argv[1]
        return 1
    end
    return 0
end

function __fish_disclose_using_subcommand
    set -l cmd (__fish_disclose_needs_command)
    test -z "$cmd"
    and return 1
    contains -- $cmd[1] $argv
end

complete -c disclose -n "__fish_disclose_needs_command" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_needs_command" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_needs_command" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_needs_command" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_needs_command" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_needs_command" -s h -l help -d 'Print help'
complete -c disclose -n "__fish_disclose_needs_command" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "init" -d 'Create a case store and its policy'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "open" -d 'Open a case for a new vulnerability report'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "import" -d 'Import advisories and reports: OSV, CVE JSON 5, GitHub advisories'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "ack" -d 'Record the acknowledgement of a report'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "confirm" -d 'Confirm that a report describes a real problem'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "reject" -d 'Reject a report: duplicate, invalid, out of scope, or won\'t fix'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "withdraw" -d 'Close a case because its report was withdrawn, or withdraw its advisory'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "pause" -d 'Stop a case\'s clocks (waiting on the reporter, on hold)'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "resume" -d 'Restart the clocks of a paused case'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "affected" -d 'Record (or remove) affected packages, ranges and versions'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "release" -d 'Decide whether a maintained release is affected, or gets no fix'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "fix" -d 'Link a fix (commits, PR, released version) to a maintained release'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "severity" -d 'Record the severity (CVSS 3.x or 4.0 vector) and CWE of a case'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "note" -d 'Add a note to a case (private unless --public)'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "contact" -d 'Log a message sent to, or received from, the reporter'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "credit" -d 'Credit someone, with their consent to be named'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "embargo" -d 'Set the embargo: the date before which nothing is published'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "deadline" -d 'Set the disclosure deadline: the date to publish by'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "audit" -d 'Record the audit for similar problems'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "exploited" -d 'Record awareness that a vulnerability is actively exploited (EU CRA)'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "mitigated" -d 'Record a mitigation available to users (EU CRA)'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "cra" -d 'The EU CRA reports of a case: clocks, drafts and submissions'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "assign" -d 'Assign a CVE ID and/or a GitHub advisory (GHSA) ID to a case'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "describe" -d 'Write the public advisory text of a case'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "reserve" -d 'Give a case its public advisory ID ahead of publishing'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "export" -d 'Write one advisory format of a case'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "publish" -d 'Publish a fixed case: write its advisory files and mark it published'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "show" -d 'Show one case in full'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "status" -d 'List open cases and their clocks'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "log" -d 'Show a case\'s timeline'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "check" -d 'Check open cases against the policy (for CI)'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "stats" -d 'Show the team\'s record: time to acknowledge, fix and publish'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "sync" -d 'Fetch, merge and push the team\'s changes'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "clone" -d 'Clone the team\'s case store'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "remote" -d 'Show or record the team\'s remote'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "policy" -d 'Show, edit and publish the policy (SLAs, contact, maintained releases)'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "completions" -d 'Print a shell completion script'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "man" -d 'Print the man page, or install every page where `man` finds it'
complete -c disclose -n "__fish_disclose_needs_command" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c disclose -n "__fish_disclose_using_subcommand init" -l project -d 'Project name, used in advisory IDs and the rendered SECURITY.md' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l contact -d 'Where reporters write, e.g. security@example.org' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l id-prefix -d 'Prefix of case IDs' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l ack-within -d 'Answer new reports within this long (48h, 2bd, ..., or off) [default: 48h]' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l update-every -d 'Update the reporter at least this often (or off) [default: 7d]' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l disclose-within -d 'Publish within this long of receiving a report (or off) [default: 90d]' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l from-security-md -d 'Read the promises from an existing SECURITY.md; those it does not state are off' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand init" -l release -d 'A maintained release as NAME=REQ, e.g. 1.4=\'>=1.4.0, <1.5.0\' (repeatable)' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l preset -d 'Adopt a reporter\'s disclosure policy as the team default instead of --disclose-within: project-zero, project-zero+grace, cert-cc, zdi or a number of days' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l remote -d 'Record the team\'s private remote (see `disclose remote`, `disclose sync`)' -r
complete -c disclose -n "__fish_disclose_using_subcommand init" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand init" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand init" -l audit -d 'Promise to audit the code for similar problems: a readiness item of every reported case'
complete -c disclose -n "__fish_disclose_using_subcommand init" -l allow-nested -d 'Create the store even inside another git repository\'s work tree'
complete -c disclose -n "__fish_disclose_using_subcommand init" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand init" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand init" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand init" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand init" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand open" -l title -d 'One-line summary of the problem (at most 256 characters)' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l reporter-name -d 'Reporter\'s name (as they want to be credited)' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l reporter-email -d 'Reporter\'s email (private: never exported)' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l reporter-handle -d 'Reporter\'s handle, e.g. a GitHub user name' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l received -d 'When the report arrived (RFC 3339 or YYYY-MM-DD; default: now)' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l description -d 'What the reporter found' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l description-file -d 'Read the description from a file (at most 1 MB), or from stdin with `-`' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand open" -l reproduction -d 'Steps to reproduce' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l impact -d 'What an attacker gains' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l remediation -d 'Suggested fix or workaround' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l from-email -d 'Read the report from an email message (.eml), or from stdin with `-`' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand open" -l from-mbox -d 'Open a case for each thread of an mbox file; replies become contacts' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand open" -l max-size -d 'Largest message accepted from --from-email or --from-mbox' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l related -d 'Link the new case with this one, both ways (repeatable)' -r
complete -c disclose -n "__fish_disclose_using_subcommand open" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand open" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand open" -l internal -d 'A finding of the team\'s own: no reporter, no reporter clocks or drafts'
complete -c disclose -n "__fish_disclose_using_subcommand open" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand open" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand open" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand open" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand open" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand import" -l format -d 'The records\' format (default: recognised from each record)' -r -f -a "osv\t'An OSV record (any 1.x schema version)'
cve\t'A CVE JSON 5.x record, published or rejected'
github\t'A GitHub repository security advisory, as the REST API returns it'"
complete -c disclose -n "__fish_disclose_using_subcommand import" -l max-size -d 'Largest file accepted (each record in it holds at most 1 MB)' -r
complete -c disclose -n "__fish_disclose_using_subcommand import" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand import" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand import" -l dry-run -d 'List what would be created, updated or left unchanged; change nothing'
complete -c disclose -n "__fish_disclose_using_subcommand import" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand import" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand import" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand import" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand import" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l at -d 'When the reply was sent (RFC 3339; default: now)' -r
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l reason -d 'Why the move was forced (with --force)' -r
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l eml -d 'Write the reply as a complete email (.eml) to FILE, or to stdout with `-`, and record it as the acknowledgement' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l message -d 'A paragraph of your own, added to the draft' -r
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l to -d 'The reporter\'s address, when the case has none recorded' -r
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l force -d 'Acknowledge even if the state does not allow it (recorded as an event)'
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l draft -d 'Print the reply to send to the reporter'
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l edit -d 'Open the draft in $VISUAL or $EDITOR before it is printed or written'
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand ack" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand ack" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand ack" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand ack" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand confirm" -l reason -d 'Why the move was forced (with --force)' -r
complete -c disclose -n "__fish_disclose_using_subcommand confirm" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand confirm" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand confirm" -l force -d 'Make the move even if the case\'s state does not allow it (recorded as an event)'
complete -c disclose -n "__fish_disclose_using_subcommand confirm" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand confirm" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand confirm" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand confirm" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand confirm" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand reject" -l reason -d 'Why the report is rejected' -r -f -a "duplicate\t''
invalid\t''
out-of-scope\t''
wont-fix\t''"
complete -c disclose -n "__fish_disclose_using_subcommand reject" -l duplicate-of -d 'The case this one duplicates (with --reason duplicate)' -r
complete -c disclose -n "__fish_disclose_using_subcommand reject" -l note -d 'A short explanation, kept with the resolution' -r
complete -c disclose -n "__fish_disclose_using_subcommand reject" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand reject" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand reject" -l force -d 'Make the move even if the case\'s state does not allow it (recorded as an event)'
complete -c disclose -n "__fish_disclose_using_subcommand reject" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand reject" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand reject" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand reject" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand reject" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand withdraw" -l reason -d 'Why it was withdrawn (required for a published case, and published with it)' -r
complete -c disclose -n "__fish_disclose_using_subcommand withdraw" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand withdraw" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand withdraw" -l force -d 'Make the move even if the case\'s state does not allow it (recorded as an event)'
complete -c disclose -n "__fish_disclose_using_subcommand withdraw" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand withdraw" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand withdraw" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand withdraw" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand withdraw" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand pause" -l reason -d 'Why: waiting-on-reporter, on-hold, or any text' -r
complete -c disclose -n "__fish_disclose_using_subcommand pause" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand pause" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand pause" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand pause" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand pause" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand pause" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand pause" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand resume" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand resume" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand resume" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand resume" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand resume" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand resume" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand resume" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand affected" -l package -d 'Package name, or ECOSYSTEM/NAME (default: the policy\'s default_package)' -r
complete -c disclose -n "__fish_disclose_using_subcommand affected" -l ecosystem -d 'Package ecosystem as OSV names it, e.g. crates.io, npm, PyPI, Go, Maven' -r
complete -c disclose -n "__fish_disclose_using_subcommand affected" -l range -d 'A requirement in the ecosystem\'s versions, e.g. ">=1.0.0, <1.4.2"' -r
complete -c disclose -n "__fish_disclose_using_subcommand affected" -l introduced -d 'First affected version or commit (0: every version before)' -r
complete -c disclose -n "__fish_disclose_using_subcommand affected" -l fixed -d 'First fixed version or commit (with --introduced)' -r
complete -c disclose -n "__fish_disclose_using_subcommand affected" -l last-affected -d 'Last affected version, when no fix exists (with --introduced)' -r
complete -c disclose -n "__fish_disclose_using_subcommand affected" -l version -d 'Individual affected versions' -r
complete -c disclose -n "__fish_disclose_using_subcommand affected" -l type -d 'What the bounds are: versions, or git commits' -r -f -a "version\t'Versions, in the package\'s ecosystem\'s scheme (OSV SEMVER or ECOSYSTEM, as the ecosystem says)'
git\t'Full git commit hashes (OSV GIT)'"
complete -c disclose -n "__fish_disclose_using_subcommand affected" -l repo -d 'The repository a GIT range\'s commits are in (default: the policy\'s repository)' -r
complete -c disclose -n "__fish_disclose_using_subcommand affected" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand affected" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand affected" -l remove -d 'Remove the given ranges or versions (or, with none, the whole package)'
complete -c disclose -n "__fish_disclose_using_subcommand affected" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand affected" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand affected" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand affected" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand release" -l reason -d 'Why (required for wont-fix and eol)' -r
complete -c disclose -n "__fish_disclose_using_subcommand release" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand release" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand release" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand release" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand release" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand release" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand release" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand fix" -l release -d 'Maintained release the fix is for, as in the policy' -r
complete -c disclose -n "__fish_disclose_using_subcommand fix" -l package -d 'The affected package the fix is for (NAME or ECOSYSTEM/NAME; optional with one package)' -r
complete -c disclose -n "__fish_disclose_using_subcommand fix" -l commit -d 'A fix commit (full hash); repeat for several' -r
complete -c disclose -n "__fish_disclose_using_subcommand fix" -l pr -d 'The pull or merge request, a URL or #number' -r
complete -c disclose -n "__fish_disclose_using_subcommand fix" -l version -d 'The released version of the package that contains the fix' -r
complete -c disclose -n "__fish_disclose_using_subcommand fix" -l released -d 'When that version was released (RFC 3339; default: now)' -r
complete -c disclose -n "__fish_disclose_using_subcommand fix" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand fix" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand fix" -l remove -d 'Take back the package\'s fix on the release (one linked by mistake)'
complete -c disclose -n "__fish_disclose_using_subcommand fix" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand fix" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand fix" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand fix" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand severity" -l cvss -d 'CVSS vector, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' -r
complete -c disclose -n "__fish_disclose_using_subcommand severity" -l cwe -d 'Weakness, e.g. CWE-22; repeat for several' -r
complete -c disclose -n "__fish_disclose_using_subcommand severity" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand severity" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand severity" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand severity" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand severity" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand severity" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand severity" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand note" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand note" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand note" -l public -d 'Mark the note as one the team may share (the leak guard ignores it)'
complete -c disclose -n "__fish_disclose_using_subcommand note" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand note" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand note" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand note" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand note" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand contact" -l from-email -d 'Log a reply saved as an email message (.eml), or read from stdin with `-`' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand contact" -l max-size -d 'Largest message accepted from --from-email' -r
complete -c disclose -n "__fish_disclose_using_subcommand contact" -l draft -d 'Print a draft of the next message to send; records nothing' -r
complete -c disclose -n "__fish_disclose_using_subcommand contact" -l eml -d 'With --draft, write the draft as a complete email (.eml) to FILE, or to stdout with `-`' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand contact" -l ask -d 'With --draft need-info: a question to ask (repeatable; replaces the default list)' -r
complete -c disclose -n "__fish_disclose_using_subcommand contact" -l message -d 'A paragraph of your own, added to the draft' -r
complete -c disclose -n "__fish_disclose_using_subcommand contact" -l to -d 'The reporter\'s address, when the case has none recorded' -r
complete -c disclose -n "__fish_disclose_using_subcommand contact" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand contact" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand contact" -l to-reporter -d 'The team wrote to the reporter'
complete -c disclose -n "__fish_disclose_using_subcommand contact" -l from-reporter -d 'The reporter wrote to the team'
complete -c disclose -n "__fish_disclose_using_subcommand contact" -l edit -d 'Open the draft in $VISUAL or $EDITOR before it is printed or written'
complete -c disclose -n "__fish_disclose_using_subcommand contact" -l force -d 'With --draft: draft it even when the case is not where the draft says it is'
complete -c disclose -n "__fish_disclose_using_subcommand contact" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand contact" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand contact" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand contact" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand contact" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand credit" -l name -d 'Name as it should be printed' -r
complete -c disclose -n "__fish_disclose_using_subcommand credit" -l type -d 'Role in the disclosure' -r -f -a "finder\t''
reporter\t''
analyst\t''
coordinator\t''
remediation-developer\t''
remediation-reviewer\t''
remediation-verifier\t''
tool\t''
sponsor\t''
other\t''"
complete -c disclose -n "__fish_disclose_using_subcommand credit" -l consent -d 'Whether they agreed to be named' -r -f -a "pending\t''
granted\t''
declined\t''
anonymous\t''"
complete -c disclose -n "__fish_disclose_using_subcommand credit" -l contact -d 'A public link for the credit (e.g. a profile URL); repeat for several' -r
complete -c disclose -n "__fish_disclose_using_subcommand credit" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand credit" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand credit" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand credit" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand credit" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand credit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand credit" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand embargo" -l until -d 'Nothing is published before this instant: YYYY-MM-DD or RFC 3339 with an offset' -r
complete -c disclose -n "__fish_disclose_using_subcommand embargo" -l reason -d 'Why it was forced (with --force)' -r
complete -c disclose -n "__fish_disclose_using_subcommand embargo" -l preset -d 'A reporter\'s preset sets a deadline, not an embargo: see `disclose deadline`' -r
complete -c disclose -n "__fish_disclose_using_subcommand embargo" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand embargo" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand embargo" -l clear -d 'Lift the embargo'
complete -c disclose -n "__fish_disclose_using_subcommand embargo" -l force -d 'Record an instant that has already passed'
complete -c disclose -n "__fish_disclose_using_subcommand embargo" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand embargo" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand embargo" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand embargo" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand embargo" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand deadline" -l by -d 'Publish by this instant: YYYY-MM-DD or RFC 3339 with an offset' -r
complete -c disclose -n "__fish_disclose_using_subcommand deadline" -l preset -d 'The reporter\'s policy: project-zero, cert-cc, zdi, or a number of days' -r
complete -c disclose -n "__fish_disclose_using_subcommand deadline" -l reason -d 'Why it was forced (with --force)' -r
complete -c disclose -n "__fish_disclose_using_subcommand deadline" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand deadline" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand deadline" -l grace -d 'With --preset project-zero: add Project Zero\'s 14-day grace'
complete -c disclose -n "__fish_disclose_using_subcommand deadline" -l clear -d 'Go back to the policy\'s deadline (disclose_within after receipt)'
complete -c disclose -n "__fish_disclose_using_subcommand deadline" -l force -d 'Record an instant that has already passed'
complete -c disclose -n "__fish_disclose_using_subcommand deadline" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand deadline" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand deadline" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand deadline" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand deadline" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand audit" -l note -d 'What was audited, and what was found' -r
complete -c disclose -n "__fish_disclose_using_subcommand audit" -l found -d 'A case the audit found (repeatable)' -r
complete -c disclose -n "__fish_disclose_using_subcommand audit" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand audit" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand audit" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand audit" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand audit" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand audit" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand audit" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand exploited" -l at -d 'When the team became aware of the exploitation (RFC 3339 or a date; default: now)' -r
complete -c disclose -n "__fish_disclose_using_subcommand exploited" -l evidence -d 'How the exploitation became known (private; needed the first time)' -r
complete -c disclose -n "__fish_disclose_using_subcommand exploited" -l actor -d 'What is known of the malicious actor, where available (private)' -r
complete -c disclose -n "__fish_disclose_using_subcommand exploited" -l sensitivity -d 'How sensitive the notified information is (Traffic Light Protocol)' -r -f -a "clear\t'TLP:CLEAR, no limit on disclosure'
green\t'TLP:GREEN, the recipients\' community'
amber\t'TLP:AMBER, the recipients\' organisations and their clients, need to know'
amber-strict\t'TLP:AMBER+STRICT, the recipients\' organisations only'
red\t'TLP:RED, the named recipients only'"
complete -c disclose -n "__fish_disclose_using_subcommand exploited" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand exploited" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand exploited" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand exploited" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand exploited" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand exploited" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand exploited" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand mitigated" -l text -d 'What the measure is' -r
complete -c disclose -n "__fish_disclose_using_subcommand mitigated" -l at -d 'Since when it is available (RFC 3339 or a date; default: now)' -r
complete -c disclose -n "__fish_disclose_using_subcommand mitigated" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand mitigated" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand mitigated" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand mitigated" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand mitigated" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand mitigated" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand mitigated" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand cra" -l draft -d 'Print a draft: early-warning, notification, final-report or user-notice' -r -f -a "early-warning\t'The early warning, Article 14(2)(a)'
notification\t'The vulnerability notification, Article 14(2)(b)'
final-report\t'The final report, Article 14(2)(c)'
user-notice\t'The notice to impacted users, Article 14(8) (public; Markdown and OSV)'"
complete -c disclose -n "__fish_disclose_using_subcommand cra" -l submitted -d 'Record that a report was submitted: early-warning, notification or final-report' -r -f -a "early-warning\t'The early warning, within 24 hours of becoming aware (Article 14(2)(a))'
notification\t'The vulnerability notification, within 72 hours (Article 14(2)(b))'
final-report\t'The final report, 14 days after a fix or mitigation (Article 14(2)(c))'"
complete -c disclose -n "__fish_disclose_using_subcommand cra" -l at -d 'When it was submitted (RFC 3339 or a date; default: now)' -r
complete -c disclose -n "__fish_disclose_using_subcommand cra" -l reference -d 'The platform\'s reference for the submission' -r
complete -c disclose -n "__fish_disclose_using_subcommand cra" -l out -d 'With --draft user-notice: write user-notice.md and osv.json into DIR' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand cra" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand cra" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand cra" -l force -d 'With --draft user-notice: print it despite leak guard findings'
complete -c disclose -n "__fish_disclose_using_subcommand cra" -l world-readable -d 'Create the files written with --out readable by every user of this machine (0644, directories 0755) instead of private to you (0600, 0700)'
complete -c disclose -n "__fish_disclose_using_subcommand cra" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand cra" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand cra" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand cra" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand cra" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand assign" -l cve -d 'CVE ID, e.g. CVE-2026-12345' -r
complete -c disclose -n "__fish_disclose_using_subcommand assign" -l ghsa -d 'GitHub security advisory ID, e.g. GHSA-jfh8-c2jp-5v3q' -r
complete -c disclose -n "__fish_disclose_using_subcommand assign" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand assign" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand assign" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand assign" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand assign" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand assign" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand assign" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand describe" -l title -d 'The advisory\'s title (default: the case title)' -r
complete -c disclose -n "__fish_disclose_using_subcommand describe" -l summary -d 'One line, at most 120 characters (OSV\'s `summary`)' -r
complete -c disclose -n "__fish_disclose_using_subcommand describe" -l details -d 'The details in Markdown, from FILE (`-` reads stdin)' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand describe" -l impact -d 'Who is affected and what an attacker can do' -r
complete -c disclose -n "__fish_disclose_using_subcommand describe" -l workarounds -d 'What users can do before they can upgrade' -r
complete -c disclose -n "__fish_disclose_using_subcommand describe" -l reference -d 'An extra reference URL (repeat for several; replaces the list)' -r
complete -c disclose -n "__fish_disclose_using_subcommand describe" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand describe" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand describe" -l no-references -d 'Remove every extra reference URL'
complete -c disclose -n "__fish_disclose_using_subcommand describe" -l edit -d 'Write the text in $VISUAL or $EDITOR'
complete -c disclose -n "__fish_disclose_using_subcommand describe" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand describe" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand describe" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand describe" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand describe" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand reserve" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand reserve" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand reserve" -l offline -d 'Do not reach the team\'s remote: number from this clone alone and leave the push to the next `disclose sync`'
complete -c disclose -n "__fish_disclose_using_subcommand reserve" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand reserve" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand reserve" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand reserve" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand reserve" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand export" -l format -d 'Output format' -r -f -a "markdown\t'A complete advisory in Markdown'
release-notes\t'The "Security" section of a changelog entry'
email\t'The announcement as an RFC 5322 message'
osv\t'An OSV record (schema 1.7)'
cve\t'A CVE JSON 5.2 record (CNA container)'"
complete -c disclose -n "__fish_disclose_using_subcommand export" -l out -d 'Write to FILE instead of stdout (private to you: mode 0600)' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand export" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand export" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand export" -l preview -d 'Export a case that is not published yet, marked as an embargoed preview'
complete -c disclose -n "__fish_disclose_using_subcommand export" -l world-readable -d 'Create the files written with --out readable by every user of this machine (0644, directories 0755) instead of private to you (0600, 0700)'
complete -c disclose -n "__fish_disclose_using_subcommand export" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand export" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand export" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand export" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand export" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand publish" -l out -d 'Directory for the advisory files (default: advisories/<ID>/ in the store); outside the store they are private to you unless --world-readable' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand publish" -l reason -d 'Why publishing was forced (with --force)' -r
complete -c disclose -n "__fish_disclose_using_subcommand publish" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand publish" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand publish" -l world-readable -d 'Create the files written with --out readable by every user of this machine (0644, directories 0755) instead of private to you (0600, 0700)'
complete -c disclose -n "__fish_disclose_using_subcommand publish" -l dry-run -d 'Show the advisory it would write, every open item and leak; change nothing'
complete -c disclose -n "__fish_disclose_using_subcommand publish" -l force -d 'Publish even with open items or leak findings (the reason is recorded)'
complete -c disclose -n "__fish_disclose_using_subcommand publish" -l offline -d 'Do not reach the team\'s remote: number from this clone alone and leave the push to the next `disclose sync`'
complete -c disclose -n "__fish_disclose_using_subcommand publish" -l update -d 'Write the advisory files of a published case again, after a change'
complete -c disclose -n "__fish_disclose_using_subcommand publish" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand publish" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand publish" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand publish" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand publish" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand show" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand show" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand show" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand show" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand show" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand show" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand status" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand status" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand status" -l all -d 'Include closed cases (published, rejected, withdrawn)'
complete -c disclose -n "__fish_disclose_using_subcommand status" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand status" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand status" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand status" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand status" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand log" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand log" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand log" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand log" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand log" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand log" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand log" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand check" -l format -d 'Output format (--json is the same as --format json)' -r -f -a "text\t''
json\t''
github\t''"
complete -c disclose -n "__fish_disclose_using_subcommand check" -l warn-within -d 'Warn about deadlines due within this long (48h, 7d, 5bd, ...)' -r
complete -c disclose -n "__fish_disclose_using_subcommand check" -l case -d 'Check only these cases (full IDs or unique parts)' -r
complete -c disclose -n "__fish_disclose_using_subcommand check" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand check" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand check" -l strict -d 'Fail (exit 1) on warnings too'
complete -c disclose -n "__fish_disclose_using_subcommand check" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand check" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand check" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand check" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand check" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand stats" -l since -d 'Count only cases received on or after this date (YYYY-MM-DD or RFC 3339)' -r
complete -c disclose -n "__fish_disclose_using_subcommand stats" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand stats" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand stats" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand stats" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand stats" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand stats" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand stats" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand sync" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand sync" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand sync" -l no-push -d 'Fetch and merge only; leave local changes unpushed'
complete -c disclose -n "__fish_disclose_using_subcommand sync" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand sync" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand sync" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand sync" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand sync" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand clone" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand clone" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand clone" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand clone" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand clone" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand clone" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand clone" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and not __fish_seen_subcommand_from set show help" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand remote; and not __fish_seen_subcommand_from set show help" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand remote; and not __fish_seen_subcommand_from set show help" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and not __fish_seen_subcommand_from set show help" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and not __fish_seen_subcommand_from set show help" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and not __fish_seen_subcommand_from set show help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and not __fish_seen_subcommand_from set show help" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and not __fish_seen_subcommand_from set show help" -f -a "set" -d 'Record URL as the team\'s remote (replacing the one recorded)'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and not __fish_seen_subcommand_from set show help" -f -a "show" -d 'Print the recorded remote and how many local changes it lacks'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and not __fish_seen_subcommand_from set show help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from set" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from set" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from set" -l create -d 'For a local path: create an empty bare repository there first'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from set" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from show" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from help" -f -a "set" -d 'Record URL as the team\'s remote (replacing the one recorded)'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the recorded remote and how many local changes it lacks'
complete -c disclose -n "__fish_disclose_using_subcommand remote; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -l write -d 'Write the SECURITY.md rendered from the policy to FILE (`-` for stdout)' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -l check -d 'Check FILE (an existing SECURITY.md) against the policy; exit 1 on any difference' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -l world-readable -d 'With --write: create FILE readable by every user (0644), not only you (0600)'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -f -a "show" -d 'Print the policy'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -f -a "set" -d 'Change one key of the policy'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -f -a "release" -d 'Add or remove a maintained release'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -f -a "render" -d 'Print the SECURITY.md rendered from the policy'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and not __fish_seen_subcommand_from show set release render help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from show" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from show" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from show" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from show" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from show" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from show" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from show" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from set" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from set" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from set" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from set" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from set" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from set" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from set" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -f -a "add" -d 'Add a maintained release'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -f -a "remove" -d 'Stop maintaining a release'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from release" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -l write -d 'Write the SECURITY.md rendered from the policy to FILE (`-` for stdout)' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -l check -d 'Check FILE (an existing SECURITY.md) against the policy; exit 1 on any difference' -r -F
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -l world-readable -d 'With --write: create FILE readable by every user (0644), not only you (0600)'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from render" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "show" -d 'Print the policy'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "set" -d 'Change one key of the policy'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "release" -d 'Add or remove a maintained release'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "render" -d 'Print the SECURITY.md rendered from the policy'
complete -c disclose -n "__fish_disclose_using_subcommand policy; and __fish_seen_subcommand_from help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c disclose -n "__fish_disclose_using_subcommand completions" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand completions" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand completions" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand completions" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand completions" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand completions" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand completions" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand man" -l out -d 'Write every page into this directory instead of printing the top one' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand man" -l dir -d 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)' -r -f -a "(__fish_complete_directories)"
complete -c disclose -n "__fish_disclose_using_subcommand man" -l color -d 'When to use color' -r -f -a "auto\t''
always\t''
never\t''"
complete -c disclose -n "__fish_disclose_using_subcommand man" -l install -d 'Install every page into share/man/man1 beside this binary\'s bin directory'
complete -c disclose -n "__fish_disclose_using_subcommand man" -l world-readable -d 'Create the files written with --out readable by every user of this machine (0644, directories 0755) instead of private to you (0600, 0700)'
complete -c disclose -n "__fish_disclose_using_subcommand man" -l json -d 'Print machine-readable JSON instead of text, errors included'
complete -c disclose -n "__fish_disclose_using_subcommand man" -l no-input -d 'Never prompt; fail naming the missing flag instead'
complete -c disclose -n "__fish_disclose_using_subcommand man" -s q -l quiet -d 'Print only the product (IDs, tables, JSON), no status lines'
complete -c disclose -n "__fish_disclose_using_subcommand man" -s h -l help -d 'Print help (see more with \'--help\')'
complete -c disclose -n "__fish_disclose_using_subcommand man" -s V -l version -d 'Print version'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "init" -d 'Create a case store and its policy'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "open" -d 'Open a case for a new vulnerability report'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "import" -d 'Import advisories and reports: OSV, CVE JSON 5, GitHub advisories'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "ack" -d 'Record the acknowledgement of a report'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "confirm" -d 'Confirm that a report describes a real problem'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "reject" -d 'Reject a report: duplicate, invalid, out of scope, or won\'t fix'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "withdraw" -d 'Close a case because its report was withdrawn, or withdraw its advisory'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "pause" -d 'Stop a case\'s clocks (waiting on the reporter, on hold)'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "resume" -d 'Restart the clocks of a paused case'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "affected" -d 'Record (or remove) affected packages, ranges and versions'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "release" -d 'Decide whether a maintained release is affected, or gets no fix'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "fix" -d 'Link a fix (commits, PR, released version) to a maintained release'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "severity" -d 'Record the severity (CVSS 3.x or 4.0 vector) and CWE of a case'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "note" -d 'Add a note to a case (private unless --public)'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "contact" -d 'Log a message sent to, or received from, the reporter'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "credit" -d 'Credit someone, with their consent to be named'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "embargo" -d 'Set the embargo: the date before which nothing is published'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "deadline" -d 'Set the disclosure deadline: the date to publish by'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "audit" -d 'Record the audit for similar problems'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "exploited" -d 'Record awareness that a vulnerability is actively exploited (EU CRA)'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "mitigated" -d 'Record a mitigation available to users (EU CRA)'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "cra" -d 'The EU CRA reports of a case: clocks, drafts and submissions'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "assign" -d 'Assign a CVE ID and/or a GitHub advisory (GHSA) ID to a case'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "describe" -d 'Write the public advisory text of a case'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "reserve" -d 'Give a case its public advisory ID ahead of publishing'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "export" -d 'Write one advisory format of a case'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "publish" -d 'Publish a fixed case: write its advisory files and mark it published'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "show" -d 'Show one case in full'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "status" -d 'List open cases and their clocks'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "log" -d 'Show a case\'s timeline'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "check" -d 'Check open cases against the policy (for CI)'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "stats" -d 'Show the team\'s record: time to acknowledge, fix and publish'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "sync" -d 'Fetch, merge and push the team\'s changes'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "clone" -d 'Clone the team\'s case store'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "remote" -d 'Show or record the team\'s remote'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "policy" -d 'Show, edit and publish the policy (SLAs, contact, maintained releases)'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "completions" -d 'Print a shell completion script'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "man" -d 'Print the man page, or install every page where `man` finds it'
complete -c disclose -n "__fish_disclose_using_subcommand help; and not __fish_seen_subcommand_from init open import ack confirm reject withdraw pause resume affected release fix severity note contact credit embargo deadline audit exploited mitigated cra assign describe reserve export publish show status log check stats sync clone remote policy completions man help" -f -a "help" -d 'Print this message or the help of the given subcommand(s)'
complete -c disclose -n "__fish_disclose_using_subcommand help; and __fish_seen_subcommand_from remote" -f -a "set" -d 'Record URL as the team\'s remote (replacing the one recorded)'
complete -c disclose -n "__fish_disclose_using_subcommand help; and __fish_seen_subcommand_from remote" -f -a "show" -d 'Print the recorded remote and how many local changes it lacks'
complete -c disclose -n "__fish_disclose_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "show" -d 'Print the policy'
complete -c disclose -n "__fish_disclose_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "set" -d 'Change one key of the policy'
complete -c disclose -n "__fish_disclose_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "release" -d 'Add or remove a maintained release'
complete -c disclose -n "__fish_disclose_using_subcommand help; and __fish_seen_subcommand_from policy" -f -a "render" -d 'Print the SECURITY.md rendered from the policy'

# Case IDs from the store: added to the generated script by disclose's docs.rs.
function __fish_disclose_case_ids
    command disclose __complete-ids (commandline -ct) 2>/dev/null
end
complete -c disclose -n "__fish_disclose_using_subcommand ack" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand confirm" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand reject" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand withdraw" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand pause" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand resume" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand affected" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand release" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand fix" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand severity" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand note" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand contact" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand credit" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand embargo" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand deadline" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand audit" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand exploited" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand mitigated" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand cra" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand assign" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand describe" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand reserve" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand export" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand publish" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand show" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -n "__fish_disclose_using_subcommand log" -f -a "(__fish_disclose_case_ids)"
complete -c disclose -l case -f -r -a "(__fish_disclose_case_ids)"
complete -c disclose -l duplicate-of -f -r -a "(__fish_disclose_case_ids)"
complete -c disclose -l found -f -r -a "(__fish_disclose_case_ids)"
complete -c disclose -l related -f -r -a "(__fish_disclose_case_ids)"
function __fish_disclose_releases
    command disclose __complete-releases (commandline -ct) 2>/dev/null
end
# True when the word being completed is positional $argv[1] (0 for the
# first) after the subcommand path $argv[2..].
function __fish_disclose_at_positional
    set -l valued --ack-within --actor --ask --at --by --case --check --color --commit --consent --contact --cve --cvss --cwe --description --description-file --details --dir --disclose-within --draft --duplicate-of --ecosystem --eml --evidence --fixed --format --found --from-email --from-mbox --from-security-md --ghsa --id-prefix --impact --introduced --last-affected --max-size --message --name --note --out --package --pr --preset --project --range --reason --received --reference --related --release --released --remediation --remote --repo --reporter-email --reporter-handle --reporter-name --reproduction --sensitivity --since --submitted --summary --text --title --to --type --until --update-every --version --warn-within --workarounds --write
    set -l words (commandline -opc)
    set -e words[1]
    set -l path $argv[2..-1]
    set -l seen 0
    set -l skip 0
    for word in $words
        if test $skip -eq 1
            set skip 0
            continue
        end
        if string match -q -- '-*' $word
            contains -- $word $valued; and set skip 1
            continue
        end
        if test (count $path) -gt 0; and test $word = $path[1]
            set -e path[1]
        else if test (count $path) -eq 0
            set seen (math $seen + 1)
        else
            return 1
        end
    end
    test (count $path) -eq 0; and test $seen -eq $argv[1]
end
complete -c disclose -n "__fish_disclose_at_positional 1 release" -f -a "(__fish_disclose_releases)"
complete -c disclose -n "__fish_disclose_at_positional 0 policy release remove" -f -a "(__fish_disclose_releases)"
complete -c disclose -n "__fish_disclose_using_subcommand fix" -l release -f -r -a "(__fish_disclose_releases)"
