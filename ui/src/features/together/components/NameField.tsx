/** The input style of the room forms. */
export const fieldClass =
  'mt-1.5 w-full rounded-xl border border-white/10 bg-ink-800 px-3.5 py-2.5 text-base text-white placeholder:text-zinc-500 focus:border-amber-300/70 focus:outline-none';

/** "Your name" as the others in the room will see it (the server takes at most 40 characters). */
export function NameField({ value, onChange }: { value: string; onChange: (name: string) => void }) {
  return (
    <label className="mt-4 block text-sm font-medium text-zinc-200">
      Your name
      <input
        className={fieldClass}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        maxLength={40}
        required
        autoComplete="nickname"
      />
    </label>
  );
}
