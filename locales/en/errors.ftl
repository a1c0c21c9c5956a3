# Validation errors the domain reports (`FieldError::coded`), and the labels of the
# fields they name (`field-<apiName>`), read as `{ $label }`.

field-customerName = Customer name
field-name = Deal name
field-dealValue = Estimated deal value
field-currency = Currency
field-closingDateTime = Estimated closing date
field-notes = Notes
field-email = Email
field-phoneNumber = Phone number
field-country = Country
field-firstName = First name
field-lastName = Last name
field-externalReferenceId = CRM ID
field-campaignId = Marketing campaign ID
field-marketplaceTransactionDate = Estimated marketplace transaction date
field-statusReason = Status reason
field-statusReasonNotes = Status reason notes
field-team = Team
field-contractSignedDate = Contract signed date
field-contractStartDate = Contract start date
field-contractEndDate = Contract end date
field-totalContractValue = Total contract value
field-solutionValue = Solution value

error-required = { $label } is required.
error-email = { $label } must be an email address like name@example.com.
error-phone = { $label } must be an international number starting with + and the country code, like +49 30 901820.
error-date = { $label } must be a date like 2026-12-31.
error-date-years = { $label } must be in the years { $earliest } to { $latest }.
error-closing-date-past = Estimated closing date must be today or later (not before { $today }).
error-number = { $label } must be a number, like 25000 or 25000.50.
error-not-negative = { $label } must be zero or more.
error-too-large = { $label } is too large: it can be at most { $max } { $currency }.
error-whole-number = { $label } must be a whole number for { $currency } (no decimal places).
error-decimal-places = { $label } can have at most { $places } decimal places for { $currency }.
error-amount-decimal-comma = { $label } must use a point for decimals and a comma only between thousands, like 48500.50 or 48,500.50.
error-amount-ambiguous = { $label } is unclear: { $typed } could mean { $asThousands } or { $asDecimal }. Type the one you mean.
error-one-line = { $label } must be on one line: remove the line break.
error-no-tab = { $label } must not contain a tab: use a space instead.
error-control-character = { $label } must not contain an invisible control character: remove the { $character }.
error-direction-control = { $label } must not contain a hidden text-direction control, which can make text display as something else: remove the { $character }.
error-invisible-character = { $label } must not contain invisible characters: remove the { $character }.
error-too-long = { $label } must be at most { $max } characters (it has { $length }).
error-choose-reason = Choose a reason.
error-notes-for-others = Notes are required when the reason is Others: say why.
error-notes-blank = Notes must not be blank.
error-team-required = Add at least one team member who works on this deal.
error-team-member-email = Email is required for a team member.
error-contact-reachable = Give an email address or a phone number so the contact can be reached.
error-already-on-team = { $email } is already on the team.
error-currency-required = Currency is required.
error-country-code = { $label } must be a two-letter ISO 3166-1 country code, like DE or US.
error-currency-code = { $label } must be a three-letter ISO 4217 currency code, like EUR or USD.
error-currency-inactive = { $label } { $code } is not an active ISO 4217 currency code. Use a current code like EUR or USD.
error-registration-required = This deal is worth USD 25,000 or more and includes an eligible solution: register it to mark it as won.
error-signed-in-future = Contract signed date must not be in the future.
error-signed-too-early = Contract signed date must be at most 60 days ago (on or after { $earliest }).
error-signed-before-created = Contract signed date must not be before the referral was created ({ $created }).
error-start-too-early = Contract start date must be at most 90 days ago (on or after { $earliest }).
error-perpetual-end-date = A perpetual contract has no end date: clear the end date or answer No to perpetual.
error-end-date-required = Contract end date is required unless the contract is perpetual.
error-end-before-start = Contract end date must not be before the contract start date ({ $start }).
error-no-transaction-date = This is not a marketplace transaction, so it has no marketplace transaction date: clear the date or answer Yes.
error-registration-no-currency = The deal has no currency: edit the referral to set the deal value and currency first.
error-solution-exceeds-total = Solution value must not exceed the total contract value ({ $currency } { $amount }).
error-password-too-short = Use at least { $min } characters for the password.
error-password-too-long = Use at most { $max } characters for the password.
error-password-confirmation = The two passwords are not the same: type the new password again.
error-current-password = This is not your current password.
error-person-name-required = Give your name as your colleagues will see it.
error-person-name = The name must be one line of at most { $max } characters, without control characters.
error-role = Choose one of the roles.

# Problems the server answers with (`problem-<code>`, RFC 9457 `code` and `params`): the
# API's English `detail` is formatted from these, the app words them in the reader's language.

problem-route-not-found = There is no API resource at this path.
problem-method-not-allowed = This API resource does not accept that method.
problem-unauthenticated = Sign in to continue.
problem-invalid-credentials = The email address or password is incorrect.
problem-too-many-sign-ins =
    { $minutes ->
        [0] { $seconds ->
            [one] Too many failed sign-ins from here. Try again in { $seconds } second.
           *[other] Too many failed sign-ins from here. Try again in { $seconds } seconds.
        }
        [one] Too many failed sign-ins from here. Try again in { $minutes } minute.
       *[other] Too many failed sign-ins from here. Try again in { $minutes } minutes.
    }
problem-csrf-missing = This request is missing its anti-forgery token (X-CSRF-Token). Reload the page and try again.
problem-csrf-mismatch = This request's anti-forgery token (X-CSRF-Token) is not this session's: it may come from an older tab or another site. Reload the page and try again.
problem-foreign-origin = Changes must come from Referral Desk's own pages; this request came from { $origin }.
problem-referral-not-found = There is no referral with this ID in your organisation.
problem-user-not-found = There is no user with this ID in your organisation.
problem-if-match-required = Send the ETag of the version you last saw in an If-Match header, so that a colleague's change is never overwritten unseen.
problem-changed-meanwhile = This referral was changed by someone else since you loaded it. The current version is included.
problem-invalid-fields = Some fields need a change: see the messages next to them.
problem-idempotency-key-reused = This Idempotency-Key was already used for a different request. Use a new key for a new request.
problem-idempotency-in-progress = A request with this Idempotency-Key is still being processed. Retry in a moment.
problem-idempotency-key-format = An Idempotency-Key must be 1 to 255 visible characters, e.g. a UUID.
problem-unsupported-media-type = Send the request body as JSON (Content-Type: application/json).
problem-payload-too-large = The request body is too large (at most { $limitKib } KiB).
problem-malformed-body = The request body is not valid JSON for this action: { $reason }
problem-internal = Something went wrong on our side. Try again; if it keeps failing, quote the x-request-id header.
problem-page-cursor-invalid = The page cursor is no longer valid. Reload the list from the start.
problem-favorites-filter = "favorites" must be "only" or "all", not "{ $value }".
problem-limit-range = "limit" must be a whole number from 1 to { $max }, not "{ $value }".
problem-sync-parameter = Unknown parameter "{ $name }": the sync takes "since" and "limit".
problem-sync-cursor-malformed = The sync cursor is not one this server gave out. Sync again without "since".
problem-sync-cursor-foreign = The sync cursor belongs to another organisation. Sync again without "since".
problem-sync-cursor-ahead = The sync cursor is ahead of this server's changes (was the database restored?). Sync again without "since".
problem-last-partner-admin = The organisation must keep at least one partner admin. Make someone else a partner admin first.

# Who may do what (the domain's `Refusal`).
problem-not-on-team = Only members of this referral's team can act on it. Ask a referrals admin to add you.
problem-read-only-business-profile-admin = Business profile admins can view referrals but not act on them.
problem-read-only-viewer = Viewers can view referrals but not act on them.
problem-export-not-allowed =
    { $role ->
        [Viewer] Viewers can view referrals but not export them. Ask a partner admin or referrals admin to export this list.
        [ReferralsUser] Referrals users can view referrals but not export them. Ask a partner admin or referrals admin to export this list.
        [BusinessProfileAdmin] Business profile admins can view referrals but not export them. Ask a partner admin or referrals admin to export this list.
       *[other] Your role can view referrals but not export them. Ask a partner admin or referrals admin to export this list.
    }
problem-roles-partner-admins-only = Only partner admins can change roles.
problem-own-role = You cannot change your own role. Ask another partner admin.

# People: who may manage them, invitations and their links.
problem-people-partner-admins-only = Only partner admins can see and manage the organisation's people.
problem-own-account = You cannot deactivate yourself. Ask another partner admin.
problem-invitation-not-found = There is no invitation with this ID in your organisation.
problem-invitation-link-unknown = This invitation link is not valid. Open the whole link from the invitation email.
problem-invitation-expired = This invitation has expired: invitations are valid for 7 days. Ask a partner admin of your organisation to invite you again.
problem-invitation-used = This invitation was already used to set a password. Sign in with your email address and that password.
problem-invitation-revoked = This invitation was withdrawn. Ask a partner admin of your organisation whether you should still join.
problem-invitation-open = { $email } already has an open invitation. Revoke it first to send a new one.
problem-email-has-account = { $email } already has a Referral Desk account.

# Actions a referral's state does not allow (the domain's `IllegalTransition`).
problem-archived = This referral is already archived ({ $substatus }); archived referrals accept no actions.
problem-informational-offer = This is an informational offer lead: it needs no action and is archived automatically { $months } months after it arrived.
problem-expired = This referral was not answered within 14 days and has expired; expired referrals accept no actions.
problem-not-yet-accepted =
    { $action ->
        [Edit] This referral is still in the Inbox; accept it before you edit it.
        [AddTeamMember] This referral is still in the Inbox; accept it before you add your employees.
        [Won] This referral is still in the Inbox; accept it before you mark it as won.
        [Lost] This referral is still in the Inbox; accept it before you mark it as lost.
       *[other] This referral is still in the Inbox; accept it first.
    }
problem-already-accepted = This referral is already accepted.
problem-already-accepted-decline = This referral is already accepted; to close it, mark it as won or lost.
problem-impossible-transition = A referral that is { $status } ({ $substatus }) cannot take the action "{ $action }".

# Links and queries the app or the API cannot read (the domain's `FilterError`, `RangeError`).
problem-unknown-filter-value = Filter "{ $parameter }": "{ $value }" is not a known { $kind }; expected one of: { $expected }
problem-bad-country-filter = Filter "country": "{ $value }" is not an ISO 3166-1 country code; expected two letters, like DE or US
problem-range-reversed = The range starts after it ends: "from" ({ $from }) must be on or before "to" ({ $to }).
problem-range-not-a-date = "{ $name }" must be a date like 2026-09-01, not "{ $value }".
problem-range-years = "{ $name }" must be in the years { $earliest } to { $latest }, not "{ $value }".

## API keys, lead ingestion and the notification centre
problem-api-key-missing = Send an API key as Authorization: Bearer <key>. A partner admin creates keys under Settings → API keys.
problem-api-key-rejected = This API key is not valid or was revoked. Ask a partner admin for a current key (Settings → API keys).
problem-api-key-not-found = There is no API key with this ID in your organisation.
problem-api-keys-partner-admins-only = Only partner admins can manage API keys.
problem-notification-not-found = You have no notification with this ID.
problem-notifications-before-unknown = "before" must be the ID of one of your notifications, not "{ $value }": ask again without it.
problem-notifications-parameter = Unknown parameter "{ $name }": notifications take "limit" and "before".
problem-notifications-through-unknown = "through" must be the ID of one of your notifications, not "{ $value }".
problem-notifications-read-all-parameter = Unknown parameter "{ $name }": marking all as read takes only "through".
