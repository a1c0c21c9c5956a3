# keyboard

## The shortcuts dialog and its button (src/components/shortcuts.rs)
keys-heading = Keyboard shortcuts
keys-close = Close
keys-note = Shortcuts wait while you type in a field. Press Escape to close a dialog.
keys-column-keys = Keys
keys-column-action = Action
# The keys column: key names stay as printed on the keyboard.
keys-enter = Enter
keys-go-inbox-keys = g then i
keys-go-accepted-keys = g then a
keys-go-archived-keys = g then r
keys-go-favorites-keys = g then f
keys-palette-keys = Ctrl+K
# The action column.
keys-next = Move to the next lead in the list
keys-previous = Move to the previous lead in the list
keys-open = Open the lead
keys-heart = Add the lead to favorites, or remove it
keys-accept = Accept the lead
keys-decline = Decline the lead
keys-search = Search the list
keys-go-inbox = Go to the Inbox
keys-go-accepted = Go to Accepted
keys-go-archived = Go to Archived
keys-go-favorites = Go to Favorites
keys-palette = Find a lead or a view
keys-help = Show these shortcuts

## The top bar's button to the command palette (src/components/shortcuts.rs)
keys-search-leads = Search leads…
keys-search-leads-title = Search leads… (Ctrl K)
keys-search-leads-keys = Ctrl K

## What a list key says in the status line (src/components/keyboard_focus.rs)
keys-move-first = Move to a lead first: press j for the next lead or k for the previous one.
keys-added-to-favorites = Added to favorites: { $customer }.
keys-removed-from-favorites = Removed from favorites: { $customer }.
keys-cannot-accept = This lead cannot be accepted now.
keys-cannot-decline = This lead cannot be declined now.

## The command palette (src/components/command_palette.rs)
keys-palette-heading = Search leads and views
keys-palette-field = Customer, deal or view
keys-palette-options = Leads and views
keys-palette-kind-view = View
keys-palette-kind-lead = Lead
# A lead's deal and the stage it is in.
keys-palette-lead-detail = { $deal } · { $stage }
keys-palette-nothing = No lead or view matches.
