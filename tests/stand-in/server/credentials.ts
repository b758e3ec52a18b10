// The stand-in couriers' account credentials. They sign requests exactly like real accounts do, so a
// tracking client configured with these talks to the stand-ins the way it would talk to the providers.

export const STAND_IN_KUAIDI100 = { customer: 'DEMO-CUSTOMER', key: 'demo-key' } as const;

export const STAND_IN_KDNIAO = { businessId: 'DEMO-EB', appKey: 'demo-appkey' } as const;

/**
 * The merchant's own phone tail (settings 寄件人手机后四位). Like the real couriers, the stand-ins accept the
 * sender's tail for any of the shop's 顺丰/中通 waybills: it is what the extension must send for orders whose
 * masked number it may not read a tail from.
 */
export const STAND_IN_SENDER_PHONE_TAIL = '0571';
