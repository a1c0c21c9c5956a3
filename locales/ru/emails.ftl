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

## The invitation email: a partner admin invited the recipient to their organisation.
email-invitation-subject = { $inviter } приглашает вас в { $organisation } в Referral Desk
email-invitation-heading = Вас приглашают в { $organisation }
email-invitation-intro = { $inviter } приглашает вас работать с рекомендациями по продажам { $organisation } в Referral Desk в роли «{ $role }».
email-invitation-action = Задать пароль
email-invitation-validity = Ссылка работает один раз, до { $expires }. Если срок истек, попросите { $inviter } пригласить вас снова.
email-invitation-footer = Вы получили это письмо, потому что { $inviter } пригласил(а) { $email } в Referral Desk. Если вы не ждали его, просто проигнорируйте: без перехода по ссылке ничего не произойдет.
