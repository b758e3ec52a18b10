import { useEffect, useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { ProviderStatus } from '@/components/ProviderStatus';
import { useSettings } from '@/components/settings-store';
import type { SentinelDb } from '@/lib/db/schema';
import { errorMessage, logFailure } from '@/lib/errors/error-message';
import { t, type MessageKey } from '@/lib/i18n/messages';
import { sendMessage } from '@/lib/messages/protocol';
import { resumeProvider } from '@/lib/polling/poller-state';
import { PROVIDER_ORIGINS, providerHost } from '@/lib/settings/provider-origins';
import { DAILY_BUDGET, TRACKING_SERVICES, type TrackingSettings } from '@/lib/settings/settings';
import {
  parseTrackingCredentials,
  saveProviderCredentials,
  trackingCredentialsItem,
  type CredentialProvider,
  type TrackingCredentials,
} from '@/lib/settings/tracking-credentials';
import { saveCredentialsFromClick, saveTrackingFromClick, type ClickSaveOutcome, type RequestOrigins } from '@/lib/settings/tracking-save';
import type { TrackingService } from '@/lib/tracking/provider';
import type { Lang } from '@/lib/time/shanghai';
import { ResultLine, type Result } from '@/components/ResultLine';
import { useDraft } from './use-draft';
import { settingsProblemsText } from '@/lib/settings/settings-problem-text';

const SERVICE_LABELS: Record<TrackingService, MessageKey> = {
  kuaidi100: 'serviceKuaidi100',
  kdniao: 'serviceKdniao',
  demo: 'serviceDemo',
  console_only: 'serviceConsoleOnly',
};

const isAccountProvider = (service: TrackingService): service is CredentialProvider => service === 'kuaidi100' || service === 'kdniao';

/** Asks the browser for host access; the options page calls it synchronously from a click (see lib/settings/tracking-save.ts). */
const requestOrigins: RequestOrigins = (origins) => browser.permissions.request({ origins });

function outcomeText(outcome: ClickSaveOutcome, lang: Lang): Result {
  switch (outcome.status) {
    case 'saved':
      return { ok: true, text: t('saved', lang) };
    case 'invalid':
      return { ok: false, text: outcome.errors.join('；') };
    case 'settings_invalid':
      return { ok: false, text: settingsProblemsText(outcome.problems, lang) };
    case 'refused':
      return { ok: false, text: t('permissionRefused', lang, { host: outcome.host }) };
    case 'needs_account':
      return { ok: false, text: t('accountNeeded', lang, { provider: t(SERVICE_LABELS[outcome.provider], lang) }) };
  }
}

/**
 * 物流查询: the tracking service, the sender's phone tail, the daily budget, each provider's account, 测试连接, and
 * what the poller says about the chosen provider (with the database; none while it cannot be opened).
 */
export function TrackingSection({ lang, db }: { lang: Lang; db: SentinelDb | null }) {
  const { settings, saveTracking } = useSettings();
  const [stored, setStored] = useState<{ credentials: TrackingCredentials; errors: string[] } | null>(null);
  const { draft, change: changeDraft, dirty } = useDraft(settings.tracking);
  const [saveResult, setSaveResult] = useState<Result>(null);
  const [connection, setConnection] = useState<Result>(null);
  const [testing, setTesting] = useState(false);
  // Whether the saved service's host is granted: the merchant can withdraw it in the browser at any time.
  const [granted, setGranted] = useState<Partial<Record<CredentialProvider, boolean>>>({});
  const headingId = useId();
  const serviceId = useId();
  const tailId = useId();
  const budgetId = useId();

  useEffect(() => {
    trackingCredentialsItem
      .getValue()
      .then((raw) => setStored(parseTrackingCredentials(raw)))
      .catch((error: unknown) => setStored({ credentials: {}, errors: [errorMessage(error)] }));
  }, []);
  const savedService = settings.tracking.service;
  useEffect(() => {
    if (!isAccountProvider(savedService)) return;
    browser.permissions
      .contains({ origins: [PROVIDER_ORIGINS[savedService]] })
      .then((has) => setGranted((known) => ({ ...known, [savedService]: has })))
      .catch(() => setGranted((known) => ({ ...known, [savedService]: false })));
  }, [savedService]);

  const change = (next: TrackingSettings) => {
    changeDraft(next);
    setSaveResult(null);
  };
  const onSaveTracking = () => {
    // No await before this call: the permission prompt needs the click's user gesture.
    const saving = saveTrackingFromClick(draft, stored?.credentials ?? {}, { requestOrigins, save: saveTracking });
    void saving.then((outcome) => {
      setSaveResult(outcomeText(outcome, lang));
      if (outcome.status === 'saved' && isAccountProvider(draft.service)) setGranted((known) => ({ ...known, [draft.service]: true }));
    });
  };
  const onTest = async () => {
    const provider = draft.service;
    if (provider === 'console_only') {
      setConnection({ ok: true, text: t('connectionConsoleOnly', lang) });
      return;
    }
    setTesting(true);
    setConnection(null);
    try {
      const reply = await sendMessage('testTrackingConnection', { provider });
      setConnection({ ok: reply.ok, text: reply.message[lang] });
    } catch (error) {
      setConnection({ ok: false, text: t('connectionFailed', lang, { reason: errorMessage(error) }) });
    } finally {
      setTesting(false);
    }
  };
  const onCredentialsSaved = (provider: CredentialProvider, credentials: TrackingCredentials) => {
    setStored((known) => ({ credentials: { ...known?.credentials, ...credentials }, errors: known?.errors ?? [] }));
    setGranted((known) => ({ ...known, [provider]: true }));
    // New credentials are what an account stop waits for: the poller may ask this provider again.
    if (db !== null) resumeProvider(db, provider, Date.now()).catch(logFailure('resuming the provider'));
  };

  const permissionMissing = isAccountProvider(savedService) && granted[savedService] === false;

  return (
    <section id="tracking" aria-labelledby={headingId}>
      <h2 id={headingId}>
        {t('trackingTitle', lang)}
        {dirty && <span className="unsaved">{t('optionsUnsaved', lang)}</span>}
      </h2>
      <p className="muted">{t('trackingIntro', lang)}</p>
      {permissionMissing && (
        <p className="banner" data-testid="tracking-permission-missing">
          {t('permissionMissing', lang, { provider: t(SERVICE_LABELS[savedService], lang), host: providerHost(savedService) })}
        </p>
      )}
      {db !== null && savedService !== 'console_only' && <ProviderStatus db={db} provider={savedService} dailyBudget={settings.tracking.dailyBudget} lang={lang} />}
      {stored !== null && stored.errors.length > 0 && (
        <p className="banner" data-testid="stored-credentials-errors">
          {t('storedAccountsBroken', lang)}
          {stored.errors.join('；')}
        </p>
      )}
      <p>
        <label htmlFor={serviceId}>{t('trackingService', lang)}</label>{' '}
        <select id={serviceId} name="trackingService" value={draft.service} onChange={(event) => change({ ...draft, service: event.target.value as TrackingService })}>
          {TRACKING_SERVICES.map((service) => (
            <option key={service} value={service}>
              {t(SERVICE_LABELS[service], lang)}
            </option>
          ))}
        </select>
      </p>
      <p>
        <label htmlFor={tailId}>{t('senderPhoneTail', lang)}</label>{' '}
        <input
          id={tailId}
          name="senderPhoneTail"
          inputMode="numeric"
          maxLength={4}
          size={6}
          autoComplete="off"
          aria-describedby={`${tailId}-hint`}
          value={draft.senderPhoneTail ?? ''}
          onChange={(event) => change({ ...draft, senderPhoneTail: event.target.value.trim() === '' ? null : event.target.value.trim() })}
        />{' '}
        <span id={`${tailId}-hint`} className="muted">
          {t('senderPhoneTailHint', lang)}
        </span>
      </p>
      <p>
        <label htmlFor={budgetId}>{t('dailyBudget', lang)}</label>{' '}
        <input
          id={budgetId}
          type="number"
          name="dailyBudget"
          min={DAILY_BUDGET.min}
          max={DAILY_BUDGET.max}
          value={Number.isNaN(draft.dailyBudget) ? '' : draft.dailyBudget}
          onChange={(event) => change({ ...draft, dailyBudget: event.target.valueAsNumber })}
        />
      </p>
      <p className="actions">
        <button type="button" className="primary" disabled={stored === null} onClick={onSaveTracking}>
          {t('saveTracking', lang)}
        </button>
        <button type="button" disabled={testing} onClick={() => void onTest()}>
          {testing ? t('testingConnection', lang) : t('testConnection', lang)}
        </button>
      </p>
      <ResultLine result={saveResult} testId="tracking-save-result" />
      <ResultLine result={connection} testId="connection-result" />
      {stored !== null && (
        <>
          <Kuaidi100Form lang={lang} initial={stored.credentials.kuaidi100} onSaved={onCredentialsSaved} />
          <KdniaoForm lang={lang} initial={stored.credentials.kdniao} onSaved={onCredentialsSaved} />
        </>
      )}
    </section>
  );
}

/** Saves one provider's account from its own button: host permission first (from the click), then storage. */
function useCredentialSave(provider: CredentialProvider, lang: Lang, onSaved: (provider: CredentialProvider, credentials: TrackingCredentials) => void) {
  const [result, setResult] = useState<Result>(null);
  const save = (candidate: Required<TrackingCredentials>[CredentialProvider]) => {
    const saving = saveCredentialsFromClick(provider, candidate, { requestOrigins, save: saveProviderCredentials });
    void saving.then((outcome) => {
      setResult(outcomeText(outcome, lang));
      if (outcome.status === 'saved') onSaved(provider, { [provider]: candidate });
    });
  };
  return { result, save, clear: () => setResult(null) };
}

function Field({ label, name, value, secret, onChange }: { label: string; name: string; value: string; secret?: boolean; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <p>
      <label htmlFor={id}>{label}</label>{' '}
      <input
        id={id}
        name={name}
        type={secret ? 'password' : 'text'}
        autoComplete="off"
        spellCheck={false}
        size={40}
        value={value}
        onChange={(event) => onChange(event.target.value)}
      />
    </p>
  );
}

function Kuaidi100Form({
  lang,
  initial,
  onSaved,
}: {
  lang: Lang;
  initial: TrackingCredentials['kuaidi100'];
  onSaved: (provider: CredentialProvider, credentials: TrackingCredentials) => void;
}) {
  const [customer, setCustomer] = useState(initial?.customer ?? '');
  const [key, setKey] = useState(initial?.key ?? '');
  const { result, save, clear } = useCredentialSave('kuaidi100', lang, onSaved);
  return (
    <>
      <h3>{t('serviceKuaidi100', lang)}</h3>
      <Field label={t('kuaidi100Customer', lang)} name="kuaidi100Customer" value={customer} onChange={(next) => (setCustomer(next), clear())} />
      <Field label={t('kuaidi100Key', lang)} name="kuaidi100Key" value={key} secret onChange={(next) => (setKey(next), clear())} />
      <p className="actions">
        <button type="button" onClick={() => save({ customer: customer.trim(), key: key.trim() })}>
          {t('saveKuaidi100', lang)}
        </button>
      </p>
      <ResultLine result={result} testId="kuaidi100-save-result" />
    </>
  );
}

function KdniaoForm({
  lang,
  initial,
  onSaved,
}: {
  lang: Lang;
  initial: TrackingCredentials['kdniao'];
  onSaved: (provider: CredentialProvider, credentials: TrackingCredentials) => void;
}) {
  const [businessId, setBusinessId] = useState(initial?.businessId ?? '');
  const [apiKey, setApiKey] = useState(initial?.apiKey ?? '');
  const [requestType, setRequestType] = useState<'1002' | '8001'>(initial?.requestType ?? '1002');
  const { result, save, clear } = useCredentialSave('kdniao', lang, onSaved);
  const requestTypeId = useId();
  return (
    <>
      <h3>{t('serviceKdniao', lang)}</h3>
      <Field label={t('kdniaoBusinessId', lang)} name="kdniaoBusinessId" value={businessId} onChange={(next) => (setBusinessId(next), clear())} />
      <Field label={t('kdniaoApiKey', lang)} name="kdniaoApiKey" value={apiKey} secret onChange={(next) => (setApiKey(next), clear())} />
      <p>
        <label htmlFor={requestTypeId}>{t('kdniaoRequestType', lang)}</label>{' '}
        <select
          id={requestTypeId}
          name="kdniaoRequestType"
          value={requestType}
          onChange={(event) => {
            setRequestType(event.target.value === '8001' ? '8001' : '1002');
            clear();
          }}
        >
          <option value="1002">{t('kdniaoRequest1002', lang)}</option>
          <option value="8001">{t('kdniaoRequest8001', lang)}</option>
        </select>
      </p>
      <p className="actions">
        <button type="button" onClick={() => save({ businessId: businessId.trim(), apiKey: apiKey.trim(), requestType })}>
          {t('saveKdniao', lang)}
        </button>
      </p>
      <ResultLine result={result} testId="kdniao-save-result" />
    </>
  );
}
