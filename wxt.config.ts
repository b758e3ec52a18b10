import { defineConfig } from 'wxt';

// Courier APIs are optional: asked for only when the merchant configures a provider.
export const COURIER_API_ORIGINS = ['https://poll.kuaidi100.com/*', 'https://api.kdniao.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ['https://mms.pinduoduo.com/*'],
    optional_host_permissions: COURIER_API_ORIGINS,
    action: { default_title: '__MSG_extName__' },
    // Firefox (MV3, 128+ for page-world content scripts) wants an id and a data-collection statement.
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: { id: 'order-sentinel@order-sentinel.invalid', strict_min_version: '128.0', data_collection_permissions: { required: ['none'] } },
          },
        }
      : {}),
  }),
});
