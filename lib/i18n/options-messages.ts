// The options page's strings (Chinese first), part of the one message table in ./messages.ts.
export const OPTIONS_MESSAGES = {} as const satisfies Record<string, { zh: string; en: string }>;
