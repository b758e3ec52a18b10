// The stand-in couriers' account credentials. They sign requests exactly like real accounts do, so a
// tracking client configured with these talks to the stand-ins the way it would talk to the providers.

export const STAND_IN_KUAIDI100 = { customer: 'DEMO-CUSTOMER', key: 'demo-key' } as const;

export const STAND_IN_KDNIAO = { businessId: 'DEMO-EB', appKey: 'demo-appkey' } as const;
