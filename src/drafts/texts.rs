//! The built-in reply templates (see `super` for the placeholders).

pub(super) const SIGNATURE: &str = "{team}\n{contact}\n";

pub(super) const ACK: &str = concat!(
    "Subject: Re: {subject}\n",
    "\n",
    "Hello {reporter_name},\n",
    "\n",
    "Thank you for your report, \"{title}\". We have received it and are\n",
    "tracking it as {case_id}; please keep that ID in the subject when you write.\n",
    "\n",
    "What happens next: we will reproduce the problem and work out which\n",
    "versions are affected. We keep reporters informed at least every\n",
    "{update_every}, so you will hear from us again by {next_update_by}.\n",
    "We aim to release a fix and publish an advisory within {disclose_within}\n",
    "of your report, that is by {deadline}, and will agree the date with you.\n",
    "\n",
    "Please keep the details confidential until then. If you would like to be\n",
    "credited in the advisory, tell us the name to use.\n",
    "\n",
    "Thank you,\n",
);

pub(super) const NEED_INFO: &str = concat!(
    "Subject: Re: {subject}\n",
    "\n",
    "Hello {reporter_name},\n",
    "\n",
    "We are looking into your report {case_id} (\"{title}\") and need a little\n",
    "more information to reproduce it:\n",
    "\n",
    "- the version or commit you tested,\n",
    "- the exact steps, or a proof of concept,\n",
    "- anything about the set-up that the problem depends on.\n",
    "\n",
    "We will write again by {next_update_by} either way.\n",
    "\n",
    "Thank you,\n",
);

pub(super) const UPDATE: &str = concat!(
    "Subject: Re: {subject}\n",
    "\n",
    "Hello {reporter_name},\n",
    "\n",
    "An update on {case_id} (\"{title}\"): the report is {state}.\n",
    "We still aim to publish by {deadline}, and you will hear from us again by\n",
    "{next_update_by}.\n",
    "\n",
    "Thank you for your patience,\n",
);

pub(super) const FIX_READY: &str = concat!(
    "Subject: Re: {subject}\n",
    "\n",
    "Hello {reporter_name},\n",
    "\n",
    "A fix for {case_id} (\"{title}\") is ready and will ship in\n",
    "{fixed_versions}. Could you check that it resolves the problem you found?\n",
    "\n",
    "We plan to publish the advisory by {deadline}. Please tell us how you\n",
    "would like to be credited (a name, a handle, or anonymously).\n",
    "\n",
    "Thank you,\n",
);

pub(super) const PUBLISHED: &str = concat!(
    "Subject: Re: {subject}\n",
    "\n",
    "Hello {reporter_name},\n",
    "\n",
    "The advisory for your report is public: {advisory} (\"{title}\"), fixed in\n",
    "{fixed_versions}. You are free to publish your own write-up now.\n",
    "\n",
    "Thank you for reporting it to us privately and for your patience,\n",
);
