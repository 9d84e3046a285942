
use builtin;
use str;

set edit:completion:arg-completer[disclose] = {|@words|
    fn spaces {|n|
        builtin:repeat $n ' ' | str:join ''
    }
    fn cand {|text desc|
        edit:complex-candidate $text &display=$text' '(spaces (- 14 (wcswidth $text)))$desc
    }
    var command = 'disclose'
    for word $words[1..-1] {
        if (str:has-prefix $word '-') {
            break
        }
        set command = $command';'$word
    }
    var completions = [
        &'disclose'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help'
            cand --help 'Print help'
            cand -V 'Print version'
            cand --version 'Print version'
            cand init 'Create a case store and its policy'
            cand open 'Open a case for a new vulnerability report'
            cand import 'Import advisories and reports: OSV, CVE JSON 5, GitHub advisories'
            cand ack 'Record the acknowledgement of a report'
            cand confirm 'Confirm that a report describes a real problem'
            cand reject 'Reject a report: duplicate, invalid, out of scope, or won''t fix'
            cand withdraw 'Close a case because its report was withdrawn, or withdraw its advisory'
            cand pause 'Stop a case''s clocks (waiting on the reporter, on hold)'
            cand resume 'Restart the clocks of a paused case'
            cand affected 'Record (or remove) affected packages, ranges and versions'
            cand release 'Decide whether a maintained release is affected, or gets no fix'
            cand fix 'Link a fix (commits, PR, released version) to a maintained release'
            cand severity 'Record the severity (CVSS 3.x or 4.0 vector) and CWE of a case'
            cand note 'Add a note to a case (private unless --public)'
            cand contact 'Log a message sent to, or received from, the reporter'
            cand credit 'Credit someone, with their consent to be named'
            cand embargo 'Set the embargo: the date before which nothing is published'
            cand deadline 'Set the disclosure deadline: the date to publish by'
            cand audit 'Record the audit for similar problems'
            cand exploited 'Record awareness that a vulnerability is actively exploited (EU CRA)'
            cand mitigated 'Record a mitigation available to users (EU CRA)'
            cand cra 'The EU CRA reports of a case: clocks, drafts and submissions'
            cand assign 'Assign a CVE ID and/or a GitHub advisory (GHSA) ID to a case'
            cand describe 'Write the public advisory text of a case'
            cand reserve 'Give a case its public advisory ID ahead of publishing'
            cand export 'Write one advisory format of a case'
            cand publish 'Publish a fixed case: write its advisory files and mark it published'
            cand show 'Show one case in full'
            cand status 'List open cases and their clocks'
            cand log 'Show a case''s timeline'
            cand check 'Check open cases against the policy (for CI)'
            cand stats 'Show the team''s record: time to acknowledge, fix and publish'
            cand sync 'Fetch, merge and push the team''s changes'
            cand clone 'Clone the team''s case store'
            cand remote 'Show or record the team''s remote'
            cand policy 'Show, edit and publish the policy (SLAs, contact, maintained releases)'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page, or install every page where `man` finds it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'disclose;init'= {
            cand --project 'Project name, used in advisory IDs and the rendered SECURITY.md'
            cand --contact 'Where reporters write, e.g. security@example.org'
            cand --id-prefix 'Prefix of case IDs'
            cand --ack-within 'Answer new reports within this long (48h, 2bd, ..., or off) [default: 48h]'
            cand --update-every 'Update the reporter at least this often (or off) [default: 7d]'
            cand --disclose-within 'Publish within this long of receiving a report (or off) [default: 90d]'
            cand --from-security-md 'Read the promises from an existing SECURITY.md; those it does not state are off'
            cand --release 'A maintained release as NAME=REQ, e.g. 1.4=''>=1.4.0, <1.5.0'' (repeatable)'
            cand --preset 'Adopt a reporter''s disclosure policy as the team default instead of --disclose-within: project-zero, project-zero+grace, cert-cc, zdi or a number of days'
            cand --remote 'Record the team''s private remote (see `disclose remote`, `disclose sync`)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --audit 'Promise to audit the code for similar problems: a readiness item of every reported case'
            cand --allow-nested 'Create the store even inside another git repository''s work tree'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;open'= {
            cand --title 'One-line summary of the problem (at most 256 characters)'
            cand --reporter-name 'Reporter''s name (as they want to be credited)'
            cand --reporter-email 'Reporter''s email (private: never exported)'
            cand --reporter-handle 'Reporter''s handle, e.g. a GitHub user name'
            cand --received 'When the report arrived (RFC 3339 or YYYY-MM-DD; default: now)'
            cand --description 'What the reporter found'
            cand --description-file 'Read the description from a file (at most 1 MB), or from stdin with `-`'
            cand --reproduction 'Steps to reproduce'
            cand --impact 'What an attacker gains'
            cand --remediation 'Suggested fix or workaround'
            cand --from-email 'Read the report from an email message (.eml), or from stdin with `-`'
            cand --from-mbox 'Open a case for each thread of an mbox file; replies become contacts'
            cand --max-size 'Largest message accepted from --from-email or --from-mbox'
            cand --related 'Link the new case with this one, both ways (repeatable)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --internal 'A finding of the team''s own: no reporter, no reporter clocks or drafts'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;import'= {
            cand --format 'The records'' format (default: recognised from each record)'
            cand --max-size 'Largest file accepted (each record in it holds at most 1 MB)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --dry-run 'List what would be created, updated or left unchanged; change nothing'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;ack'= {
            cand --at 'When the reply was sent (RFC 3339; default: now)'
            cand --reason 'Why the move was forced (with --force)'
            cand --eml 'Write the reply as a complete email (.eml) to FILE, or to stdout with `-`, and record it as the acknowledgement'
            cand --message 'A paragraph of your own, added to the draft'
            cand --to 'The reporter''s address, when the case has none recorded'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --force 'Acknowledge even if the state does not allow it (recorded as an event)'
            cand --draft 'Print the reply to send to the reporter'
            cand --edit 'Open the draft in $VISUAL or $EDITOR before it is printed or written'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;confirm'= {
            cand --reason 'Why the move was forced (with --force)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --force 'Make the move even if the case''s state does not allow it (recorded as an event)'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;reject'= {
            cand --reason 'Why the report is rejected'
            cand --duplicate-of 'The case this one duplicates (with --reason duplicate)'
            cand --note 'A short explanation, kept with the resolution'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --force 'Make the move even if the case''s state does not allow it (recorded as an event)'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;withdraw'= {
            cand --reason 'Why it was withdrawn (required for a published case, and published with it)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --force 'Make the move even if the case''s state does not allow it (recorded as an event)'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;pause'= {
            cand --reason 'Why: waiting-on-reporter, on-hold, or any text'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;resume'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;affected'= {
            cand --package 'Package name, or ECOSYSTEM/NAME (default: the policy''s default_package)'
            cand --ecosystem 'Package ecosystem as OSV names it, e.g. crates.io, npm, PyPI, Go, Maven'
            cand --range 'A requirement in the ecosystem''s versions, e.g. ">=1.0.0, <1.4.2"'
            cand --introduced 'First affected version or commit (0: every version before)'
            cand --fixed 'First fixed version or commit (with --introduced)'
            cand --last-affected 'Last affected version, when no fix exists (with --introduced)'
            cand --version 'Individual affected versions'
            cand --type 'What the bounds are: versions, or git commits'
            cand --repo 'The repository a GIT range''s commits are in (default: the policy''s repository)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --remove 'Remove the given ranges or versions (or, with none, the whole package)'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'disclose;release'= {
            cand --reason 'Why (required for wont-fix and eol)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;fix'= {
            cand --release 'Maintained release the fix is for, as in the policy'
            cand --package 'The affected package the fix is for (NAME or ECOSYSTEM/NAME; optional with one package)'
            cand --commit 'A fix commit (full hash); repeat for several'
            cand --pr 'The pull or merge request, a URL or #number'
            cand --version 'The released version of the package that contains the fix'
            cand --released 'When that version was released (RFC 3339; default: now)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --remove 'Take back the package''s fix on the release (one linked by mistake)'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
        }
        &'disclose;severity'= {
            cand --cvss 'CVSS vector, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H'
            cand --cwe 'Weakness, e.g. CWE-22; repeat for several'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;note'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --public 'Mark the note as one the team may share (the leak guard ignores it)'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;contact'= {
            cand --from-email 'Log a reply saved as an email message (.eml), or read from stdin with `-`'
            cand --max-size 'Largest message accepted from --from-email'
            cand --draft 'Print a draft of the next message to send; records nothing'
            cand --eml 'With --draft, write the draft as a complete email (.eml) to FILE, or to stdout with `-`'
            cand --ask 'With --draft need-info: a question to ask (repeatable; replaces the default list)'
            cand --message 'A paragraph of your own, added to the draft'
            cand --to 'The reporter''s address, when the case has none recorded'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --to-reporter 'The team wrote to the reporter'
            cand --from-reporter 'The reporter wrote to the team'
            cand --edit 'Open the draft in $VISUAL or $EDITOR before it is printed or written'
            cand --force 'With --draft: draft it even when the case is not where the draft says it is'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;credit'= {
            cand --name 'Name as it should be printed'
            cand --type 'Role in the disclosure'
            cand --consent 'Whether they agreed to be named'
            cand --contact 'A public link for the credit (e.g. a profile URL); repeat for several'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;embargo'= {
            cand --until 'Nothing is published before this instant: YYYY-MM-DD or RFC 3339 with an offset'
            cand --reason 'Why it was forced (with --force)'
            cand --preset 'A reporter''s preset sets a deadline, not an embargo: see `disclose deadline`'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --clear 'Lift the embargo'
            cand --force 'Record an instant that has already passed'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;deadline'= {
            cand --by 'Publish by this instant: YYYY-MM-DD or RFC 3339 with an offset'
            cand --preset 'The reporter''s policy: project-zero, cert-cc, zdi, or a number of days'
            cand --reason 'Why it was forced (with --force)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --grace 'With --preset project-zero: add Project Zero''s 14-day grace'
            cand --clear 'Go back to the policy''s deadline (disclose_within after receipt)'
            cand --force 'Record an instant that has already passed'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;audit'= {
            cand --note 'What was audited, and what was found'
            cand --found 'A case the audit found (repeatable)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;exploited'= {
            cand --at 'When the team became aware of the exploitation (RFC 3339 or a date; default: now)'
            cand --evidence 'How the exploitation became known (private; needed the first time)'
            cand --actor 'What is known of the malicious actor, where available (private)'
            cand --sensitivity 'How sensitive the notified information is (Traffic Light Protocol)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;mitigated'= {
            cand --text 'What the measure is'
            cand --at 'Since when it is available (RFC 3339 or a date; default: now)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;cra'= {
            cand --draft 'Print a draft: early-warning, notification, final-report or user-notice'
            cand --submitted 'Record that a report was submitted: early-warning, notification or final-report'
            cand --at 'When it was submitted (RFC 3339 or a date; default: now)'
            cand --reference 'The platform''s reference for the submission'
            cand --out 'With --draft user-notice: write user-notice.md and osv.json into DIR'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --force 'With --draft user-notice: print it despite leak guard findings'
            cand --world-readable 'Create the files written with --out readable by every user of this machine (0644, directories 0755) instead of private to you (0600, 0700)'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;assign'= {
            cand --cve 'CVE ID, e.g. CVE-2026-12345'
            cand --ghsa 'GitHub security advisory ID, e.g. GHSA-jfh8-c2jp-5v3q'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;describe'= {
            cand --title 'The advisory''s title (default: the case title)'
            cand --summary 'One line, at most 120 characters (OSV''s `summary`)'
            cand --details 'The details in Markdown, from FILE (`-` reads stdin)'
            cand --impact 'Who is affected and what an attacker can do'
            cand --workarounds 'What users can do before they can upgrade'
            cand --reference 'An extra reference URL (repeat for several; replaces the list)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --no-references 'Remove every extra reference URL'
            cand --edit 'Write the text in $VISUAL or $EDITOR'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;reserve'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --offline 'Do not reach the team''s remote: number from this clone alone and leave the push to the next `disclose sync`'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;export'= {
            cand --format 'Output format'
            cand --out 'Write to FILE instead of stdout (private to you: mode 0600)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --preview 'Export a case that is not published yet, marked as an embargoed preview'
            cand --world-readable 'Create the files written with --out readable by every user of this machine (0644, directories 0755) instead of private to you (0600, 0700)'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;publish'= {
            cand --out 'Directory for the advisory files (default: advisories/<ID>/ in the store); outside the store they are private to you unless --world-readable'
            cand --reason 'Why publishing was forced (with --force)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --world-readable 'Create the files written with --out readable by every user of this machine (0644, directories 0755) instead of private to you (0600, 0700)'
            cand --dry-run 'Show the advisory it would write, every open item and leak; change nothing'
            cand --force 'Publish even with open items or leak findings (the reason is recorded)'
            cand --offline 'Do not reach the team''s remote: number from this clone alone and leave the push to the next `disclose sync`'
            cand --update 'Write the advisory files of a published case again, after a change'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;show'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;status'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --all 'Include closed cases (published, rejected, withdrawn)'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;log'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;check'= {
            cand --format 'Output format (--json is the same as --format json)'
            cand --warn-within 'Warn about deadlines due within this long (48h, 7d, 5bd, ...)'
            cand --case 'Check only these cases (full IDs or unique parts)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --strict 'Fail (exit 1) on warnings too'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;stats'= {
            cand --since 'Count only cases received on or after this date (YYYY-MM-DD or RFC 3339)'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;sync'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --no-push 'Fetch and merge only; leave local changes unpushed'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;clone'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;remote'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand set 'Record URL as the team''s remote (replacing the one recorded)'
            cand show 'Print the recorded remote and how many local changes it lacks'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'disclose;remote;set'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --create 'For a local path: create an empty bare repository there first'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;remote;show'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;remote;help'= {
            cand set 'Record URL as the team''s remote (replacing the one recorded)'
            cand show 'Print the recorded remote and how many local changes it lacks'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'disclose;remote;help;set'= {
        }
        &'disclose;remote;help;show'= {
        }
        &'disclose;remote;help;help'= {
        }
        &'disclose;policy'= {
            cand --write 'Write the SECURITY.md rendered from the policy to FILE (`-` for stdout)'
            cand --check 'Check FILE (an existing SECURITY.md) against the policy; exit 1 on any difference'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --world-readable 'With --write: create FILE readable by every user (0644), not only you (0600)'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand show 'Print the policy'
            cand set 'Change one key of the policy'
            cand release 'Add or remove a maintained release'
            cand render 'Print the SECURITY.md rendered from the policy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'disclose;policy;show'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;policy;set'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;policy;release'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
            cand add 'Add a maintained release'
            cand remove 'Stop maintaining a release'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'disclose;policy;release;add'= {
            cand --range 'Versions of the release line, e.g. ">=1.4.0, <1.5.0" or "1.4.*"'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;policy;release;remove'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;policy;release;help'= {
            cand add 'Add a maintained release'
            cand remove 'Stop maintaining a release'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'disclose;policy;release;help;add'= {
        }
        &'disclose;policy;release;help;remove'= {
        }
        &'disclose;policy;release;help;help'= {
        }
        &'disclose;policy;render'= {
            cand --write 'Write the SECURITY.md rendered from the policy to FILE (`-` for stdout)'
            cand --check 'Check FILE (an existing SECURITY.md) against the policy; exit 1 on any difference'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --world-readable 'With --write: create FILE readable by every user (0644), not only you (0600)'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;policy;help'= {
            cand show 'Print the policy'
            cand set 'Change one key of the policy'
            cand release 'Add or remove a maintained release'
            cand render 'Print the SECURITY.md rendered from the policy'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'disclose;policy;help;show'= {
        }
        &'disclose;policy;help;set'= {
        }
        &'disclose;policy;help;release'= {
            cand add 'Add a maintained release'
            cand remove 'Stop maintaining a release'
        }
        &'disclose;policy;help;release;add'= {
        }
        &'disclose;policy;help;release;remove'= {
        }
        &'disclose;policy;help;render'= {
        }
        &'disclose;policy;help;help'= {
        }
        &'disclose;completions'= {
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;man'= {
            cand --out 'Write every page into this directory instead of printing the top one'
            cand --dir 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)'
            cand --color 'When to use color'
            cand --install 'Install every page into share/man/man1 beside this binary''s bin directory'
            cand --world-readable 'Create the files written with --out readable by every user of this machine (0644, directories 0755) instead of private to you (0600, 0700)'
            cand --json 'Print machine-readable JSON instead of text, errors included'
            cand --no-input 'Never prompt; fail naming the missing flag instead'
            cand -q 'Print only the product (IDs, tables, JSON), no status lines'
            cand --quiet 'Print only the product (IDs, tables, JSON), no status lines'
            cand -h 'Print help (see more with ''--help'')'
            cand --help 'Print help (see more with ''--help'')'
            cand -V 'Print version'
            cand --version 'Print version'
        }
        &'disclose;help'= {
            cand init 'Create a case store and its policy'
            cand open 'Open a case for a new vulnerability report'
            cand import 'Import advisories and reports: OSV, CVE JSON 5, GitHub advisories'
            cand ack 'Record the acknowledgement of a report'
            cand confirm 'Confirm that a report describes a real problem'
            cand reject 'Reject a report: duplicate, invalid, out of scope, or won''t fix'
            cand withdraw 'Close a case because its report was withdrawn, or withdraw its advisory'
            cand pause 'Stop a case''s clocks (waiting on the reporter, on hold)'
            cand resume 'Restart the clocks of a paused case'
            cand affected 'Record (or remove) affected packages, ranges and versions'
            cand release 'Decide whether a maintained release is affected, or gets no fix'
            cand fix 'Link a fix (commits, PR, released version) to a maintained release'
            cand severity 'Record the severity (CVSS 3.x or 4.0 vector) and CWE of a case'
            cand note 'Add a note to a case (private unless --public)'
            cand contact 'Log a message sent to, or received from, the reporter'
            cand credit 'Credit someone, with their consent to be named'
            cand embargo 'Set the embargo: the date before which nothing is published'
            cand deadline 'Set the disclosure deadline: the date to publish by'
            cand audit 'Record the audit for similar problems'
            cand exploited 'Record awareness that a vulnerability is actively exploited (EU CRA)'
            cand mitigated 'Record a mitigation available to users (EU CRA)'
            cand cra 'The EU CRA reports of a case: clocks, drafts and submissions'
            cand assign 'Assign a CVE ID and/or a GitHub advisory (GHSA) ID to a case'
            cand describe 'Write the public advisory text of a case'
            cand reserve 'Give a case its public advisory ID ahead of publishing'
            cand export 'Write one advisory format of a case'
            cand publish 'Publish a fixed case: write its advisory files and mark it published'
            cand show 'Show one case in full'
            cand status 'List open cases and their clocks'
            cand log 'Show a case''s timeline'
            cand check 'Check open cases against the policy (for CI)'
            cand stats 'Show the team''s record: time to acknowledge, fix and publish'
            cand sync 'Fetch, merge and push the team''s changes'
            cand clone 'Clone the team''s case store'
            cand remote 'Show or record the team''s remote'
            cand policy 'Show, edit and publish the policy (SLAs, contact, maintained releases)'
            cand completions 'Print a shell completion script'
            cand man 'Print the man page, or install every page where `man` finds it'
            cand help 'Print this message or the help of the given subcommand(s)'
        }
        &'disclose;help;init'= {
        }
        &'disclose;help;open'= {
        }
        &'disclose;help;import'= {
        }
        &'disclose;help;ack'= {
        }
        &'disclose;help;confirm'= {
        }
        &'disclose;help;reject'= {
        }
        &'disclose;help;withdraw'= {
        }
        &'disclose;help;pause'= {
        }
        &'disclose;help;resume'= {
        }
        &'disclose;help;affected'= {
        }
        &'disclose;help;release'= {
        }
        &'disclose;help;fix'= {
        }
        &'disclose;help;severity'= {
        }
        &'disclose;help;note'= {
        }
        &'disclose;help;contact'= {
        }
        &'disclose;help;credit'= {
        }
        &'disclose;help;embargo'= {
        }
        &'disclose;help;deadline'= {
        }
        &'disclose;help;audit'= {
        }
        &'disclose;help;exploited'= {
        }
        &'disclose;help;mitigated'= {
        }
        &'disclose;help;cra'= {
        }
        &'disclose;help;assign'= {
        }
        &'disclose;help;describe'= {
        }
        &'disclose;help;reserve'= {
        }
        &'disclose;help;export'= {
        }
        &'disclose;help;publish'= {
        }
        &'disclose;help;show'= {
        }
        &'disclose;help;status'= {
        }
        &'disclose;help;log'= {
        }
        &'disclose;help;check'= {
        }
        &'disclose;help;stats'= {
        }
        &'disclose;help;sync'= {
        }
        &'disclose;help;clone'= {
        }
        &'disclose;help;remote'= {
            cand set 'Record URL as the team''s remote (replacing the one recorded)'
            cand show 'Print the recorded remote and how many local changes it lacks'
        }
        &'disclose;help;remote;set'= {
        }
        &'disclose;help;remote;show'= {
        }
        &'disclose;help;policy'= {
            cand show 'Print the policy'
            cand set 'Change one key of the policy'
            cand release 'Add or remove a maintained release'
            cand render 'Print the SECURITY.md rendered from the policy'
        }
        &'disclose;help;policy;show'= {
        }
        &'disclose;help;policy;set'= {
        }
        &'disclose;help;policy;release'= {
            cand add 'Add a maintained release'
            cand remove 'Stop maintaining a release'
        }
        &'disclose;help;policy;release;add'= {
        }
        &'disclose;help;policy;release;remove'= {
        }
        &'disclose;help;policy;render'= {
        }
        &'disclose;help;completions'= {
        }
        &'disclose;help;man'= {
        }
        &'disclose;help;help'= {
        }
    ]
    $completions[$command]
}
