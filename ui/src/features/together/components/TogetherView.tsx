import { LogIn, Users } from 'lucide-react';
import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { useCreateRoom, useJoinRoom } from '../api/use-room';
import { rememberName, rememberedName } from '../lib/display-name';
import { NameField, fieldClass } from './NameField';

const primary =
  'inline-flex w-full items-center justify-center gap-2 rounded-full bg-zinc-50 px-5 py-3 text-sm font-semibold text-ink-950 transition hover:bg-white disabled:opacity-60';

/** /together: start a room, or join one with the code a friend shared. */
export function TogetherView() {
  const navigate = useNavigate();
  const create = useCreateRoom();
  const join = useJoinRoom();
  const [hostName, setHostName] = useState(rememberedName);
  const [wish, setWish] = useState('');
  const [majority, setMajority] = useState(false);
  const [code, setCode] = useState('');
  const [guestName, setGuestName] = useState(rememberedName);

  const onCreate = (event: FormEvent) => {
    event.preventDefault();
    rememberName(hostName);
    create.mutate(
      { display_name: hostName.trim(), query: wish.trim() || undefined, match_rule: majority ? 'majority' : 'all' },
      { onSuccess: (room) => void navigate(`/together/${room.code}`) },
    );
  };
  const onJoin = (event: FormEvent) => {
    event.preventDefault();
    rememberName(guestName);
    join.mutate(
      { code: code.trim(), displayName: guestName.trim() },
      { onSuccess: (room) => void navigate(`/together/${room.code}`) },
    );
  };

  return (
    <div className="mx-auto max-w-4xl px-4 py-8 lg:py-12">
      <h1 className="font-display text-3xl font-semibold tracking-wide text-white uppercase">Watch together</h1>
      <p className="mt-2 max-w-2xl text-zinc-300">
        Everyone swipes on their own phone. Marquee deals films for the whole group's taste and tells you all the moment everyone
        likes the same one.
      </p>
      <div className="mt-8 grid gap-6 md:grid-cols-2">
        <form onSubmit={onCreate} aria-labelledby="start-room" className="rounded-3xl border border-white/10 bg-ink-900 p-5">
          <h2 id="start-room" className="flex items-center gap-2 text-lg font-semibold text-white">
            <Users aria-hidden="true" className="size-5 text-amber-300" /> Start a room
          </h2>
          <NameField value={hostName} onChange={setHostName} />
          <label className="mt-4 block text-sm font-medium text-zinc-200">
            What are you in the mood for? <span className="text-zinc-400">(optional)</span>
            <input
              className={fieldClass}
              value={wish}
              onChange={(e) => setWish(e.target.value)}
              maxLength={500}
              placeholder="a feel-good comedy"
            />
          </label>
          <label className="mt-4 flex items-center gap-3 text-sm text-zinc-200">
            <input
              type="checkbox"
              checked={majority}
              onChange={(e) => setMajority(e.target.checked)}
              className="size-4 accent-amber-300"
            />
            Match when most of us like a film (not everyone)
          </label>
          {create.error && (
            <p role="alert" className="mt-4 text-sm text-nope">
              {create.error.message}
            </p>
          )}
          <button type="submit" className={`${primary} mt-5`} disabled={create.isPending}>
            Create room
          </button>
        </form>

        <form onSubmit={onJoin} aria-labelledby="join-room" className="rounded-3xl border border-white/10 bg-ink-900 p-5">
          <h2 id="join-room" className="flex items-center gap-2 text-lg font-semibold text-white">
            <LogIn aria-hidden="true" className="size-5 text-amber-300" /> Join a room
          </h2>
          <label className="mt-4 block text-sm font-medium text-zinc-200">
            Room code
            <input
              className={`${fieldClass} font-mono tracking-[0.3em] uppercase`}
              value={code}
              onChange={(e) => setCode(e.target.value)}
              maxLength={12}
              required
              autoCapitalize="characters"
              autoComplete="off"
              placeholder="K7QM3XPD"
            />
          </label>
          <NameField value={guestName} onChange={setGuestName} />
          {join.error && (
            <p role="alert" className="mt-4 text-sm text-nope">
              {join.error.message}
            </p>
          )}
          <button type="submit" className={`${primary} mt-5`} disabled={join.isPending}>
            Join room
          </button>
        </form>
      </div>
    </div>
  );
}
