# lead: one referral's page (`/referrals/:id`), its contact block, pending changes,
# the heart and the small indicators (flame, validity, spam) lists show too.

lead-page-title = Рекомендация
lead-not-found = Рекомендация не найдена
lead-loading = Загрузка рекомендации…
lead-not-found-detail = Эта рекомендация не существует или принадлежит другой организации.
lead-go-to-inbox = Перейти во «Входящие»
lead-retry = Повторить

# Navigation through the list the lead was opened from; $list is the list's name.
lead-navigation = Навигация по рекомендациям
lead-back-to = Назад: { $list }
lead-position = { $position } из { $total }
lead-previous = Предыдущая
lead-next = Следующая

# A status and its substatus, each a value in words: "Active / Accepted".
lead-status-substatus = { $status } / { $substatus }

lead-deal-heading = Сделка
lead-field-deal-name = Название сделки
lead-field-estimated-value = Предполагаемая стоимость
lead-field-currency = Валюта
lead-field-closing-date = Предполагаемая дата закрытия
lead-field-contact-requested = Клиент просит связаться с ним
lead-field-notes = Примечания
lead-field-industries = Отрасли
lead-field-products = Продукты
lead-field-services = Услуги
lead-field-solutions = Решения
lead-field-crm-id = Идентификатор CRM
lead-field-campaign-id = Идентификатор маркетинговой кампании

lead-customer-heading = Клиент
lead-field-company = Компания
lead-field-company-size = Размер компании
lead-field-address = Адрес
lead-field-country = Страна
lead-field-region = Регион
lead-field-consent-contact = Согласие на связь
lead-field-consent-share = Согласие на передачу данных другим

lead-lead-heading = Лид
lead-field-category = Категория
lead-category-marketplace = Лид из маркетплейса
lead-category-qualified = Квалифицированный лид
lead-field-qualification = Квалификация
lead-field-lead-type = Тип лида
lead-field-lead-source = Источник лида
lead-field-call-to-action = Призыв к действию
lead-field-offer = Предложение
# The offer's name and its id.
lead-offer-name-id = { $name } ({ $id })
lead-field-lead-quality = Качество лида
lead-field-referral-type = Тип рекомендации
lead-field-direction = Направление
lead-field-target = Цель
lead-field-invited-by = Кто пригласил
lead-field-invitation-notes = Примечания к приглашению
lead-field-referral-id = Идентификатор рекомендации
lead-field-engagement-id = Идентификатор взаимодействия

lead-status-heading = Статус
lead-field-status = Статус
lead-field-reason = Причина
lead-field-reason-notes = Примечания к причине
lead-field-created = Создана
lead-field-updated = Обновлена
lead-field-accepted = Принята
lead-field-closed = Закрыта
lead-field-expires = Истекает
# Why the system closed a referral by itself (shown as its status reason).
lead-reason-expired = Нет ответа в течение 14 дней
lead-reason-informational-archived = Информационный лид по предложению заархивирован через 6 месяцев

lead-team-heading = Ваша команда
lead-team-empty = Над этой сделкой пока никто из вашей организации не работает.

lead-registration-heading = Регистрация сделки
lead-field-registration-state = Состояние
lead-field-registration-submitted = Отправлена
lead-field-total-contract-value = Общая стоимость контракта
lead-field-solution-value = Стоимость решения
lead-field-contract-signed = Контракт подписан
lead-field-contract-start = Начало контракта
lead-field-contract-end = Окончание контракта
lead-contract-perpetual = Бессрочный

# A field without a value, and yes/no answers.
lead-not-given = Не указано
lead-yes = Да
lead-no = Нет

lead-archived-no-actions = Архивные рекомендации хранятся в неизменном виде: действия с ними недоступны.

# Announced once an action went through; $customer is the customer's name, $substatus a value in words.
lead-announce-archived = { $substatus }: { $customer } — теперь в архиве.
lead-announce-accepted = Сохранено: { $customer } — в «Принятых».
lead-announce-saved = Сохранено: { $customer }.
# Announced when an action waits on this device; $action is the action's button label.
lead-queued-action = Сохранено на этом устройстве: действие «{ $action }» ожидает синхронизации и будет отправлено, когда подключение восстановится.
lead-queued-change = Сохранено на этом устройстве: изменение ожидает синхронизации и будет отправлено, когда подключение восстановится.
lead-changes-discarded = Ваши изменения отменены. Рекомендация показана в текущем состоянии.

# The flame alert at the top of a lead whose customer asked to be contacted.
lead-flame-alert = Клиент просит связаться с ним
lead-flame-hot-title = Свяжитесь сейчас
lead-flame-hot-message = Клиент просит связаться с ним. Свяжитесь с клиентом прямо сейчас.
lead-flame-cooled-title = Связаться все еще стоит
lead-flame-cooled-message = Клиент просил связаться с ним более 72 часов назад. Связаться с ним все еще стоит.
# The flame icon's name (lists and the lead).
lead-flame-hot = Горячий: клиент просит связаться с ним
lead-flame-cooled = Остывший: просьба связаться поступила более 72 часов назад

# Offer leads that need no answer; $callToAction is a call to action in words, $date a date.
lead-informational = Действий не требуется: этот лид с призывом «{ $callToAction }» предназначен для информации (перекрестные и дополнительные продажи). Он будет автоматически заархивирован { $date }.
lead-informational-offer = Действий не требуется: этот лид по предложению предназначен для информации (перекрестные и дополнительные продажи). Он будет автоматически заархивирован { $date }.
lead-response-window = Срок ответа (24 ч)
lead-expiry = Срок действия (14 дней)

lead-contact-heading = Контакт
lead-contact-hidden-expired = Для рекомендаций с истекшим сроком контактные данные не показываются.
lead-contact-none = Клиент не оставил контактных данных.
lead-spam-warning = Адрес электронной почты или домен этого контакта известен как источник спама. Проверьте лид, прежде чем связываться.
lead-contact-fine-print = Поставщик проверяет только доступность контактных данных, а не личность клиента или подлинность его интереса. Рекомендация не является поручительством: защита от мошенничества — ваша ответственность.

# The copy buttons beside an email address and a phone number.
lead-copy = Копировать
lead-copy-email = Копировать адрес эл. почты
lead-copied-email = Адрес электронной почты скопирован.
lead-copy-email-failed = Не удалось скопировать адрес электронной почты. Выделите и скопируйте его вручную.
lead-copy-phone = Копировать номер телефона
lead-copied-phone = Номер телефона скопирован.
lead-copy-phone-failed = Не удалось скопировать номер телефона. Выделите и скопируйте его вручную.

# Validity badges: $validity is a validity in words; the kind alone is read to screen readers before it.
lead-email-validity = Эл. почта: { $validity }
lead-email-validity-kind = Эл. почта:
lead-phone-validity = Телефон: { $validity }
lead-phone-validity-kind = Телефон:

# The spam flag (lists and the lead).
lead-spam-why = Вероятный спам: адрес электронной почты или домен контакта известен как источник спама
lead-spam-badge = Спам

# The heart (lists and the lead).
lead-favorite-add = Добавить в избранное
lead-favorite-remove = Удалить из избранного

lead-history-heading = История статусов
lead-history-received = Получена
# $status is "Closed / Declined" (see lead-status-substatus), $reason the status reason.
lead-history-change-with-reason = { $status } ({ $reason })
# Who made a change: $name is a person's name or lead-history-by-system.
lead-history-by = автор: { $name }
lead-history-by-system = Referral Desk (автоматически)

# Changes on this device the server has not confirmed. $change is an action's button
# label or the heart's (lead-favorite-add/-remove), $time a time of day, $status as in
# lead-status-substatus, $message and $reason the server's words.
lead-pending-label = Несинхронизированные изменения
lead-pending-waiting = Ожидает синхронизации
lead-pending-waiting-text = «{ $change }» — сохранено на этом устройстве в { $time }; будет отправлено, когда подключение восстановится.
lead-pending-cancel = Отменить это изменение
lead-pending-refused = Не применено
lead-pending-refused-text = «{ $change }»: { $message }
lead-pending-dismiss = Скрыть
lead-pending-conflict = Требует вашей проверки
lead-pending-not-applied = «{ $change }» не применено: { $reason } Текущий статус: { $status }.
lead-pending-changed-first = «{ $change }»: кто-то изменил эту рекомендацию до того, как поступило ваше изменение. Текущий статус: { $status }.
lead-pending-review = Проверить
lead-pending-discard = Отменить мое изменение
