# actions: the lead's action forms (Accept, Edit, Decline, Lost, Won, Add your
# employees), their confirmation and the conflict view.

action-cancel = Cancel
action-saving = Saving…
action-sending = Sending…
action-go-back = Go back
action-loading = Loading…
action-retry = Retry
action-yes = Yes
action-no = No

# The button answering an irreversible action's last question.
action-confirm-accept = Yes, accept
action-confirm-decline = Yes, decline
action-confirm-edit = Yes, edit
action-confirm-add-team-member = Yes, add your employees
action-confirm-won = Yes, won
action-confirm-lost = Yes, lost

# Why the signed-in person may not act on the referral (by role).

# The conflict view. $action is an action's button label; $status is "Active / Accepted"
# (see lead-status-substatus), $updated a date and time.
action-conflict = Someone changed this referral while you were working on it. It is now { $status }, last updated { $updated }.
action-no-longer-applies = { $action } no longer applies to this referral as it is now.
action-differences-caption = What changed meanwhile
action-differences-field = Field
action-differences-yours = Yours
action-differences-now = Now
action-typed-kept = What you typed is kept below.
action-reapply = { $action } the current version
action-discard-changes = Discard my changes

# Accept and Edit.
action-accept-heading = Accept this referral
action-accept-submit = Next: move to Accepted
action-edit-heading = Edit the deal
action-edit-submit = Save changes
action-deal-name = Deal name
action-deal-value = Estimated deal value
action-currency = Currency
action-currency-choose = Choose a currency
action-closing-date = Estimated closing date
action-team-members = Team members
# A ticked colleague whose account name is one word: the deal's team needs both names.
action-team-member-name = Full name of { $email } on this deal
action-colleagues-loading = Loading your colleagues…
action-deal-notes = Notes (strongly encouraged)
action-deal-notes-hint = What did the customer ask for, and what happens next? Notes help your team pick the deal up.
action-crm-id = CRM ID (optional)
action-campaign-id = Marketing campaign ID (optional)
# The conflict view's names of fields that have a longer label in the form.
action-difference-notes = Notes
action-difference-crm-id = CRM ID
action-difference-campaign-id = Marketing campaign ID
action-contacts-legend = Additional customer contacts (optional)
action-contacts-add = Add a contact
# $number counts the additional contacts from 1.
action-contact-group = Contact { $number }
action-contact-remove = Remove contact { $number }
action-first-name = First name
action-last-name = Last name
action-email = Email
action-phone = Phone

# Add your employees.
action-team-member-heading = Add your employees
action-team-member-submit = Add to the team

# Decline and Lost. "Close" is what partners know from the reference product for a decline.
action-decline-heading = Decline this referral
action-decline-submit = Close
action-decline-question = Decline this referral? It moves to Archived as Declined and cannot be changed afterwards.
action-lost-heading = Mark this deal as lost
action-lost-submit = Mark as lost
action-lost-question = Lost this referral? It moves to Archived as Lost and cannot be changed afterwards.
action-reason = Reason
action-reason-choose = Choose a reason
action-reason-notes = Notes (required for Others)

# Won, with the deal registration. $currency is a currency code, $usd an amount in US dollars.
action-won-heading = Mark this deal as won
action-won-eligible = This deal is worth USD 25,000 or more and includes an eligible solution: register it with the vendor to mark it as won.
action-won-undetermined = There is no US dollar rate for { $currency }, so it is not known whether this deal reaches USD 25,000. You may register it with the vendor.
action-won-register = Register this deal
action-won-no-eligible-solution = This deal includes no eligible solution, so it cannot be registered.
action-won-no-deal-value = This deal has no deal value, so it cannot be registered.
action-won-below-minimum = Only deals worth USD 25,000 or more can be registered; this one is worth USD { $usd }.
action-won-submit = Won
action-won-question = Mark this deal as won? It moves to Archived as Won and cannot be changed afterwards.
action-registration-legend = Deal registration
action-registration-marketplace = Is this a marketplace transaction?
action-registration-marketplace-date = Estimated marketplace transaction date
action-registration-azure = Is the solution deployed on Azure?
action-registration-perpetual = Is the contract perpetual?
action-registration-total-value = Total contract value
action-registration-solution-value = Solution value
action-registration-solution-value-hint = At most the total contract value.
action-registration-signed-date = Contract signed date
# $days is a number of days, $arrived the day the referral arrived.
action-registration-signed-date-hint =
    { $days ->
        [one] Not in the future, at most { $days } day ago, and not before the referral arrived ({ $arrived }).
       *[other] Not in the future, at most { $days } days ago, and not before the referral arrived ({ $arrived }).
    }
action-registration-start-date = Contract start date
action-registration-start-date-hint =
    { $days ->
        [one] At most { $days } day ago.
       *[other] At most { $days } days ago.
    }
action-registration-end-date = Contract end date
action-registration-end-date-hint = Required unless the contract is perpetual; not before the start date.
action-registration-tenant-type = Tenant type
action-registration-tenant-type-choose = Choose the tenant type
action-registration-pricing-model = Pricing model
action-registration-pricing-model-choose = Choose the pricing model
