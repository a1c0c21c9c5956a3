# Ошибки лидов, присланных через API приёма (`domain::intake`); `{ $label }` — названное поле.

error-unknown-value = Поле «{ $label }» должно иметь одно из значений: { $expected } (а не { $value }).
error-consent-required = Клиент должен согласиться на контакт: укажите consentToContact = true или не отправляйте этот лид.
error-customer-contact-required = Добавьте хотя бы один контакт клиента с адресом электронной почты или номером телефона.
error-too-many = В поле «{ $label }» может быть не больше { $max } элементов.
error-lead-source = Поле «{ $label }» должно иметь вид Источник-Действие|Предложение, например AzureMarketplace-INS|publisher.offer (а не { $value }).
error-do-not-contact = Клиент попросил не связываться с ним (DNC), поэтому этот лид принять нельзя.
error-action-code = «{ $value }» в поле «{ $label }» — неизвестный код действия. Используйте один из: { $expected }.
error-action-mismatch = ActionCode { $value } не совпадает с действием { $action } в LeadSource.
