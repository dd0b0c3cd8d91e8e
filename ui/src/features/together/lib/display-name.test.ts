import { avatarColor, initials } from './display-name';

describe('initials', () => {
  it('takes the first and last word', () => {
    expect(initials('Ana María Lopez')).toBe('AL');
    expect(initials('ben')).toBe('B');
    expect(initials('   ')).toBe('?');
  });
});

describe('avatarColor', () => {
  it('cycles through the palette by member id', () => {
    expect(avatarColor(1)).toBe(avatarColor(9));
    expect(avatarColor(1)).not.toBe(avatarColor(2));
  });
});
