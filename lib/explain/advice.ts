// What the merchant can do about each finding, from the merchant articles the project started from
// (shared/seeds) and pdd-rules.md. Shown in the badge explanation under 「建议」.
import type { FindingKind } from '../rules/vocabulary';

export const ADVICE: Readonly<Record<FindingKind, { zh: string; en: string }>> = {
  ship_by: {
    zh: '在承诺发货时间前上传真实单号；确实无法按时发货时先联系买家说明并添加备注。',
    en: 'Upload a real tracking number before the promised time; if you cannot, tell the buyer in chat and add a remark.',
  },
  pickup_by: {
    zh: '联系快递员尽快上门揽收或送到网点扫描：上传单号后24小时无揽收记录会被判虚假发货。单号填错可在24小时内修改。',
    en: 'Get the courier to pick up or scan the parcel now: no pickup scan within 24 h of upload counts as fake shipping. A wrong number can be edited within 24 h.',
  },
  tracking_edit_by: {
    zh: '单号填错请在发货后24小时内通过发货中心「覆盖发货」或订单详情修改；之后只能补寄额外包裹。',
    en: 'A wrong tracking number can be replaced within 24 h of shipping (发货中心 覆盖发货 or order details); after that only an extra package is possible.',
  },
  after_sale_reply_by: {
    zh: '在截止前处理售后（同意，或拒绝并上传凭证）；超时平台会按到期动作自动处理。',
    en: 'Answer the case before the deadline (accept, or refuse with evidence); when it expires the platform acts for you.',
  },
  fast_refund_appeal_by: {
    zh: '极速退款后买家未退货或退回异常（空包等）：保留凭证，7天内发起申诉。',
    en: 'Instant refund and the goods did not come back (or came back wrong): keep evidence and appeal within 7 days.',
  },
  extra_package_by: {
    zh: '单号已无法修改：在聊天中告知买家、添加商家备注，并在发货后30天内添加「补寄」类型的额外包裹。补寄单号不影响发货考核，考核仍看原单号。',
    en: 'The number can no longer be edited: tell the buyer, add a remark, and add an extra package of type 补寄 within 30 days of shipping. Extra numbers do not change the shipping verdict.',
  },
  auto_confirm_at: {
    zh: '到期系统自动确认收货，货款结算；买家可延长3天。',
    en: 'Receipt is confirmed automatically then and the funds settle; the buyer may extend by 3 days.',
  },
  shipped_late: {
    zh: '晚于承诺时间发货，可能产生延迟发货赔付；后续订单按时发货以降低延迟率。',
    en: 'Shipped after the promised time: a late-shipment compensation is likely. Ship later orders on time to dilute the rate.',
  },
  early_upload: {
    zh: '单号已上传但快递未揽收扫描：联系快递员尽快揽收，避免被判虚假发货。',
    en: 'The number is uploaded but the courier has not scanned the parcel: get it picked up before it counts as fake shipping.',
  },
  stalled: {
    zh: '联系快递网点查询包裹为何没有更新，必要时主动告知买家，避免物流投诉。',
    en: 'Ask the courier depot why the parcel is not moving and tell the buyer before they complain.',
  },
  delivery_problem: {
    zh: '联系快递处理问题件，核实收件地址和电话，必要时联系买家。',
    en: 'Have the courier resolve the problem parcel; check the address and phone, contact the buyer if needed.',
  },
  rejected: {
    zh: '买家拒收：联系买家了解原因，关注退回包裹；拒收订单会转为仅退款。',
    en: 'The buyer refused the parcel: ask why and watch the return; a rejection becomes a refund.',
  },
  returning: {
    zh: '包裹正在退回：关注退回轨迹，收到后核对货物再处理退款。',
    en: 'The parcel is on its way back: follow the return and check the goods before refunding.',
  },
  destination_mismatch: {
    zh: '轨迹与收货地址不符：核对是否填错单号（24小时内可修改），否则可能被判虚假轨迹。',
    en: 'The trace does not go to the buyer’s city: check for a wrong number (editable within 24 h) before it counts as a false trace.',
  },
  duplicate_tracking: {
    zh: '同一单号用于多个不同收件人的订单：核对并修改填错的单号。',
    en: 'One tracking number is on orders for different receivers: find and fix the wrong one.',
  },
  tracking_invalid: {
    zh: '快递查不到此单号或快递公司不符：核对快递公司和单号，24小时内可修改。',
    en: 'The courier has no record of this number, or it belongs to another courier: check both; editable within 24 h.',
  },
  proxy_signed: {
    zh: '包裹由驿站、快递柜或他人代签：提醒买家取件，避免「签收未收到」投诉。',
    en: 'Signed by a station, locker or someone else: remind the buyer to collect it, to avoid a “signed but not received” complaint.',
  },
  urged_unshipped: {
    zh: '买家已催发货：尽快发货，或在聊天中说明发货时间。',
    en: 'The buyer asked you to ship: ship now, or tell them when you will.',
  },
  risk_hold: {
    zh: '订单风控审核中：审核结束前请勿发货。',
    en: 'Under risk review: do not ship until the review ends.',
  },
  intercept_parcel: {
    zh: '发货后买家申请退款而包裹尚未送达：联系快递拦截包裹；若退款原因是物流问题，可请买家修改退款原因。',
    en: 'Refund requested after shipping while the parcel is still moving: ask the courier to intercept it; if the reason cites logistics, ask the buyer to change it.',
  },
  logistics_refund: {
    zh: '物流原因退款会计入物流服务异常：核实物流情况，可请买家修改退款原因。',
    en: 'Refunds for logistics reasons count against your logistics rate: check the parcel and ask the buyer to change the reason if it is wrong.',
  },
  timeout_auto_refund: {
    zh: '商家超时未处理，平台已自动退款：检查售后处理流程，避免再次超时。',
    en: 'The platform refunded because the case was not answered in time: check how after-sales cases are handled.',
  },
  rejection_cluster: {
    zh: '同一商品短期内多单拒收：检查商品质量与描述，或是否遭遇恶意下单（可投诉恶意订单）。',
    en: 'Several rejections of one product in a week: check quality and description, or report malicious orders.',
  },
};
