// The options page's strings (Chinese first), part of the one message table in ./messages.ts.
export const OPTIONS_MESSAGES = {
  optionsNav: { zh: '设置目录', en: 'Sections' },
  optionsLoading: { zh: '正在读取设置…', en: 'Reading the settings…' },
  optionsStoredSettingsErrors: { zh: '已保存的设置有误，已改用默认值：', en: 'Stored settings had problems; defaults used for: ' },
  optionsSettingsUnreadable: { zh: '设置无法读取，暂用默认值：{reason}', en: 'The settings could not be read; defaults are shown: {reason}' },
  optionsListSeparator: { zh: '、', en: ', ' },
  optionsUnsaved: { zh: '有未保存的修改', en: 'Unsaved changes' },

  // 标注
  optionsBadgesTitle: { zh: '标注', en: 'Badges' },
  optionsBadgesIntro: {
    zh: '选择订单卡片上显示哪些标注。只影响后台页面上的标注：规则照常计算，弹出窗口的待处理列表和桌面通知不受影响。',
    en: 'Choose which badges the order cards show. Only the console page changes: the rules still run, and the popup’s list and the desktop notifications stay as they are.',
  },
  optionsClockKinds: { zh: '时钟（倒计时）', en: 'Clocks (countdowns)' },
  optionsAnomalyKinds: { zh: '异常', en: 'Anomalies' },
  optionsShowAll: { zh: '全部显示', en: 'Show all' },
  optionsShowAllOf: { zh: '全部显示：{group}', en: 'Show all: {group}' },
  optionsSaveBadges: { zh: '保存标注设置', en: 'Save badge settings' },

  // 规则阈值
  optionsThresholdsTitle: { zh: '规则阈值', en: 'Rule thresholds' },
  optionsThresholdsIntro: {
    zh: '每条规则的时限与提醒分级，按标注种类分组。可信度：高 = 平台字段说明或多次实测，中 = 单一可靠来源，低 = 单篇文章或推断。保存后，已打开的订单列表无需刷新即按新阈值重新标注。',
    en: 'Each rule’s limits and warning bands, grouped by badge kind. Confidence: high = a platform field description or many captures, medium = one credible source, low = one article or an inference. Once saved, open order lists redraw their badges with the new thresholds, without a reload.',
  },
  optionsColumnRule: { zh: '规则', en: 'Rule' },
  optionsColumnValue: { zh: '值', en: 'Value' },
  optionsColumnDefault: { zh: '默认', en: 'Default' },
  optionsColumnSource: { zh: '来源 · 可信度', en: 'Source · confidence' },
  optionsConfidenceH: { zh: '可信度高', en: 'high confidence' },
  optionsConfidenceM: { zh: '可信度中', en: 'medium confidence' },
  optionsConfidenceL: { zh: '可信度低', en: 'low confidence' },
  optionsHeuristicTag: { zh: '经验值', en: 'heuristic' },
  optionsModified: { zh: '已修改', en: 'Changed' },
  optionsModifiedCount: { zh: '{n} 项已修改', en: '{n} changed' },
  optionsResetOne: { zh: '恢复默认', en: 'Reset' },
  optionsResetOneLabel: { zh: '将“{label}”恢复为默认值 {value} {unit}', en: 'Reset “{label}” to its default, {value} {unit}' },
  optionsResetAll: { zh: '全部恢复默认', en: 'Reset all to defaults' },
  optionsSaveThresholds: { zh: '保存阈值', en: 'Save thresholds' },
  optionsThresholdsBlocked: { zh: '{n} 项阈值需要更正（已标红），未保存。', en: '{n} thresholds need correcting (marked in red); nothing was saved.' },
  optionsThresholdEmpty: { zh: '请填写数值', en: 'Enter a value' },
  optionsThresholdNotNumber: { zh: '请填写数字', en: 'Enter a number' },
  optionsThresholdNotWhole: { zh: '须为整数', en: 'Must be a whole number' },
  optionsThresholdRange: { zh: '须在 {min}–{max} {unit} 之间', en: 'Must be from {min} to {max} {unit}' },
  optionsThresholdBandBelow: {
    zh: '须小于“{other}”（现为 {value} {unit}）：告急要比提醒更临近截止',
    en: 'Must be less than “{other}” (now {value} {unit}): critical comes closer to the deadline than warn',
  },
  optionsThresholdBandAbove: {
    zh: '须大于“{other}”（现为 {value} {unit}）：提醒要比告急更早',
    en: 'Must be more than “{other}” (now {value} {unit}): warn comes before critical',
  },
  optionsUnitHours: { zh: '小时', en: 'h' },
  optionsUnitDays: { zh: '天', en: 'days' },
  optionsUnitCount: { zh: '单', en: 'orders' },

  // 数据
  optionsDataTitle: { zh: '数据', en: 'Data' },
  optionsDataIntro: {
    zh: '历史只保存在本机浏览器（IndexedDB），不含买家姓名、电话和地址，也不包含快递账号。',
    en: 'History stays in this browser (IndexedDB), without buyer names, phones or addresses, and without courier accounts.',
  },
  optionsStoredCounts: {
    zh: '本机已记录 {orders} 单（{shops} 个店铺）、{waybills} 个包裹、{changes} 条变化记录、{notifications} 条提醒。',
    en: 'Stored here: {orders} orders ({shops} shops), {waybills} parcels, {changes} history lines, {notifications} notifications.',
  },
  optionsStoredCountsLoading: { zh: '正在统计本机记录…', en: 'Counting the stored records…' },
  optionsRetentionDays: { zh: '已完结订单保留天数', en: 'Keep closed orders for (days)' },
  optionsRetentionHint: {
    zh: '{min}–{max} 天。已签收、已取消或已退款且超过此天数未再出现的订单，每天自动清理一次。',
    en: '{min}–{max} days. Orders received, cancelled or refunded and not seen for longer are removed once a day.',
  },
  optionsRetentionInvalid: { zh: '保留天数须为 {min}–{max} 之间的整数', en: 'Retention must be whole days from {min} to {max}' },
  optionsSaveRetention: { zh: '保存保留天数', en: 'Save retention' },
  optionsBackupTitle: { zh: '导出与备份', en: 'Export and backup' },
  optionsExportAtRisk: { zh: '导出待处理订单（CSV）', en: 'At-risk orders (CSV)' },
  optionsExportHistory: { zh: '导出全部历史（CSV）', en: 'Full history (CSV)' },
  optionsExportBackup: { zh: '导出备份（JSON）', en: 'Backup (JSON)' },
  optionsImportBackup: { zh: '导入备份…', en: 'Import a backup…' },
  optionsExportHint: {
    zh: 'CSV 可直接用 Excel 或 WPS 打开；JSON 备份可在另一台电脑导入，导入时与本机记录合并。',
    en: 'The CSV files open in Excel or WPS; a JSON backup can be imported on another computer, merging with what is stored there.',
  },
  optionsExported: { zh: '已导出', en: 'Exported' },
  optionsImportNotJson: { zh: '文件不是有效的 JSON', en: 'The file is not valid JSON' },
  optionsImportFailed: { zh: '导入失败：{reason}', en: 'Import failed: {reason}' },
  optionsImported: { zh: '已导入：新增 {added} 条，更新 {updated} 条，跳过 {skipped} 条', en: 'Imported: {added} added, {updated} updated, {skipped} skipped' },
  optionsImportUnknownFields: { zh: '{count} 个未知字段未导入：{paths}', en: '{count} unknown field(s) not imported: {paths}' },

  // 语言
  optionsLanguageTitle: { zh: '语言', en: 'Language' },
  optionsLanguage: { zh: '界面语言', en: 'Interface language' },
  optionsLanguageAuto: { zh: '跟随浏览器', en: 'Browser default' },
  // Each language named in its own words, whatever the page's language.
  optionsLanguageZh: { zh: '中文', en: '中文' },
  optionsLanguageEn: { zh: 'English', en: 'English' },
  optionsLanguageHint: {
    zh: '设置页、弹出窗口、后台页面上的标注和桌面通知都使用此语言。',
    en: 'The settings, the popup, the badges on the console and the desktop notifications use this language.',
  },
  optionsSaveLanguage: { zh: '保存语言', en: 'Save language' },

  // Settings problems (lib/settings/settings-problem.ts), stored or refused on save; {setting} is the field's label.
  optionsProblemNotObject: { zh: '保存的设置无法识别，已全部使用默认值', en: 'The stored settings could not be read; every default is used' },
  optionsProblemNothingToSave: { zh: '没有可保存的设置', en: 'There were no settings to save' },
  optionsProblemUnknownSetting: { zh: '未知的设置“{setting}”', en: 'Unknown setting “{setting}”' },
  optionsProblemOutOfRange: { zh: '“{setting}”须在 {min}–{max} 之间（收到 {value}）', en: '“{setting}” must be from {min} to {max} (got {value})' },
  optionsProblemInvalid: { zh: '“{setting}”的值无效（收到 {value}）', en: '“{setting}” has an invalid value (got {value})' },
  optionsProblemTooMany: { zh: '“{setting}”最多 {max} 个（收到 {value} 个）', en: '“{setting}” takes at most {max} (got {value})' },
  optionsProblemRepeated: { zh: '“{setting}”中的 {value} 重复了', en: '“{setting}” lists {value} twice' },
  optionsValueList: { zh: '一个列表', en: 'a list' },
  optionsValueObject: { zh: '一个对象', en: 'an object' },
  optionsProblemMissing: { zh: '“{setting}”缺少值', en: '“{setting}” has no value' },
  optionsProblemSeparator: { zh: '；', en: '; ' },
} as const satisfies Record<string, { zh: string; en: string }>;
