# people

## The people screen (/settings/people) and its link in the user menu.
menu-people = People
people-title = People
people-intro = Invite colleagues, give each the role they need, and deactivate people who leave: a deactivated person is signed out at once and can no longer sign in.
people-forbidden = Only partner admins can manage people.
people-loading = Loading people…
people-load-failed = The people could not be loaded.
people-list = People of { $organisation }
people-you = (you)
people-role-of = Role of { $name }
people-role-apply = Change role
people-role-keep = Keep { $role }
people-status-active = Active
people-status-deactivated = Deactivated
people-last-sign-in = last signed in { $date }
people-never-signed-in = never signed in
people-role-changed = { $name } is now { $role }.
people-deactivate = Deactivate
people-deactivate-confirm = Deactivate { $name }? They are signed out at once and can no longer sign in.
people-deactivate-yes = Yes, deactivate
people-deactivate-no = Cancel
people-deactivated = { $name } was deactivated.
people-reactivate = Reactivate
people-reactivated = { $name } can sign in again.
people-invitations = Open invitations
people-invitations-empty = No open invitations.
people-invitation-meta = Invited { $date } by { $person } as { $role }
people-invitation-expires = The link works until { $date }.
people-invitation-expired = Expired on { $date }: invite the address again to send a new link.
people-revoke = Revoke
people-revoke-confirm = Revoke the invitation for { $email }? Its link stops working.
people-revoke-yes = Revoke invitation
people-revoke-no = Keep it
people-revoked = The invitation for { $email } was revoked.
invite-heading = Invite a colleague
invite-email = Email
invite-name = Name (optional)
invite-role = Role
invite-send = Send invitation
invite-sending = Sending…
invite-sent = An invitation is on its way to { $email }. Its link works once, for 7 days.

## The page an invitation email links to (/invitations/:token).
invitation-page-title = Invitation
invitation-loading = Checking the invitation…
invitation-heading = Join { $organisation } on Referral Desk
invitation-intro = { $person } invited { $email } as { $role }. Choose a password to finish: you are signed in at once.
invitation-expires = This link works once, until { $date }.
invitation-name = Your name
invitation-password = Password
invitation-password-hint = At least { $min } characters. A few words you will remember make a good one.
invitation-confirm = Password again
invitation-submit = Set password and sign in
invitation-submitting = Signing in…
invitation-unusable-heading = This invitation link no longer works
invitation-sign-in = Go to sign-in

## The password change in the account settings.
password-heading = Password
password-hint = At least { $min } characters. Changing it signs you out on your other devices.
password-current = Current password
password-new = New password
password-confirm = New password again
password-change = Change password
password-changing = Changing…
password-changed = Your password was changed. You were signed out on your other devices.
field-currentPassword = Current password
