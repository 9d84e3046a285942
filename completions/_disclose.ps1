
using namespace System.Management.Automation
using namespace System.Management.Automation.Language

Register-ArgumentCompleter -Native -CommandName 'disclose' -ScriptBlock {
    param($wordToComplete, $commandAst, $cursorPosition)

    $commandElements = $commandAst.CommandElements
    $command = @(
        'disclose'
        for ($i = 1; $i -lt $commandElements.Count; $i++) {
            $element = $commandElements[$i]
            if ($element -isnot [StringConstantExpressionAst] -or
                $element.StringConstantType -ne [StringConstantType]::BareWord -or
                $element.Value.StartsWith('-') -or
                $element.Value -eq $wordToComplete) {
                break
        }
        $element.Value
    }) -join ';'

    $completions = @(switch ($command) {
        'disclose' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a case store and its policy')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open a case for a new vulnerability report')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import advisories and reports: OSV, CVE JSON 5, GitHub advisories')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Record the acknowledgement of a report')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Confirm that a report describes a real problem')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a report: duplicate, invalid, out of scope, or won''t fix')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Close a case because its report was withdrawn, or withdraw its advisory')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop a case''s clocks (waiting on the reporter, on hold)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Restart the clocks of a paused case')
            [CompletionResult]::new('affected', 'affected', [CompletionResultType]::ParameterValue, 'Record (or remove) affected packages, ranges and versions')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Decide whether a maintained release is affected, or gets no fix')
            [CompletionResult]::new('fix', 'fix', [CompletionResultType]::ParameterValue, 'Link a fix (commits, PR, released version) to a maintained release')
            [CompletionResult]::new('severity', 'severity', [CompletionResultType]::ParameterValue, 'Record the severity (CVSS 3.x or 4.0 vector) and CWE of a case')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add a note to a case (private unless --public)')
            [CompletionResult]::new('contact', 'contact', [CompletionResultType]::ParameterValue, 'Log a message sent to, or received from, the reporter')
            [CompletionResult]::new('credit', 'credit', [CompletionResultType]::ParameterValue, 'Credit someone, with their consent to be named')
            [CompletionResult]::new('embargo', 'embargo', [CompletionResultType]::ParameterValue, 'Set the embargo: the date before which nothing is published')
            [CompletionResult]::new('deadline', 'deadline', [CompletionResultType]::ParameterValue, 'Set the disclosure deadline: the date to publish by')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Record the audit for similar problems')
            [CompletionResult]::new('exploited', 'exploited', [CompletionResultType]::ParameterValue, 'Record awareness that a vulnerability is actively exploited (EU CRA)')
            [CompletionResult]::new('mitigated', 'mitigated', [CompletionResultType]::ParameterValue, 'Record a mitigation available to users (EU CRA)')
            [CompletionResult]::new('cra', 'cra', [CompletionResultType]::ParameterValue, 'The EU CRA reports of a case: clocks, drafts and submissions')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Assign a CVE ID and/or a GitHub advisory (GHSA) ID to a case')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Write the public advisory text of a case')
            [CompletionResult]::new('reserve', 'reserve', [CompletionResultType]::ParameterValue, 'Give a case its public advisory ID ahead of publishing')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write one advisory format of a case')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Publish a fixed case: write its advisory files and mark it published')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one case in full')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'List open cases and their clocks')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show a case''s timeline')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check open cases against the policy (for CI)')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Show the team''s record: time to acknowledge, fix and publish')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Fetch, merge and push the team''s changes')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Clone the team''s case store')
            [CompletionResult]::new('remote', 'remote', [CompletionResultType]::ParameterValue, 'Show or record the team''s remote')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show, edit and publish the policy (SLAs, contact, maintained releases)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or install every page where `man` finds it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'disclose;init' {
            [CompletionResult]::new('--project', '--project', [CompletionResultType]::ParameterName, 'Project name, used in advisory IDs and the rendered SECURITY.md')
            [CompletionResult]::new('--contact', '--contact', [CompletionResultType]::ParameterName, 'Where reporters write, e.g. security@example.org')
            [CompletionResult]::new('--id-prefix', '--id-prefix', [CompletionResultType]::ParameterName, 'Prefix of case IDs')
            [CompletionResult]::new('--ack-within', '--ack-within', [CompletionResultType]::ParameterName, 'Answer new reports within this long (48h, 2bd, ..., or off) [default: 48h]')
            [CompletionResult]::new('--update-every', '--update-every', [CompletionResultType]::ParameterName, 'Update the reporter at least this often (or off) [default: 7d]')
            [CompletionResult]::new('--disclose-within', '--disclose-within', [CompletionResultType]::ParameterName, 'Publish within this long of receiving a report (or off) [default: 90d]')
            [CompletionResult]::new('--from-security-md', '--from-security-md', [CompletionResultType]::ParameterName, 'Read the promises from an existing SECURITY.md; those it does not state are off')
            [CompletionResult]::new('--release', '--release', [CompletionResultType]::ParameterName, 'A maintained release as NAME=REQ, e.g. 1.4=''>=1.4.0, <1.5.0'' (repeatable)')
            [CompletionResult]::new('--preset', '--preset', [CompletionResultType]::ParameterName, 'Adopt a reporter''s disclosure policy as the team default instead of --disclose-within: project-zero, project-zero+grace, cert-cc, zdi or a number of days')
            [CompletionResult]::new('--remote', '--remote', [CompletionResultType]::ParameterName, 'Record the team''s private remote (see `disclose remote`, `disclose sync`)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--audit', '--audit', [CompletionResultType]::ParameterName, 'Promise to audit the code for similar problems: a readiness item of every reported case')
            [CompletionResult]::new('--allow-nested', '--allow-nested', [CompletionResultType]::ParameterName, 'Create the store even inside another git repository''s work tree')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;open' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'One-line summary of the problem (at most 256 characters)')
            [CompletionResult]::new('--reporter-name', '--reporter-name', [CompletionResultType]::ParameterName, 'Reporter''s name (as they want to be credited)')
            [CompletionResult]::new('--reporter-email', '--reporter-email', [CompletionResultType]::ParameterName, 'Reporter''s email (private: never exported)')
            [CompletionResult]::new('--reporter-handle', '--reporter-handle', [CompletionResultType]::ParameterName, 'Reporter''s handle, e.g. a GitHub user name')
            [CompletionResult]::new('--received', '--received', [CompletionResultType]::ParameterName, 'When the report arrived (RFC 3339 or YYYY-MM-DD; default: now)')
            [CompletionResult]::new('--description', '--description', [CompletionResultType]::ParameterName, 'What the reporter found')
            [CompletionResult]::new('--description-file', '--description-file', [CompletionResultType]::ParameterName, 'Read the description from a file (at most 1 MB), or from stdin with `-`')
            [CompletionResult]::new('--reproduction', '--reproduction', [CompletionResultType]::ParameterName, 'Steps to reproduce')
            [CompletionResult]::new('--impact', '--impact', [CompletionResultType]::ParameterName, 'What an attacker gains')
            [CompletionResult]::new('--remediation', '--remediation', [CompletionResultType]::ParameterName, 'Suggested fix or workaround')
            [CompletionResult]::new('--from-email', '--from-email', [CompletionResultType]::ParameterName, 'Read the report from an email message (.eml), or from stdin with `-`')
            [CompletionResult]::new('--from-mbox', '--from-mbox', [CompletionResultType]::ParameterName, 'Open a case for each thread of an mbox file; replies become contacts')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'Largest message accepted from --from-email or --from-mbox')
            [CompletionResult]::new('--related', '--related', [CompletionResultType]::ParameterName, 'Link the new case with this one, both ways (repeatable)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--internal', '--internal', [CompletionResultType]::ParameterName, 'A finding of the team''s own: no reporter, no reporter clocks or drafts')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;import' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'The records'' format (default: recognised from each record)')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'Largest file accepted (each record in it holds at most 1 MB)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'List what would be created, updated or left unchanged; change nothing')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;ack' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When the reply was sent (RFC 3339; default: now)')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the move was forced (with --force)')
            [CompletionResult]::new('--eml', '--eml', [CompletionResultType]::ParameterName, 'Write the reply as a complete email (.eml) to FILE, or to stdout with `-`, and record it as the acknowledgement')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'A paragraph of your own, added to the draft')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The reporter''s address, when the case has none recorded')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Acknowledge even if the state does not allow it (recorded as an event)')
            [CompletionResult]::new('--draft', '--draft', [CompletionResultType]::ParameterName, 'Print the reply to send to the reporter')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Open the draft in $VISUAL or $EDITOR before it is printed or written')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;confirm' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the move was forced (with --force)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Make the move even if the case''s state does not allow it (recorded as an event)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;reject' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why the report is rejected')
            [CompletionResult]::new('--duplicate-of', '--duplicate-of', [CompletionResultType]::ParameterName, 'The case this one duplicates (with --reason duplicate)')
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'A short explanation, kept with the resolution')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Make the move even if the case''s state does not allow it (recorded as an event)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;withdraw' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why it was withdrawn (required for a published case, and published with it)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Make the move even if the case''s state does not allow it (recorded as an event)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;pause' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why: waiting-on-reporter, on-hold, or any text')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;resume' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;affected' {
            [CompletionResult]::new('--package', '--package', [CompletionResultType]::ParameterName, 'Package name, or ECOSYSTEM/NAME (default: the policy''s default_package)')
            [CompletionResult]::new('--ecosystem', '--ecosystem', [CompletionResultType]::ParameterName, 'Package ecosystem as OSV names it, e.g. crates.io, npm, PyPI, Go, Maven')
            [CompletionResult]::new('--range', '--range', [CompletionResultType]::ParameterName, 'A requirement in the ecosystem''s versions, e.g. ">=1.0.0, <1.4.2"')
            [CompletionResult]::new('--introduced', '--introduced', [CompletionResultType]::ParameterName, 'First affected version or commit (0: every version before)')
            [CompletionResult]::new('--fixed', '--fixed', [CompletionResultType]::ParameterName, 'First fixed version or commit (with --introduced)')
            [CompletionResult]::new('--last-affected', '--last-affected', [CompletionResultType]::ParameterName, 'Last affected version, when no fix exists (with --introduced)')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Individual affected versions')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'What the bounds are: versions, or git commits')
            [CompletionResult]::new('--repo', '--repo', [CompletionResultType]::ParameterName, 'The repository a GIT range''s commits are in (default: the policy''s repository)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Remove the given ranges or versions (or, with none, the whole package)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'disclose;release' {
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why (required for wont-fix and eol)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;fix' {
            [CompletionResult]::new('--release', '--release', [CompletionResultType]::ParameterName, 'Maintained release the fix is for, as in the policy')
            [CompletionResult]::new('--package', '--package', [CompletionResultType]::ParameterName, 'The affected package the fix is for (NAME or ECOSYSTEM/NAME; optional with one package)')
            [CompletionResult]::new('--commit', '--commit', [CompletionResultType]::ParameterName, 'A fix commit (full hash); repeat for several')
            [CompletionResult]::new('--pr', '--pr', [CompletionResultType]::ParameterName, 'The pull or merge request, a URL or #number')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'The released version of the package that contains the fix')
            [CompletionResult]::new('--released', '--released', [CompletionResultType]::ParameterName, 'When that version was released (RFC 3339; default: now)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--remove', '--remove', [CompletionResultType]::ParameterName, 'Take back the package''s fix on the release (one linked by mistake)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            break
        }
        'disclose;severity' {
            [CompletionResult]::new('--cvss', '--cvss', [CompletionResultType]::ParameterName, 'CVSS vector, e.g. CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H')
            [CompletionResult]::new('--cwe', '--cwe', [CompletionResultType]::ParameterName, 'Weakness, e.g. CWE-22; repeat for several')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;note' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--public', '--public', [CompletionResultType]::ParameterName, 'Mark the note as one the team may share (the leak guard ignores it)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;contact' {
            [CompletionResult]::new('--from-email', '--from-email', [CompletionResultType]::ParameterName, 'Log a reply saved as an email message (.eml), or read from stdin with `-`')
            [CompletionResult]::new('--max-size', '--max-size', [CompletionResultType]::ParameterName, 'Largest message accepted from --from-email')
            [CompletionResult]::new('--draft', '--draft', [CompletionResultType]::ParameterName, 'Print a draft of the next message to send; records nothing')
            [CompletionResult]::new('--eml', '--eml', [CompletionResultType]::ParameterName, 'With --draft, write the draft as a complete email (.eml) to FILE, or to stdout with `-`')
            [CompletionResult]::new('--ask', '--ask', [CompletionResultType]::ParameterName, 'With --draft need-info: a question to ask (repeatable; replaces the default list)')
            [CompletionResult]::new('--message', '--message', [CompletionResultType]::ParameterName, 'A paragraph of your own, added to the draft')
            [CompletionResult]::new('--to', '--to', [CompletionResultType]::ParameterName, 'The reporter''s address, when the case has none recorded')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--to-reporter', '--to-reporter', [CompletionResultType]::ParameterName, 'The team wrote to the reporter')
            [CompletionResult]::new('--from-reporter', '--from-reporter', [CompletionResultType]::ParameterName, 'The reporter wrote to the team')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Open the draft in $VISUAL or $EDITOR before it is printed or written')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With --draft: draft it even when the case is not where the draft says it is')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;credit' {
            [CompletionResult]::new('--name', '--name', [CompletionResultType]::ParameterName, 'Name as it should be printed')
            [CompletionResult]::new('--type', '--type', [CompletionResultType]::ParameterName, 'Role in the disclosure')
            [CompletionResult]::new('--consent', '--consent', [CompletionResultType]::ParameterName, 'Whether they agreed to be named')
            [CompletionResult]::new('--contact', '--contact', [CompletionResultType]::ParameterName, 'A public link for the credit (e.g. a profile URL); repeat for several')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;embargo' {
            [CompletionResult]::new('--until', '--until', [CompletionResultType]::ParameterName, 'Nothing is published before this instant: YYYY-MM-DD or RFC 3339 with an offset')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why it was forced (with --force)')
            [CompletionResult]::new('--preset', '--preset', [CompletionResultType]::ParameterName, 'A reporter''s preset sets a deadline, not an embargo: see `disclose deadline`')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--clear', '--clear', [CompletionResultType]::ParameterName, 'Lift the embargo')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Record an instant that has already passed')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;deadline' {
            [CompletionResult]::new('--by', '--by', [CompletionResultType]::ParameterName, 'Publish by this instant: YYYY-MM-DD or RFC 3339 with an offset')
            [CompletionResult]::new('--preset', '--preset', [CompletionResultType]::ParameterName, 'The reporter''s policy: project-zero, cert-cc, zdi, or a number of days')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why it was forced (with --force)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--grace', '--grace', [CompletionResultType]::ParameterName, 'With --preset project-zero: add Project Zero''s 14-day grace')
            [CompletionResult]::new('--clear', '--clear', [CompletionResultType]::ParameterName, 'Go back to the policy''s deadline (disclose_within after receipt)')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Record an instant that has already passed')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;audit' {
            [CompletionResult]::new('--note', '--note', [CompletionResultType]::ParameterName, 'What was audited, and what was found')
            [CompletionResult]::new('--found', '--found', [CompletionResultType]::ParameterName, 'A case the audit found (repeatable)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;exploited' {
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When the team became aware of the exploitation (RFC 3339 or a date; default: now)')
            [CompletionResult]::new('--evidence', '--evidence', [CompletionResultType]::ParameterName, 'How the exploitation became known (private; needed the first time)')
            [CompletionResult]::new('--actor', '--actor', [CompletionResultType]::ParameterName, 'What is known of the malicious actor, where available (private)')
            [CompletionResult]::new('--sensitivity', '--sensitivity', [CompletionResultType]::ParameterName, 'How sensitive the notified information is (Traffic Light Protocol)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;mitigated' {
            [CompletionResult]::new('--text', '--text', [CompletionResultType]::ParameterName, 'What the measure is')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'Since when it is available (RFC 3339 or a date; default: now)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;cra' {
            [CompletionResult]::new('--draft', '--draft', [CompletionResultType]::ParameterName, 'Print a draft: early-warning, notification, final-report or user-notice')
            [CompletionResult]::new('--submitted', '--submitted', [CompletionResultType]::ParameterName, 'Record that a report was submitted: early-warning, notification or final-report')
            [CompletionResult]::new('--at', '--at', [CompletionResultType]::ParameterName, 'When it was submitted (RFC 3339 or a date; default: now)')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'The platform''s reference for the submission')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'With --draft user-notice: write user-notice.md and osv.json into DIR')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'With --draft user-notice: print it despite leak guard findings')
            [CompletionResult]::new('--world-readable', '--world-readable', [CompletionResultType]::ParameterName, 'Create the files written with --out readable by every user of this machine (0644, directories 0755) instead of private to you (0600, 0700)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;assign' {
            [CompletionResult]::new('--cve', '--cve', [CompletionResultType]::ParameterName, 'CVE ID, e.g. CVE-2026-12345')
            [CompletionResult]::new('--ghsa', '--ghsa', [CompletionResultType]::ParameterName, 'GitHub security advisory ID, e.g. GHSA-jfh8-c2jp-5v3q')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;describe' {
            [CompletionResult]::new('--title', '--title', [CompletionResultType]::ParameterName, 'The advisory''s title (default: the case title)')
            [CompletionResult]::new('--summary', '--summary', [CompletionResultType]::ParameterName, 'One line, at most 120 characters (OSV''s `summary`)')
            [CompletionResult]::new('--details', '--details', [CompletionResultType]::ParameterName, 'The details in Markdown, from FILE (`-` reads stdin)')
            [CompletionResult]::new('--impact', '--impact', [CompletionResultType]::ParameterName, 'Who is affected and what an attacker can do')
            [CompletionResult]::new('--workarounds', '--workarounds', [CompletionResultType]::ParameterName, 'What users can do before they can upgrade')
            [CompletionResult]::new('--reference', '--reference', [CompletionResultType]::ParameterName, 'An extra reference URL (repeat for several; replaces the list)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-references', '--no-references', [CompletionResultType]::ParameterName, 'Remove every extra reference URL')
            [CompletionResult]::new('--edit', '--edit', [CompletionResultType]::ParameterName, 'Write the text in $VISUAL or $EDITOR')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;reserve' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not reach the team''s remote: number from this clone alone and leave the push to the next `disclose sync`')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;export' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format')
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write to FILE instead of stdout (private to you: mode 0600)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--preview', '--preview', [CompletionResultType]::ParameterName, 'Export a case that is not published yet, marked as an embargoed preview')
            [CompletionResult]::new('--world-readable', '--world-readable', [CompletionResultType]::ParameterName, 'Create the files written with --out readable by every user of this machine (0644, directories 0755) instead of private to you (0600, 0700)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;publish' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Directory for the advisory files (default: advisories/<ID>/ in the store); outside the store they are private to you unless --world-readable')
            [CompletionResult]::new('--reason', '--reason', [CompletionResultType]::ParameterName, 'Why publishing was forced (with --force)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--world-readable', '--world-readable', [CompletionResultType]::ParameterName, 'Create the files written with --out readable by every user of this machine (0644, directories 0755) instead of private to you (0600, 0700)')
            [CompletionResult]::new('--dry-run', '--dry-run', [CompletionResultType]::ParameterName, 'Show the advisory it would write, every open item and leak; change nothing')
            [CompletionResult]::new('--force', '--force', [CompletionResultType]::ParameterName, 'Publish even with open items or leak findings (the reason is recorded)')
            [CompletionResult]::new('--offline', '--offline', [CompletionResultType]::ParameterName, 'Do not reach the team''s remote: number from this clone alone and leave the push to the next `disclose sync`')
            [CompletionResult]::new('--update', '--update', [CompletionResultType]::ParameterName, 'Write the advisory files of a published case again, after a change')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;show' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;status' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--all', '--all', [CompletionResultType]::ParameterName, 'Include closed cases (published, rejected, withdrawn)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;log' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;check' {
            [CompletionResult]::new('--format', '--format', [CompletionResultType]::ParameterName, 'Output format (--json is the same as --format json)')
            [CompletionResult]::new('--warn-within', '--warn-within', [CompletionResultType]::ParameterName, 'Warn about deadlines due within this long (48h, 7d, 5bd, ...)')
            [CompletionResult]::new('--case', '--case', [CompletionResultType]::ParameterName, 'Check only these cases (full IDs or unique parts)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--strict', '--strict', [CompletionResultType]::ParameterName, 'Fail (exit 1) on warnings too')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;stats' {
            [CompletionResult]::new('--since', '--since', [CompletionResultType]::ParameterName, 'Count only cases received on or after this date (YYYY-MM-DD or RFC 3339)')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;sync' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--no-push', '--no-push', [CompletionResultType]::ParameterName, 'Fetch and merge only; leave local changes unpushed')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;clone' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;remote' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Record URL as the team''s remote (replacing the one recorded)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the recorded remote and how many local changes it lacks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'disclose;remote;set' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--create', '--create', [CompletionResultType]::ParameterName, 'For a local path: create an empty bare repository there first')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;remote;show' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;remote;help' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Record URL as the team''s remote (replacing the one recorded)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the recorded remote and how many local changes it lacks')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'disclose;remote;help;set' {
            break
        }
        'disclose;remote;help;show' {
            break
        }
        'disclose;remote;help;help' {
            break
        }
        'disclose;policy' {
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, 'Write the SECURITY.md rendered from the policy to FILE (`-` for stdout)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Check FILE (an existing SECURITY.md) against the policy; exit 1 on any difference')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--world-readable', '--world-readable', [CompletionResultType]::ParameterName, 'With --write: create FILE readable by every user (0644), not only you (0600)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the policy')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one key of the policy')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Add or remove a maintained release')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Print the SECURITY.md rendered from the policy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'disclose;policy;show' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;policy;set' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;policy;release' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a maintained release')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop maintaining a release')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'disclose;policy;release;add' {
            [CompletionResult]::new('--range', '--range', [CompletionResultType]::ParameterName, 'Versions of the release line, e.g. ">=1.4.0, <1.5.0" or "1.4.*"')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;policy;release;remove' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;policy;release;help' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a maintained release')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop maintaining a release')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'disclose;policy;release;help;add' {
            break
        }
        'disclose;policy;release;help;remove' {
            break
        }
        'disclose;policy;release;help;help' {
            break
        }
        'disclose;policy;render' {
            [CompletionResult]::new('--write', '--write', [CompletionResultType]::ParameterName, 'Write the SECURITY.md rendered from the policy to FILE (`-` for stdout)')
            [CompletionResult]::new('--check', '--check', [CompletionResultType]::ParameterName, 'Check FILE (an existing SECURITY.md) against the policy; exit 1 on any difference')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--world-readable', '--world-readable', [CompletionResultType]::ParameterName, 'With --write: create FILE readable by every user (0644), not only you (0600)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;policy;help' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the policy')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one key of the policy')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Add or remove a maintained release')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Print the SECURITY.md rendered from the policy')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'disclose;policy;help;show' {
            break
        }
        'disclose;policy;help;set' {
            break
        }
        'disclose;policy;help;release' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a maintained release')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop maintaining a release')
            break
        }
        'disclose;policy;help;release;add' {
            break
        }
        'disclose;policy;help;release;remove' {
            break
        }
        'disclose;policy;help;render' {
            break
        }
        'disclose;policy;help;help' {
            break
        }
        'disclose;completions' {
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;man' {
            [CompletionResult]::new('--out', '--out', [CompletionResultType]::ParameterName, 'Write every page into this directory instead of printing the top one')
            [CompletionResult]::new('--dir', '--dir', [CompletionResultType]::ParameterName, 'Case store to use (default: $DISCLOSE_DIR, then the config file, then the data dir)')
            [CompletionResult]::new('--color', '--color', [CompletionResultType]::ParameterName, 'When to use color')
            [CompletionResult]::new('--install', '--install', [CompletionResultType]::ParameterName, 'Install every page into share/man/man1 beside this binary''s bin directory')
            [CompletionResult]::new('--world-readable', '--world-readable', [CompletionResultType]::ParameterName, 'Create the files written with --out readable by every user of this machine (0644, directories 0755) instead of private to you (0600, 0700)')
            [CompletionResult]::new('--json', '--json', [CompletionResultType]::ParameterName, 'Print machine-readable JSON instead of text, errors included')
            [CompletionResult]::new('--no-input', '--no-input', [CompletionResultType]::ParameterName, 'Never prompt; fail naming the missing flag instead')
            [CompletionResult]::new('-q', '-q', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('--quiet', '--quiet', [CompletionResultType]::ParameterName, 'Print only the product (IDs, tables, JSON), no status lines')
            [CompletionResult]::new('-h', '-h', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('--help', '--help', [CompletionResultType]::ParameterName, 'Print help (see more with ''--help'')')
            [CompletionResult]::new('-V', '-V ', [CompletionResultType]::ParameterName, 'Print version')
            [CompletionResult]::new('--version', '--version', [CompletionResultType]::ParameterName, 'Print version')
            break
        }
        'disclose;help' {
            [CompletionResult]::new('init', 'init', [CompletionResultType]::ParameterValue, 'Create a case store and its policy')
            [CompletionResult]::new('open', 'open', [CompletionResultType]::ParameterValue, 'Open a case for a new vulnerability report')
            [CompletionResult]::new('import', 'import', [CompletionResultType]::ParameterValue, 'Import advisories and reports: OSV, CVE JSON 5, GitHub advisories')
            [CompletionResult]::new('ack', 'ack', [CompletionResultType]::ParameterValue, 'Record the acknowledgement of a report')
            [CompletionResult]::new('confirm', 'confirm', [CompletionResultType]::ParameterValue, 'Confirm that a report describes a real problem')
            [CompletionResult]::new('reject', 'reject', [CompletionResultType]::ParameterValue, 'Reject a report: duplicate, invalid, out of scope, or won''t fix')
            [CompletionResult]::new('withdraw', 'withdraw', [CompletionResultType]::ParameterValue, 'Close a case because its report was withdrawn, or withdraw its advisory')
            [CompletionResult]::new('pause', 'pause', [CompletionResultType]::ParameterValue, 'Stop a case''s clocks (waiting on the reporter, on hold)')
            [CompletionResult]::new('resume', 'resume', [CompletionResultType]::ParameterValue, 'Restart the clocks of a paused case')
            [CompletionResult]::new('affected', 'affected', [CompletionResultType]::ParameterValue, 'Record (or remove) affected packages, ranges and versions')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Decide whether a maintained release is affected, or gets no fix')
            [CompletionResult]::new('fix', 'fix', [CompletionResultType]::ParameterValue, 'Link a fix (commits, PR, released version) to a maintained release')
            [CompletionResult]::new('severity', 'severity', [CompletionResultType]::ParameterValue, 'Record the severity (CVSS 3.x or 4.0 vector) and CWE of a case')
            [CompletionResult]::new('note', 'note', [CompletionResultType]::ParameterValue, 'Add a note to a case (private unless --public)')
            [CompletionResult]::new('contact', 'contact', [CompletionResultType]::ParameterValue, 'Log a message sent to, or received from, the reporter')
            [CompletionResult]::new('credit', 'credit', [CompletionResultType]::ParameterValue, 'Credit someone, with their consent to be named')
            [CompletionResult]::new('embargo', 'embargo', [CompletionResultType]::ParameterValue, 'Set the embargo: the date before which nothing is published')
            [CompletionResult]::new('deadline', 'deadline', [CompletionResultType]::ParameterValue, 'Set the disclosure deadline: the date to publish by')
            [CompletionResult]::new('audit', 'audit', [CompletionResultType]::ParameterValue, 'Record the audit for similar problems')
            [CompletionResult]::new('exploited', 'exploited', [CompletionResultType]::ParameterValue, 'Record awareness that a vulnerability is actively exploited (EU CRA)')
            [CompletionResult]::new('mitigated', 'mitigated', [CompletionResultType]::ParameterValue, 'Record a mitigation available to users (EU CRA)')
            [CompletionResult]::new('cra', 'cra', [CompletionResultType]::ParameterValue, 'The EU CRA reports of a case: clocks, drafts and submissions')
            [CompletionResult]::new('assign', 'assign', [CompletionResultType]::ParameterValue, 'Assign a CVE ID and/or a GitHub advisory (GHSA) ID to a case')
            [CompletionResult]::new('describe', 'describe', [CompletionResultType]::ParameterValue, 'Write the public advisory text of a case')
            [CompletionResult]::new('reserve', 'reserve', [CompletionResultType]::ParameterValue, 'Give a case its public advisory ID ahead of publishing')
            [CompletionResult]::new('export', 'export', [CompletionResultType]::ParameterValue, 'Write one advisory format of a case')
            [CompletionResult]::new('publish', 'publish', [CompletionResultType]::ParameterValue, 'Publish a fixed case: write its advisory files and mark it published')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Show one case in full')
            [CompletionResult]::new('status', 'status', [CompletionResultType]::ParameterValue, 'List open cases and their clocks')
            [CompletionResult]::new('log', 'log', [CompletionResultType]::ParameterValue, 'Show a case''s timeline')
            [CompletionResult]::new('check', 'check', [CompletionResultType]::ParameterValue, 'Check open cases against the policy (for CI)')
            [CompletionResult]::new('stats', 'stats', [CompletionResultType]::ParameterValue, 'Show the team''s record: time to acknowledge, fix and publish')
            [CompletionResult]::new('sync', 'sync', [CompletionResultType]::ParameterValue, 'Fetch, merge and push the team''s changes')
            [CompletionResult]::new('clone', 'clone', [CompletionResultType]::ParameterValue, 'Clone the team''s case store')
            [CompletionResult]::new('remote', 'remote', [CompletionResultType]::ParameterValue, 'Show or record the team''s remote')
            [CompletionResult]::new('policy', 'policy', [CompletionResultType]::ParameterValue, 'Show, edit and publish the policy (SLAs, contact, maintained releases)')
            [CompletionResult]::new('completions', 'completions', [CompletionResultType]::ParameterValue, 'Print a shell completion script')
            [CompletionResult]::new('man', 'man', [CompletionResultType]::ParameterValue, 'Print the man page, or install every page where `man` finds it')
            [CompletionResult]::new('help', 'help', [CompletionResultType]::ParameterValue, 'Print this message or the help of the given subcommand(s)')
            break
        }
        'disclose;help;init' {
            break
        }
        'disclose;help;open' {
            break
        }
        'disclose;help;import' {
            break
        }
        'disclose;help;ack' {
            break
        }
        'disclose;help;confirm' {
            break
        }
        'disclose;help;reject' {
            break
        }
        'disclose;help;withdraw' {
            break
        }
        'disclose;help;pause' {
            break
        }
        'disclose;help;resume' {
            break
        }
        'disclose;help;affected' {
            break
        }
        'disclose;help;release' {
            break
        }
        'disclose;help;fix' {
            break
        }
        'disclose;help;severity' {
            break
        }
        'disclose;help;note' {
            break
        }
        'disclose;help;contact' {
            break
        }
        'disclose;help;credit' {
            break
        }
        'disclose;help;embargo' {
            break
        }
        'disclose;help;deadline' {
            break
        }
        'disclose;help;audit' {
            break
        }
        'disclose;help;exploited' {
            break
        }
        'disclose;help;mitigated' {
            break
        }
        'disclose;help;cra' {
            break
        }
        'disclose;help;assign' {
            break
        }
        'disclose;help;describe' {
            break
        }
        'disclose;help;reserve' {
            break
        }
        'disclose;help;export' {
            break
        }
        'disclose;help;publish' {
            break
        }
        'disclose;help;show' {
            break
        }
        'disclose;help;status' {
            break
        }
        'disclose;help;log' {
            break
        }
        'disclose;help;check' {
            break
        }
        'disclose;help;stats' {
            break
        }
        'disclose;help;sync' {
            break
        }
        'disclose;help;clone' {
            break
        }
        'disclose;help;remote' {
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Record URL as the team''s remote (replacing the one recorded)')
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the recorded remote and how many local changes it lacks')
            break
        }
        'disclose;help;remote;set' {
            break
        }
        'disclose;help;remote;show' {
            break
        }
        'disclose;help;policy' {
            [CompletionResult]::new('show', 'show', [CompletionResultType]::ParameterValue, 'Print the policy')
            [CompletionResult]::new('set', 'set', [CompletionResultType]::ParameterValue, 'Change one key of the policy')
            [CompletionResult]::new('release', 'release', [CompletionResultType]::ParameterValue, 'Add or remove a maintained release')
            [CompletionResult]::new('render', 'render', [CompletionResultType]::ParameterValue, 'Print the SECURITY.md rendered from the policy')
            break
        }
        'disclose;help;policy;show' {
            break
        }
        'disclose;help;policy;set' {
            break
        }
        'disclose;help;policy;release' {
            [CompletionResult]::new('add', 'add', [CompletionResultType]::ParameterValue, 'Add a maintained release')
            [CompletionResult]::new('remove', 'remove', [CompletionResultType]::ParameterValue, 'Stop maintaining a release')
            break
        }
        'disclose;help;policy;release;add' {
            break
        }
        'disclose;help;policy;release;remove' {
            break
        }
        'disclose;help;policy;render' {
            break
        }
        'disclose;help;completions' {
            break
        }
        'disclose;help;man' {
            break
        }
        'disclose;help;help' {
            break
        }
    })

    $completions.Where{ $_.CompletionText -like "$wordToComplete*" } |
        Sort-Object -Property ListItemText
}
