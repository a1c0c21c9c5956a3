# people

## The people screen (/settings/people) and its link in the user menu.
menu-people = Сотрудники
people-title = Сотрудники
people-intro = Приглашайте коллег, назначайте каждому нужную роль и деактивируйте уволившихся: деактивированный сотрудник сразу выходит из системы и больше не может войти.
people-forbidden = Управлять сотрудниками могут только администраторы партнера.
people-loading = Загрузка сотрудников…
people-load-failed = Не удалось загрузить сотрудников.
people-list = Сотрудники { $organisation }
people-you = (вы)
people-role-of = Роль: { $name }
people-role-apply = Изменить роль
people-role-keep = Оставить: { $role }
people-status-active = Активен
people-status-deactivated = Деактивирован
people-last-sign-in = последний вход { $date }
people-never-signed-in = ни разу не входил(а)
people-role-changed = Новая роль { $name }: { $role }.
people-deactivate = Деактивировать
people-deactivate-confirm = Деактивировать { $name }? Сотрудник сразу выйдет из системы и больше не сможет войти.
people-deactivate-yes = Да, деактивировать
people-deactivate-no = Отмена
people-deactivated = { $name }: учетная запись деактивирована.
people-reactivate = Активировать снова
people-reactivated = { $name } снова может входить в систему.
people-invitations = Открытые приглашения
people-invitations-empty = Открытых приглашений нет.
people-invitation-meta = Приглашение от { $person }, { $date }, роль «{ $role }»
people-invitation-expires = Ссылка действует до { $date }.
people-invitation-expired = Истекло { $date }: пригласите этот адрес снова, чтобы отправить новую ссылку.
people-revoke = Отозвать
people-revoke-confirm = Отозвать приглашение для { $email }? Ссылка перестанет работать.
people-revoke-yes = Отозвать приглашение
people-revoke-no = Оставить
people-revoked = Приглашение для { $email } отозвано.
invite-heading = Пригласить коллегу
invite-email = Электронная почта
invite-name = Имя (необязательно)
invite-role = Роль
invite-send = Отправить приглашение
invite-sending = Отправка…
invite-sent = Приглашение отправлено на { $email }. Ссылка работает один раз в течение 7 дней.

## The page an invitation email links to (/invitations/:token).
invitation-page-title = Приглашение
invitation-loading = Проверка приглашения…
invitation-heading = Присоединяйтесь к { $organisation } в Referral Desk
invitation-intro = { $person } приглашает { $email } в роли «{ $role }». Задайте пароль, чтобы завершить: вы сразу войдете в систему.
invitation-expires = Ссылка работает один раз, до { $date }.
invitation-name = Ваше имя
invitation-password = Пароль
invitation-password-hint = Не менее { $min } символов. Хороший пароль — несколько слов, которые вы запомните.
invitation-confirm = Пароль еще раз
invitation-submit = Задать пароль и войти
invitation-submitting = Вход…
invitation-unusable-heading = Эта ссылка-приглашение больше не работает
invitation-sign-in = Перейти ко входу

## The password change in the account settings.
password-heading = Пароль
password-hint = Не менее { $min } символов. После смены пароля вы выйдете из системы на других устройствах.
password-current = Текущий пароль
password-new = Новый пароль
password-confirm = Новый пароль еще раз
password-change = Сменить пароль
password-changing = Смена…
password-changed = Пароль изменен. На других устройствах выполнен выход.
field-currentPassword = Текущий пароль
