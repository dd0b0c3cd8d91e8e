import { Activity, FlaskConical, KeyRound } from 'lucide-react';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ErrorState } from '@/components/ErrorState';
import { isApiError } from '@/lib/api';
import type { ApiExperiment, ApiMonitoring, ApiOnlineMetrics } from '@/lib/api-schemas';
import { useMonitoring, useStartExperiment, useStopExperiment } from '../api/use-monitoring';

const KEY_STORAGE = 'marquee.admin-key';

const percent = (value: number | null | undefined, digits = 1) =>
  value === null || value === undefined ? '–' : `${(value * 100).toFixed(digits)} %`;
const decimal = (value: number | null | undefined, digits = 2) =>
  value === null || value === undefined ? '–' : value.toFixed(digits);
const signedPoints = (value: number | null | undefined) =>
  value === null || value === undefined ? '–' : `${value >= 0 ? '+' : '−'}${Math.abs(value * 100).toFixed(1)} pts`;
const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '–');

function storedKey(): string | null {
  try {
    return window.sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

/** The operator's page: is the new model better? Model versions, online metrics from stored swipes, the experiment. */
export function AdminView() {
  const [adminKey, setAdminKey] = useState<string | null>(storedKey);
  const [bucket, setBucket] = useState<'hour' | 'day'>('hour');
  const report = useMonitoring(adminKey, bucket);

  const signIn = (key: string) => {
    try {
      window.sessionStorage.setItem(KEY_STORAGE, key);
    } catch {
      // Private mode: the key lasts as long as the page.
    }
    setAdminKey(key);
  };

  if (adminKey === null || (isApiError(report.error) && (report.error.status === 401 || report.error.status === 403))) {
    return <KeyForm onSubmit={signIn} rejected={adminKey !== null} />;
  }
  return (
    <div className="mx-auto max-w-6xl space-y-10 px-4 py-8 lg:px-8">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="font-display text-3xl font-semibold text-white">Models and monitoring</h1>
          <p className="mt-1 text-sm text-zinc-400">
            Online numbers come from the stored swipes, each recorded with the model that served the card.
          </p>
        </div>
        <label className="flex items-center gap-2 text-sm text-zinc-300">
          Time buckets
          <select
            value={bucket}
            onChange={(e) => setBucket(e.target.value as 'hour' | 'day')}
            className="rounded-lg border border-white/10 bg-ink-900 px-2 py-1"
          >
            <option value="hour">hour</option>
            <option value="day">day</option>
          </select>
        </label>
      </header>
      {report.isPending && <p role="status">Loading the report…</p>}
      {report.error && (
        <ErrorState title="The report could not be loaded" error={report.error} onRetry={() => report.refetch()} />
      )}
      {report.data && <Report data={report.data} adminKey={adminKey} />}
    </div>
  );
}

function KeyForm({ onSubmit, rejected }: { onSubmit: (key: string) => void; rejected: boolean }) {
  const [value, setValue] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (value.trim()) onSubmit(value.trim());
  };
  return (
    <form onSubmit={submit} className="mx-auto mt-16 max-w-sm space-y-4 px-4">
      <h1 className="flex items-center gap-2 font-display text-2xl font-semibold text-white">
        <KeyRound aria-hidden="true" className="size-5" /> Admin
      </h1>
      {rejected && (
        <p role="alert" className="text-sm text-rose-300">
          That key was not accepted.
        </p>
      )}
      <label className="block text-sm text-zinc-300">
        Admin key
        <input
          type="password"
          value={value}
          onChange={(e) => setValue(e.target.value)}
          autoComplete="current-password"
          className="mt-1 block w-full rounded-lg border border-white/10 bg-ink-900 px-3 py-2 text-white"
        />
      </label>
      <button type="submit" className="rounded-full bg-zinc-50 px-5 py-2 text-sm font-semibold text-ink-950">
        Open the dashboard
      </button>
    </form>
  );
}

function Section({ title, icon, children }: { title: string; icon?: ReactNode; children: ReactNode }) {
  return (
    <section aria-label={title} className="space-y-3">
      <h2 className="flex items-center gap-2 text-lg font-semibold text-white">
        {icon}
        {title}
      </h2>
      {children}
    </section>
  );
}

function Table({ head, rows, label }: { head: string[]; rows: ReactNode[][]; label: string }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-white/10">
      <table aria-label={label} className="w-full text-left text-sm text-zinc-200">
        <thead className="bg-white/5 text-xs text-zinc-400 uppercase">
          <tr>
            {head.map((h) => (
              <th key={h} scope="col" className="px-3 py-2 font-medium">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => (
            <tr key={i} className="border-t border-white/5">
              {row.map((cell, j) => (
                <td key={j} className="px-3 py-2 tabular-nums">
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const onlineColumns = ['sessions', 'swipes', 'like rate', 'dislike rate', 'swipes / session', 'pages with a like', 'coverage'];
const onlineCells = (m: ApiOnlineMetrics) => [
  m.sessions,
  m.swipes,
  percent(m.like_rate),
  percent(m.dislike_rate),
  decimal(m.swipes_per_session, 1),
  percent(m.liked_page_share),
  percent(m.catalogue_coverage, 2),
];

function Report({ data, adminKey }: { data: ApiMonitoring; adminKey: string }) {
  return (
    <>
      <Section title="Model versions">
        <Table
          label="Model versions"
          head={['version', 'algorithm', 'status', 'NDCG@10', 'recall@10', 'coverage@10', 'created', 'promoted']}
          rows={data.models.map((m) => [
            <code key="v">{m.version}</code>,
            m.algorithm,
            m.is_serving ? 'serving' : m.is_current ? 'promoted' : '',
            decimal(m.validation?.ndcg_at_10, 4),
            decimal(m.validation?.recall_at_10, 4),
            percent(m.validation?.coverage_at_10),
            when(m.created_at),
            when(m.promoted_at),
          ])}
        />
      </Section>
      <Section title="Online, per model version" icon={<Activity aria-hidden="true" className="size-5" />}>
        {data.online.length === 0 ? (
          <p className="text-sm text-zinc-400">No swipes stored yet.</p>
        ) : (
          <Table
            label="Online metrics per model version"
            head={['model version', ...onlineColumns]}
            rows={data.online.map((o) => [<code key="v">{o.model_version}</code>, ...onlineCells(o.metrics)])}
          />
        )}
      </Section>
      {data.series.length > 0 && (
        <Section title={`Over time (per ${data.bucket})`}>
          <Table
            label="Online metrics over time"
            head={[data.bucket, 'model version', ...onlineColumns]}
            rows={data.series.map((p) => [
              when(p.bucket_start),
              <code key="v">{p.model_version}</code>,
              ...onlineCells(p.metrics),
            ])}
          />
        </Section>
      )}
      <ExperimentSection data={data} adminKey={adminKey} />
    </>
  );
}

function verdict(experiment: ApiExperiment): string {
  const d = experiment.like_rate_difference;
  if (!d || d.low === null || d.high === null) return 'Not enough sessions in both arms for an interval yet.';
  if (d.low > 0) return 'The candidate gets more likes: the whole interval is above zero.';
  if (d.high < 0) return 'The candidate gets fewer likes: the whole interval is below zero.';
  return 'No clear difference yet: the interval includes zero.';
}

function ExperimentSection({ data, adminKey }: { data: ApiMonitoring; adminKey: string }) {
  const experiment = data.experiment;
  const running = experiment && !experiment.stopped_at;
  const stop = useStopExperiment(adminKey);
  return (
    <Section title="Experiment" icon={<FlaskConical aria-hidden="true" className="size-5" />}>
      {experiment ? (
        <div className="space-y-3">
          <p className="text-sm text-zinc-300">
            <strong className="text-white">{experiment.name}</strong> —{' '}
            {running ? 'running' : `stopped ${when(experiment.stopped_at)}`}, {percent(experiment.candidate_share, 0)} of sessions
            on the candidate, since {when(experiment.started_at)}.
          </p>
          <Table
            label="Experiment arms"
            head={['arm', 'model version', ...onlineColumns]}
            rows={experiment.arms.map((a) => [a.arm, <code key="v">{a.model_version}</code>, ...onlineCells(a.metrics)])}
          />
          {experiment.like_rate_difference && (
            <p data-testid="like-rate-difference" className="text-sm text-zinc-200">
              Like rate, candidate − control: <strong>{signedPoints(experiment.like_rate_difference.estimate)}</strong> (95 %
              interval {signedPoints(experiment.like_rate_difference.low)} to {signedPoints(experiment.like_rate_difference.high)}
              , sessions as units). {verdict(experiment)}
            </p>
          )}
          {running && (
            <button
              type="button"
              onClick={() => stop.mutate()}
              disabled={stop.isPending}
              className="rounded-full border border-white/15 px-4 py-2 text-sm text-zinc-100"
            >
              Stop the experiment
            </button>
          )}
        </div>
      ) : (
        <p className="text-sm text-zinc-400">No experiment has run yet.</p>
      )}
      {!running && <StartExperimentForm data={data} adminKey={adminKey} />}
    </Section>
  );
}

function StartExperimentForm({ data, adminKey }: { data: ApiMonitoring; adminKey: string }) {
  const versions = data.models.map((m) => m.version);
  const [control, setControl] = useState(data.serving_version);
  const [candidate, setCandidate] = useState(versions.find((v) => v !== data.serving_version) ?? '');
  const [share, setShare] = useState(50);
  const start = useStartExperiment(adminKey);
  if (versions.length < 2) return <p className="text-sm text-zinc-400">An experiment needs two trained model versions.</p>;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    start.mutate({ control_version: control, candidate_version: candidate, candidate_share: share / 100 });
  };
  const select = (value: string, set: (v: string) => void, label: string) => (
    <label className="text-sm text-zinc-300">
      {label}
      <select
        value={value}
        onChange={(e) => set(e.target.value)}
        className="mt-1 block rounded-lg border border-white/10 bg-ink-900 px-2 py-1"
      >
        {versions.map((v) => (
          <option key={v} value={v}>
            {v}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-4 rounded-xl border border-white/10 p-4">
      {select(control, setControl, 'Control')}
      {select(candidate, setCandidate, 'Candidate')}
      <label className="text-sm text-zinc-300">
        Candidate share (%)
        <input
          type="number"
          min={1}
          max={99}
          value={share}
          onChange={(e) => setShare(Number(e.target.value))}
          className="mt-1 block w-24 rounded-lg border border-white/10 bg-ink-900 px-2 py-1"
        />
      </label>
      <button
        type="submit"
        disabled={start.isPending}
        className="rounded-full bg-zinc-50 px-5 py-2 text-sm font-semibold text-ink-950"
      >
        Start the experiment
      </button>
      {start.error && (
        <p role="alert" className="w-full text-sm text-rose-300">
          {start.error.message}
        </p>
      )}
    </form>
  );
}
