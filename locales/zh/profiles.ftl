# 业务配置文件（`/settings/business-profiles`）：页面、验证错误以及 API 关于配置文件的问题。

menu-business-profiles = 业务配置文件
profiles-title = 业务配置文件
profiles-intro = 你开展业务的每个区域一个配置文件。新的潜在客户会通过电子邮件发送给其所在国家/地区对应地点的联系人；否则发送给该区域的主要联系人（第一个地点）；否则发送给所有合作伙伴管理员。
profiles-loading = 正在加载业务配置文件…
profiles-load-failed = 无法加载业务配置文件。
profiles-empty = 还没有业务配置文件：每个新的潜在客户都会通过电子邮件发送给合作伙伴管理员。
profiles-all-regions = 每个区域都已有配置文件。
profile-add = 添加业务配置文件
profile-new-heading = 新建业务配置文件
profile-edit-heading = 编辑{ $region }
profile-edit = 编辑
profile-delete = 删除
profile-delete-confirm = 要删除{ $region }配置文件吗？其潜在客户将发送给合作伙伴管理员。
profile-delete-yes = 删除配置文件
profile-delete-no = 保留
profile-deleted = 已删除{ $region }配置文件。
profile-delete-conflict = 自本页面加载以来，其他人更改了 { $region } 资料：现在显示的是最新版本。如仍要删除，请再次删除。
profile-saved = 已保存{ $region }配置文件。
profile-save = 保存配置文件
profile-saving = 正在保存…
profile-cancel = 取消
profile-region = 区域
profile-region-choose = 选择区域
profile-locations = 地点
profile-locations-hint = 第一个地点是该区域的主要联系人：来自该区域中没有自己地点的国家/地区的潜在客户会发送给它。
profile-location-heading = 地点 { $number }
profile-location-main = 区域主要联系人
profile-location-add = 添加地点
profile-location-remove = 移除地点 { $number }
profile-country = 国家/地区
profile-country-choose = 选择国家/地区
profile-city = 城市（可选）
profile-contact-name = 联系人姓名
profile-contact-email = 联系人电子邮件
profile-contact-phone = 联系人电话（可选）
profile-keywords = 关键字
profile-keywords-hint = 你擅长的领域，用逗号分隔，例如“ERP, 现场服务”。
profile-sizes = 首选客户公司规模
profile-no-keywords = 无关键字
profile-no-sizes = 任何公司规模
profile-updated-on = 更新于 { $date }
profile-conflict = 自你打开此配置文件以来，其他人更改了它。你的更改仍保留在表单中。
profile-conflict-load = 显示对方的版本
profile-conflict-overwrite = 用我的版本覆盖

field-region = 区域
field-locations = 地点
field-city = 城市
field-contactName = 联系人姓名
field-phone = 电话
field-keywords = 关键字
field-preferredCompanySizes = 首选公司规模

error-region-required = 请选择一个区域。
error-region-unknown = “{ $value }”不是区域。请使用以下之一：{ $expected }。
error-locations-required = 请至少添加一个地点及其联系人。
error-location-country-twice = { $country } 已是此配置文件的地点：每个国家/地区只能列出一次。
error-location-outside-region =
    { $countryRegion ->
        [Africa] { $country } 位于非洲，不在此配置文件的区域内：请将其添加到非洲配置文件，或选择其他国家/地区。
        [AsiaPacific] { $country } 位于亚太地区，不在此配置文件的区域内：请将其添加到亚太配置文件，或选择其他国家/地区。
        [Europe] { $country } 位于欧洲，不在此配置文件的区域内：请将其添加到欧洲配置文件，或选择其他国家/地区。
        [LatinAmerica] { $country } 位于拉丁美洲和加勒比地区，不在此配置文件的区域内：请将其添加到该区域的配置文件，或选择其他国家/地区。
        [MiddleEast] { $country } 位于中东，不在此配置文件的区域内：请将其添加到中东配置文件，或选择其他国家/地区。
        [NorthAmerica] { $country } 位于北美，不在此配置文件的区域内：请将其添加到北美配置文件，或选择其他国家/地区。
       *[other] { $country } 不属于任何配置文件可覆盖的区域：请选择其他国家/地区。
    }
error-keyword-too-long = 关键字“{ $keyword }”太长：每个关键字最多 { $max } 个字符。
error-keyword-separator = 关键字“{ $keyword }”包含用于分隔关键字的逗号或分号：请拆成多个关键字，或去掉这些符号。
error-keywords-too-many = 一个配置文件最多可有 { $max } 个关键字；此配置文件有 { $count } 个。
error-company-size-unknown = “{ $value }”不是公司规模。请使用以下之一：{ $expected }。

problem-business-profile-admins-only = 只有合作伙伴管理员和业务配置文件管理员可以查看和编辑业务配置文件。
problem-business-profile-not-found = 你的组织中没有此 ID 的业务配置文件。
problem-business-profile-region-taken =
    { $region ->
        [Africa] 你的组织已有非洲的业务配置文件：请改为编辑该配置文件。
        [AsiaPacific] 你的组织已有亚太的业务配置文件：请改为编辑该配置文件。
        [Europe] 你的组织已有欧洲的业务配置文件：请改为编辑该配置文件。
        [LatinAmerica] 你的组织已有拉丁美洲和加勒比地区的业务配置文件：请改为编辑该配置文件。
        [MiddleEast] 你的组织已有中东的业务配置文件：请改为编辑该配置文件。
        [NorthAmerica] 你的组织已有北美的业务配置文件：请改为编辑该配置文件。
       *[other] 你的组织已有此区域的业务配置文件：请改为编辑该配置文件。
    }
problem-business-profile-changed-meanwhile = 自你加载此业务配置文件以来，其他人已更改了它。随附的是当前版本。

value-Region-Africa = 非洲
value-Region-AsiaPacific = 亚太
value-Region-Europe = 欧洲
value-Region-LatinAmerica = 拉丁美洲和加勒比
value-Region-MiddleEast = 中东
value-Region-NorthAmerica = 北美

value-CompanySize-1to9employees = 1 至 9 名员工
value-CompanySize-10to49employees = 10 至 49 名员工
value-CompanySize-50to999employees = 50 至 999 名员工
value-CompanySize-1000to9999employees = 1,000 至 9,999 名员工
value-CompanySize-10000plusemployees = 10,000 名及以上员工
