# keyboard

## The shortcuts dialog and its button (src/components/shortcuts.rs)
keys-heading = Tastenkombinationen
keys-close = Schließen
keys-note = Tastenkombinationen sind inaktiv, während Sie in ein Feld tippen. Drücken Sie Esc, um einen Dialog zu schließen.
keys-column-keys = Tasten
keys-column-action = Aktion
# The keys column: key names stay as printed on the keyboard.
keys-enter = Enter
keys-go-inbox-keys = g, dann i
keys-go-accepted-keys = g, dann a
keys-go-archived-keys = g, dann r
keys-go-favorites-keys = g, dann f
keys-palette-keys = Strg+K
# The action column.
keys-next = Zum nächsten Lead in der Liste
keys-previous = Zum vorherigen Lead in der Liste
keys-open = Lead öffnen
keys-heart = Lead zu Favoriten hinzufügen oder daraus entfernen
keys-accept = Lead annehmen
keys-decline = Lead ablehnen
keys-search = Liste durchsuchen
keys-go-inbox = Zum Posteingang
keys-go-accepted = Zu „Angenommen“
keys-go-archived = Zu „Archiviert“
keys-go-favorites = Zu den Favoriten
keys-palette = Lead oder Ansicht finden
keys-help = Diese Tastenkombinationen anzeigen

## The top bar's button to the command palette (src/components/shortcuts.rs)
keys-search-leads = Leads suchen…
keys-search-leads-title = Leads suchen… (Strg K)
keys-search-leads-keys = Strg K

## What a list key says in the status line (src/components/keyboard_focus.rs)
keys-move-first = Wählen Sie zuerst einen Lead: Drücken Sie j für den nächsten oder k für den vorherigen Lead.
keys-added-to-favorites = Zu Favoriten hinzugefügt: { $customer }.
keys-removed-from-favorites = Aus Favoriten entfernt: { $customer }.
keys-cannot-accept = Dieser Lead kann jetzt nicht angenommen werden.
keys-cannot-decline = Dieser Lead kann jetzt nicht abgelehnt werden.

## The command palette (src/components/command_palette.rs)
keys-palette-heading = Leads und Ansichten suchen
keys-palette-field = Kunde, Deal oder Ansicht
keys-palette-options = Leads und Ansichten
keys-palette-kind-view = Ansicht
keys-palette-kind-lead = Lead
# A lead's deal and the stage it is in.
keys-palette-lead-detail = { $deal } · { $stage }
keys-palette-nothing = Kein Lead und keine Ansicht gefunden.
