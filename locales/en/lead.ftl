# lead: one referral's page (`/referrals/:id`), its contact block, pending changes,
# the heart and the small indicators (flame, validity, spam) lists show too.

lead-page-title = Referral
lead-not-found = Referral not found
lead-loading = Loading the referral…
lead-not-found-detail = This referral does not exist or belongs to another organisation.
lead-go-to-inbox = Go to the Inbox
lead-retry = Retry

# Navigation through the list the lead was opened from; $list is the list's name.
lead-navigation = Referral navigation
lead-back-to = Back to { $list }
lead-position = { $position } of { $total }
lead-previous = Previous
lead-next = Next

# A status and its substatus, each a value in words: "Active / Accepted".
lead-status-substatus = { $status } / { $substatus }

lead-deal-heading = Deal
lead-field-deal-name = Deal name
lead-field-estimated-value = Estimated value
lead-field-currency = Currency
lead-field-closing-date = Estimated closing date
lead-field-contact-requested = Customer asked to be contacted
lead-field-notes = Notes
lead-field-industries = Industries
lead-field-products = Products
lead-field-services = Services
lead-field-solutions = Solutions
lead-field-crm-id = CRM ID
lead-field-campaign-id = Marketing campaign ID

lead-customer-heading = Customer
lead-field-company = Company
lead-field-company-size = Company size
lead-field-address = Address
lead-field-country = Country
lead-field-region = Region
lead-field-consent-contact = Consent to contact
lead-field-consent-share = Consent to share with others

lead-lead-heading = Lead
lead-field-category = Category
lead-category-marketplace = Marketplace lead
lead-category-qualified = Qualified lead
lead-field-qualification = Qualification
lead-field-lead-type = Lead type
lead-field-lead-source = Lead source
lead-field-call-to-action = Call to action
lead-field-offer = Offer
# The offer's name and its id.
lead-offer-name-id = { $name } ({ $id })
lead-field-lead-quality = Lead quality
lead-field-referral-type = Referral type
lead-field-direction = Direction
lead-field-target = Target
lead-field-invited-by = Invited by
lead-field-invitation-notes = Invitation notes
lead-field-referral-id = Referral ID
lead-field-engagement-id = Engagement ID

lead-status-heading = Status
lead-field-status = Status
lead-field-reason = Reason
lead-field-reason-notes = Reason notes
lead-field-created = Created
lead-field-updated = Updated
lead-field-accepted = Accepted
lead-field-closed = Closed
lead-field-expires = Expires
# Why the system closed a referral by itself (shown as its status reason).
lead-reason-expired = Not answered within 14 days
lead-reason-informational-archived = Informational offer lead archived after 6 months

lead-team-heading = Your team
lead-team-empty = Nobody from your organisation is on this deal yet.

lead-registration-heading = Deal registration
lead-field-registration-state = State
lead-field-registration-submitted = Submitted
lead-field-total-contract-value = Total contract value
lead-field-solution-value = Solution value
lead-field-contract-signed = Contract signed
lead-field-contract-start = Contract start
lead-field-contract-end = Contract end
lead-contract-perpetual = Perpetual

# A field without a value, and yes/no answers.
lead-not-given = Not given
lead-yes = Yes
lead-no = No

lead-archived-no-actions = Archived referrals are kept as they are: no further actions.

# Announced once an action went through; $customer is the customer's name, $substatus a value in words.
lead-announce-archived = { $substatus }: { $customer } is now in Archived.
lead-announce-accepted = Saved: { $customer } is in Accepted.
lead-announce-saved = Saved: { $customer }.
# Announced when an action waits on this device; $action is the action's button label.
lead-queued-action = Saved on this device: { $action } waits to sync and is sent when the connection is back.
lead-queued-change = Saved on this device: the change waits to sync and is sent when the connection is back.
lead-changes-discarded = Your changes were discarded. This is the referral as it is now.

# The flame alert at the top of a lead whose customer asked to be contacted.
lead-flame-alert = Customer asked to be contacted
lead-flame-hot-title = Contact now
lead-flame-hot-message = The customer asked to be contacted. Contact them now.
lead-flame-cooled-title = Still worth contacting
lead-flame-cooled-message = The customer asked to be contacted more than 72 hours ago. They are still worth contacting.
# The flame icon's name (lists and the lead).
lead-flame-hot = Hot: the customer asked to be contacted
lead-flame-cooled = Cooled: asked to be contacted more than 72 hours ago

# Offer leads that need no answer; $callToAction is a call to action in words, $date a date.
lead-informational = No action needed: this { $callToAction } lead is for your information (cross-sell and up-sell). It is archived automatically on { $date }.
lead-informational-offer = No action needed: this offer lead is for your information (cross-sell and up-sell). It is archived automatically on { $date }.
lead-response-window = Response window (24 h)
lead-expiry = Expiry (14 days)

lead-contact-heading = Contact
lead-contact-hidden-expired = Contact information is not shown for expired referrals.
lead-contact-none = The customer left no contact details.
lead-spam-warning = This contact's email address or domain is known to send spam. Check the lead before you reach out.
lead-contact-fine-print = The vendor verifies that contact details are reachable, not who the customer is or that their interest is genuine. A referral is not an endorsement: protecting against fraud is your responsibility.

# The copy buttons beside an email address and a phone number.
lead-copy = Copy
lead-copy-email = Copy email address
lead-copied-email = Copied the email address.
lead-copy-email-failed = Could not copy the email address. Select it and copy it yourself.
lead-copy-phone = Copy phone number
lead-copied-phone = Copied the phone number.
lead-copy-phone-failed = Could not copy the phone number. Select it and copy it yourself.

# Validity badges: $validity is a validity in words; the kind alone is read to screen readers before it.
lead-email-validity = Email: { $validity }
lead-email-validity-kind = Email:
lead-phone-validity = Phone: { $validity }
lead-phone-validity-kind = Phone:

# The spam flag (lists and the lead).
lead-spam-why = Probable spam: a contact's email address or domain is known for spam
lead-spam-badge = Spam

# The heart (lists and the lead).
lead-favorite-add = Add to favorites
lead-favorite-remove = Remove from favorites

lead-history-heading = Status history
lead-history-received = Received
# $status is "Closed / Declined" (see lead-status-substatus), $reason the status reason.
lead-history-change-with-reason = { $status } ({ $reason })
# Who made a change: $name is a person's name or lead-history-by-system.
lead-history-by = by { $name }
lead-history-by-system = Referral Desk (automatic)

# Changes on this device the server has not confirmed. $change is an action's button
# label or the heart's (lead-favorite-add/-remove), $time a time of day, $status as in
# lead-status-substatus, $message and $reason the server's words.
lead-pending-label = Changes not yet synced
lead-pending-waiting = Waiting to sync
lead-pending-waiting-text = { $change } — saved on this device at { $time }; sent when the connection is back.
lead-pending-cancel = Cancel this change
lead-pending-refused = Not applied
lead-pending-refused-text = { $change }: { $message }
lead-pending-dismiss = Dismiss
lead-pending-conflict = Needs your review
lead-pending-not-applied = { $change } was not applied: { $reason } It is now { $status }.
lead-pending-changed-first = { $change }: someone changed this referral before your change arrived. It is now { $status }.
lead-pending-review = Review
lead-pending-discard = Discard my change
