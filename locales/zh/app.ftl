# app

## Durations and times (src/format.rs)
duration-under-a-minute = 不到 1 分钟
duration-minutes = { $minutes } 分钟
duration-hours = { $hours } 小时
duration-hours-minutes = { $hours } 小时 { $minutes } 分钟
duration-days = { $days } 天
duration-days-hours = { $days } 天 { $hours } 小时
window-left = 还有 { $duration } 可回复
window-passed = 请立即回复：已超出 24 小时时限 { $duration }
window-left-short = 剩余 { $duration }
window-overdue-short = 逾期 { $duration }
expires-in = { $duration } 后过期
expiring-now = 即将过期
ago-just-now = 刚刚
ago-minutes = { $minutes } 分钟前
ago-hours = { $hours } 小时前
ago-on-day = { $date }

## The top bar (src/components/top_bar.rs)
app-name = Referral Desk
nav-stages = 引荐阶段
nav-inbox = 收件箱
nav-accepted = 已接受
nav-archived = 已存档
nav-favorites = 收藏夹
nav-insights = 见解
sync-offline-synced = 离线 · 上次同步：{ $ago }
sync-offline = 离线
sync-syncing = 正在同步…
sync-not-synced = 未同步
sync-showing-last-list = 未同步：显示的是上次的列表
sync-synced-ago = 上次同步：{ $ago }
sync-synced = 已同步
sync-last-at = 上次同步时间：{ $time }
sync-waiting = { $count } 项更改等待同步
sync-now = 立即同步
bell-label = 通知
bell-empty = 暂无通知。新潜在顾客的建议操作将显示在此处。
account-label = 你的帐户
account-button = 你的帐户：{ $name }
sign-out = 注销
sign-out-anyway = 仍然注销
sign-out-discards = { $count } 项更改尚未同步：现在注销将放弃这些更改。请先重新连接以保留它们。
sign-out-discards-stopped = { $count } 项更改未能应用，正在其引荐页面上等待：现在注销将放弃这些更改。请先打开其引荐进行查看。
stay-signed-in = 保持登录
language-label = 语言
language-unavailable = 无法加载此语言。请检查网络连接，然后重试。

## The shell (src/lib.rs) and request errors (src/api.rs)
skip-to-content = 跳到内容
app-loading = 正在加载 Referral Desk…
app-load-failed = 无法加载 Referral Desk。请检查网络连接，然后重新加载页面。
app-load-slow = Referral Desk 加载时间较长。请检查网络连接，或重新加载页面。
app-start-failed = Referral Desk 启动时出错而停止。请重新加载页面重试。
app-stopped = Referral Desk 因出错而停止。请重新加载页面以继续：此设备上等待中的内容会保留。
# The offer of a new build (public/sw-register.js reads these from the page).
update-available = 有新版本可用。
update-reload = 重新加载
app-unavailable = Referral Desk 不可用
retry = 重试
error-unreachable = 无法连接到 Referral Desk。请检查网络连接，然后重试。
error-server = 服务器无法响应（错误 { $status }）。请稍后重试。
error-unreadable = 无法读取服务器的响应。请重新加载页面以获取最新版本。
error-busy = 服务器仍在处理此操作之前的一次尝试。稍后将再次发送。

## Sign-in (src/routes/sign_in.rs) and the tab's title
page-title = { $page } · Referral Desk
sign-in = 登录
sign-in-heading = 登录 Referral Desk
sign-in-email = 电子邮件
sign-in-password = 密码
sign-in-unsent = { $name }（{ $email }）在此设备上有 { $count } 项更改尚未同步。以 { $email } 登录即可同步。
sign-in-unsent-discard = 以其他身份登录将丢弃 { $name }（{ $email }）尚未同步的 { $count } 项更改。按“登录并丢弃”继续，或以 { $email } 登录以保留这些更改。
sign-in-discarding = 登录并丢弃
signing-in = 正在登录…

## The device's storage and the outbox (src/store/)
storage-not-saved = 此设备未保存最新更改（{ $reason }）。
storage-unavailable = 此浏览器不允许 Referral Desk 在此设备上保留数据（隐私模式或存储已关闭）：页面保持打开期间仍可使用。
storage-could-not-save = 此设备无法保存最新更改（{ $reason }）。
storage-full = 此设备的存储空间已满：请释放一些空间。页面保持打开期间，等待同步的操作会保留。
sync-action-no-longer-applies = 此操作已不适用于引荐的当前状态。
error-changed-meanwhile = 自你打开此引荐以来，其他人更改了它。
language-current = 语言：{ $language }
