# Бизнес-профили (`/settings/business-profiles`): страница, её ошибки проверки и проблемы
# API, связанные с профилями.

menu-business-profiles = Бизнес-профили
profiles-title = Бизнес-профили
profiles-intro = Один профиль на каждый регион, где вы работаете. Новый лид отправляется по электронной почте контакту филиала в его стране; иначе — основному контакту региона (его первому филиалу); иначе — всем администраторам партнера.
profiles-loading = Загрузка бизнес-профилей…
profiles-load-failed = Не удалось загрузить бизнес-профили.
profiles-empty = Бизнес-профилей пока нет: каждый новый лид отправляется администраторам партнера.
profiles-all-regions = Для каждого региона уже есть профиль.
profile-add = Добавить бизнес-профиль
profile-new-heading = Новый бизнес-профиль
profile-edit-heading = Изменить: { $region }
profile-edit = Изменить
profile-delete = Удалить
profile-delete-confirm = Удалить профиль «{ $region }»? Его лиды будут отправляться администраторам партнера.
profile-delete-yes = Удалить профиль
profile-delete-no = Оставить
profile-deleted = Профиль «{ $region }» удален.
profile-delete-conflict = С момента загрузки страницы кто-то изменил профиль { $region }: теперь он показан в текущем виде. Удалите его снова, если он всё ещё не нужен.
profile-saved = Профиль «{ $region }» сохранен.
profile-save = Сохранить профиль
profile-saving = Сохранение…
profile-cancel = Отмена
profile-region = Регион
profile-region-choose = Выберите регион
profile-locations = Филиалы
profile-locations-hint = Первый филиал — основной контакт региона: ему отправляются лиды из стран региона, у которых нет своего филиала.
profile-location-heading = Филиал { $number }
profile-location-main = Основной контакт региона
profile-location-add = Добавить филиал
profile-location-remove = Удалить филиал { $number }
profile-country = Страна
profile-country-choose = Выберите страну
profile-city = Город (необязательно)
profile-contact-name = Имя контакта
profile-contact-email = Электронная почта контакта
profile-contact-phone = Телефон контакта (необязательно)
profile-keywords = Ключевые слова
profile-keywords-hint = В чем вы сильны, через запятую, например «ERP, выездное обслуживание».
profile-sizes = Предпочтительный размер компаний клиентов
profile-no-keywords = Нет ключевых слов
profile-no-sizes = Любой размер компании
profile-updated-on = Обновлено { $date }
profile-conflict = Кто-то другой изменил этот профиль после того, как вы его открыли. Ваши изменения остались в форме.
profile-conflict-load = Показать их версию
profile-conflict-overwrite = Сохранить мою версию поверх

field-region = Регион
field-locations = Филиалы
field-city = Город
field-contactName = Имя контакта
field-phone = Телефон
field-keywords = Ключевое слово
field-preferredCompanySizes = Предпочтительный размер компании

error-region-required = Выберите регион.
error-region-unknown = «{ $value }» — не регион. Используйте один из: { $expected }.
error-locations-required = Добавьте хотя бы один филиал с контактом.
error-location-country-twice = { $country } уже указана как филиал этого профиля: укажите каждую страну один раз.
error-location-outside-region =
    { $countryRegion ->
        [Africa] { $country } находится в Африке, а не в регионе этого профиля: добавьте ее в профиль для Африки или выберите другую страну.
        [AsiaPacific] { $country } находится в Азиатско-Тихоокеанском регионе, а не в регионе этого профиля: добавьте ее в профиль для этого региона или выберите другую страну.
        [Europe] { $country } находится в Европе, а не в регионе этого профиля: добавьте ее в профиль для Европы или выберите другую страну.
        [LatinAmerica] { $country } находится в Латинской Америке и Карибском бассейне, а не в регионе этого профиля: добавьте ее в профиль для этого региона или выберите другую страну.
        [MiddleEast] { $country } находится на Ближнем Востоке, а не в регионе этого профиля: добавьте ее в профиль для Ближнего Востока или выберите другую страну.
        [NorthAmerica] { $country } находится в Северной Америке, а не в регионе этого профиля: добавьте ее в профиль для Северной Америки или выберите другую страну.
       *[other] { $country } не входит ни в один регион, который может охватывать профиль: выберите другую страну.
    }
error-keyword-too-long = Ключевое слово «{ $keyword }» слишком длинное: не более { $max } символов.
error-keyword-separator = Ключевое слово «{ $keyword }» содержит запятую или точку с запятой, которые разделяют ключевые слова: разбейте его на несколько или уберите эти знаки.
error-keywords-too-many = В профиле может быть не более { $max } ключевых слов; в этом — { $count }.
error-company-size-unknown = «{ $value }» — не размер компании. Используйте один из: { $expected }.

problem-business-profile-admins-only = Просматривать и изменять бизнес-профили могут только администраторы партнера и администраторы бизнес-профиля.
problem-business-profile-not-found = В вашей организации нет бизнес-профиля с таким ID.
problem-business-profile-region-taken =
    { $region ->
        [Africa] У вашей организации уже есть бизнес-профиль для Африки: измените его.
        [AsiaPacific] У вашей организации уже есть бизнес-профиль для Азиатско-Тихоокеанского региона: измените его.
        [Europe] У вашей организации уже есть бизнес-профиль для Европы: измените его.
        [LatinAmerica] У вашей организации уже есть бизнес-профиль для Латинской Америки и Карибского бассейна: измените его.
        [MiddleEast] У вашей организации уже есть бизнес-профиль для Ближнего Востока: измените его.
        [NorthAmerica] У вашей организации уже есть бизнес-профиль для Северной Америки: измените его.
       *[other] У вашей организации уже есть бизнес-профиль для этого региона: измените его.
    }
problem-business-profile-changed-meanwhile = С момента загрузки этот бизнес-профиль изменил кто-то другой. Текущая версия приложена.

value-Region-Africa = Африка
value-Region-AsiaPacific = Азиатско-Тихоокеанский регион
value-Region-Europe = Европа
value-Region-LatinAmerica = Латинская Америка и Карибский бассейн
value-Region-MiddleEast = Ближний Восток
value-Region-NorthAmerica = Северная Америка

value-CompanySize-1to9employees = от 1 до 9 сотрудников
value-CompanySize-10to49employees = от 10 до 49 сотрудников
value-CompanySize-50to999employees = от 50 до 999 сотрудников
value-CompanySize-1000to9999employees = от 1000 до 9999 сотрудников
value-CompanySize-10000plusemployees = 10 000 сотрудников и более
