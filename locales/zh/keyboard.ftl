# keyboard

## The shortcuts dialog and its button (src/components/shortcuts.rs)
keys-heading = 键盘快捷方式
keys-close = 关闭
keys-note = 在字段中键入时，快捷方式会暂停。按 Esc 可关闭对话框。
keys-column-keys = 按键
keys-column-action = 操作
# The keys column: key names stay as printed on the keyboard.
keys-enter = Enter
keys-go-inbox-keys = 先按 g，再按 i
keys-go-accepted-keys = 先按 g，再按 a
keys-go-archived-keys = 先按 g，再按 r
keys-go-favorites-keys = 先按 g，再按 f
keys-palette-keys = Ctrl+K
# The action column.
keys-next = 移到列表中的下一个潜在顾客
keys-previous = 移到列表中的上一个潜在顾客
keys-open = 打开潜在顾客
keys-heart = 将潜在顾客添加到收藏夹或从中删除
keys-accept = 接受潜在顾客
keys-decline = 拒绝潜在顾客
keys-search = 搜索列表
keys-go-inbox = 转到收件箱
keys-go-accepted = 转到“已接受”
keys-go-archived = 转到“已存档”
keys-go-favorites = 转到收藏夹
keys-palette = 查找潜在顾客或视图
keys-help = 显示这些快捷方式

## The top bar's button to the command palette (src/components/shortcuts.rs)
keys-search-leads = 搜索潜在顾客…
keys-search-leads-title = 搜索潜在顾客…（Ctrl K）
keys-search-leads-keys = Ctrl K

## What a list key says in the status line (src/components/keyboard_focus.rs)
keys-move-first = 请先移到一个潜在顾客：按 j 移到下一个，按 k 移到上一个。
keys-added-to-favorites = 已添加到收藏夹：{ $customer }。
keys-removed-from-favorites = 已从收藏夹中删除：{ $customer }。
keys-cannot-accept = 现在无法接受此潜在顾客。
keys-cannot-decline = 现在无法拒绝此潜在顾客。

## The command palette (src/components/command_palette.rs)
keys-palette-heading = 搜索潜在顾客和视图
keys-palette-field = 客户、交易或视图
keys-palette-options = 潜在顾客和视图
keys-palette-kind-view = 视图
keys-palette-kind-lead = 潜在顾客
# A lead's deal and the stage it is in.
keys-palette-lead-detail = { $deal } · { $stage }
keys-palette-nothing = 没有匹配的潜在顾客或视图。
