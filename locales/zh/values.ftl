# The domain's values in words: `value-<Kind>-<Value>` (the API's spelling), read by
# `i18n::value` in the app. Values are stored in the API's words, never translated.

value-Stage-Inbox = 收件箱
value-Stage-Accepted = 已接受
value-Stage-Archived = 已存档

value-Status-New = 新建
value-Status-Active = 活动
value-Status-Closed = 已关闭

value-Substatus-Pending = 待处理
value-Substatus-Received = 已接收
value-Substatus-Accepted = 已接受
value-Substatus-Won = 赢单
value-Substatus-Lost = 丢单
value-Substatus-Declined = 已拒绝
value-Substatus-Expired = 已过期

value-Category-Marketplace = 市场潜在顾客
value-Category-Qualified = 合格潜在顾客

value-ReferralType-Independent = 独立
value-ReferralType-Shared = 与供应商共享

value-Qualification-Direct = 直接（客户咨询）
value-Qualification-MarketingQualified = 营销合格
value-Qualification-SalesQualified = 销售合格
value-Qualification-None = 未经资格认定

value-Direction-Incoming = 传入
value-Direction-Outgoing = 传出

value-LeadType-Offer = 产品/服务
value-LeadType-Profile = 业务配置文件

value-LeadSource-AppSource = AppSource
value-LeadSource-AzureMarketplace = Azure Marketplace
value-LeadSource-AzurePortal = Azure 门户

value-CallToAction-GetItNow = 立即获取
value-CallToAction-FreeTrial = 免费试用
value-CallToAction-TestDrive = 体验版
value-CallToAction-ContactMe = 联系我

value-LeadQuality-High = 高
value-LeadQuality-Medium = 中
value-LeadQuality-Low = 低（可能是垃圾邮件）

value-EmailValidity-Valid = 有效
value-EmailValidity-Invalid = 无效
value-EmailValidity-Spam = 垃圾邮件
value-EmailValidity-Unknown = 未验证

value-PhoneValidity-Valid = 有效
value-PhoneValidity-Invalid = 无效
value-PhoneValidity-Unknown = 未验证

value-Role-PartnerAdmin = 合作伙伴管理员
value-Role-ReferralsAdmin = 引荐管理员
value-Role-ReferralsUser = 引荐用户
value-Role-BusinessProfileAdmin = 业务配置文件管理员
value-Role-Viewer = 查看者

value-Action-Accept = 接受
value-Action-Decline = 拒绝
value-Action-Edit = 编辑
value-Action-AddTeamMember = 添加你的员工
value-Action-Won = 赢单
value-Action-Lost = 丢单

value-DeclineReason-ProjectBudgetNotAdequate = 项目预算不足
value-DeclineReason-CustomerDidNotRespond = 客户未回应
value-DeclineReason-CustomerChoseAnotherVendor = 客户选择了其他供应商
value-DeclineReason-CustomerRequirementNotMet = 未满足客户需求
value-DeclineReason-NotACustomer = 不是客户
value-DeclineReason-TimelineTooShort = 建议的时间线太短
value-DeclineReason-ReportAsAbuse = 举报为滥用、垃圾邮件或网络钓鱼
value-DeclineReason-Others = 其他

value-RegistrationState-Pending = 待审核
value-RegistrationState-Approved = 已批准
value-RegistrationState-ActionRequired = 需要操作
value-RegistrationState-Rejected = 已驳回

value-TenantType-SingleTenant = 单租户
value-TenantType-MultiTenant = 多租户

value-PricingModel-PerUser = 按用户
value-PricingModel-PerDevice = 按设备
value-PricingModel-UsageBased = 按使用量
value-PricingModel-FlatRate = 固定费率
value-PricingModel-Other = 其他

value-SortKey-created = 创建时间
value-SortKey-updated = 更新时间
value-SortKey-dealValue = 交易价值
value-SortKey-expiry = 到期时间
value-SortKey-emailValidity = 电子邮件有效性
value-SortKey-phoneValidity = 电话有效性

# A kind of value, as a sentence names it.
value-Kind-Stage = 视图
value-Kind-Category = 类别
value-Kind-CallToAction = 号召性用语
value-Kind-LeadSource = 潜在顾客来源
value-Kind-LeadType = 潜在顾客类型
value-Kind-LeadQuality = 潜在顾客质量
value-Kind-Status = 状态
value-Kind-EmailValidity = 电子邮件有效性
value-Kind-PhoneValidity = 电话有效性
value-Kind-SortKey = 排序依据
value-Kind-SortDirection = 排序方向
