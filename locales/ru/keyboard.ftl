# keyboard

## The shortcuts dialog and its button (src/components/shortcuts.rs)
keys-heading = Сочетания клавиш
keys-close = Закрыть
keys-note = Сочетания клавиш не работают, пока вы вводите текст в поле. Чтобы закрыть диалоговое окно, нажмите Escape.
keys-column-keys = Клавиши
keys-column-action = Действие
# The keys column: key names stay as printed on the keyboard.
keys-enter = Enter
keys-go-inbox-keys = g, затем i
keys-go-accepted-keys = g, затем a
keys-go-archived-keys = g, затем r
keys-go-favorites-keys = g, затем f
keys-palette-keys = Ctrl+K
# The action column.
keys-next = Перейти к следующему лиду в списке
keys-previous = Перейти к предыдущему лиду в списке
keys-open = Открыть лид
keys-heart = Добавить лид в избранное или удалить из него
keys-accept = Принять лид
keys-decline = Отклонить лид
keys-search = Поиск по списку
keys-go-inbox = Перейти во «Входящие»
keys-go-accepted = Перейти в «Принятые»
keys-go-archived = Перейти в «Архив»
keys-go-favorites = Перейти в «Избранное»
keys-palette = Найти лид или представление
keys-help = Показать сочетания клавиш

## The top bar's button to the command palette (src/components/shortcuts.rs)
keys-search-leads = Поиск лидов…
keys-search-leads-title = Поиск лидов… (Ctrl K)
keys-search-leads-keys = Ctrl K

## What a list key says in the status line (src/components/keyboard_focus.rs)
keys-move-first = Сначала выберите лид: нажмите j для следующего лида или k для предыдущего.
keys-added-to-favorites = Добавлено в избранное: { $customer }.
keys-removed-from-favorites = Удалено из избранного: { $customer }.
keys-cannot-accept = Этот лид сейчас нельзя принять.
keys-cannot-decline = Этот лид сейчас нельзя отклонить.

## The command palette (src/components/command_palette.rs)
keys-palette-heading = Поиск лидов и представлений
keys-palette-field = Клиент, сделка или представление
keys-palette-options = Лиды и представления
keys-palette-kind-view = Представление
keys-palette-kind-lead = Лид
# A lead's deal and the stage it is in.
keys-palette-lead-detail = { $deal } · { $stage }
keys-palette-nothing = Нет подходящих лидов или представлений.
