# The domain's values in words: `value-<Kind>-<Value>` (the API's spelling), read by
# `i18n::value` in the app. Values are stored in the API's words, never translated.

value-Stage-Inbox = Входящие
value-Stage-Accepted = Принятые
value-Stage-Archived = Архив

value-Status-New = Новая
value-Status-Active = Активна
value-Status-Closed = Закрыта

value-Substatus-Pending = Ожидает
value-Substatus-Received = Получена
value-Substatus-Accepted = Принята
value-Substatus-Won = Выиграна
value-Substatus-Lost = Потеряна
value-Substatus-Declined = Отклонена
value-Substatus-Expired = Срок истек

value-Category-Marketplace = Лиды из маркетплейса
value-Category-Qualified = Квалифицированные лиды

value-ReferralType-Independent = Независимая
value-ReferralType-Shared = Совместно с поставщиком

value-Qualification-Direct = Прямой (запрос клиента)
value-Qualification-MarketingQualified = Квалифицирован отделом маркетинга
value-Qualification-SalesQualified = Квалифицирован отделом продаж
value-Qualification-None = Не квалифицирован

value-Direction-Incoming = Входящая
value-Direction-Outgoing = Исходящая

value-LeadType-Offer = Предложение
value-LeadType-Profile = Бизнес-профиль

value-LeadSource-AppSource = AppSource
value-LeadSource-AzureMarketplace = Azure Marketplace
value-LeadSource-AzurePortal = Портал Azure

value-CallToAction-GetItNow = Получить сейчас
value-CallToAction-FreeTrial = Бесплатная пробная версия
value-CallToAction-TestDrive = Тест-драйв
value-CallToAction-ContactMe = Связаться со мной

value-LeadQuality-High = Высокое
value-LeadQuality-Medium = Среднее
value-LeadQuality-Low = Низкое (вероятно, спам)

value-EmailValidity-Valid = Действителен
value-EmailValidity-Invalid = Недействителен
value-EmailValidity-Spam = Спам
value-EmailValidity-Unknown = Не проверен

value-PhoneValidity-Valid = Действителен
value-PhoneValidity-Invalid = Недействителен
value-PhoneValidity-Unknown = Не проверен

value-Role-PartnerAdmin = Администратор партнера
value-Role-ReferralsAdmin = Администратор рекомендаций
value-Role-ReferralsUser = Пользователь рекомендаций
value-Role-BusinessProfileAdmin = Администратор бизнес-профиля
value-Role-Viewer = Наблюдатель

value-Action-Accept = Принять
value-Action-Decline = Отклонить
value-Action-Edit = Изменить
value-Action-AddTeamMember = Добавить сотрудников
value-Action-Won = Выигрыш
value-Action-Lost = Потеря

value-DeclineReason-ProjectBudgetNotAdequate = Недостаточный бюджет проекта
value-DeclineReason-CustomerDidNotRespond = Клиент не ответил
value-DeclineReason-CustomerChoseAnotherVendor = Клиент выбрал другого поставщика
value-DeclineReason-CustomerRequirementNotMet = Требования клиента не выполнены
value-DeclineReason-NotACustomer = Не является клиентом
value-DeclineReason-TimelineTooShort = Предложенные сроки слишком короткие
value-DeclineReason-ReportAsAbuse = Сообщить о нарушении, спаме или фишинге
value-DeclineReason-Others = Другое

value-RegistrationState-Pending = Ожидает
value-RegistrationState-Approved = Одобрена
value-RegistrationState-ActionRequired = Требуется действие
value-RegistrationState-Rejected = Отклонена

value-TenantType-SingleTenant = Однотенантный
value-TenantType-MultiTenant = Мультитенантный

value-PricingModel-PerUser = За пользователя
value-PricingModel-PerDevice = За устройство
value-PricingModel-UsageBased = По использованию
value-PricingModel-FlatRate = Фиксированная ставка
value-PricingModel-Other = Другая

value-SortKey-created = Дата создания
value-SortKey-updated = Дата обновления
value-SortKey-dealValue = Стоимость сделки
value-SortKey-expiry = Срок действия
value-SortKey-emailValidity = Проверка эл. почты
value-SortKey-phoneValidity = Проверка телефона

# A kind of value, as a sentence names it («… — неизвестное значение поля «Источник лида»»).
value-Kind-Stage = Раздел
value-Kind-Category = Категория
value-Kind-CallToAction = Призыв к действию
value-Kind-LeadSource = Источник лида
value-Kind-LeadType = Тип лида
value-Kind-LeadQuality = Качество лида
value-Kind-Status = Статус
value-Kind-EmailValidity = Проверка эл. почты
value-Kind-PhoneValidity = Проверка телефона
value-Kind-SortKey = Сортировка
value-Kind-SortDirection = Направление сортировки
