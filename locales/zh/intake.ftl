# 通过接入 API 发送的潜在客户的错误（`domain::intake`）；`{ $label }` 为所指字段。

error-unknown-value = { $label }必须是以下值之一：{ $expected }（而不是 { $value }）。
error-consent-required = 客户必须已同意被联系：请将 consentToContact 设为 true，否则请勿发送此潜在客户。
error-customer-contact-required = 请至少添加一位带有电子邮件地址或电话号码的客户联系人。
error-too-many = { $label }最多只能有 { $max } 项。
error-lead-source = { $label }的格式必须为 来源-操作|产品/服务，例如 AzureMarketplace-INS|publisher.offer（而不是 { $value }）。
error-do-not-contact = 客户要求不要联系（DNC），因此无法接收此潜在客户。
error-action-code = { $label } { $value } 不是已知的操作代码。请使用以下之一：{ $expected }。
error-action-mismatch = ActionCode { $value } 与 LeadSource 中的操作 { $action } 不一致。
