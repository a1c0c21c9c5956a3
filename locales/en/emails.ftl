# emails

## The email sent for each new Contact me lead, and the day's digest after the first ten.
email-lead-subject = New lead: { $customer } – { $deal }
email-lead-heading = A customer asked to be contacted
email-lead-intro = { $customer } asked { $organisation } to contact them. Answer within 24 hours: the sooner you reply, the better your chances.
email-field-customer = Customer
email-field-deal = Deal
email-field-offer = Offer
email-field-country = Country
email-field-call-to-action = Call to action
email-field-arrived = Arrived
email-open-lead = Open the lead
email-digest-subject = { $count ->
    [one] { $count } more new lead on { $day }
   *[other] { $count } more new leads on { $day }
 }
email-digest-heading = Your other new leads of { $day }
email-digest-intro = More than { $limit } new leads arrived for you on { $day }. You were emailed about the first { $limit } at once; these came after them.
email-footer = You receive this email because new leads of { $organisation } in Referral Desk are sent to this address. To have them sent elsewhere, set a notification email in your account settings.

## The invitation email: a partner admin invited the recipient to their organisation.
email-invitation-subject = { $inviter } invited you to { $organisation } on Referral Desk
email-invitation-heading = You are invited to { $organisation }
email-invitation-intro = { $inviter } invited you to work on the sales referrals of { $organisation } in Referral Desk, as { $role }.
email-invitation-action = Set your password
email-invitation-validity = The link works once, until { $expires }. If it has expired, ask { $inviter } to invite you again.
email-invitation-footer = You receive this email because { $inviter } invited { $email } to Referral Desk. If you did not expect it, ignore it: nothing happens unless the link is used.
