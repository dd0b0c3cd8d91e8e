import clsx from 'clsx';
import { Check } from 'lucide-react';
import type { ApiRoomMember } from '@/lib/api-schemas';
import { avatarColor, initials } from '../lib/display-name';

/** Everyone in the room as avatars; a tick on those who already voted on the card on screen. */
export function Members({ members, you, votedBy }: { members: ApiRoomMember[]; you: number; votedBy: readonly number[] }) {
  const present = members.filter((m) => m.present);
  return (
    <ul aria-label="People in this room" className="flex flex-wrap items-center gap-2">
      {present.map((member) => {
        const voted = votedBy.includes(member.member_id);
        const name = member.member_id === you ? `${member.display_name} (you)` : member.display_name;
        return (
          <li
            key={member.member_id}
            data-testid="room-member"
            aria-label={`${name}${member.is_host ? ', host' : ''}${voted ? ', has voted on this film' : ', still deciding'}${member.online ? '' : ', offline'}`}
            className="relative"
            title={name}
          >
            <span
              aria-hidden="true"
              className={clsx(
                'grid size-10 place-items-center rounded-full text-sm font-bold text-ink-950 ring-2 transition',
                avatarColor(member.member_id),
                member.online ? 'ring-emerald-400/80' : 'opacity-60 ring-transparent',
              )}
            >
              {initials(member.display_name)}
            </span>
            {voted && (
              <span
                aria-hidden="true"
                className="absolute -right-1 -bottom-1 grid size-5 place-items-center rounded-full bg-like text-ink-950 ring-2 ring-ink-950"
              >
                <Check className="size-3.5" strokeWidth={3} />
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
