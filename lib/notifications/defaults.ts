// The notification settings a merchant starts with (issue 12): the planner's tests, the month simulation and
// the settings' defaults read the same values.
import type { LeadTimeKind, NotificationSettings, NotifyAnomalyKind } from './types';

export const LEAD_TIME_KINDS: readonly LeadTimeKind[] = ['ship_by', 'pickup_by', 'after_sale_reply_by'];

export const NOTIFY_ANOMALY_KINDS: readonly NotifyAnomalyKind[] = [
  'rejected',
  'returning',
  'intercept_parcel',
  'duplicate_tracking',
  'tracking_invalid',
  'timeout_auto_refund',
];

export function defaultNotificationSettings(): NotificationSettings {
  return {
    enabled: true,
    leadHours: { ship_by: [4, 1], pickup_by: [8, 2], after_sale_reply_by: [6, 1] },
    anomalies: {
      rejected: true,
      returning: true,
      intercept_parcel: true,
      duplicate_tracking: true,
      tracking_invalid: true,
      timeout_auto_refund: true,
    },
    quietHours: null,
    digest: true,
    sound: false,
  };
}
