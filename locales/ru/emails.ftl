# emails

## The email sent for each new Contact me lead, and the day's digest after the first ten.
email-lead-subject = Новый лид: { $customer } – { $deal }
email-lead-heading = Клиент просит связаться с ним
email-lead-intro = { $customer } просит { $organisation } связаться с ним. Ответьте в течение 24 часов: чем быстрее ответ, тем выше шансы.
email-field-customer = Клиент
email-field-deal = Сделка
email-field-offer = Предложение
email-field-country = Страна
email-field-call-to-action = Призыв к действию
email-field-arrived = Поступил
email-open-lead = Открыть лид
email-digest-subject = { $count ->
    [one] Ещё { $count } новый лид за { $day }
    [few] Ещё { $count } новых лида за { $day }
   *[many] Ещё { $count } новых лидов за { $day }
 }
email-digest-heading = Ваши остальные новые лиды за { $day }
email-digest-intro = { $day } для вас поступило больше { $limit } новых лидов. О первых { $limit } вы получили письма сразу; эти поступили после них.
email-footer = Вы получили это письмо, потому что новые лиды { $organisation } в Referral Desk отправляются на этот адрес. Чтобы получать их на другой адрес, укажите адрес для уведомлений в настройках учётной записи.
