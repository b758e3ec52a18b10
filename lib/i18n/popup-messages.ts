// The popup page's strings (Chinese first), part of the one message table in ./messages.ts.
export const POPUP_MESSAGES = {} as const satisfies Record<string, { zh: string; en: string }>;
