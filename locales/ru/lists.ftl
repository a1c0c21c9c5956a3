# lists

## The CSV export's header row (the file's cells stay in the API's words).
csv-referral-id = Идентификатор рекомендации
csv-lead-creation-date-time = LeadCreationDateTime
csv-updated-date = Дата обновления
csv-customer-name = Имя клиента
csv-country = Страна
csv-city = Город
csv-lead-type = Тип лида
csv-lead-source = Источник лида
csv-call-to-action = Призыв к действию
csv-offer-id = Идентификатор предложения
csv-offer-name = Название предложения
csv-currency = Валюта
csv-deal-value = Стоимость сделки
csv-status = Статус
csv-substatus = Подстатус
csv-status-reason = Причина статуса
csv-contact-name = Имя контакта
csv-contact-email = Эл. почта контакта
csv-email-validity = Проверка эл. почты
csv-contact-phone = Телефон контакта
csv-phone-validity = Проверка телефона

## The list views (Inbox, Accepted, Archived, Favorites).
list-favorites = Избранное
list-count =
    { $count ->
        [one] { $count } рекомендация
        [few] { $count } рекомендации
        [many] { $count } рекомендаций
       *[other] { $count } рекомендации
    }
list-loading = Загрузка рекомендаций…
list-retry = Повторить
# $error: what is wrong with the link's filter (the domain's words).
list-bad-link = Фильтр из этой ссылки нельзя использовать. { $error }.
# $list: the list's name, e.g. Inbox.
list-show-all = Показать все: { $list }
list-empty-filtered = Нет рекомендаций, соответствующих этим фильтрам. Удалите фильтр или сбросьте все фильтры.
list-empty-inbox = Новых рекомендаций нет. Новые лиды появятся здесь сразу после поступления.
list-empty-accepted = Принятых рекомендаций пока нет. Примите лид во «Входящих», чтобы работать с ним здесь.
list-empty-archived = В архиве пока пусто. Здесь хранятся выигранные, потерянные, отклоненные и истекшие рекомендации.
list-empty-favorites = В избранном пока пусто. Нажмите на сердечко у любой рекомендации, чтобы сохранить ее здесь.
list-intro-inbox = Новые рекомендации ждут ответа: примите или отклоните каждую в течение суток; без ответа они истекают.
list-intro-accepted = Рекомендации в работе: обновляйте их, а затем отметьте как выигранные или потерянные.
list-intro-archived = Выигранные, потерянные, отклоненные и истекшие рекомендации — только для просмотра.
list-intro-favorites = Рекомендации, отмеченные вами сердечком, со всех этапов.
list-categories = Категории лидов
list-search-label = Поиск
list-search-placeholder = Клиент, сделка, контакт или примечания
list-search-button = Найти
list-sort-by = Сортировка
list-sort-order = Порядок
list-sort-descending = По убыванию
list-sort-ascending = По возрастанию
list-export = Экспорт
list-export-label = Экспортировать этот список в CSV

## The table of referrals (cards on a phone).
# $list: the list's name, e.g. Inbox.
list-table-caption = Рекомендации: { $list }
list-column-favorite = Избранное
list-column-customer = Клиент
list-column-country = Страна
list-column-lead = Лид
list-column-created = Создана
list-column-contact = Контакт
list-column-respond = Срок ответа
list-column-deal = Сделка
list-column-outcome = Итог
list-column-stage = Этап
list-no-contact = Нет контактных данных
list-no-action-needed = Действий не требуется
list-archived-on = В архиве с { $date }
list-no-deal-value = Стоимость не указана
list-closing = Закрытие { $date }

## The filter panel and the chips of the active filters.
filter-toggle =
    { $count ->
        [0] Фильтры
       *[other] Фильтры ({ $count })
    }
filter-heading = Фильтры
filter-done = Готово
filter-show-referrals = Показать рекомендации
filter-call-to-action = Призыв к действию
filter-country = Страна
filter-lead-source = Источник лида
filter-lead-type = Тип лида
filter-lead-quality = Качество лида
filter-status = Статус
filter-email-validity = Проверка эл. почты
filter-phone-validity = Проверка телефона
filter-customer-name = Имя клиента
filter-add = Добавить
filter-customer = Клиент
filter-email = Эл. почта
filter-phone = Телефон
filter-search = Поиск
# A chip: $field is the filter's name, $value the value it keeps.
filter-chip = { $field }: { $value }
filter-chip-search = «{ $search }»
# $chip: the chip's words, e.g. Country: Germany (DE).
filter-remove = Удалить фильтр { $chip }
filter-clear = Сбросить фильтры
filter-active = Активные фильтры

## Any path the app does not know.
not-found-title = Страница не найдена
not-found-text = По этому адресу ничего нет.
not-found-link = Перейти во «Входящие»
