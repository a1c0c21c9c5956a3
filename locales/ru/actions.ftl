# actions: the lead's action forms (Accept, Edit, Decline, Lost, Won, Add your
# employees), their confirmation and the conflict view.

action-cancel = Отмена
action-saving = Сохранение…
action-sending = Отправка…
action-go-back = Назад
action-loading = Загрузка…
action-retry = Повторить
action-yes = Да
action-no = Нет

# The button answering an irreversible action's last question.
action-confirm-accept = Да, принять
action-confirm-decline = Да, отклонить
action-confirm-edit = Да, изменить
action-confirm-add-team-member = Да, добавить сотрудников
action-confirm-won = Да, выиграна
action-confirm-lost = Да, потеряна

# Why the signed-in person may not act on the referral (by role).

# The conflict view. $action is an action's button label; $status is "Active / Accepted"
# (see lead-status-substatus), $updated a date and time.
action-conflict = Кто-то изменил эту рекомендацию, пока вы с ней работали. Текущий статус: { $status }, последнее обновление: { $updated }.
action-no-longer-applies = Действие «{ $action }» больше не применимо к этой рекомендации в ее текущем состоянии.
action-differences-caption = Что изменилось за это время
action-differences-field = Поле
action-differences-yours = Ваше значение
action-differences-now = Сейчас
action-typed-kept = Введенные вами данные сохранены ниже.
action-reapply = «{ $action }» для текущей версии
action-discard-changes = Отменить мои изменения

# Accept and Edit.
action-accept-heading = Принять эту рекомендацию
action-accept-submit = Далее: перевести в «Принятые»
action-edit-heading = Изменить сделку
action-edit-submit = Сохранить изменения
action-deal-name = Название сделки
action-deal-value = Предполагаемая стоимость сделки
action-currency = Валюта
action-currency-choose = Выберите валюту
action-closing-date = Предполагаемая дата закрытия
action-team-members = Участники команды
action-team-member-name = Полное имя { $email } для этой сделки
action-colleagues-loading = Загрузка списка коллег…
action-deal-notes = Примечания (настоятельно рекомендуется)
action-deal-notes-hint = Что запросил клиент и какой следующий шаг? Примечания помогут вашей команде подхватить сделку.
action-crm-id = Идентификатор CRM (необязательно)
action-campaign-id = Идентификатор маркетинговой кампании (необязательно)
# The conflict view's names of fields that have a longer label in the form.
action-difference-notes = Примечания
action-difference-crm-id = Идентификатор CRM
action-difference-campaign-id = Идентификатор маркетинговой кампании
action-contacts-legend = Дополнительные контакты клиента (необязательно)
action-contacts-add = Добавить контакт
# $number counts the additional contacts from 1.
action-contact-group = Контакт { $number }
action-contact-remove = Удалить контакт { $number }
action-first-name = Имя
action-last-name = Фамилия
action-email = Эл. почта
action-phone = Телефон

# Add your employees.
action-team-member-heading = Добавить сотрудников
action-team-member-submit = Добавить в команду

# Decline and Lost. "Close" is what partners know from the reference product for a decline.
action-decline-heading = Отклонить эту рекомендацию
action-decline-submit = Закрыть
action-decline-question = Отклонить эту рекомендацию? Она будет перемещена в архив как отклоненная, и изменить ее будет нельзя.
action-lost-heading = Отметить сделку как потерянную
action-lost-submit = Отметить как потерянную
action-lost-question = Сделка потеряна? Рекомендация будет перемещена в архив как потерянная, и изменить ее будет нельзя.
action-reason = Причина
action-reason-choose = Выберите причину
action-reason-notes = Примечания (обязательны для причины «Другое»)

# Won, with the deal registration. $currency is a currency code, $usd an amount in US dollars.
action-won-heading = Отметить сделку как выигранную
action-won-eligible = Стоимость этой сделки — от 25 000 USD, и она включает подходящее решение: чтобы отметить ее как выигранную, зарегистрируйте ее у поставщика.
action-won-undetermined = Для { $currency } нет курса к доллару США, поэтому неизвестно, достигает ли сделка 25 000 USD. Вы можете зарегистрировать ее у поставщика.
action-won-register = Зарегистрировать сделку
action-won-no-eligible-solution = Сделка не включает подходящих решений, поэтому ее нельзя зарегистрировать.
action-won-no-deal-value = У сделки не указана стоимость, поэтому ее нельзя зарегистрировать.
action-won-below-minimum = Зарегистрировать можно только сделки стоимостью от 25 000 USD; стоимость этой сделки — { $usd } USD.
action-won-submit = Выигрыш
action-won-question = Отметить сделку как выигранную? Рекомендация будет перемещена в архив как выигранная, и изменить ее будет нельзя.
action-registration-legend = Регистрация сделки
action-registration-marketplace = Это транзакция в маркетплейсе?
action-registration-marketplace-date = Предполагаемая дата транзакции в маркетплейсе
action-registration-azure = Решение развернуто в Azure?
action-registration-perpetual = Контракт бессрочный?
action-registration-total-value = Общая стоимость контракта
action-registration-solution-value = Стоимость решения
action-registration-solution-value-hint = Не больше общей стоимости контракта.
action-registration-signed-date = Дата подписания контракта
# $days is a number of days, $arrived the day the referral arrived.
action-registration-signed-date-hint =
    { $days ->
        [one] Не в будущем, не раньше чем { $days } день назад и не раньше поступления рекомендации ({ $arrived }).
        [few] Не в будущем, не раньше чем { $days } дня назад и не раньше поступления рекомендации ({ $arrived }).
        [many] Не в будущем, не раньше чем { $days } дней назад и не раньше поступления рекомендации ({ $arrived }).
       *[other] Не в будущем, не раньше чем { $days } дня назад и не раньше поступления рекомендации ({ $arrived }).
    }
action-registration-start-date = Дата начала контракта
action-registration-start-date-hint =
    { $days ->
        [one] Не раньше чем { $days } день назад.
        [few] Не раньше чем { $days } дня назад.
        [many] Не раньше чем { $days } дней назад.
       *[other] Не раньше чем { $days } дня назад.
    }
action-registration-end-date = Дата окончания контракта
action-registration-end-date-hint = Обязательно, если контракт не бессрочный; не раньше даты начала.
action-registration-tenant-type = Тип тенанта
action-registration-tenant-type-choose = Выберите тип тенанта
action-registration-pricing-model = Модель ценообразования
action-registration-pricing-model-choose = Выберите модель ценообразования
