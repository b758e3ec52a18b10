// @webext-core/messaging types a message's `sender` as `chrome.runtime.MessageSender`, from @types/chrome (an
// optional peer this project does not install: it uses WXT's `browser`). Without it the type does not resolve
// and `sender` is silently `any`; WXT's Browser types are generated from the same Chrome API definitions.
import type { Browser } from 'wxt/browser';

declare global {
  namespace chrome.runtime {
    type MessageSender = Browser.runtime.MessageSender;
  }
}
