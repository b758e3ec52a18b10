import { defineConfig } from 'wxt';

// Courier APIs are optional: asked for only when the merchant configures a provider.
export const COURIER_API_ORIGINS = ['https://poll.kuaidi100.com/*', 'https://api.kdniao.com/*'];

export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'alarms', 'notifications'],
    host_permissions: ['https://mms.pinduoduo.com/*'],
    optional_host_permissions: COURIER_API_ORIGINS,
    action: { default_title: '__MSG_extName__' },
  },
});
