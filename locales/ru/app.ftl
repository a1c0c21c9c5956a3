# app

## Durations and times (src/format.rs)
duration-under-a-minute = меньше минуты
duration-minutes = { $minutes } мин
duration-hours = { $hours } ч
duration-hours-minutes = { $hours } ч { $minutes } мин
duration-days =
    { $days ->
        [one] { $days } день
        [few] { $days } дня
        [many] { $days } дней
       *[other] { $days } дня
    }
duration-days-hours =
    { $days ->
        [one] { $days } день { $hours } ч
        [few] { $days } дня { $hours } ч
        [many] { $days } дней { $hours } ч
       *[other] { $days } дня { $hours } ч
    }
window-left = На ответ осталось { $duration }
window-passed = Ответьте сейчас: 24 часа на ответ истекли { $duration } назад
window-left-short = Осталось { $duration }
window-overdue-short = Просрочено на { $duration }
expires-in = Истекает через { $duration }
expiring-now = Истекает сейчас
ago-just-now = только что
ago-minutes = { $minutes } мин назад
ago-hours = { $hours } ч назад
ago-on-day = { $date }

## The top bar (src/components/top_bar.rs)
app-name = Referral Desk
nav-stages = Этапы рекомендаций
nav-inbox = Входящие
nav-accepted = Принятые
nav-archived = Архив
nav-favorites = Избранное
nav-insights = Аналитика
sync-offline-synced = Не в сети · синхронизировано { $ago }
sync-offline = Не в сети
sync-syncing = Синхронизация…
sync-not-synced = Не синхронизировано
sync-showing-last-list = Не синхронизировано: показан последний список
sync-synced-ago = Синхронизировано { $ago }
sync-synced = Синхронизировано
sync-last-at = Последняя синхронизация в { $time }
sync-waiting =
    { $count ->
        [one] { $count } изменение ожидает синхронизации
        [few] { $count } изменения ожидают синхронизации
        [many] { $count } изменений ожидают синхронизации
       *[other] { $count } изменения ожидают синхронизации
    }
sync-now = Синхронизировать
bell-label = Уведомления
bell-empty = Уведомлений пока нет. Здесь появятся рекомендуемые действия по новым лидам.
account-label = Ваша учетная запись
account-button = Ваша учетная запись: { $name }
sign-out = Выйти
sign-out-anyway = Все равно выйти
sign-out-discards =
    { $count ->
        [one] { $count } изменение еще не синхронизировано: если выйти сейчас, оно будет потеряно. Чтобы сохранить его, сначала подключитесь к сети.
        [few] { $count } изменения еще не синхронизированы: если выйти сейчас, они будут потеряны. Чтобы сохранить их, сначала подключитесь к сети.
        [many] { $count } изменений еще не синхронизированы: если выйти сейчас, они будут потеряны. Чтобы сохранить их, сначала подключитесь к сети.
       *[other] { $count } изменения еще не синхронизированы: если выйти сейчас, они будут потеряны. Чтобы сохранить их, сначала подключитесь к сети.
    }
sign-out-discards-stopped =
    { $count ->
        [one] { $count } изменение не удалось применить, оно ждет на странице своей рекомендации: если выйти сейчас, оно будет потеряно. Сначала откройте его рекомендацию, чтобы проверить его.
        [few] { $count } изменения не удалось применить, они ждут на страницах своих рекомендаций: если выйти сейчас, они будут потеряны. Сначала откройте их рекомендации, чтобы проверить их.
        [many] { $count } изменений не удалось применить, они ждут на страницах своих рекомендаций: если выйти сейчас, они будут потеряны. Сначала откройте их рекомендации, чтобы проверить их.
       *[other] { $count } изменения не удалось применить, они ждут на страницах своих рекомендаций: если выйти сейчас, они будут потеряны. Сначала откройте их рекомендации, чтобы проверить их.
    }
stay-signed-in = Не выходить
language-label = Язык
language-unavailable = Не удалось загрузить этот язык. Проверьте подключение и повторите попытку.

## The shell (src/lib.rs) and request errors (src/api.rs)
skip-to-content = Перейти к содержимому
app-loading = Загрузка Referral Desk…
app-load-failed = Не удалось загрузить Referral Desk. Проверьте подключение и перезагрузите страницу.
app-load-slow = Referral Desk загружается слишком долго. Проверьте подключение или перезагрузите страницу.
app-start-failed = Referral Desk остановился из-за ошибки при запуске. Перезагрузите страницу, чтобы попробовать снова.
app-stopped = Referral Desk остановился из-за ошибки. Перезагрузите страницу, чтобы продолжить: то, что ждет на этом устройстве, сохранится.
# The offer of a new build (public/sw-register.js reads these from the page).
update-available = Доступна новая версия.
update-reload = Перезагрузить
app-unavailable = Referral Desk недоступен
retry = Повторить
error-unreachable = Не удалось подключиться к Referral Desk. Проверьте подключение и повторите попытку.
error-server = Сервер не смог ответить (ошибка { $status }). Повторите попытку чуть позже.
error-unreadable = Не удалось прочитать ответ сервера. Перезагрузите страницу, чтобы получить последнюю версию.
error-busy = Сервер еще обрабатывает предыдущую попытку. Запрос будет отправлен повторно через несколько секунд.

## Sign-in (src/routes/sign_in.rs) and the tab's title
page-title = { $page } · Referral Desk
sign-in = Войти
sign-in-heading = Вход в Referral Desk
sign-in-email = Эл. почта
sign-in-password = Пароль
signing-in = Вход…

## The device's storage and the outbox (src/store/)
storage-not-saved = Это устройство не сохранило последние изменения ({ $reason }).
storage-unavailable = Этот браузер не позволяет Referral Desk хранить данные на устройстве (приватный режим или хранилище отключено): приложение работает, пока страница открыта.
storage-could-not-save = Не удалось сохранить последние изменения на этом устройстве ({ $reason }).
storage-full = Хранилище устройства заполнено: освободите место. Действия, ожидающие синхронизации, сохраняются, пока эта страница открыта.
sync-action-no-longer-applies = Это действие больше не применимо к рекомендации в ее текущем состоянии.
error-changed-meanwhile = Кто-то изменил эту рекомендацию после того, как вы ее открыли.
language-current = Язык: { $language }
